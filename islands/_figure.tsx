/**
 * A static SVG line figure for the server render: what a widget shows before it hydrates,
 * without JavaScript, and in print. Once hydrated, the widget draws with `_chart.ts` instead.
 * @module
 */

/** A polyline or a set of dots in data coordinates. */
export interface FigureSeries {
  /** Points as [x, y] pairs. */
  points: [number, number][];
  /** CSS colour, e.g. "var(--accent)". */
  color: string;
  /** Draw dots instead of a line. */
  dots?: boolean;
  /** Dashed line. */
  dashed?: boolean;
}

/** Props of `StaticFigure`. */
export interface FigureProps {
  /** Drawing size in CSS pixels (the SVG scales to its container's width). */
  width: number;
  height: number;
  /** Data ranges. */
  x: [number, number];
  y: [number, number];
  /** Series, drawn in order. */
  series: FigureSeries[];
  /** Filled areas between two curves sharing xs: [xs, lower, upper, colour]. */
  bands?: { xs: number[]; lower: number[]; upper: number[]; color: string }[];
  /** Accessible description of the figure. */
  label: string;
}

const PAD = { left: 40, right: 10, top: 10, bottom: 28 };

/**
 * Axes with integer ticks, optional bands, lines and dots, in an SVG with a viewBox.
 * @example <StaticFigure width={600} height={300} x={[-5, 5]} y={[-6, 6]} series={[]} label="…" />
 */
export function StaticFigure(props: FigureProps) {
  const { width, height, x, y } = props;
  const sx = (v: number) =>
    PAD.left + ((v - x[0]) / (x[1] - x[0])) * (width - PAD.left - PAD.right);
  const sy = (v: number) =>
    PAD.top + (1 - (v - y[0]) / (y[1] - y[0])) * (height - PAD.top - PAD.bottom);
  const path = (pts: [number, number][]) =>
    pts.map(([a, b], i) => `${i ? "L" : "M"}${sx(a).toFixed(1)},${sy(b).toFixed(1)}`).join("");
  const ticks = (range: [number, number], n: number) => {
    const step = Math.max(1, Math.ceil((range[1] - range[0]) / n));
    const out: number[] = [];
    for (let v = Math.ceil(range[0] / step) * step; v <= range[1]; v += step) out.push(v);
    return out;
  };
  return (
    <svg
      class="static-figure"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={props.label}
    >
      {ticks(x, 10).map((v) => (
        <g key={`x${v}`}>
          <line class="grid" x1={sx(v)} x2={sx(v)} y1={PAD.top} y2={height - PAD.bottom} />
          <text x={sx(v)} y={height - 8} text-anchor="middle">{v}</text>
        </g>
      ))}
      {ticks(y, 6).map((v) => (
        <g key={`y${v}`}>
          <line class="grid" x1={PAD.left} x2={width - PAD.right} y1={sy(v)} y2={sy(v)} />
          <text x={PAD.left - 6} y={sy(v) + 4} text-anchor="end">{v}</text>
        </g>
      ))}
      {props.bands?.map((b, i) => (
        <path
          key={`b${i}`}
          d={path(b.xs.map((v, j): [number, number] => [v, b.upper[j]])) +
            path(b.xs.map((v, j): [number, number] => [v, b.lower[j]]).reverse()).replace(
              "M",
              "L",
            ) + "Z"}
          style={{ fill: b.color, opacity: 0.18 }}
        />
      ))}
      {props.series.map((s, i) =>
        s.dots
          ? s.points.map(([a, b], j) => (
            <circle key={`d${i}-${j}`} cx={sx(a)} cy={sy(b)} r={5} style={{ fill: s.color }} />
          ))
          : (
            <path
              key={`s${i}`}
              d={path(s.points)}
              style={{ fill: "none", stroke: s.color, strokeWidth: 2 }}
              stroke-dasharray={s.dashed ? "6 4" : undefined}
            />
          )
      )}
    </svg>
  );
}
