/**
 * Fine-tuning at test time, shared by the eval script and the widgets: n inner steps of
 * plain gradient descent with step size α on the K support points, recording the
 * network's predictions after every step (the widget draws one curve per step).
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import { innerStep, setLoss } from "./algorithms/inner_step.ts";
import { type Activation, forward, type Params, perTask } from "./model/mlp.ts";
import type { PointSet } from "./tasks/sinusoid.ts";

/** Settings of test-time fine-tuning. */
export interface AdaptOptions {
  /** Step size α. */
  alpha: number;
  /** Number of gradient steps. */
  steps: number;
  /** Hidden nonlinearity of the network. */
  activation: Activation;
  /** Step counts after which to predict at the evaluation inputs (default: 0, 1, …, steps). */
  record?: number[];
}

/** Predictions after each step, and the fine-tuned weights. */
export interface Adapted {
  /** predictions[i] is the output at the evaluation inputs after record[i] steps. */
  predictions: tf.Tensor[];
  /** Support loss before each step, then after the last (length steps + 1). */
  supportLoss: tf.Tensor[];
  /** φ after the last step. */
  phi: Params;
}

/**
 * Fine-tunes θ on support points. Runs one task (x: [K, 1], evalX: [N, 1]) or a batch of
 * tasks at once (x: [T, K, 1], evalX: [T, N, 1]). The caller disposes the result.
 * @example
 * const { predictions } = adapt(theta, x, y, evalX, { alpha: 0.01, steps: 10, activation: "relu" });
 */
export function adapt(
  theta: Params,
  x: tf.Tensor,
  y: tf.Tensor,
  evalX: tf.Tensor,
  options: AdaptOptions,
): Adapted {
  return tf.tidy(() => {
    const tasks = x.rank === 3 ? x.shape[0] : 0;
    let phi = tasks ? perTask(theta, tasks) : theta.map((p) => tf.clone(p));
    const predictions: tf.Tensor[] = [];
    const supportLoss: tf.Tensor[] = [];
    // Per-task losses are summed by setLoss; report their mean instead.
    const meanLoss = (p: Params) => tf.div(setLoss(p, x, y, options.activation), tasks || 1);
    // Predicting on a large grid costs more than a step, so only where asked.
    const record = new Set(
      options.record ?? Array.from({ length: options.steps + 1 }, (_, s) => s),
    );
    for (let s = 0; s <= options.steps; s++) {
      if (record.has(s)) predictions.push(forward(phi, evalX, options.activation));
      supportLoss.push(meanLoss(phi));
      if (s < options.steps) phi = innerStep(phi, x, y, options.alpha, options.activation);
    }
    return { predictions, supportLoss, phi };
  });
}

/**
 * The widget's view of `adapt` for one task: plain arrays, no tensors left behind.
 * @example
 * const { curves } = fineTuneCurves(theta, support, evenlySpaced(200), { alpha: 0.01, steps: 10, activation: "relu" });
 * // curves[s][i] is the prediction at input i after s steps
 */
export function fineTuneCurves(
  theta: Params,
  support: PointSet,
  evalX: Float32Array,
  options: AdaptOptions,
): { curves: Float32Array[]; supportLoss: number[] } {
  const x = tf.tensor2d(support.x, [support.x.length, 1]);
  const y = tf.tensor2d(support.y, [support.y.length, 1]);
  const at = tf.tensor2d(evalX, [evalX.length, 1]);
  const result = adapt(theta, x, y, at, options);
  const curves = result.predictions.map((p) => p.dataSync() as Float32Array);
  const supportLoss = result.supportLoss.map((l) => l.dataSync()[0]);
  tf.dispose([x, y, at, ...result.predictions, ...result.supportLoss, ...result.phi]);
  return { curves, supportLoss };
}
