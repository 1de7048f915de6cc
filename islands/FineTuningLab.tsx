import * as z from "zod/mini";

/** The experiments the fine-tuning lab will run, one per figure of the lecture. */
export const experiments = [
  "pretrained-vs-scratch",
  "recipes",
  "surgical",
  "lp-ft",
  "self-pretraining",
  "data-size",
] as const;

/** Props of the fine-tuning lab. */
export const schema = z.strictObject({
  /** Which experiment of the lecture this figure runs. */
  experiment: z.enum(experiments),
});

const titles: Record<(typeof experiments)[number], { en: string; ko: string }> = {
  "pretrained-vs-scratch": {
    en: "Pretrained vs random initialisation",
    ko: "사전 학습 초기화와 무작위 초기화",
  },
  recipes: { en: "Fine-tuning recipes", ko: "미세 조정 요령" },
  surgical: {
    en: "Surgical fine-tuning under three kinds of shift",
    ko: "세 가지 분포 이동에서의 수술적 미세 조정",
  },
  "lp-ft": { en: "Linear probing, fine-tuning, and LP-FT", ko: "선형 탐사, 미세 조정, LP-FT" },
  "self-pretraining": {
    en: "Pretraining on the downstream data itself",
    ko: "다운스트림 데이터 자체로 사전 학습하기",
  },
  "data-size": {
    en: "Fine-tuning vs scratch across target-set sizes",
    ko: "목표 데이터 크기에 따른 미세 조정과 처음부터 학습",
  },
};

const note = {
  en: "This interactive experiment is being built. The text around it explains the result.",
  ko: "이 실험 위젯은 준비 중이다. 주변 본문이 결과를 설명한다.",
};

/**
 * Placeholder for the fine-tuning lab: it reserves the figure's space and says what will run
 * here, so the notes read well before the widget lands.
 */
export default function FineTuningLab(
  { experiment, lang = "en" }: { experiment: (typeof experiments)[number]; lang?: "en" | "ko" },
) {
  return (
    <div class="widget-placeholder" data-experiment={experiment}>
      <p class="widget-placeholder-title">{titles[experiment][lang]}</p>
      <p>{note[lang]}</p>
    </div>
  );
}
