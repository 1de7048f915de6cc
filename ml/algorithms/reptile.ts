/**
 * Reptile (Nichol et al., 2018): run a few plain inner steps on each task, then move θ
 * toward the adapted weights. The meta-gradient handed to the optimiser is θ − mean_i φ_i.
 * Inner steps alternate between the support and the query points, so successive steps
 * see different samples of the task, which is where Reptile's meta-learning signal comes from.
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import { type Params, perTask } from "../model/mlp.ts";
import type { MetaBatchTensors } from "../tasks/tensors.ts";
import { innerStep, setLoss } from "./inner_step.ts";
import type { InnerLoop, MetaGradient } from "./maml.ts";

/**
 * Reptile's update direction θ − mean_i φ_i for a meta-batch, vectorized over tasks.
 * The loss is the mean task loss seen by the last inner step.
 * @example
 * const { grads } = reptileMetaGradient(theta, batch, { alpha: 0.01, innerSteps: 5, activation: "relu" });
 */
export function reptileMetaGradient(
  theta: Params,
  batch: MetaBatchTensors,
  inner: InnerLoop,
): MetaGradient {
  return tf.tidy(() => {
    let phi = perTask(theta, batch.tasks);
    let loss = tf.scalar(0);
    for (let s = 0; s < inner.innerSteps; s++) {
      const [x, y] = s % 2 === 0 ? [batch.supportX, batch.supportY] : [batch.queryX, batch.queryY];
      if (s === inner.innerSteps - 1) {
        loss = tf.div(setLoss(phi, x, y, inner.activation), batch.tasks);
      }
      phi = innerStep(phi, x, y, inner.alpha, inner.activation);
    }
    // Adam rescales the step, so the direction needs no 1/(α·steps) normalisation.
    const grads = phi.map((p, i) => tf.reshape(tf.sub(theta[i], tf.mean(p, 0)), theta[i].shape));
    return { grads, loss: loss as tf.Scalar };
  });
}
