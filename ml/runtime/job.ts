/**
 * A live meta-training job: runs `MetaTrainer` in time slices so the worker stays responsive,
 * batches the losses of each slice into one progress message (about 30 a second), measures
 * the held-out post-adaptation error now and then, and on a NaN or Inf loss stops and returns
 * to the last weights known to be good. Environment-free, so Deno tests drive it directly.
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import { HYPERPARAMETERS, type Hyperparameters } from "../algorithms/index.ts";
import { evaluate } from "../evaluate.ts";
import type { Params } from "../model/mlp.ts";
import { MetaTrainer, type TrainConfig, type TrainerState } from "../train.ts";
import type { JobSettings, JobStatus, Progress, Reply } from "./protocol.ts";

/** Seed of the held-out tasks of live runs; no training run uses it. */
export const LIVE_HELD_OUT_SEED = 330_003;

/** Knobs of the job loop; the defaults suit a browser worker. */
export interface JobOptions {
  /** Longest run of steps between two progress messages, in ms. */
  sliceMs: number;
  /** Time between two held-out measurements, in ms. */
  heldOutEveryMs: number;
  /** Number of held-out tasks per measurement. */
  heldOutTasks: number;
  /** Time between two snapshots of the weights to return to after a divergence, in ms. */
  snapshotEveryMs: number;
  /** Lets pending messages in between slices. */
  yieldToEvents: () => Promise<void>;
}

/** Defaults: 33 ms slices (≈ 30 messages a second), a held-out check every second. */
export const defaults: JobOptions = {
  sliceMs: 33,
  heldOutEveryMs: 1000,
  heldOutTasks: 25,
  snapshotEveryMs: 1000,
  yieldToEvents: () => new Promise((resolve) => setTimeout(resolve, 0)),
};

/** The hyperparameters a live job runs with: the algorithm's own, overridden by the settings. */
export function jobHyperparameters(settings: JobSettings): Hyperparameters {
  const { metaBatch, k, alpha, learningRate, iterations } = settings;
  return { ...HYPERPARAMETERS[settings.algorithm], metaBatch, k, alpha, learningRate, iterations };
}

/** One live meta-training run at a time; `start` replaces the previous one. */
export class TrainJob {
  #post: (reply: Reply) => void;
  #options: JobOptions;
  #trainer: MetaTrainer | undefined;
  #config: TrainConfig | undefined;
  #good: TrainerState | undefined;
  #status: JobStatus = "idle";
  #loop = 0;
  #lastHeldOut = -Infinity;
  #lastSnapshot = -Infinity;
  #rate = { iterations: 0, since: 0, value: 0 };

  /**
   * @param post receives progress and divergence messages.
   * @example
   * const job = new TrainJob((reply) => self.postMessage(reply));
   * job.start({ algorithm: "maml", iterations: 1000, learningRate: 1e-3, alpha: 0.01, seed: 1, metaBatch: 25, k: 10 });
   */
  constructor(post: (reply: Reply) => void, options: Partial<JobOptions> = {}) {
    this.#post = post;
    this.#options = { ...defaults, ...options };
  }

  /** Where the job is. */
  get status(): JobStatus {
    return this.#status;
  }

  /** θ of the live run (owned by the job), or undefined when there is none. */
  get theta(): Params | undefined {
    return this.#trainer?.theta;
  }

  /** Starts a fresh run from a seeded random θ, discarding any previous one. */
  start(settings: JobSettings): void {
    this.#discard();
    this.#config = {
      algorithm: settings.algorithm,
      seed: settings.seed,
      hp: jobHyperparameters(settings),
    };
    this.#trainer = new MetaTrainer(this.#config);
    this.#good = undefined;
    this.#lastHeldOut = -Infinity;
    this.#lastSnapshot = -Infinity;
    this.#run();
  }

  /** Stops after the current slice; `resume` continues. */
  pause(): void {
    if (this.#status !== "running") return;
    this.#loop++;
    this.#setStatus("paused");
  }

  /** Continues a paused, cancelled or diverged run, optionally with a new learning rate. */
  resume(learningRate?: number): void {
    if (!this.#trainer || !this.#config || this.#status === "running") return;
    if (learningRate !== undefined && learningRate !== this.#config.hp.learningRate) {
      const state = this.#trainer.saveState();
      this.#trainer.dispose();
      this.#config = { ...this.#config, hp: { ...this.#config.hp, learningRate } };
      this.#trainer = MetaTrainer.restore(this.#config, state);
    }
    if (this.#trainer.iteration >= this.#config.hp.iterations) return;
    this.#run();
  }

  /** Stops the run but keeps its θ as the live model. */
  cancel(): void {
    if (!this.#trainer) return;
    this.#loop++;
    this.#setStatus("cancelled");
  }

  /** Stops the run and frees its θ: numTensors returns to the level before `start`. */
  reset(): void {
    this.#discard();
    this.#setStatus("idle");
  }

  /** Frees everything, without a message. */
  dispose(): void {
    this.#discard();
  }

  #discard(): void {
    this.#loop++;
    this.#trainer?.dispose();
    this.#trainer = undefined;
    this.#config = undefined;
    this.#good = undefined;
    this.#status = "idle";
  }

  async #run(): Promise<void> {
    const loop = ++this.#loop;
    this.#status = "running";
    this.#rate = { iterations: this.#trainer!.iteration, since: performance.now(), value: 0 };
    while (loop === this.#loop && this.#status === "running") {
      try {
        this.#slice();
      } catch (error) {
        // E.g. a lost WebGL context: stop with the weights as they are and tell the page.
        const message = error instanceof Error ? error.message : String(error);
        this.#post({ type: "error", message, request: "train" });
        this.#loop++;
        this.#setStatus("cancelled");
        return;
      }
      await this.#options.yieldToEvents();
    }
  }

  /** Runs steps for up to one slice, then reports them in one message. */
  #slice(): void {
    const trainer = this.#trainer!;
    const hp = this.#config!.hp;
    const started = performance.now();
    // Reading the weights back stalls a GPU backend, so snapshots are taken about once a second.
    const due = started - this.#lastSnapshot >= this.#options.snapshotEveryMs;
    const snapshot = due ? trainer.saveState() : undefined;
    const losses: number[] = [];
    while (
      trainer.iteration < hp.iterations && performance.now() - started < this.#options.sliceMs
    ) {
      trainer.step();
      const loss = trainer.lastLoss();
      if (!Number.isFinite(loss)) {
        return this.#diverge(trainer.iteration, losses.length > 0 ? snapshot : undefined);
      }
      // θ at the slice's start gave a finite loss, so it is safe to return to.
      if (losses.length === 0 && snapshot) {
        this.#good = snapshot;
        this.#lastSnapshot = started;
      }
      losses.push(loss);
    }
    const done = trainer.iteration >= hp.iterations;
    if (done) this.#status = "done";
    this.#post(this.#progress(losses, done));
  }

  #diverge(iteration: number, snapshot: TrainerState | undefined): void {
    this.#loop++;
    const good = snapshot ?? this.#good;
    this.#trainer!.dispose();
    // With no good state at all (divergence on the first step), start over from the seed.
    this.#trainer = good
      ? MetaTrainer.restore(this.#config!, good)
      : new MetaTrainer(this.#config!);
    this.#status = "diverged";
    this.#post({ type: "diverged", iteration, restoredTo: this.#trainer.iteration });
    this.#post(this.#progress([], false));
  }

  #progress(losses: number[], force: boolean): Progress {
    const trainer = this.#trainer!;
    const hp = this.#config!.hp;
    const now = performance.now();
    let heldOut: Progress["heldOut"];
    if (force || now - this.#lastHeldOut >= this.#options.heldOutEveryMs) {
      this.#lastHeldOut = now;
      const mse = evaluate(trainer.theta, {
        tasks: this.#options.heldOutTasks,
        seed: LIVE_HELD_OUT_SEED,
        k: hp.k,
        steps: [1],
        alpha: hp.alpha,
        activation: this.#config!.spec?.activation ?? "relu",
      });
      heldOut = { iteration: trainer.iteration, mse: mse["1"] };
    }
    const elapsed = (now - this.#rate.since) / 1000;
    if (elapsed >= 0.5) {
      this.#rate = {
        iterations: trainer.iteration,
        since: now,
        value: (trainer.iteration - this.#rate.iterations) / elapsed,
      };
    }
    return {
      type: "progress",
      status: this.#status,
      iteration: trainer.iteration,
      iterations: hp.iterations,
      losses,
      heldOut,
      stepsPerSecond: this.#rate.value,
      numTensors: tf.memory().numTensors,
    };
  }

  #setStatus(status: JobStatus): void {
    this.#status = status;
    if (this.#trainer) this.#post(this.#progress([], false));
    else {
      this.#post({
        type: "progress",
        status,
        iteration: 0,
        iterations: 0,
        losses: [],
        stepsPerSecond: 0,
        numTensors: tf.memory().numTensors,
      });
    }
  }
}
