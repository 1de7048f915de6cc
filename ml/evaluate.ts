/**
 * Held-out evaluation on sinusoids: for each of many unseen tasks, fine-tune on K support
 * points and measure the mean squared error on evenly spaced points over [−5, 5].
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import { adapt } from "./adapt.ts";
import type { Activation, Params } from "./model/mlp.ts";
import { Rng } from "./rng.ts";
import {
  evenlySpaced,
  type MetaBatch,
  pointsAt,
  samplePoints,
  sampleTask,
} from "./tasks/sinusoid.ts";

/** What to measure. */
export interface EvalOptions {
  /** Number of held-out tasks. */
  tasks: number;
  /** Seed of the held-out tasks; keep it apart from every training seed. */
  seed: number;
  /** Support points per task, K. */
  k: number;
  /** Report the error after each of these step counts, e.g. [0, 1, 10]. */
  steps: number[];
  /** Step size α of fine-tuning. */
  alpha: number;
  /** Hidden nonlinearity of the network. */
  activation: Activation;
  /** Evenly spaced evaluation points (default 100). */
  points?: number;
}

/**
 * The held-out tasks and support sets for a seed. Tasks depend only on the seed, so every
 * K sees the same sine waves; the support points depend on the seed and K.
 */
export function heldOutTasks(seed: number, tasks: number, k: number): MetaBatch {
  const taskRng = new Rng(seed);
  const pointRng = new Rng(seed + 1_000_003 * k);
  const batch: MetaBatch = {
    tasks: [],
    kSupport: k,
    kQuery: 0,
    support: { x: new Float32Array(tasks * k), y: new Float32Array(tasks * k) },
    query: { x: new Float32Array(0), y: new Float32Array(0) },
  };
  for (let t = 0; t < tasks; t++) {
    const task = sampleTask(taskRng);
    const support = samplePoints(pointRng, task, k);
    batch.tasks.push(task);
    batch.support.x.set(support.x, t * k);
    batch.support.y.set(support.y, t * k);
  }
  return batch;
}

/**
 * Mean squared error after each requested number of fine-tuning steps, keyed by the step
 * count as a string ("0", "1", "10").
 * @example
 * evaluate(theta, { tasks: 600, seed: 9, k: 10, steps: [0, 1, 10], alpha: 0.01, activation: "relu" });
 */
export function evaluate(theta: Params, options: EvalOptions): Record<string, number> {
  const perTask = evaluateTasks(theta, options);
  const result: Record<string, number> = {};
  for (const [s, errors] of Object.entries(perTask)) {
    result[s] = errors.reduce((sum, e) => sum + e, 0) / errors.length;
  }
  return result;
}

/**
 * Each task's mean squared error after each requested number of steps: the spread behind the
 * mean, e.g. to see that one diverging task, not all of them, makes a mean explode.
 */
export function evaluateTasks(theta: Params, options: EvalOptions): Record<string, Float64Array> {
  const batch = heldOutTasks(options.seed, options.tasks, options.k);
  const grid = evenlySpaced(options.points ?? 100);
  const n = grid.length;
  const evalY = new Float32Array(options.tasks * n);
  batch.tasks.forEach((task, t) => evalY.set(pointsAt(task, grid).y, t * n));
  const errors = tf.tidy(() => {
    const x = tf.tensor3d(batch.support.x, [options.tasks, options.k, 1]);
    const y = tf.tensor3d(batch.support.y, [options.tasks, options.k, 1]);
    const gridX = tf.tile(tf.tensor3d(grid, [1, n, 1]), [options.tasks, 1, 1]);
    const target = tf.tensor3d(evalY, [options.tasks, n, 1]);
    const record = [...new Set(options.steps)].sort((a, b) => a - b);
    const run = adapt(theta, x, y, gridX, { ...options, steps: record.at(-1)!, record });
    return options.steps.map((s) =>
      tf.mean(tf.squaredDifference(run.predictions[record.indexOf(s)], target), [1, 2])
    );
  });
  const result: Record<string, Float64Array> = {};
  options.steps.forEach((s, i) => result[String(s)] = Float64Array.from(errors[i].dataSync()));
  tf.dispose(errors);
  return result;
}
