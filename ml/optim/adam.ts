/**
 * Adam (Kingma & Ba, 2015) over a parameter list, run on one flat vector: a dozen kernels
 * per step instead of a dozen per parameter tensor, since per-op overhead dominates here.
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import type { Params } from "../model/mlp.ts";

/** Adam's settings. */
export interface AdamOptions {
  /** Step size (paper: 1e-3). */
  learningRate: number;
  /** Decay of the first moment. */
  beta1?: number;
  /** Decay of the second moment. */
  beta2?: number;
  /** Guards the division. */
  epsilon?: number;
}

/** Adam's running moments, flat, and the step count. */
export interface AdamState {
  /** First moment, [total parameter count]. */
  m: tf.Tensor1D;
  /** Second moment, [total parameter count]. */
  v: tf.Tensor1D;
  /** Steps taken so far. */
  t: number;
}

/** Fresh (zero) moments for a parameter list. */
export function adamInit(params: Params): AdamState {
  const size = params.reduce((n, p) => n + p.size, 0);
  return { m: tf.zeros([size]), v: tf.zeros([size]), t: 0 };
}

/**
 * One Adam step. Returns new parameters and state; the old ones are left for the caller
 * to dispose.
 * @example
 * ({ params: theta, state } = adamStep(theta, grads, state, { learningRate: 1e-3 }));
 */
export function adamStep(
  params: Params,
  grads: Params,
  state: AdamState,
  options: AdamOptions,
): { params: Params; state: AdamState } {
  const { learningRate, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8 } = options;
  const t = state.t + 1;
  // Bias correction folded into the step size, as in the paper's Algorithm 1 variant.
  const stepSize = learningRate * Math.sqrt(1 - beta2 ** t) / (1 - beta1 ** t);
  const [params2, m, v] = tf.tidy(() => {
    const g = flatten(grads);
    const m = tf.add(tf.mul(state.m, beta1), tf.mul(g, 1 - beta1));
    const v = tf.add(tf.mul(state.v, beta2), tf.mul(tf.square(g), 1 - beta2));
    const update = tf.div(tf.mul(m, stepSize), tf.add(tf.sqrt(v), epsilon));
    const flat = tf.sub(flatten(params), update);
    const parts = tf.split(flat, params.map((p) => p.size));
    return [parts.map((p, i) => tf.reshape(p, params[i].shape)), m, v] as const;
  });
  return { params: params2, state: { m: m as tf.Tensor1D, v: v as tf.Tensor1D, t } };
}

/** Frees the moments. */
export function adamDispose(state: AdamState): void {
  tf.dispose([state.m, state.v]);
}

function flatten(tensors: Params): tf.Tensor1D {
  return tf.concat(tensors.map((t) => tf.reshape(t, [-1]))) as tf.Tensor1D;
}
