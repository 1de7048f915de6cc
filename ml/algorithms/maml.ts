/**
 * MAML (Finn et al., 2017) with the exact second-order meta-gradient.
 *
 *   inner step (per task i):  φ_i ← θ − α ∇θ L(θ, D_i^tr)
 *   outer loss:               L(θ) = mean_i L(φ_i, D_i^ts)
 *   meta-gradient:            ∇θ L(θ), differentiating through the inner step
 *
 * `mamlMetaGradient` runs the whole meta-batch at once (batched matMuls over a task
 * dimension); `mamlMetaGradientLoop` is the plain per-task loop, kept as the reference.
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import { type Activation, forward, mse, type Params, perTask, taskMse } from "../model/mlp.ts";
import type { MetaBatchTensors } from "../tasks/tensors.ts";
import { innerStep } from "./inner_step.ts";

/** Settings of the inner loop. */
export interface InnerLoop {
  /** Inner step size α (paper: 0.01). */
  alpha: number;
  /** Number of inner steps (paper: 1). */
  innerSteps: number;
  /** Hidden nonlinearity of the network. */
  activation: Activation;
}

/** A meta-gradient, shaped like θ, and the outer loss it descends. */
export interface MetaGradient {
  /** ∇θ of the outer loss, one tensor per parameter. */
  grads: Params;
  /** Outer loss: mean query error after the inner steps. */
  loss: tf.Scalar;
}

/**
 * Second-order MAML meta-gradient for a whole meta-batch, vectorized over tasks.
 * @example
 * const { grads, loss } = mamlMetaGradient(theta, batch, { alpha: 0.01, innerSteps: 1, activation: "relu" });
 */
export function mamlMetaGradient(
  theta: Params,
  batch: MetaBatchTensors,
  inner: InnerLoop,
): MetaGradient {
  return tf.tidy(() => {
    const outerLoss = (...theta: tf.Tensor[]) => {
      let phi = perTask(theta, batch.tasks);
      for (let s = 0; s < inner.innerSteps; s++) {
        phi = innerStep(phi, batch.supportX, batch.supportY, inner.alpha, inner.activation);
      }
      return tf.mean(taskMse(forward(phi, batch.queryX, inner.activation), batch.queryY));
    };
    const { value, grads } = tf.valueAndGrads(outerLoss)(theta);
    return { grads, loss: value as tf.Scalar };
  });
}

/** The same meta-gradient as `mamlMetaGradient`, one task at a time (reference, slow). */
export function mamlMetaGradientLoop(
  theta: Params,
  batch: MetaBatchTensors,
  inner: InnerLoop,
): MetaGradient {
  return tf.tidy(() => {
    const [sx, sy, qx, qy] = [batch.supportX, batch.supportY, batch.queryX, batch.queryY]
      .map((t) => tf.unstack(t));
    const outerLoss = (...theta: tf.Tensor[]) => {
      const losses: tf.Tensor[] = [];
      for (let t = 0; t < batch.tasks; t++) {
        let phi = theta;
        for (let s = 0; s < inner.innerSteps; s++) {
          phi = innerStep(phi, sx[t], sy[t], inner.alpha, inner.activation);
        }
        losses.push(mse(forward(phi, qx[t], inner.activation), qy[t]));
      }
      return tf.mean(tf.stack(losses));
    };
    const { value, grads } = tf.valueAndGrads(outerLoss)(theta);
    return { grads, loss: value as tf.Scalar };
  });
}
