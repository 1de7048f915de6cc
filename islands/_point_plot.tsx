/**
 * A hydrated function plot with movable points: a uPlot chart of curves over x ∈ [−5, 5]
 * (and optional bands), with the support points as focusable handles on top that the reader
 * adds and drags (pointer events: mouse, pen, touch) or moves with the arrow keys.
 * Both sinusoid widgets use it.
 * @module
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { type Chart, createChart, type Line } from "./_chart.ts";

export type { Line };

/** A support point in data coordinates. */
export interface Point {
  x: number;
  y: number;
}

/** A curve: how to draw it and its values at the plot's xs. */
export interface Curve {
  line: Line;
  values: ArrayLike<number>;
}

/** Props of `PointPlot`. */
export interface PointPlotProps {
  /** Evaluation inputs. */
  xs: ArrayLike<number>;
  /** Curves, in drawing order. The chart is rebuilt only when their labels change. */
  curves: Curve[];
  /** Filled areas between two curves, by curve index: [upper, lower, colour]. */
  bands?: [number, number, string][];
  /** Support points. */
  points: Point[];
  /** Called with the new list when the reader adds or moves a point. */
  onPoints: (points: Point[]) => void;
  /** Labels in the page language. */
  text: { point: (i: number, p: Point) => string; plot: string };
  height: number;
  /** Most points the reader may place. */
  maxPoints?: number;
}

const X: [number, number] = [-5, 5];
const Y: [number, number] = [-6, 6];
const clamp = (v: number, [low, high]: [number, number]) => Math.min(high, Math.max(low, v));

/** Chart plus draggable support points. */
export function PointPlot(props: PointPlotProps) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<Chart | null>(null);
  const [frame, setFrame] = useState({ left: 0, top: 0, width: 0, height: 0 });
  const dragging = useRef<number | null>(null);
  const shape = props.curves.map((c) => c.line.label).join("|");

  // Rebuild when the set of lines changes; otherwise only the data changes.
  useEffect(() => {
    const onDraw = (plot: Chart["plot"]) => {
      const over = plot.over;
      const next = {
        left: over.offsetLeft,
        top: over.offsetTop,
        width: over.offsetWidth,
        height: over.offsetHeight,
      };
      setFrame((f) =>
        f.left === next.left && f.top === next.top && f.width === next.width &&
          f.height === next.height
          ? f
          : next
      );
    };
    chart.current = createChart(
      host.current!,
      {
        height: props.height,
        x: X,
        y: Y,
        xLabel: "x",
        yLabel: "y",
        lines: props.curves.map((c) => c.line),
        bands: props.bands,
      },
      data(),
      onDraw,
    );
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, [shape]);

  useEffect(() => chart.current?.update(data()), [props.curves]);

  function data() {
    return [props.xs, ...props.curves.map((c) => c.values)];
  }

  const toData = (event: PointerEvent): Point => {
    const rect = (event.currentTarget as HTMLElement).getBoundingClientRect();
    return {
      x: clamp(X[0] + ((event.clientX - rect.left) / rect.width) * (X[1] - X[0]), X),
      y: clamp(Y[1] - ((event.clientY - rect.top) / rect.height) * (Y[1] - Y[0]), Y),
    };
  };
  const move = (i: number, p: Point) =>
    props.onPoints(props.points.map((q, j) => (j === i ? p : q)));

  const onPointerDown = (event: PointerEvent) => {
    const target = event.target as HTMLElement;
    const handle = target.dataset.point;
    const p = toData(event);
    let index: number;
    if (handle !== undefined) index = Number(handle);
    else if (props.points.length < (props.maxPoints ?? 20)) {
      index = props.points.length;
      props.onPoints([...props.points, p]);
    } else {
      index = nearest(props.points, p);
      move(index, p);
    }
    dragging.current = index;
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
    event.preventDefault();
    (event.currentTarget as HTMLElement).querySelector<HTMLElement>(`[data-point="${index}"]`)
      ?.focus();
  };
  const onPointerMove = (event: PointerEvent) => {
    if (dragging.current !== null) move(dragging.current, toData(event));
  };
  const onPointerUp = () => (dragging.current = null);

  const onKeyDown = (i: number) => (event: KeyboardEvent) => {
    const step = event.shiftKey ? 0.5 : 0.1;
    const p = props.points[i];
    const moves: Record<string, Point> = {
      ArrowLeft: { x: clamp(p.x - step, X), y: p.y },
      ArrowRight: { x: clamp(p.x + step, X), y: p.y },
      ArrowUp: { x: p.x, y: clamp(p.y + step, Y) },
      ArrowDown: { x: p.x, y: clamp(p.y - step, Y) },
    };
    if (moves[event.key]) {
      event.preventDefault();
      move(i, moves[event.key]);
    } else if ((event.key === "Delete" || event.key === "Backspace") && props.points.length > 1) {
      event.preventDefault();
      props.onPoints(props.points.filter((_, j) => j !== i));
    }
  };

  return (
    <div class="plot-frame" style={{ height: `${props.height}px` }}>
      <div ref={host} class="plot-host" />
      <div
        class="plot-handles"
        role="group"
        aria-label={props.text.plot}
        style={{
          left: `${frame.left}px`,
          top: `${frame.top}px`,
          width: `${frame.width}px`,
          height: `${frame.height}px`,
        }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      >
        {frame.width > 0 && props.points.map((p, i) => (
          <button
            type="button"
            key={i}
            class="support-point"
            data-point={i}
            aria-label={props.text.point(i, p)}
            style={{
              left: `${((p.x - X[0]) / (X[1] - X[0])) * 100}%`,
              top: `${((Y[1] - p.y) / (Y[1] - Y[0])) * 100}%`,
            }}
            onKeyDown={onKeyDown(i)}
          />
        ))}
      </div>
    </div>
  );
}

function nearest(points: Point[], p: Point): number {
  let best = 0;
  points.forEach((q, i) => {
    const d = (q.x - p.x) ** 2 + (q.y - p.y) ** 2;
    if (d < (points[best].x - p.x) ** 2 + (points[best].y - p.y) ** 2) best = i;
  });
  return best;
}
