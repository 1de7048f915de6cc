/**
 * The sinusoid task distribution of Finn et al. (2017): each task is y = A sin(x − φ)
 * with amplitude A ~ U[0.1, 5], phase φ ~ U[0, π] and inputs x ~ U[−5, 5].
 * Plain arrays only (no TF.js), so widgets and workers can use it without a backend.
 * @module
 */
import type { Rng } from "../rng.ts";

/** Ranges of the distribution, as in the paper. */
export const SINUSOID_RANGES = {
  amplitude: [0.1, 5.0],
  phase: [0, Math.PI],
  x: [-5, 5],
} as const;

/** One task: a sine wave with its own amplitude and phase. */
export interface SinusoidTask {
  /** A in y = A sin(x − φ). */
  amplitude: number;
  /** φ in y = A sin(x − φ), radians. */
  phase: number;
}

/** Inputs and targets of K points, flat (one input dimension). */
export interface PointSet {
  /** Inputs, length K. */
  x: Float32Array;
  /** Targets, length K. */
  y: Float32Array;
}

/**
 * A meta-batch: for each task, a support set D^tr (used by the inner step) and a query
 * set D^ts (used by the outer loss). Arrays are task-major: point j of task t is at t·K + j.
 */
export interface MetaBatch {
  /** The tasks, in order. */
  tasks: SinusoidTask[];
  /** Points per task in the support set. */
  kSupport: number;
  /** Points per task in the query set. */
  kQuery: number;
  /** Support sets of all tasks, length tasks·kSupport. */
  support: PointSet;
  /** Query sets of all tasks, length tasks·kQuery. */
  query: PointSet;
}

/** Draws one task from the distribution. */
export function sampleTask(rng: Rng): SinusoidTask {
  const amplitude = rng.uniform(SINUSOID_RANGES.amplitude[0], SINUSOID_RANGES.amplitude[1]);
  const phase = rng.uniform(SINUSOID_RANGES.phase[0], SINUSOID_RANGES.phase[1]);
  return { amplitude, phase };
}

/** The task's true value at x. */
export function sinusoid(task: SinusoidTask, x: number): number {
  return task.amplitude * Math.sin(x - task.phase);
}

/** K points of a task with inputs drawn uniformly from [−5, 5]. */
export function samplePoints(rng: Rng, task: SinusoidTask, k: number): PointSet {
  const x = new Float32Array(k);
  const y = new Float32Array(k);
  for (let j = 0; j < k; j++) {
    x[j] = rng.uniform(SINUSOID_RANGES.x[0], SINUSOID_RANGES.x[1]);
    y[j] = sinusoid(task, x[j]);
  }
  return { x, y };
}

/** The task's values at the given inputs (e.g. evenly spaced evaluation points). */
export function pointsAt(task: SinusoidTask, x: Float32Array): PointSet {
  return { x, y: Float32Array.from(x, (v) => sinusoid(task, v)) };
}

/**
 * `n` evenly spaced inputs over [low, high], both ends included.
 * @example evenlySpaced(100) // the 100 evaluation points over [−5, 5]
 */
export function evenlySpaced(
  n: number,
  low: number = SINUSOID_RANGES.x[0],
  high: number = SINUSOID_RANGES.x[1],
): Float32Array {
  if (n === 1) return Float32Array.of((low + high) / 2);
  return Float32Array.from({ length: n }, (_, i) => low + ((high - low) * i) / (n - 1));
}

/**
 * Draws a meta-batch of tasks, each with its own support and query points.
 * @example
 * const batch = sampleMetaBatch(new Rng(1), 25, 10); // meta-batch 25, K = 10
 */
export function sampleMetaBatch(rng: Rng, tasks: number, kSupport: number, kQuery = kSupport) {
  const batch: MetaBatch = {
    tasks: [],
    kSupport,
    kQuery,
    support: { x: new Float32Array(tasks * kSupport), y: new Float32Array(tasks * kSupport) },
    query: { x: new Float32Array(tasks * kQuery), y: new Float32Array(tasks * kQuery) },
  };
  for (let t = 0; t < tasks; t++) {
    const task = sampleTask(rng);
    const support = samplePoints(rng, task, kSupport);
    const query = samplePoints(rng, task, kQuery);
    batch.tasks.push(task);
    batch.support.x.set(support.x, t * kSupport);
    batch.support.y.set(support.y, t * kSupport);
    batch.query.x.set(query.x, t * kQuery);
    batch.query.y.set(query.y, t * kQuery);
  }
  return batch;
}
