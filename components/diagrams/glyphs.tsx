/**
 * Simple shapes that stand in for the images of a class in the episodes diagram: one shape is
 * one class, so a reader can see which support image each query image belongs to.
 */
import { round } from "./svg.tsx";

/** The classes a cell can show. */
export type Shape =
  | "circle"
  | "triangle"
  | "square"
  | "diamond"
  | "plus"
  | "star"
  | "hexagon"
  | "cross"
  | "ring";

/** Props of one glyph. */
export interface GlyphProps {
  shape: Shape;
  cx: number;
  cy: number;
  /** Half the glyph's extent, in user units. */
  size: number;
  fill: string;
}

/** Corners of a regular polygon (or a star, when `inner` is given) around (cx, cy). */
function polygon(cx: number, cy: number, outer: number, corners: number, inner?: number): string {
  const step = inner === undefined ? corners : corners * 2;
  const points: string[] = [];
  for (let k = 0; k < step; k++) {
    const radius = inner !== undefined && k % 2 === 1 ? inner : outer;
    const angle = -Math.PI / 2 + (2 * Math.PI * k) / step;
    points.push(`${round(cx + radius * Math.cos(angle))},${round(cy + radius * Math.sin(angle))}`);
  }
  return points.join(" ");
}

/**
 * One class glyph, centred on (cx, cy).
 * @example <Glyph shape="star" cx={20} cy={20} size={14} fill="currentColor" />
 */
export function Glyph({ shape, cx, cy, size: s, fill }: GlyphProps) {
  const style = { fill };
  const bar = round(s * 0.5);
  switch (shape) {
    case "circle":
      return <circle cx={cx} cy={cy} r={round(s * 0.85)} style={style} />;
    case "ring":
      return (
        <circle
          cx={cx}
          cy={cy}
          r={round(s * 0.7)}
          stroke-width={round(s * 0.32)}
          style={{ fill: "none", stroke: fill }}
        />
      );
    case "square":
      return (
        <rect x={cx - s * 0.75} y={cy - s * 0.75} width={s * 1.5} height={s * 1.5} style={style} />
      );
    case "triangle":
      return <polygon points={polygon(cx, cy + s * 0.15, s * 1.05, 3)} style={style} />;
    case "diamond":
      return <polygon points={polygon(cx, cy, s, 4)} style={style} />;
    case "hexagon":
      return <polygon points={polygon(cx, cy, s * 0.95, 6)} style={style} />;
    case "star":
      return <polygon points={polygon(cx, cy + s * 0.08, s * 1.05, 5, s * 0.45)} style={style} />;
    case "plus":
    case "cross":
      return (
        <g transform={shape === "cross" ? `rotate(45 ${cx} ${cy})` : undefined} style={style}>
          <rect x={cx - bar / 2} y={cy - s} width={bar} height={2 * s} />
          <rect x={cx - s} y={cy - bar / 2} width={2 * s} height={bar} />
        </g>
      );
  }
}
