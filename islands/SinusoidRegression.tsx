import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import * as z from "zod/mini";
import {
  backendPreference,
  checkpointUrls,
  type Prediction,
  TrainClient,
} from "../ml/runtime/client.ts";
import type { ModelName, Reply } from "../ml/runtime/protocol.ts";
import { evenlySpaced, pointsAt } from "../ml/tasks/sinusoid.ts";
import { StaticFigure } from "./_figure.tsx";
import { type FigureState, fromHash, SHOWN_MODELS, toHash } from "./_hash.ts";
import { initialState, newTask, withK } from "./_regression_state.ts";
import { IDLE_RUN, type LiveRun, LiveTraining } from "./_live_training.tsx";
import { type Curve, type Point, PointPlot } from "./_point_plot.tsx";
import { modelColor, TEXT } from "./_regression_text.ts";
import { ErrorTable } from "./_error_table.tsx";

/** Props of the sinusoid regression widget, checked at build time. */
export const schema = z.strictObject({
  /** K: support points of the initial task. */
  k: z._default(z.int().check(z.minimum(1), z.maximum(20)), 10),
  /** Inner steps of fine-tuning shown at first. */
  steps: z._default(z.int().check(z.minimum(0), z.maximum(10)), 1),
});

const XS = evenlySpaced(101);
const HEIGHT = 340;
const ALPHAS = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1];
const CHECKPOINTS = checkpointUrls(["maml", "pretrained", "fomaml", "reptile", "scratch"]);

/**
 * The lecture's multi-task sinusoid figure: MAML and the pretrained baseline (optionally
 * scratch, first-order MAML and Reptile) adapt to K support points the reader can move, and a
 * live meta-training run can be started in the browser.
 * @example ```island SinusoidRegression\nk: 10\nsteps: 1\n```
 */
export default function SinusoidRegression(
  { k = 10, steps = 1, lang = "en" }: { k?: number; steps?: number; lang?: "en" | "ko" },
) {
  const t = TEXT[lang];
  const [state, setState] = useState(() => initialState(k, steps));
  const [mounted, setMounted] = useState(false);
  const [worker, setWorker] = useState<Extract<Reply, { type: "ready" }> | null>(null);
  const [failure, setFailure] = useState("");
  const [prediction, setPrediction] = useState<Prediction | null>(null);
  const [latency, setLatency] = useState(0);
  const [tensors, setTensors] = useState(0);
  const [version, setVersion] = useState(0);
  const run = useRef<LiveRun>({ ...IDLE_RUN, losses: [], heldOut: [] });
  const client = useRef<TrainClient | null>(null);
  const interacted = useRef(false);
  const truth = useMemo(() => pointsAt(state, XS).y, [state.amplitude, state.phase]);

  const update = (patch: Partial<FigureState>) => {
    interacted.current = true;
    setState((s) => ({ ...s, ...patch }));
  };

  useEffect(() => {
    setMounted(true);
    const linked = fromHash(location.hash);
    if (linked) setState(linked);
    const onReply = (reply: Reply) => {
      if (reply.type === "ready") {
        setWorker(reply);
        setTensors(reply.baseline);
      } else if (reply.type === "error") setFailure(reply.message);
      else if (reply.type === "diverged") {
        run.current.diverged = { iteration: reply.iteration, restoredTo: reply.restoredTo };
        // The losses after the restored iteration belong to the abandoned weights.
        run.current.losses.length = reply.restoredTo;
      } else if (reply.type === "progress") {
        const r = run.current;
        r.losses.push(...reply.losses);
        if (reply.heldOut) r.heldOut.push(reply.heldOut);
        Object.assign(r, {
          status: reply.status,
          iteration: reply.iteration,
          iterations: reply.iterations,
          stepsPerSecond: reply.stepsPerSecond,
          numTensors: reply.numTensors,
        });
        setTensors(reply.numTensors);
        setVersion((v) => v + 1);
      }
    };
    const created = new TrainClient(
      { checkpoints: CHECKPOINTS, prefer: backendPreference(location.search) },
      onReply,
    );
    client.current = created;
    return () => {
      client.current = null;
      created.dispose();
    };
  }, []);

  const hasLive = run.current.status !== "idle";
  // While training, the live run's curve follows its weights, at most five times a second so
  // predictions take little time from the training slices.
  const lastAsked = useRef({ state, at: 0 });
  useEffect(() => {
    if (!worker || !client.current) return;
    const started = performance.now();
    const onlyProgress = lastAsked.current.state === state && run.current.status === "running";
    if (onlyProgress && started - lastAsked.current.at < 200) return;
    lastAsked.current = { state, at: started };
    const models: ModelName[] = [...state.models, ...(hasLive ? ["live" as const] : [])];
    client.current.predict({
      models,
      support: {
        x: Float32Array.from(state.points, (p) => p.x),
        y: Float32Array.from(state.points, (p) => p.y),
      },
      evalX: XS,
      target: truth,
      alpha: state.alpha,
      steps: state.steps,
    }).then((p) => {
      if (!p) return;
      setPrediction(p);
      setTensors(p.numTensors);
      setLatency(performance.now() - started);
    });
  }, [worker, state, hasLive ? version : -1]);

  useEffect(() => {
    if (interacted.current) history.replaceState(null, "", toHash(state));
  }, [state]);

  const resetRun = () => {
    run.current = { ...IDLE_RUN, losses: [], heldOut: [] };
    setVersion((v) => v + 1);
  };

  const shown = (prediction ? [...SHOWN_MODELS, "live" as const] : [])
    .filter((m) => prediction?.models[m] && (m === "live" || state.models.includes(m)))
    .map((m) => ({
      name: m,
      label: t.models[m],
      color: modelColor(m),
      curves: prediction!.models[m]!.curves,
      error: prediction!.models[m]!.error,
      diverged: prediction!.models[m]!.diverged,
    }));

  const curves = useMemo(() => curvesOf(truth, shown, t.truth), [prediction, truth]);

  return (
    <figure
      id="sinusoid"
      class="sinusoid-widget regression"
      data-ready={worker ? "" : undefined}
      data-tensor-baseline={worker?.baseline}
    >
      <figcaption class="widget-title">
        {t.title} <span class="muted">{t.caption(state.amplitude, state.phase)}</span>
      </figcaption>
      {mounted
        ? (
          <PointPlot
            xs={XS}
            curves={curves}
            points={state.points}
            onPoints={(points: Point[]) => update({ points })}
            text={t}
            height={HEIGHT}
          />
        )
        : (
          <div class="plot-frame" style={{ height: `${HEIGHT}px` }}>
            <StaticFigure
              width={640}
              height={HEIGHT}
              x={[-5, 5]}
              y={[-6, 6]}
              label={t.noScript}
              series={[
                { points: Array.from(XS, (x, i) => [x, truth[i]]), color: "var(--fg)" },
                { points: state.points.map((p) => [p.x, p.y]), color: "var(--accent)", dots: true },
              ]}
            />
          </div>
        )}
      <ErrorTable
        text={t}
        rows={shown}
        selected={state.models}
        steps={state.steps}
        onSelect={(models) => update({ models })}
      />
      <div class="controls">
        <button
          type="button"
          onClick={() => update(newTask(state, Math.floor(Math.random() * 2 ** 31)))}
        >
          {t.newTask}
        </button>
        <span class="range">
          <label>
            {t.k}
            <input
              type="range"
              min={1}
              max={20}
              value={state.points.length}
              onInput={(e) => update(withK(state, Number(e.currentTarget.value)))}
            />
          </label>
          <output>{state.points.length}</output>
        </span>
        <span class="range">
          <label>
            {t.steps}
            <input
              type="range"
              min={0}
              max={10}
              value={state.steps}
              onInput={(e) => update({ steps: Number(e.currentTarget.value) })}
            />
          </label>
          <output>{state.steps}</output>
        </span>
        <label>
          {t.alpha}
          <select
            value={state.alpha}
            onChange={(e) => update({ alpha: Number(e.currentTarget.value) })}
          >
            {ALPHAS.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </label>
      </div>
      <p class="status-line" aria-live="polite">
        {worker
          ? (
            <>
              <span data-backend={worker.backend}>{t.backend(worker.backend)}</span>
              {latency > 0 && <span>{t.latency(latency)}</span>}
              <span data-tensors={tensors}>{t.tensors(tensors, worker.baseline)}</span>
            </>
          )
          : <span>{mounted ? t.loading : t.staticNote}</span>}
      </p>
      {worker && worker.missing.length > 0 && (
        <p class="widget-alert" role="status">
          {t.missing(worker.missing.map((m) => t.models[m.name]).join(", "))}
        </p>
      )}
      {failure && <p class="widget-alert" role="alert">{t.failed(failure)}</p>}
      <LiveTraining
        lang={lang}
        run={run.current}
        version={version}
        alpha={state.alpha}
        ready={!!worker}
        onStart={(settings) => {
          resetRun();
          client.current?.train(settings);
        }}
        onPause={() => client.current?.pause()}
        onResume={(rate) => {
          run.current.diverged = undefined;
          client.current?.resume(rate);
        }}
        onStop={() => client.current?.cancel()}
        onReset={() => {
          resetRun();
          client.current?.reset();
        }}
      />
    </figure>
  );
}

/** The true curve, then each model's prediction after 0…n steps (the last one bold). */
function curvesOf(
  truth: Float32Array,
  models: { name: string; label: string; color: string; curves: Float32Array[] }[],
  truthLabel: string,
): Curve[] {
  const curves: Curve[] = [{
    line: { label: truthLabel, color: "var(--fg)", width: 1.5 },
    values: truth,
  }];
  for (const model of models) {
    const last = model.curves.length - 1;
    model.curves.forEach((values, s) => {
      const final = s === last;
      curves.push({
        line: {
          label: `${model.label}, ${s}`,
          color: model.color,
          width: final ? 2.5 : 1.25,
          dash: s === 0 && !final ? [6, 4] : undefined,
          alpha: final ? 1 : s === 0 ? 0.6 : 0.3,
        },
        values,
      });
    });
  }
  return curves;
}
