/**
 * The algorithms by name, with the hyperparameters each is pretrained with, and one
 * `metaGradient` entry point so the trainer treats them alike.
 * @module
 */
import type { Activation, Params } from "../model/mlp.ts";
import type { MetaBatchTensors } from "../tasks/tensors.ts";
import { fomamlMetaGradient } from "./fomaml.ts";
import { mamlMetaGradient, mamlMetaGradientLoop, type MetaGradient } from "./maml.ts";
import { pretrainedGradient } from "./pretrained.ts";
import { reptileMetaGradient } from "./reptile.ts";

/** Every sinusoid model the site compares. */
export const ALGORITHMS = ["maml", "fomaml", "reptile", "pretrained", "scratch"] as const;

/** Name of an algorithm. */
export type AlgorithmName = typeof ALGORITHMS[number];

/** The algorithms that have a training phase (scratch has none). */
export const TRAINED_ALGORITHMS = ["maml", "fomaml", "reptile", "pretrained"] as const;

/** Settings of a (meta-)training run. */
export interface Hyperparameters {
  /** Tasks per meta-batch (paper: 25). */
  metaBatch: number;
  /** Support points per task, K; the query set has as many (paper: 10). */
  k: number;
  /** Inner step size α (paper: 0.01). */
  alpha: number;
  /** Inner steps per task during training (paper: 1). */
  innerSteps: number;
  /** Adam step size for θ (paper: 1e-3). */
  learningRate: number;
  /** Meta-iterations (paper: 70,000). */
  iterations: number;
}

/** The paper's sinusoid setting. */
const PAPER: Hyperparameters = {
  metaBatch: 25,
  k: 10,
  alpha: 0.01,
  innerSteps: 1,
  learningRate: 1e-3,
  iterations: 70_000,
};

/** Hyperparameters each sinusoid model is pretrained with. */
export const HYPERPARAMETERS: Record<AlgorithmName, Hyperparameters> = {
  maml: PAPER,
  fomaml: PAPER,
  reptile: { ...PAPER, innerSteps: 5 },
  pretrained: { ...PAPER, innerSteps: 0 },
  scratch: { ...PAPER, innerSteps: 0, iterations: 0 },
};

/**
 * The direction the outer optimiser descends for `algorithm` on one meta-batch.
 * `vectorized: false` selects MAML's per-task reference loop (for tests and the bench).
 */
export function metaGradient(
  algorithm: AlgorithmName,
  theta: Params,
  batch: MetaBatchTensors,
  hp: Hyperparameters,
  activation: Activation,
  vectorized = true,
): MetaGradient {
  const inner = { alpha: hp.alpha, innerSteps: hp.innerSteps, activation };
  switch (algorithm) {
    case "maml":
      return vectorized
        ? mamlMetaGradient(theta, batch, inner)
        : mamlMetaGradientLoop(theta, batch, inner);
    case "fomaml":
      return fomamlMetaGradient(theta, batch, inner);
    case "reptile":
      return reptileMetaGradient(theta, batch, inner);
    case "pretrained":
      return pretrainedGradient(theta, batch, activation);
    case "scratch":
      throw new Error('"scratch" has no training phase; use scratchInit(seed) instead');
  }
}
