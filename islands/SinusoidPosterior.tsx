import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import * as z from "zod/mini";
import { entropyCurves, familyBand, gpBand, gridPosterior } from "../ml/posterior.ts";
import { Rng } from "../ml/rng.ts";
import {
  evenlySpaced,
  pointsAt,
  type PointSet,
  samplePoints,
  sampleTask,
  type SinusoidTask,
} from "../ml/tasks/sinusoid.ts";
import { type Chart, createChart, cssColor } from "./_chart.ts";
import { StaticFigure } from "./_figure.tsx";
import { Heatmap } from "./_heatmap.tsx";
import { type Curve, type Point, PointPlot } from "./_point_plot.tsx";
import { TEXT } from "./_posterior_text.ts";

/** Props of the posterior widget, checked at build time. */
export const schema = z.strictObject({
  /** K: points given at first (0 shows the priors). */
  k: z._default(z.int().check(z.minimum(0), z.maximum(20)), 3),
});

const MAX_K = 20;
const XS = evenlySpaced(81);
const ENTROPY_XS = evenlySpaced(41);
const BAND_HEIGHT = 260;
const ENTROPY_HEIGHT = 232;

/** A task with 20 points; the first K are the ones given. */
function drawTask(seed: number): { task: SinusoidTask; points: Point[] } {
  const rng = new Rng(seed);
  const task = sampleTask(rng);
  const set = samplePoints(rng, task, MAX_K);
  return { task, points: Array.from(set.x, (x, i) => ({ x, y: set.y[i] })) };
}

const toSet = (points: Point[]): PointSet => ({
  x: Float32Array.from(points, (p) => p.x),
  y: Float32Array.from(points, (p) => p.y),
});

/**
 * The probabilistic view of the sinusoid family: given K points, the exact posterior over
 * amplitude and phase and its predictive band, beside a GP that does not know the family, and
 * the predictive entropy of both as K grows, so H(p(φ|θ)) < H(p(φ)) becomes visible. No training.
 * @example ```island SinusoidPosterior\nk: 3\n```
 */
export default function SinusoidPosterior(
  { k = 3, lang = "en" }: { k?: number; lang?: "en" | "ko" },
) {
  const t = TEXT[lang];
  const [{ task, points }, setTask] = useState(() => drawTask(330));
  const [count, setCount] = useState(k);
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);

  const given = points.slice(0, count);
  const set = useMemo(() => toSet(points), [points]);
  const post = useMemo(() => gridPosterior(set, count, 48), [set, count]);
  const family = useMemo(() => familyBand(post, XS), [post]);
  const gp = useMemo(() => gpBand(set, XS, count), [set, count]);
  // The entropy curve costs tens of ms: follow a drag only once it pauses, to keep tasks short.
  const [settled, setSettled] = useState(set);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(set), 150);
    return () => clearTimeout(timer);
  }, [set]);
  const entropy = useMemo(() => entropyCurves(settled, ENTROPY_XS), [settled]);
  const truth = useMemo(() => pointsAt(task, XS).y, [task]);

  // The plots edit the first K points; the rest wait their turn as K grows.
  const onPoints = (next: Point[]) => {
    setTask((s) => ({ task: s.task, points: [...next, ...s.points.slice(count)].slice(0, MAX_K) }));
    setCount(Math.min(MAX_K, next.length));
  };

  const bandCurves = (band: typeof family, color: string): Curve[] => [
    { line: { label: t.truth, color: "var(--fg)", width: 1.25, dash: [5, 4] }, values: truth },
    { line: { label: "mean", color, width: 2 }, values: band.mean },
    { line: { label: "upper", color, width: 1, alpha: 0.5 }, values: band.upper },
    { line: { label: "lower", color, width: 1, alpha: 0.5 }, values: band.lower },
  ];
  const bandPanel = (title: string, band: typeof family, color: string) => (
    <div>
      <h3 class="panel-title">{title}</h3>
      {mounted
        ? (
          <PointPlot
            xs={XS}
            curves={bandCurves(band, color)}
            bands={[[2, 3, color]]}
            points={given}
            onPoints={onPoints}
            text={t}
            height={BAND_HEIGHT}
          />
        )
        : (
          <div class="plot-frame" style={{ height: `${BAND_HEIGHT}px` }}>
            <StaticFigure
              width={320}
              height={BAND_HEIGHT}
              x={[-5, 5]}
              y={[-6, 6]}
              label={`${title}: ${t.band}`}
              bands={[{ xs: [...XS], lower: [...band.lower], upper: [...band.upper], color }]}
              series={[
                {
                  points: Array.from(XS, (x, i) => [x, truth[i]]),
                  color: "var(--fg)",
                  dashed: true,
                },
                { points: Array.from(XS, (x, i) => [x, band.mean[i]]), color },
                { points: given.map((p) => [p.x, p.y]), color: "var(--fg)", dots: true },
              ]}
            />
          </div>
        )}
    </div>
  );

  return (
    <figure class="sinusoid-widget posterior">
      <figcaption class="widget-title">{t.title}</figcaption>
      <div class="posterior-grid">
        {bandPanel(t.family, family, "var(--m-family)")}
        {bandPanel(t.gp, gp, "var(--m-gp)")}
        <div>
          <h3 class="panel-title">{t.heat}</h3>
          <Heatmap
            post={post}
            truth={task}
            live={mounted}
            label={t.heatLabel(count)}
            xLabel={t.amplitude}
            yLabel={t.phase}
          />
        </div>
        <div>
          <h3 class="panel-title">{t.entropy}</h3>
          {mounted
            ? (
              <EntropyChart
                family={entropy.family}
                gp={entropy.gp}
                k={count}
                label={t.entropyLabel}
              />
            )
            : (
              <div class="plot-frame" style={{ height: `${ENTROPY_HEIGHT}px` }}>
                <StaticFigure
                  width={320}
                  height={ENTROPY_HEIGHT}
                  x={[0, MAX_K]}
                  y={[0, Math.ceil(Math.max(...entropy.gp, ...entropy.family))]}
                  label={t.entropyLabel}
                  series={[
                    { points: entropy.family.map((h, i) => [i, h]), color: "var(--m-family)" },
                    { points: entropy.gp.map((h, i) => [i, h]), color: "var(--m-gp)" },
                  ]}
                />
              </div>
            )}
          <p class="chart-key">
            <span class="key key-family">{t.familyKey}</span>
            <span class="key key-gp">{t.gpKey}</span>
          </p>
        </div>
      </div>
      <div class="controls">
        <span class="range">
          <label>
            {t.k}
            <input
              type="range"
              min={0}
              max={MAX_K}
              value={count}
              onInput={(e) => setCount(Number(e.currentTarget.value))}
            />
          </label>
          <output>{count}</output>
        </span>
        <button
          type="button"
          onClick={() => setTask(drawTask(Math.floor(Math.random() * 2 ** 31)))}
        >
          {t.newTask}
        </button>
      </div>
      <p class="status-line" aria-live="polite" data-entropy>
        {t.summary(count, entropy.family[count], entropy.gp[count])}
      </p>
    </figure>
  );
}

/** Entropy of both learners against K, with a marker at the current K. */
function EntropyChart(props: { family: number[]; gp: number[]; k: number; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<Chart | null>(null);
  const k = useRef(props.k);
  k.current = props.k;
  const data = () => [props.family.map((_, i) => i), props.family, props.gp];

  useEffect(() => {
    chart.current = createChart(
      host.current!,
      {
        height: ENTROPY_HEIGHT,
        x: [0, MAX_K],
        xLabel: "K",
        yLabel: "nats",
        lines: [
          { label: "family", color: "var(--m-family)", width: 2 },
          { label: "gp", color: "var(--m-gp)", width: 2 },
        ],
      },
      data(),
      (plot) => {
        // A vertical rule at the current K.
        const x = plot.valToPos(k.current, "x", true);
        const { top, height } = plot.bbox;
        plot.ctx.save();
        plot.ctx.strokeStyle = cssColor(host.current!, "var(--muted)");
        plot.ctx.setLineDash([4, 4]);
        plot.ctx.beginPath();
        plot.ctx.moveTo(x, top);
        plot.ctx.lineTo(x, top + height);
        plot.ctx.stroke();
        plot.ctx.restore();
      },
    );
    return () => chart.current?.destroy();
  }, []);
  useEffect(() => chart.current?.update(data()), [props.family, props.gp, props.k]);

  return (
    <div
      class="plot-frame"
      style={{ height: `${ENTROPY_HEIGHT}px` }}
      role="img"
      aria-label={props.label}
    >
      <div ref={host} class="plot-host" />
    </div>
  );
}
