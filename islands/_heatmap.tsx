/**
 * A posterior over (amplitude, phase) drawn as a heat map: an SVG of the larger cells on the
 * server (and without JavaScript), a canvas once hydrated. Axes: amplitude across, phase up.
 * @module
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { GridPosterior } from "../ml/posterior.ts";
import { SINUSOID_RANGES } from "../ml/tasks/sinusoid.ts";
import { cssColor, onSchemeChange } from "./_chart.ts";

/** Props of `Heatmap`. */
export interface HeatmapProps {
  post: GridPosterior;
  /** The task that made the points, marked with a ring. */
  truth: { amplitude: number; phase: number };
  /** Draw on a canvas (client) instead of SVG (server). */
  live: boolean;
  /** Accessible description. */
  label: string;
  /** Axis captions. */
  xLabel: string;
  yLabel: string;
}

const [A_LOW, A_HIGH] = SINUSOID_RANGES.amplitude;
const [P_LOW, P_HIGH] = SINUSOID_RANGES.phase;
const SIZE = 240;
// Relative weight below which a cell is left blank in the SVG, to keep the HTML small.
const SVG_FLOOR = 0.03;

const ax = (a: number) => ((a - A_LOW) / (A_HIGH - A_LOW)) * SIZE;
const py = (p: number) => (1 - (p - P_LOW) / (P_HIGH - P_LOW)) * SIZE;

/** The heat map with its axis captions. */
export function Heatmap(props: HeatmapProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { post } = props;
  const n = post.amplitudes.length;
  let max = 0;
  for (const w of post.weights) max = Math.max(max, w);
  // Repaint when the theme changes: the canvas holds colours, not custom properties.
  const [scheme, setScheme] = useState(0);
  useEffect(() => onSchemeChange(() => setScheme((s) => s + 1)), []);

  useEffect(() => {
    const el = canvas.current;
    if (!props.live || !el) return;
    const ctx = el.getContext("2d")!;
    const scale = devicePixelRatio || 1;
    el.width = SIZE * scale;
    el.height = SIZE * scale;
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    ctx.fillStyle = cssColor(el, "var(--bg)");
    ctx.fillRect(0, 0, SIZE, SIZE);
    ctx.fillStyle = cssColor(el, "var(--accent)");
    const cell = SIZE / n;
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) {
        const w = post.weights[r * n + c] / max;
        if (w < 0.002) continue;
        ctx.globalAlpha = Math.sqrt(w);
        ctx.fillRect(c * cell, SIZE - (r + 1) * cell, cell + 0.5, cell + 0.5);
      }
    }
    ctx.globalAlpha = 1;
    ctx.strokeStyle = cssColor(el, "var(--accent-2)");
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(ax(props.truth.amplitude), py(props.truth.phase), 7, 0, 2 * Math.PI);
    ctx.stroke();
  }, [post, props.live, props.truth, scheme]);

  const cell = SIZE / n;
  return (
    <div class="heatmap-frame">
      <span class="axis-y">{props.yLabel}</span>
      <div class="heatmap-box" style={{ aspectRatio: "1" }}>
        {props.live
          ? <canvas ref={canvas} class="heatmap" role="img" aria-label={props.label} />
          : (
            <svg
              class="heatmap"
              viewBox={`0 0 ${SIZE} ${SIZE}`}
              role="img"
              aria-label={props.label}
            >
              <rect width={SIZE} height={SIZE} style={{ fill: "var(--bg)" }} />
              {Array.from(post.weights, (w, i) => {
                const rel = w / max;
                if (rel < SVG_FLOOR) return null;
                const r = Math.floor(i / n);
                const c = i % n;
                return (
                  <rect
                    key={i}
                    class="cell"
                    x={(c * cell).toFixed(1)}
                    y={(SIZE - (r + 1) * cell).toFixed(1)}
                    width={(cell + 0.5).toFixed(1)}
                    height={(cell + 0.5).toFixed(1)}
                    opacity={Math.sqrt(rel).toFixed(2)}
                  />
                );
              })}
              <circle
                cx={ax(props.truth.amplitude)}
                cy={py(props.truth.phase)}
                r={7}
                style={{ fill: "none", stroke: "var(--accent-2)", strokeWidth: 2 }}
              />
            </svg>
          )}
      </div>
      <span class="axis-x">{props.xLabel}</span>
    </div>
  );
}
