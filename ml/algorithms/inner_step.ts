/**
 * The inner step shared by every algorithm and by fine-tuning at test time:
 * φ ← θ − α ∇θ L(θ, D^tr), one step of gradient descent on the support set.
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import { type Activation, forward, mse, type Params, taskMse } from "../model/mlp.ts";

/**
 * Loss L(θ, D) of a set of points. For per-task parameters and inputs [tasks, points, 1]
 * it is the sum of the tasks' mean squared errors, so that the gradient with respect to
 * each task's copy is that task's own gradient.
 */
export function setLoss(params: Params, x: tf.Tensor, y: tf.Tensor, activation: Activation) {
  const pred = forward(params, x, activation);
  return x.rank === 3 ? tf.sum(taskMse(pred, y)) : mse(pred, y);
}

/**
 * One inner step φ ← θ − α ∇θ L(θ, D^tr). When called inside an outer gradient, the step
 * stays differentiable, which is what makes MAML's meta-gradient second order.
 * @example
 * const phi = innerStep(theta, supportX, supportY, 0.01, "relu");
 */
export function innerStep(
  theta: Params,
  x: tf.Tensor,
  y: tf.Tensor,
  alpha: number,
  activation: Activation,
): Params {
  const grads = tf.grads((...p: tf.Tensor[]) => setLoss(p, x, y, activation))(theta);
  return theta.map((p, i) => tf.sub(p, tf.mul(grads[i], alpha)));
}
