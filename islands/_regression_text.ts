/** Labels of the sinusoid regression widget, in English and Korean. */
import type { ModelName } from "../ml/runtime/protocol.ts";

const MODEL_COLORS: Record<ModelName, string> = {
  maml: "var(--m-maml)",
  pretrained: "var(--m-pretrained)",
  fomaml: "var(--m-fomaml)",
  reptile: "var(--m-reptile)",
  scratch: "var(--m-scratch)",
  live: "var(--m-live)",
};

/** CSS colour of a model's curves (custom properties set in widgets.css). */
export const modelColor = (name: ModelName) => MODEL_COLORS[name];

const fmt = (v: number) => v.toFixed(2);

/** Every label of the widget, by language. */
export const TEXT = {
  en: {
    title: "K-shot sinusoid regression",
    models: {
      maml: "MAML",
      pretrained: "Pretrained",
      fomaml: "First-order MAML",
      reptile: "Reptile",
      scratch: "Scratch",
      live: "Live run",
    } as Record<ModelName, string>,
    truth: "true function",
    plot: "Plot area: click or tap to add a support point, drag a point to move it",
    point: (i: number, p: { x: number; y: number }) =>
      `Support point ${i + 1}: x ${fmt(p.x)}, y ${
        fmt(p.y)
      }. Arrow keys move it, Delete removes it.`,
    newTask: "Draw a new task",
    k: "Support points K",
    steps: "Inner steps",
    alpha: "Inner step size α",
    show: "Show",
    error: "MSE against the true function",
    before: "before adapting",
    after: (n: number) => `after ${n} step${n === 1 ? "" : "s"}`,
    diverged: "diverged: α too large",
    loading: "Loading the models …",
    staticNote: "Static figure: the models load and adapt once JavaScript runs.",
    backend: (name: string) => `backend: ${name}`,
    latency: (ms: number) => `prediction ${ms.toFixed(0)} ms`,
    tensors: (n: number, baseline: number) => `tensors: ${n} (at rest ${baseline})`,
    missing: (names: string) =>
      `These models could not be loaded: ${names}. ` +
      `The others still work, and so does meta-training live below.`,
    failed: (message: string) => `The training worker failed: ${message}`,
    noScript:
      "The task's true function and its K support points. With JavaScript, the widget fine-tunes " +
      "MAML and the pretrained network on these points and draws their predictions.",
    caption: (a: number, p: number) => `Task: y = ${fmt(a)} · sin(x − ${fmt(p)})`,
  },
  ko: {
    title: "K샷 사인파 회귀",
    models: {
      maml: "MAML",
      pretrained: "사전 학습",
      fomaml: "1차 MAML",
      reptile: "Reptile",
      scratch: "무작위 초기값",
      live: "실시간 학습",
    } as Record<ModelName, string>,
    truth: "실제 함수",
    plot: "그래프 영역: 누르면 서포트 점이 추가되고, 점을 끌면 옮겨진다",
    point: (i: number, p: { x: number; y: number }) =>
      `서포트 점 ${i + 1}: x ${fmt(p.x)}, y ${fmt(p.y)}. 화살표 키로 옮기고 Delete 키로 지운다.`,
    newTask: "새 과제 뽑기",
    k: "서포트 점 개수 K",
    steps: "적응 단계 수",
    alpha: "내부 스텝 크기 α",
    show: "표시",
    error: "실제 함수에 대한 MSE",
    before: "적응 전",
    after: (n: number) => `${n}단계 후`,
    diverged: "발산: α가 너무 크다",
    loading: "모델을 불러오는 중 …",
    staticNote: "정적 그림: JavaScript가 실행되면 모델을 불러와 적응시킨다.",
    backend: (name: string) => `백엔드: ${name}`,
    latency: (ms: number) => `예측 ${ms.toFixed(0)} ms`,
    tensors: (n: number, baseline: number) => `텐서: ${n}개 (대기 중 ${baseline}개)`,
    missing: (names: string) =>
      `다음 모델을 불러오지 못했다: ${names}. ` +
      `나머지 모델과 아래의 브라우저 메타 학습은 그대로 쓸 수 있다.`,
    failed: (message: string) => `학습 워커가 실패했다: ${message}`,
    noScript:
      "과제의 실제 함수와 서포트 점 K개. JavaScript가 켜져 있으면 위젯이 이 점들로 MAML과 " +
      "사전 학습 모델을 미세 조정해 예측을 그린다.",
    caption: (a: number, p: number) => `과제: y = ${fmt(a)} · sin(x − ${fmt(p)})`,
  },
};
