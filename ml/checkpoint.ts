/**
 * Model checkpoints as small JSON files: weights as base64 little-endian float32, with
 * metadata (algorithm, seed, iterations, hyperparameters, held-out error).
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import type { AlgorithmName, Hyperparameters } from "./algorithms/index.ts";
import type { MlpSpec, Params } from "./model/mlp.ts";

/** A tensor as JSON. */
export interface EncodedTensor {
  /** Tensor shape. */
  shape: number[];
  /** float32 values, little-endian, base64. */
  data: string;
}

/** Held-out error recorded when the checkpoint was written. */
export interface HeldOutError {
  /** Number of held-out tasks. */
  tasks: number;
  /** Seed of the held-out tasks (never used for training). */
  seed: number;
  /** Support points per task. */
  k: number;
  /** Mean squared error on evenly spaced points after n inner steps, keyed by n. */
  mse: Record<string, number>;
}

/** Everything a widget or the eval script needs to rebuild a trained network. */
export interface Checkpoint {
  /** Format marker, checked on load. */
  format: "sinusoid-mlp";
  /** Format version. */
  version: 1;
  /** The algorithm that produced θ. */
  algorithm: AlgorithmName;
  /** Seed of the run (initialisation and task sampling). */
  seed: number;
  /** Meta-iterations actually run. */
  iterations: number;
  /** Hyperparameters of the run. */
  hyperparameters: Hyperparameters;
  /** Architecture. */
  spec: MlpSpec;
  /** Held-out error of θ after fine-tuning, if measured. */
  heldOut?: HeldOutError;
  /** Free-form remarks, e.g. why a run is shorter than the paper's. */
  notes?: string;
  /** θ, in `paramShapes(spec)` order. */
  params: EncodedTensor[];
}

/** Encodes a tensor (read synchronously; fine on CPU and WASM, stalls WebGL). */
export function encodeTensor(t: tf.Tensor): EncodedTensor {
  const values = t.dataSync() as Float32Array;
  return { shape: [...t.shape], data: floatsToBase64(values) };
}

/** Decodes a tensor written by `encodeTensor`. */
export function decodeTensor(e: EncodedTensor): tf.Tensor {
  const values = base64ToFloats(e.data);
  const size = e.shape.reduce((a, b) => a * b, 1);
  if (values.length !== size) {
    throw new Error(`tensor data has ${values.length} values but shape [${e.shape}] needs ${size}`);
  }
  return tf.tensor(values, e.shape);
}

/**
 * The network of a checkpoint; the caller disposes the returned tensors.
 * @example
 * const { params, checkpoint } = loadCheckpoint(await (await fetch(url)).json());
 */
export function loadCheckpoint(json: unknown): { params: Params; checkpoint: Checkpoint } {
  const checkpoint = json as Checkpoint;
  if (checkpoint?.format !== "sinusoid-mlp" || checkpoint.version !== 1) {
    throw new Error('not a sinusoid-mlp v1 checkpoint (expected format "sinusoid-mlp", version 1)');
  }
  return { params: checkpoint.params.map(decodeTensor), checkpoint };
}

/** A checkpoint for θ with the given metadata. */
export function makeCheckpoint(
  params: Params,
  meta: Omit<Checkpoint, "format" | "version" | "params">,
): Checkpoint {
  return { format: "sinusoid-mlp", version: 1, ...meta, params: params.map(encodeTensor) };
}

function floatsToBase64(values: Float32Array): string {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => view.setFloat32(i * 4, v, true));
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function base64ToFloats(data: string): Float32Array {
  const binary = atob(data);
  const view = new DataView(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) view.setUint8(i, binary.charCodeAt(i));
  return Float32Array.from({ length: binary.length / 4 }, (_, i) => view.getFloat32(i * 4, true));
}
