/**
 * The networks a worker keeps: the committed checkpoints, a seeded scratch network, and
 * (through the job) the live run. Adapts any of them to one task and returns plain curves.
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import { fineTuneCurves } from "../adapt.ts";
import type { AlgorithmName } from "../algorithms/index.ts";
import { scratchInit } from "../algorithms/scratch.ts";
import { loadCheckpoint } from "../checkpoint.ts";
import type { Params } from "../model/mlp.ts";
import type { ModelCurves, ModelName, PredictRequest, Reply } from "./protocol.ts";

/** Seed of the scratch network the widgets show. */
export const SCRATCH_SEED = 0;

/** Checkpointed networks by name, plus the scratch network. */
export class ModelStore {
  #models = new Map<ModelName, Params>();

  /** A store holding only a seeded scratch network; a loaded "scratch" checkpoint replaces it. */
  constructor() {
    this.#models.set("scratch", scratchInit(SCRATCH_SEED));
  }

  /**
   * Fetches and decodes checkpoints; a missing or broken file is reported, not thrown.
   * @example
   * const { loaded, missing } = await store.load({ maml: "/models/sinusoid/maml.json" }, fetch);
   */
  async load(
    urls: Partial<Record<AlgorithmName, string>>,
    fetcher: (url: string) => Promise<Response> = fetch,
  ): Promise<{ loaded: AlgorithmName[]; missing: { name: AlgorithmName; reason: string }[] }> {
    const loaded: AlgorithmName[] = [];
    const missing: { name: AlgorithmName; reason: string }[] = [];
    await Promise.all(
      Object.entries(urls).map(async ([name, url]) => {
        const key = name as AlgorithmName;
        try {
          const response = await fetcher(url!);
          if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
          const { params } = loadCheckpoint(await response.json());
          tf.dispose(this.#models.get(key) ?? []);
          this.#models.set(key, params);
          loaded.push(key);
        } catch (error) {
          missing.push({
            name: key,
            reason: error instanceof Error ? error.message : String(error),
          });
        }
      }),
    );
    return { loaded, missing };
  }

  /** θ of a stored model, if present. */
  get(name: ModelName): Params | undefined {
    return this.#models.get(name);
  }

  /** Frees every stored network. */
  dispose(): void {
    for (const params of this.#models.values()) tf.dispose(params);
    this.#models.clear();
  }
}

/**
 * Adapts each requested model to the request's support set. `live` is the live run's θ.
 * @example
 * const reply = predict(store, request, job.theta);
 */
export function predict(
  store: ModelStore,
  request: PredictRequest,
  live: Params | undefined,
): Extract<Reply, { type: "prediction" }> {
  const models: Partial<Record<ModelName, ModelCurves>> = {};
  const unavailable: ModelName[] = [];
  for (const name of request.models) {
    const theta = name === "live" ? live : store.get(name);
    if (!theta) {
      unavailable.push(name);
      continue;
    }
    const options = { alpha: request.alpha, steps: request.steps, activation: "relu" as const };
    const run = fineTuneCurves(theta, request.support, request.evalX, options);
    models[name] = summarize(run.curves, run.supportLoss, request.target);
  }
  return {
    type: "prediction",
    id: request.id,
    models,
    unavailable,
    numTensors: tf.memory().numTensors,
  };
}

/** Cuts the curves at the first non-finite step and measures each against the target. */
export function summarize(
  curves: Float32Array[],
  supportLoss: number[],
  target?: Float32Array,
): ModelCurves {
  let last = curves.length;
  for (let s = 0; s < curves.length; s++) {
    if (!Number.isFinite(supportLoss[s]) || !curves[s].every(Number.isFinite)) {
      last = s;
      break;
    }
  }
  const kept = curves.slice(0, last);
  const error = target ? kept.map((c) => meanSquaredError(c, target)) : [];
  return {
    curves: kept,
    error,
    supportLoss: supportLoss.slice(0, last),
    diverged: last < curves.length,
  };
}

function meanSquaredError(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] - b[i]) ** 2;
  return sum / a.length;
}
