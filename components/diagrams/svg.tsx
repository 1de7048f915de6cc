/**
 * Small drawing helpers shared by the server-rendered diagrams. Colours come only from
 * `currentColor` and the site's CSS custom properties, so every diagram follows dark mode.
 */
import type { ComponentChildren, JSX } from "preact";

/** Page language of a diagram. */
export type Lang = "en" | "ko";

/** Props every diagram takes. */
export interface DiagramProps {
  /** Language of the page the diagram sits on; titles and labels follow it. */
  lang: Lang;
}

/** Colour roles, each a custom property with a fallback that still reads without the site CSS. */
export const colour = {
  fg: "var(--fg, currentColor)",
  muted: "var(--muted, currentColor)",
  accent: "var(--accent, currentColor)",
  accent2: "var(--accent-2, currentColor)",
  surface: "var(--surface, none)",
} as const;

/** Props of the outer frame of a diagram. */
export interface FrameProps {
  /** viewBox width in user units. */
  width: number;
  /** viewBox height in user units. */
  height: number;
  /** Accessible name, shown as a tooltip too. */
  title: string;
  /** Longer description for screen readers. */
  desc: string;
  /** CSS class naming the diagram, for page styles and tests. */
  name: string;
  children: ComponentChildren;
}

/**
 * The `<svg>` root: fluid width, height from the viewBox ratio, and an accessible name.
 * @example <Frame width={480} height={300} title="…" desc="…" name="pgm">…</Frame>
 */
export function Frame({ width, height, title, desc, name, children }: FrameProps) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      class={`diagram diagram-${name}`}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ height: "auto", maxWidth: `${width * 1.5}px`, color: colour.fg }}
      role="img"
      font-family="inherit"
      fill="currentColor"
    >
      <title>{title}</title>
      <desc>{desc}</desc>
      {children}
    </svg>
  );
}

/** Props of a maths symbol with an optional subscript. */
export interface SymbolProps {
  x: number;
  y: number;
  /** The base symbol, e.g. "φ". */
  base: string;
  /** Subscript, e.g. "i" or "ij". */
  sub?: string;
  /** Font size of the base, in user units. */
  size?: number;
  /** Text colour. */
  fill?: string;
}

/**
 * An italic maths symbol centred on (x, y), with a lowered, smaller subscript.
 * @example <Sym x={10} y={20} base="φ" sub="i" />
 */
export function Sym({ x, y, base, sub, size = 20, fill = "currentColor" }: SymbolProps) {
  return (
    <text
      x={x}
      y={y}
      text-anchor="middle"
      dominant-baseline="central"
      font-size={size}
      font-style="italic"
      font-family="'KaTeX_Math', 'Times New Roman', serif"
      style={{ fill }}
    >
      {base}
      {sub && <tspan dy={size * 0.3} font-size={size * 0.65}>{sub}</tspan>}
    </text>
  );
}

/** Props of a text label. */
export interface LabelProps {
  x: number;
  y: number;
  children: ComponentChildren;
  size?: number;
  anchor?: "start" | "middle" | "end";
  fill?: string;
  weight?: number;
}

/**
 * Plain text in the page font, vertically centred on y.
 * @example <Label x={0} y={0}>support set</Label>
 */
export function Label(
  { x, y, children, size = 13, anchor = "middle", fill = "currentColor", weight = 400 }: LabelProps,
) {
  return (
    <text
      x={x}
      y={y}
      text-anchor={anchor}
      dominant-baseline="central"
      font-size={size}
      font-weight={weight}
      style={{ fill }}
    >
      {children}
    </text>
  );
}

/** A point in user units. */
export interface Point {
  x: number;
  y: number;
}

/** Props of an arrow between two shapes. */
export interface ArrowProps {
  from: Point;
  to: Point;
  /** How far to stop short of `from` (its radius). */
  startGap?: number;
  /** How far to stop short of `to` (its radius). */
  endGap?: number;
  stroke?: string;
  width?: number;
  dashed?: boolean;
  /** Draw a head at the end; off for plain connectors. */
  head?: boolean;
}

/**
 * A straight arrow with a filled triangular head, drawn without `<marker>` so that several
 * diagrams on one page never clash over element ids.
 * @example <Arrow from={{ x: 0, y: 0 }} to={{ x: 0, y: 50 }} endGap={20} />
 */
export function Arrow(
  {
    from,
    to,
    startGap = 0,
    endGap = 0,
    stroke = "currentColor",
    width = 1.6,
    dashed = false,
    head = true,
  }: ArrowProps,
) {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  const start = { x: from.x + ux * startGap, y: from.y + uy * startGap };
  const tip = { x: to.x - ux * endGap, y: to.y - uy * endGap };
  const headLength = head ? 9 : 0;
  const base = { x: tip.x - ux * headLength, y: tip.y - uy * headLength };
  const half = 4.5;
  const corners = [
    tip,
    { x: base.x - uy * half, y: base.y + ux * half },
    { x: base.x + uy * half, y: base.y - ux * half },
  ];
  return (
    <g>
      <line
        x1={round(start.x)}
        y1={round(start.y)}
        x2={round(head ? base.x + ux : tip.x)}
        y2={round(head ? base.y + uy : tip.y)}
        stroke-width={width}
        stroke-dasharray={dashed ? "5 4" : undefined}
        style={{ stroke }}
      />
      {head && (
        <polygon
          points={corners.map((c) => `${round(c.x)},${round(c.y)}`).join(" ")}
          style={{ fill: stroke }}
        />
      )}
    </g>
  );
}

/** Rounds to two decimals so the markup stays short and stable. */
export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Picks the string for the page language. */
export function pick(lang: Lang, text: { en: string; ko: string }): string {
  return lang === "ko" ? text.ko : text.en;
}

/** Attributes for a shape drawn with the page's colours. */
export function paint(fill: string, stroke = "currentColor"): JSX.CSSProperties {
  return { fill, stroke };
}
