/**
 * Turns a sampled meta-batch into tensors shaped [tasks, points, 1], the layout the
 * vectorized algorithms run on.
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import type { MetaBatch, PointSet } from "./sinusoid.ts";

/** A meta-batch as tensors: support set D^tr and query set D^ts of every task. */
export interface MetaBatchTensors {
  /** Number of tasks in the meta-batch. */
  tasks: number;
  /** Support inputs, [tasks, kSupport, 1]. */
  supportX: tf.Tensor3D;
  /** Support targets, [tasks, kSupport, 1]. */
  supportY: tf.Tensor3D;
  /** Query inputs, [tasks, kQuery, 1]. */
  queryX: tf.Tensor3D;
  /** Query targets, [tasks, kQuery, 1]. */
  queryY: tf.Tensor3D;
}

/** Tensors for a meta-batch; free them with `disposeMetaBatch`. */
export function metaBatchTensors(batch: MetaBatch): MetaBatchTensors {
  const tasks = batch.tasks.length;
  return {
    tasks,
    supportX: tf.tensor3d(batch.support.x, [tasks, batch.kSupport, 1]),
    supportY: tf.tensor3d(batch.support.y, [tasks, batch.kSupport, 1]),
    queryX: tf.tensor3d(batch.query.x, [tasks, batch.kQuery, 1]),
    queryY: tf.tensor3d(batch.query.y, [tasks, batch.kQuery, 1]),
  };
}

/** Column tensors [K, 1] for the points of a single task. */
export function pointTensors(points: PointSet): { x: tf.Tensor2D; y: tf.Tensor2D } {
  return {
    x: tf.tensor2d(points.x, [points.x.length, 1]),
    y: tf.tensor2d(points.y, [points.y.length, 1]),
  };
}

/** Frees the tensors of a meta-batch. */
export function disposeMetaBatch(batch: MetaBatchTensors): void {
  tf.dispose([batch.supportX, batch.supportY, batch.queryX, batch.queryY]);
}
