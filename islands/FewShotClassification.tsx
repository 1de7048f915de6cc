import * as z from "zod/mini";

/** Props of the few-shot classification widget. */
export const schema = z.strictObject({
  /** N: classes per episode. */
  ways: z._default(z.int().check(z.minimum(2), z.maximum(10)), 5),
  /** K: labelled examples per class in the support set. */
  shots: z._default(z.int().check(z.minimum(1), z.maximum(10)), 1),
});

/**
 * Placeholder for the N-way K-shot widget: it reserves the figure's space and names the episode
 * it will run, so the notes read well before the widget lands.
 */
export default function FewShotClassification(
  { ways = 5, shots = 1, lang = "en" }: { ways?: number; shots?: number; lang?: "en" | "ko" },
) {
  return (
    <div class="widget-placeholder">
      <p class="widget-placeholder-title">{`${ways}-way ${shots}-shot episodes`}</p>
      <p>
        {lang === "ko"
          ? "이 실험 위젯은 준비 중이다. 주변 본문이 개념을 설명한다."
          : "This interactive experiment is being built. The text around it explains the idea."}
      </p>
    </div>
  );
}
