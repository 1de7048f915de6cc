/**
 * "Meta-train live": reruns meta-training from scratch in the reader's browser, with a
 * progress bar, a live chart of the meta-loss and the held-out error after one inner step,
 * pause / resume / stop / reset, the backend and the speed. The worker does the work;
 * this panel only draws what it reports.
 * @module
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { JobSettings, JobStatus } from "../ml/runtime/protocol.ts";
import { type Chart, createChart } from "./_chart.ts";

/** What the page knows about the live run. */
export interface LiveRun {
  status: JobStatus;
  iteration: number;
  iterations: number;
  /** Meta-loss of every iteration so far (index i is iteration i + 1). */
  losses: number[];
  /** Held-out error measurements. */
  heldOut: { iteration: number; mse: number }[];
  stepsPerSecond: number;
  numTensors: number;
  /** Set when the last run diverged. */
  diverged?: { iteration: number; restoredTo: number };
}

/** A run that has not started. */
export const IDLE_RUN: LiveRun = {
  status: "idle",
  iteration: 0,
  iterations: 0,
  losses: [],
  heldOut: [],
  stepsPerSecond: 0,
  numTensors: 0,
};

const ALGORITHMS = ["maml", "fomaml", "reptile", "pretrained"] as const;
const RATES = [0.0001, 0.001, 0.01, 0.1, 1, 10];
const LENGTHS = [500, 2000, 10000, 70000];
const MAX_CHART_POINTS = 1500;

const TEXT = {
  en: {
    title: "Meta-train live",
    algorithm: "Algorithm",
    names: {
      maml: "MAML",
      fomaml: "First-order MAML",
      reptile: "Reptile",
      pretrained: "Pretrained (joint)",
    },
    rate: "Outer learning rate",
    length: "Meta-iterations",
    start: "Train from scratch",
    pause: "Pause",
    resume: "Resume",
    stop: "Stop",
    reset: "Reset",
    progress: "Meta-training progress",
    empty: "The meta-loss and the held-out error appear here once training starts.",
    loss: "meta-loss",
    heldOut: "held-out error after 1 step",
    speed: (n: number) => `${n.toFixed(1)} meta-iterations/s`,
    iteration: (i: number, n: number) => `iteration ${i} of ${n}`,
    diverged: (at: number, back: number) =>
      `The loss became NaN or infinite at iteration ${at}: the learning rate is too high. ` +
      `Training stopped and went back to the weights of iteration ${back}. ` +
      `Lower the learning rate, then resume.`,
    status: {
      idle: "not started",
      running: "training",
      paused: "paused",
      done: "done",
      diverged: "stopped: diverged",
      cancelled: "stopped",
    },
  },
  ko: {
    title: "브라우저에서 메타 학습하기",
    algorithm: "알고리즘",
    names: {
      maml: "MAML",
      fomaml: "1차 MAML",
      reptile: "Reptile",
      pretrained: "사전 학습(공동 학습)",
    },
    rate: "외부 학습률",
    length: "메타 반복 횟수",
    start: "처음부터 학습",
    pause: "일시 정지",
    resume: "계속",
    stop: "멈춤",
    reset: "초기화",
    progress: "메타 학습 진행률",
    empty: "학습을 시작하면 메타 손실과 검증 오차가 여기에 그려진다.",
    loss: "메타 손실",
    heldOut: "한 걸음 적응 후 검증 오차",
    speed: (n: number) => `초당 메타 반복 ${n.toFixed(1)}회`,
    iteration: (i: number, n: number) => `${n}회 중 ${i}회`,
    diverged: (at: number, back: number) =>
      `${at}번째 반복에서 손실이 NaN 또는 무한대가 되었다. 학습률이 너무 크다. ` +
      `학습을 멈추고 ${back}번째 반복의 가중치로 되돌아갔다. 학습률을 낮춘 뒤 계속하자.`,
    status: {
      idle: "시작 전",
      running: "학습 중",
      paused: "일시 정지",
      done: "완료",
      diverged: "발산으로 멈춤",
      cancelled: "멈춤",
    },
  },
};

/** Props of `LiveTraining`. */
export interface LiveTrainingProps {
  lang: "en" | "ko";
  run: LiveRun;
  /** Redraw counter: bumps whenever `run` changed in place. */
  version: number;
  /** Inner step size α the run uses. */
  alpha: number;
  /** Is the worker ready? */
  ready: boolean;
  onStart: (settings: JobSettings) => void;
  onPause: () => void;
  onResume: (learningRate: number) => void;
  onStop: () => void;
  onReset: () => void;
}

/** The live meta-training panel. */
export function LiveTraining(props: LiveTrainingProps) {
  const t = TEXT[props.lang];
  const [algorithm, setAlgorithm] = useState<JobSettings["algorithm"]>("maml");
  const [rate, setRate] = useState(0.001);
  const [length, setLength] = useState(2000);
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<Chart | null>(null);
  const { run } = props;

  useEffect(() => {
    chart.current = createChart(host.current!, {
      height: 200,
      logY: true,
      xLabel: props.lang === "ko" ? "메타 반복" : "meta-iteration",
      yLabel: "MSE",
      lines: [
        { label: t.loss, color: "var(--accent)", width: 1, alpha: 0.6 },
        { label: t.heldOut, color: "var(--accent-2)", width: 2, spanGaps: true },
      ],
    }, chartData(run));
    return () => chart.current?.destroy();
  }, []);
  useEffect(() => chart.current?.update(chartData(run)), [props.version]);

  const running = run.status === "running";
  const canResume = run.status === "paused" || run.status === "cancelled" ||
    run.status === "diverged";
  return (
    <section class="live-training" aria-label={t.title}>
      <h3 class="widget-subtitle">{t.title}</h3>
      <div class="controls">
        <label>
          {t.algorithm}
          <select
            value={algorithm}
            disabled={running}
            onChange={(e) => setAlgorithm(e.currentTarget.value as JobSettings["algorithm"])}
          >
            {ALGORITHMS.map((a) => <option key={a} value={a}>{t.names[a]}</option>)}
          </select>
        </label>
        <label>
          {t.rate}
          <select value={rate} onChange={(e) => setRate(Number(e.currentTarget.value))}>
            {RATES.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
        </label>
        <label>
          {t.length}
          <select
            value={length}
            disabled={running}
            onChange={(e) => setLength(Number(e.currentTarget.value))}
          >
            {LENGTHS.map((n) => <option key={n} value={n}>{n.toLocaleString()}</option>)}
          </select>
        </label>
      </div>
      <div class="controls buttons">
        <button
          type="button"
          disabled={!props.ready}
          onClick={() =>
            props.onStart({
              algorithm,
              iterations: length,
              learningRate: rate,
              alpha: props.alpha,
              seed: 1,
              metaBatch: 25,
              k: 10,
            })}
        >
          {t.start}
        </button>
        {running
          ? <button type="button" onClick={props.onPause}>{t.pause}</button>
          : (
            <button type="button" disabled={!canResume} onClick={() => props.onResume(rate)}>
              {t.resume}
            </button>
          )}
        <button type="button" disabled={!running} onClick={props.onStop}>{t.stop}</button>
        <button type="button" disabled={run.status === "idle"} onClick={props.onReset}>
          {t.reset}
        </button>
      </div>
      <progress
        class="train-progress"
        max={Math.max(1, run.iterations)}
        value={run.iteration}
        aria-label={t.progress}
      />
      <p class="status-line" aria-live="polite">
        <span data-status={run.status}>{t.status[run.status]}</span>
        {run.iterations > 0 && <span>{t.iteration(run.iteration, run.iterations)}</span>}
        {run.stepsPerSecond > 0 && <span data-speed>{t.speed(run.stepsPerSecond)}</span>}
        {run.heldOut.length > 0 && (
          <span>{`${t.heldOut}: ${run.heldOut.at(-1)!.mse.toFixed(3)}`}</span>
        )}
      </p>
      {run.diverged && (
        <p class="widget-alert" role="alert">
          {t.diverged(run.diverged.iteration, run.diverged.restoredTo)}
        </p>
      )}
      <div class="plot-frame" style={{ height: "200px" }}>
        <div ref={host} class="plot-host" />
        {run.losses.length === 0 && <p class="plot-empty">{t.empty}</p>}
      </div>
      <p class="chart-key">
        <span class="key key-loss">{t.loss}</span>
        <span class="key key-heldout">{t.heldOut}</span>
      </p>
    </section>
  );
}

/** Iterations, losses and held-out errors, averaged into at most MAX_CHART_POINTS buckets. */
function chartData(run: LiveRun): (ArrayLike<number | null>)[] {
  const n = run.losses.length;
  const bucket = Math.max(1, Math.ceil(n / MAX_CHART_POINTS));
  const xs: number[] = [];
  const loss: number[] = [];
  for (let i = 0; i < n; i += bucket) {
    const slice = run.losses.slice(i, i + bucket);
    xs.push(i + slice.length);
    loss.push(slice.reduce((a, b) => a + b, 0) / slice.length);
  }
  const held: (number | null)[] = xs.map(() => null);
  for (const h of run.heldOut) {
    const at = Math.min(xs.length - 1, Math.max(0, Math.ceil(h.iteration / bucket) - 1));
    if (at >= 0 && xs.length) held[at] = h.mse;
  }
  return [xs, loss, held];
}
