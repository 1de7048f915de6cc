/**
 * A functional multilayer perceptron. Its parameters are a plain list of tensors,
 * [W1, b1, W2, b2, …], so adapted "fast weights" φ are just another list.
 *
 * Shapes: a shared network has W: [in, out] and b: [out]. A meta-batch of adapted
 * networks, one per task, has W: [tasks, in, out] and b: [tasks, 1, out], and takes
 * inputs [tasks, points, in]; one batched matMul then runs every task at once.
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import type { Rng } from "../rng.ts";

/** Parameters of an MLP: [W1, b1, W2, b2, …]. */
export type Params = tf.Tensor[];

/** Hidden-layer nonlinearity. Only ReLU gives exact second-order MAML in TF.js 4.22. */
export type Activation = "relu" | "tanh" | "sigmoid";

/** Architecture of an MLP. */
export interface MlpSpec {
  /** Layer widths, input first, e.g. [1, 40, 40, 1]. */
  sizes: number[];
  /** Nonlinearity after every layer but the last. */
  activation: Activation;
}

/** The paper's sinusoid regressor: 1-40-40-1 with ReLU. */
export const SINUSOID_MLP: MlpSpec = { sizes: [1, 40, 40, 1], activation: "relu" };

/** Shapes of the parameter list for a spec (shared, not per task). */
export function paramShapes(spec: MlpSpec): number[][] {
  const shapes: number[][] = [];
  for (let l = 0; l + 1 < spec.sizes.length; l++) {
    shapes.push([spec.sizes[l], spec.sizes[l + 1]], [spec.sizes[l + 1]]);
  }
  return shapes;
}

/**
 * Seeded initialisation: weights and biases uniform in ±1/√fan-in (the common default for
 * linear layers), which keeps the first outputs small on inputs spanning [−5, 5].
 * @example const theta = initMlp(SINUSOID_MLP, new Rng(0));
 */
export function initMlp(spec: MlpSpec, rng: Rng): Params {
  return paramShapes(spec).map((shape, i) => {
    const fanIn = spec.sizes[Math.floor(i / 2)];
    const bound = 1 / Math.sqrt(fanIn);
    const size = shape.reduce((a, b) => a * b, 1);
    return tf.tensor(Float32Array.from({ length: size }, () => rng.uniform(-bound, bound)), shape);
  });
}

/**
 * The network's output for inputs x. Works for a shared network on [points, in] or
 * [tasks, points, in], and for per-task networks (see `perTask`) on [tasks, points, in].
 */
export function forward(params: Params, x: tf.Tensor, activation: Activation): tf.Tensor {
  // TF.js cannot differentiate a batched matMul whose batch dimension is broadcast, so a
  // shared network runs a meta-batch of inputs as one flat [tasks·points, in] matrix.
  const [tasks, points, inputs] = x.shape;
  const flat = x.rank === 3 && params[0].rank === 2;
  let h = flat ? tf.reshape(x, [tasks * points!, inputs!]) : x;
  for (let i = 0; i < params.length; i += 2) {
    h = tf.add(tf.matMul(h, params[i]), params[i + 1]);
    if (i + 2 < params.length) h = activate(h, activation);
  }
  return flat ? tf.reshape(h, [tasks, points!, -1]) : h;
}

/**
 * One copy of the shared parameters θ per task, so a single gradient call yields each
 * task's own gradient. The copies stay differentiable with respect to θ.
 */
export function perTask(theta: Params, tasks: number): Params {
  // Broadcasting against zeros, not tf.tile: Tile's gradient is one slice and add per task.
  const zeros = tf.zeros([tasks, 1, 1]);
  return theta.map((p) => tf.add(zeros, p.rank === 1 ? tf.reshape(p, [1, p.shape[0]]) : p));
}

/** Mean squared error of each task: pred and y are [tasks, points, 1]; returns [tasks]. */
export function taskMse(pred: tf.Tensor, y: tf.Tensor): tf.Tensor {
  return tf.mean(tf.squaredDifference(pred, y), [1, 2]);
}

/** Mean squared error over all entries. */
export function mse(pred: tf.Tensor, y: tf.Tensor): tf.Scalar {
  return tf.mean(tf.squaredDifference(pred, y));
}

function activate(h: tf.Tensor, activation: Activation): tf.Tensor {
  if (activation === "relu") return tf.relu(h);
  if (activation === "tanh") return tf.tanh(h);
  return tf.sigmoid(h);
}
