/**
 * How the regression figure's task and support points change: the opening figure, a newly
 * drawn task, and a new K. Sampling goes through the seeded RNG of `ml/`.
 * @module
 */
import { Rng } from "../ml/rng.ts";
import { samplePoints, sampleTask, type SinusoidTask } from "../ml/tasks/sinusoid.ts";
import type { FigureState } from "./_hash.ts";

const pointsOf = (rng: Rng, task: SinusoidTask, k: number) => {
  const set = samplePoints(rng, task, k);
  return Array.from(set.x, (x, i) => ({ x, y: set.y[i] }));
};

/** The figure a page opens with: a fixed task, so the server render is deterministic. */
export function initialState(k: number, steps: number): FigureState {
  const rng = new Rng(2017);
  const task = sampleTask(rng);
  return {
    ...task,
    points: pointsOf(rng, task, k),
    steps,
    alpha: 0.01,
    models: ["maml", "pretrained"],
  };
}

/** A new task from the distribution, with as many support points as before. */
export function newTask(state: FigureState, seed: number): Partial<FigureState> {
  const rng = new Rng(seed);
  const task = sampleTask(rng);
  return { ...task, points: pointsOf(rng, task, state.points.length) };
}

/** K points: keeps the first ones (moved or not) and samples any new ones from the task. */
export function withK(state: FigureState, k: number): Partial<FigureState> {
  const extra = pointsOf(new Rng(k * 7919), state, Math.max(0, k - state.points.length));
  return { points: [...state.points.slice(0, k), ...extra] };
}
