/** Labels of the sinusoid posterior widget, in English and Korean. */

const nats = (h: number) => `${h.toFixed(2)} nats`;

/** Every label of the widget, by language. */
export const TEXT = {
  en: {
    title: "What shared structure buys: the posterior over a task's parameters",
    heat: "Posterior over amplitude and phase, p(A, φ | K points)",
    heatLabel: (k: number) =>
      `Heat map of the posterior over amplitude (across) and phase (up) given ${k} points; ` +
      `the ring marks the task that made the points.`,
    amplitude: "amplitude A: 0.1 → 5",
    phase: "phase φ: 0 → π",
    family: "Knowing the family: y = A sin(x − φ)",
    gp: "Not knowing it: a GP with an RBF kernel",
    band: "mean and 90 % band",
    plot: "Plot area: click or tap to add a point, drag a point to move it",
    point: (i: number, p: { x: number; y: number }) =>
      `Point ${i + 1}: x ${p.x.toFixed(2)}, y ${
        p.y.toFixed(2)
      }. Arrow keys move it, Delete removes it.`,
    k: "Points K",
    newTask: "Draw a new task",
    entropy: "Predictive entropy as K grows (mean over x, nats)",
    entropyLabel: "Line chart of the predictive entropy of both learners for K from 0 to 20",
    familyKey: "knowing the family",
    gpKey: "GP (RBF)",
    summary: (k: number, family: number, gp: number) =>
      `With K = ${k}: ${nats(family)} knowing the family, ${nats(gp)} for the GP.`,
    truth: "true function",
  },
  ko: {
    title: "공유 구조가 주는 것: 과제 매개변수의 사후 분포",
    heat: "진폭과 위상의 사후 분포 p(A, φ | 점 K개)",
    heatLabel: (k: number) =>
      `점 ${k}개가 주어졌을 때 진폭(가로)과 위상(세로)의 사후 분포 열지도. ` +
      `고리는 점을 만든 실제 과제를 표시한다.`,
    amplitude: "진폭 A: 0.1 → 5",
    phase: "위상 φ: 0 → π",
    family: "사인파 족을 알 때: y = A sin(x − φ)",
    gp: "모를 때: RBF 커널 가우스 과정",
    band: "평균과 90% 구간",
    plot: "그래프 영역: 누르면 점이 추가되고, 점을 끌면 옮겨진다",
    point: (i: number, p: { x: number; y: number }) =>
      `점 ${i + 1}: x ${p.x.toFixed(2)}, y ${
        p.y.toFixed(2)
      }. 화살표 키로 옮기고 Delete 키로 지운다.`,
    k: "점 개수 K",
    newTask: "새 과제 뽑기",
    entropy: "K에 따른 예측 엔트로피 (x에 대한 평균, nat)",
    entropyLabel: "K가 0에서 20까지 늘 때 두 학습자의 예측 엔트로피 선 그래프",
    familyKey: "사인파 족을 알 때",
    gpKey: "가우스 과정(RBF)",
    summary: (k: number, family: number, gp: number) =>
      `K = ${k}일 때: 사인파 족을 알면 ${nats(family)}, 가우스 과정은 ${nats(gp)}.`,
    truth: "실제 함수",
  },
};
