/**
 * The meta-training loop shared by pretraining, the bench and the widgets' worker:
 * sample a meta-batch, take the algorithm's meta-gradient, apply Adam to θ.
 * Seeded and resumable: `saveState` and `MetaTrainer.restore` continue the exact run.
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import { type AlgorithmName, type Hyperparameters, metaGradient } from "./algorithms/index.ts";
import { decodeTensor, type EncodedTensor, encodeTensor } from "./checkpoint.ts";
import { initMlp, type MlpSpec, type Params, SINUSOID_MLP } from "./model/mlp.ts";
import { adamDispose, adamInit, type AdamState, adamStep } from "./optim/adam.ts";
import { Rng, type RngState } from "./rng.ts";
import { sampleMetaBatch } from "./tasks/sinusoid.ts";
import { disposeMetaBatch, metaBatchTensors } from "./tasks/tensors.ts";

/** What to train. */
export interface TrainConfig {
  /** Algorithm; not "scratch". */
  algorithm: AlgorithmName;
  /** Seed of initialisation and task sampling. */
  seed: number;
  /** Hyperparameters. */
  hp: Hyperparameters;
  /** Architecture (default: the paper's 1-40-40-1 ReLU). */
  spec?: MlpSpec;
  /** false runs MAML as a per-task loop (reference and bench only). */
  vectorized?: boolean;
}

/** A trainer's full state as JSON, for resuming. */
export interface TrainerState {
  /** Meta-iterations done. */
  iteration: number;
  /** θ. */
  theta: EncodedTensor[];
  /** Adam's moments and step count. */
  adam: { m: EncodedTensor; v: EncodedTensor; t: number };
  /** Task sampler's generator state. */
  rng: RngState;
}

/** Runs meta-training one meta-iteration at a time. */
export class MetaTrainer {
  /** Meta-iterations done. */
  iteration = 0;
  #theta: Params;
  #adam: AdamState;
  #rng: Rng;
  #loss: tf.Scalar | undefined;
  readonly config: Required<TrainConfig>;

  /**
   * A fresh run: θ drawn from the seed.
   * @example
   * const trainer = new MetaTrainer({ algorithm: "maml", seed: 1, hp: HYPERPARAMETERS.maml });
   * for (let i = 0; i < 100; i++) trainer.step();
   */
  constructor(config: TrainConfig) {
    if (config.algorithm === "scratch") {
      throw new Error('"scratch" has no training phase; use scratchInit(seed) instead');
    }
    this.config = { spec: SINUSOID_MLP, vectorized: true, ...config };
    const root = new Rng(config.seed);
    // Same first fork as scratchInit(seed), so a run starts from the scratch network.
    this.#theta = initMlp(this.config.spec, root.fork());
    this.#rng = root.fork();
    this.#adam = adamInit(this.#theta);
  }

  /** A run continued from `saveState` output. */
  static restore(config: TrainConfig, state: TrainerState): MetaTrainer {
    const trainer = new MetaTrainer(config);
    trainer.#replace(state.theta.map(decodeTensor), {
      m: decodeTensor(state.adam.m) as tf.Tensor1D,
      v: decodeTensor(state.adam.v) as tf.Tensor1D,
      t: state.adam.t,
    });
    trainer.#rng = Rng.fromState(state.rng);
    trainer.iteration = state.iteration;
    return trainer;
  }

  /** The current θ (owned by the trainer: clone it to keep it past the next step). */
  get theta(): Params {
    return this.#theta;
  }

  /** One meta-iteration: sample a meta-batch, meta-gradient, Adam step on θ. */
  step(): void {
    const { algorithm, hp, spec, vectorized } = this.config;
    const batch = metaBatchTensors(sampleMetaBatch(this.#rng, hp.metaBatch, hp.k));
    const { grads, loss } = metaGradient(
      algorithm,
      this.#theta,
      batch,
      hp,
      spec.activation,
      vectorized,
    );
    const next = adamStep(this.#theta, grads, this.#adam, { learningRate: hp.learningRate });
    tf.dispose(grads);
    disposeMetaBatch(batch);
    this.#replace(next.params, next.state);
    this.#loss?.dispose();
    this.#loss = loss;
    this.iteration++;
  }

  /** Training loss of the last meta-iteration (NaN before the first). */
  lastLoss(): number {
    return this.#loss ? this.#loss.dataSync()[0] : NaN;
  }

  /** The full state as JSON, for `MetaTrainer.restore`. */
  saveState(): TrainerState {
    return {
      iteration: this.iteration,
      theta: this.#theta.map(encodeTensor),
      adam: { m: encodeTensor(this.#adam.m), v: encodeTensor(this.#adam.v), t: this.#adam.t },
      rng: this.#rng.state(),
    };
  }

  /** Frees every tensor the trainer holds. */
  dispose(): void {
    tf.dispose(this.#theta);
    adamDispose(this.#adam);
    this.#loss?.dispose();
    this.#loss = undefined;
  }

  #replace(theta: Params, adam: AdamState): void {
    tf.dispose(this.#theta);
    adamDispose(this.#adam);
    this.#theta = theta;
    this.#adam = adam;
  }
}
