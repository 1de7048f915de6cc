/**
 * The sinusoid regression figure's state in the URL hash, so any figure a reader makes can be
 * linked: `#sinusoid?k=5&steps=2&alpha=0.01&amp=3.2&phase=1.1&models=maml,pretrained&pts=…`.
 * Only formatting and parsing here; a hash that does not start with `#sinusoid?` is left alone.
 * @module
 */

/** Models the regression figure can show. */
export const SHOWN_MODELS = ["maml", "pretrained", "fomaml", "reptile", "scratch"] as const;

/** One of `SHOWN_MODELS`. */
export type ShownModel = typeof SHOWN_MODELS[number];

/** Everything needed to redraw a regression figure. */
export interface FigureState {
  /** The task's amplitude and phase (the true curve). */
  amplitude: number;
  phase: number;
  /** Support points; their count is K. */
  points: { x: number; y: number }[];
  /** Inner steps, 0–10. */
  steps: number;
  /** Inner step size α. */
  alpha: number;
  /** Models shown, in `SHOWN_MODELS` order. */
  models: ShownModel[];
}

const PREFIX = "#sinusoid?";
const round = (v: number) => String(Math.round(v * 1000) / 1000);
const clamp = (v: number, low: number, high: number) => Math.min(high, Math.max(low, v));

/** The hash for a state. */
export function toHash(state: FigureState): string {
  const params = new URLSearchParams({
    k: String(state.points.length),
    steps: String(state.steps),
    alpha: round(state.alpha),
    amp: round(state.amplitude),
    phase: round(state.phase),
    models: state.models.join(","),
    pts: state.points.map((p) => `${round(p.x)}_${round(p.y)}`).join(","),
  });
  return PREFIX + params.toString().replaceAll("%2C", ",");
}

/** The state in a hash, or null when the hash holds none (or a broken one). */
export function fromHash(hash: string): FigureState | null {
  if (!hash.startsWith(PREFIX)) return null;
  const params = new URLSearchParams(hash.slice(PREFIX.length));
  const num = (key: string) => Number(params.get(key) ?? NaN);
  const points = (params.get("pts") ?? "").split(",").filter(Boolean).map((pair) => {
    const [x, y] = pair.split("_").map(Number);
    return { x: clamp(x, -5, 5), y: clamp(y, -6, 6) };
  });
  const models = (params.get("models") ?? "").split(",")
    .filter((m): m is ShownModel => (SHOWN_MODELS as readonly string[]).includes(m));
  const state: FigureState = {
    amplitude: num("amp"),
    phase: num("phase"),
    points: points.slice(0, 20),
    steps: Math.round(clamp(num("steps"), 0, 10)),
    alpha: clamp(num("alpha"), 0.0001, 2),
    models: SHOWN_MODELS.filter((m) => models.includes(m)),
  };
  const numbers = [state.amplitude, state.phase, state.steps, state.alpha];
  const valid = numbers.every(Number.isFinite) && state.points.length >= 1 &&
    state.points.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  return valid ? state : null;
}
