/**
 * The typed messages between a widget (through `client.ts`) and the training worker.
 * Everything here is structured-clone data: no tensors, no functions.
 * @module
 */
import type { AlgorithmName } from "../algorithms/index.ts";
import type { BrowserBackend } from "../env/browser.ts";
import type { PointSet } from "../tasks/sinusoid.ts";

/** Models the worker can adapt: the committed checkpoints, scratch, and the live run. */
export type ModelName = AlgorithmName | "live";

/** Settings of a live meta-training job (the rest comes from the algorithm's defaults). */
export interface JobSettings {
  /** Algorithm to meta-train from scratch. */
  algorithm: Exclude<AlgorithmName, "scratch">;
  /** Meta-iterations to run. */
  iterations: number;
  /** Outer (Adam) learning rate. */
  learningRate: number;
  /** Inner step size α used during meta-training. */
  alpha: number;
  /** Seed of initialisation and task sampling. */
  seed: number;
  /** Tasks per meta-batch. */
  metaBatch: number;
  /** Support (and query) points per task. */
  k: number;
}

/** A request to fine-tune models on one task and return their curves. */
export interface PredictRequest {
  type: "predict";
  /** Echoed in the reply, so the page can drop stale answers. */
  id: number;
  /** Which models to adapt; missing ones are skipped and listed in the reply. */
  models: ModelName[];
  /** The K support points. */
  support: PointSet;
  /** Inputs to predict at. */
  evalX: Float32Array;
  /** True values at `evalX`, to measure each curve's error (omit for none). */
  target?: Float32Array;
  /** Inner step size α. */
  alpha: number;
  /** Inner steps (curves are returned after 0…steps steps). */
  steps: number;
}

/** Messages from the page to the worker. */
export type Request =
  | {
    type: "init";
    /** Backends to try, in order. */
    prefer: BrowserBackend[];
    /** Where the WASM backend finds its binaries. */
    wasmPath: string;
    /** Checkpoint URLs by model name. */
    checkpoints: Partial<Record<AlgorithmName, string>>;
  }
  | PredictRequest
  | { type: "train"; settings: JobSettings }
  | { type: "pause" }
  | { type: "resume"; /** A new learning rate, e.g. after a divergence. */ learningRate?: number }
  | { type: "cancel" }
  | { type: "reset" }
  | { type: "memory"; id: number }
  | { type: "dispose" };

/** Curves of one model on one task. */
export interface ModelCurves {
  /** curves[s][i]: prediction at evalX[i] after s inner steps. */
  curves: Float32Array[];
  /** Mean squared error against `target` after each step (empty without a target). */
  error: number[];
  /** Support-set loss after each step. */
  supportLoss: number[];
  /** true when adaptation produced NaN or Inf (α too large): curves stop at the last finite step. */
  diverged: boolean;
}

/** Where a job is. */
export type JobStatus = "idle" | "running" | "paused" | "done" | "diverged" | "cancelled";

/** Progress of a job, sent at most about 30 times a second. */
export interface Progress {
  type: "progress";
  status: JobStatus;
  /** Meta-iterations done. */
  iteration: number;
  /** Meta-iterations requested. */
  iterations: number;
  /** Meta-loss of every iteration since the last message, in order. */
  losses: number[];
  /** Held-out post-adaptation error, when measured since the last message. */
  heldOut?: { iteration: number; mse: number };
  /** Recent throughput in meta-iterations per second. */
  stepsPerSecond: number;
  /** tf.memory().numTensors in the worker right now. */
  numTensors: number;
}

/** Messages from the worker to the page. */
export type Reply =
  | {
    type: "ready";
    backend: BrowserBackend;
    /** Checkpoints that loaded; the others are listed in `missing`. */
    loaded: AlgorithmName[];
    /** Checkpoints that could not be fetched or parsed, with the reason. */
    missing: { name: AlgorithmName; reason: string }[];
    /** numTensors with every model loaded and no job: the level to return to. */
    baseline: number;
  }
  | {
    type: "prediction";
    id: number;
    models: Partial<Record<ModelName, ModelCurves>>;
    /** Requested models that are not available (missing checkpoint, no live run). */
    unavailable: ModelName[];
    /** tf.memory().numTensors after answering: predictions must leave none behind. */
    numTensors: number;
  }
  | Progress
  | {
    type: "diverged";
    /** Iteration where the loss became NaN or Inf. */
    iteration: number;
    /** Iteration of the weights the run returned to. */
    restoredTo: number;
  }
  | { type: "memory"; id: number; numTensors: number }
  | { type: "disposed"; numTensors: number }
  | {
    type: "error";
    message: string;
    /** The kind of request that failed ("train" for a running job). */
    request: Request["type"];
  };
