/**
 * The pretrained baseline ("multi-task" or joint training): one network fit to all points
 * of all tasks at once, ignoring which task a point came from. At test time it is
 * fine-tuned on the K support points like every other initialisation.
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import { type Activation, forward, mse, type Params } from "../model/mlp.ts";
import type { MetaBatchTensors } from "../tasks/tensors.ts";
import type { MetaGradient } from "./maml.ts";

/**
 * Gradient of the mean squared error over every support and query point of the batch.
 * @example
 * const { grads, loss } = pretrainedGradient(theta, batch, "relu");
 */
export function pretrainedGradient(
  theta: Params,
  batch: MetaBatchTensors,
  activation: Activation,
): MetaGradient {
  return tf.tidy(() => {
    const x = tf.concat([batch.supportX, batch.queryX], 1);
    const y = tf.concat([batch.supportY, batch.queryY], 1);
    const jointLoss = (...theta: tf.Tensor[]) => mse(forward(theta, x, activation), y);
    const { value, grads } = tf.valueAndGrads(jointLoss)(theta);
    return { grads, loss: value as tf.Scalar };
  });
}
