/**
 * First-order MAML: the same inner step φ_i ← θ − α ∇θ L(θ, D_i^tr), but the outer
 * gradient treats ∂φ_i/∂θ as the identity, so ∇θ ≈ mean_i ∇φ L(φ_i, D_i^ts).
 * No second derivatives: cheaper, and usually nearly as good on sinusoids.
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import { forward, type Params, perTask, taskMse } from "../model/mlp.ts";
import type { MetaBatchTensors } from "../tasks/tensors.ts";
import { innerStep } from "./inner_step.ts";
import type { InnerLoop, MetaGradient } from "./maml.ts";

/**
 * First-order MAML meta-gradient for a whole meta-batch, vectorized over tasks.
 * @example
 * const { grads, loss } = fomamlMetaGradient(theta, batch, { alpha: 0.01, innerSteps: 1, activation: "relu" });
 */
export function fomamlMetaGradient(
  theta: Params,
  batch: MetaBatchTensors,
  inner: InnerLoop,
): MetaGradient {
  return tf.tidy(() => {
    // Computed outside any outer gradient, so φ is a constant: that is the first-order cut.
    let phi = perTask(theta, batch.tasks);
    for (let s = 0; s < inner.innerSteps; s++) {
      phi = innerStep(phi, batch.supportX, batch.supportY, inner.alpha, inner.activation);
    }
    const queryLoss = (...phi: tf.Tensor[]) =>
      tf.mean(taskMse(forward(phi, batch.queryX, inner.activation), batch.queryY));
    const { value, grads } = tf.valueAndGrads(queryLoss)(phi);
    // Each task's copy received its share of the mean; θ's gradient is their sum.
    const metaGrads = grads.map((g, i) => tf.reshape(tf.sum(g, 0), theta[i].shape));
    return { grads: metaGrads, loss: value as tf.Scalar };
  });
}
