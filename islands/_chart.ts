/**
 * The one chart helper every widget uses (client only): a uPlot line chart sized to its
 * container, coloured from the site's CSS custom properties so dark mode works, with bands
 * between pairs of series. Import it only inside effects: uPlot touches the DOM.
 * @module
 */
import uPlot from "uplot";

/** One line of a chart. */
export interface Line {
  /** Name shown to screen readers and in the widget's own legend. */
  label: string;
  /** A CSS colour or custom property, e.g. "var(--accent)". */
  color: string;
  /** Stroke width in CSS pixels. */
  width?: number;
  /** Dash pattern, e.g. [6, 4]. */
  dash?: number[];
  /** Stroke opacity, 0–1. */
  alpha?: number;
  /** Join the line across missing values (sparse measurements). */
  spanGaps?: boolean;
}

/** What a chart shows. */
export interface ChartSpec {
  /** Height of the plotting frame in CSS pixels (the width follows the container). */
  height: number;
  /** Fixed x range, or undefined to fit the data. */
  x?: [number, number];
  /** Fixed y range, or undefined to fit the data. */
  y?: [number, number];
  /** Logarithmic y axis (loss curves). */
  logY?: boolean;
  /** Axis captions. */
  xLabel: string;
  yLabel: string;
  /** Lines, in the order of the data arrays after x. */
  lines: Line[];
  /** Filled areas between two lines, by line index: [upper, lower, colour]. */
  bands?: [number, number, string][];
}

/**
 * Resolves any CSS colour as `el` sees it ("var(--accent)", light-dark(), color-mix()) to a
 * value a canvas accepts, by letting the browser compute it on a hidden probe element.
 */
export function cssColor(el: Element, color: string, alpha = 1): string {
  const probe = document.createElement("span");
  probe.style.display = "none";
  probe.style.color = alpha >= 1
    ? color
    : `color-mix(in srgb, ${color} ${Math.round(alpha * 100)}%, transparent)`;
  el.appendChild(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value;
}

/**
 * Calls `fn` whenever the colour scheme may have changed: the system's, or the reader's choice
 * (a theme class on <html>). Returns the function that stops listening.
 */
export function onSchemeChange(fn: () => void): () => void {
  const system = matchMedia("(prefers-color-scheme: dark)");
  const chosen = new MutationObserver(fn);
  system.addEventListener("change", fn);
  chosen.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => {
    system.removeEventListener("change", fn);
    chosen.disconnect();
  };
}

/** A live chart; `update` swaps the data, `destroy` removes it. */
export interface Chart {
  /** The uPlot instance, for pixel ↔ value conversion (valToPos, posToVal, over). */
  plot: uPlot;
  /** Replaces the data: [xs, ...one array per line]; null gaps are allowed. */
  update(data: (ArrayLike<number | null>)[]): void;
  /** Removes the chart and its observers. */
  destroy(): void;
}

/**
 * Draws a chart into `el`, following its width and the colour scheme.
 * @example
 * const chart = createChart(el, { height: 300, xLabel: "x", yLabel: "y", lines: [{ label: "true", color: "var(--fg)" }] }, [xs, ys]);
 */
export function createChart(
  el: HTMLElement,
  spec: ChartSpec,
  data: (ArrayLike<number | null>)[],
  onDraw?: (plot: uPlot) => void,
): Chart {
  let current = data;
  let plot = build();

  function build(): uPlot {
    const fg = cssColor(el, "var(--fg)");
    const grid = cssColor(el, "var(--muted)", 0.25);
    const axis = {
      stroke: fg,
      grid: { stroke: grid, width: 1 },
      ticks: { stroke: grid, width: 1 },
    };
    const options: uPlot.Options = {
      width: Math.max(200, el.clientWidth),
      height: spec.height,
      legend: { show: false },
      cursor: { show: false },
      select: { show: false, left: 0, top: 0, width: 0, height: 0 },
      scales: {
        x: { time: false, range: spec.x ? () => spec.x! : undefined },
        y: spec.logY
          ? { distr: 3, range: spec.y ? () => spec.y! : undefined }
          : { range: spec.y ? () => spec.y! : undefined },
      },
      axes: [{ ...axis, label: spec.xLabel }, { ...axis, label: spec.yLabel, size: 52 }],
      series: [
        {},
        ...spec.lines.map((line) => ({
          label: line.label,
          stroke: cssColor(el, line.color, line.alpha ?? 1),
          width: line.width ?? 2,
          dash: line.dash,
          points: { show: false },
          spanGaps: line.spanGaps ?? false,
        })),
      ],
      bands: spec.bands?.map(([upper, lower, color]) => ({
        series: [upper + 1, lower + 1] as [number, number],
        fill: cssColor(el, color, 0.18),
      })),
      hooks: onDraw ? { draw: [onDraw] } : {},
    };
    return new uPlot(options, current as uPlot.AlignedData, el);
  }

  const resize = new ResizeObserver(() => {
    const width = Math.max(200, el.clientWidth);
    if (width !== plot.width) plot.setSize({ width, height: spec.height });
  });
  resize.observe(el);
  const stopRecoloring = onSchemeChange(() => {
    plot.destroy();
    plot = build();
    chart.plot = plot;
  });

  const chart: Chart = {
    plot,
    update(next) {
      current = next;
      plot.setData(next as uPlot.AlignedData);
    },
    destroy() {
      resize.disconnect();
      stopRecoloring();
      plot.destroy();
    },
  };
  return chart;
}
