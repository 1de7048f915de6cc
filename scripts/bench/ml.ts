/**
 * MAML meta-training throughput under Deno: meta-iterations per second (meta-batch 25,
 * K = 10, one inner step, Adam) of the vectorized meta-batch against the per-task loop,
 * on the WASM and CPU backends, with the TF.js kernels each meta-iteration launches.
 * Goal: vectorized at least 8× the loop on WASM. About a minute in all.
 *
 *   deno run -A scripts/bench/ml.ts [--seconds 9] [--json]
 */
import * as tf from "@tensorflow/tfjs-core";
import { parseArgs } from "node:util";
import { HYPERPARAMETERS } from "../../ml/algorithms/index.ts";
import { type DenoBackend, useDenoBackend } from "../../ml/env/deno.ts";
import { MetaTrainer } from "../../ml/train.ts";

/** Options of the bench. */
export interface MlBenchOptions {
  /** Measuring time per (backend, variant) pair, after warm-up, split into rounds. */
  seconds: number;
  /** Backends to measure. */
  backends: DenoBackend[];
}

export const defaults: MlBenchOptions = { seconds: 9, backends: ["wasm", "cpu"] };

/** The goal: vectorized meta-batch against the per-task loop, on WASM. */
export const GOAL_SPEEDUP = 8;

/** One backend's numbers. */
export interface BackendThroughput {
  /** Meta-iterations per second, vectorized over the meta-batch. */
  vectorized: number;
  /** Meta-iterations per second, one task at a time. */
  loop: number;
  /** vectorized / loop. */
  speedup: number;
  /** TF.js kernels launched per meta-iteration, vectorized. */
  kernelsVectorized: number;
  /** TF.js kernels launched per meta-iteration, per-task loop. */
  kernelsLoop: number;
}

/**
 * Measures every backend; progress on stderr.
 * @example
 * const { wasm } = await benchMl({ seconds: 3 });
 */
export async function benchMl(
  options: Partial<MlBenchOptions> = {},
): Promise<Partial<Record<DenoBackend, BackendThroughput>>> {
  const opts = { ...defaults, ...options };
  const results: Partial<Record<DenoBackend, BackendThroughput>> = {};
  for (const backend of opts.backends) {
    await useDenoBackend(backend);
    const vectorized = new Timed(true);
    const loop = new Timed(false);
    // Alternating short rounds and keeping each variant's best one evens out the load that
    // other processes put on a shared machine.
    for (let round = 0; round < ROUNDS; round++) {
      vectorized.run(opts.seconds / ROUNDS);
      loop.run(opts.seconds / ROUNDS);
    }
    results[backend] = {
      vectorized: vectorized.best,
      loop: loop.best,
      speedup: vectorized.best / loop.best,
      kernelsVectorized: await vectorized.kernels(),
      kernelsLoop: await loop.kernels(),
    };
    vectorized.dispose();
    loop.dispose();
    console.error(
      `${backend}: vectorized ${vectorized.best.toFixed(1)} it/s, loop ${
        loop.best.toFixed(1)
      } it/s`,
    );
  }
  return results;
}

const ROUNDS = 3;

/** A MAML trainer timed in rounds; `best` is its fastest round. */
class Timed {
  best = 0;
  #trainer: MetaTrainer;

  constructor(vectorized: boolean) {
    const hp = { ...HYPERPARAMETERS.maml, metaBatch: 25, k: 10 };
    this.#trainer = new MetaTrainer({ algorithm: "maml", seed: 1, hp, vectorized });
    this.#trainer.step(); // warm-up: kernel set-up and first allocations
  }

  run(seconds: number): void {
    const tensors = tf.memory().numTensors;
    let iterations = 0;
    const started = performance.now();
    while (performance.now() - started < seconds * 1000) {
      this.#trainer.step();
      this.#trainer.lastLoss(); // reads back, as a real training loop does
      iterations++;
    }
    this.best = Math.max(this.best, iterations / ((performance.now() - started) / 1000));
    if (tf.memory().numTensors !== tensors) throw new Error("the trainer leaked tensors");
  }

  /** TF.js kernels launched by one meta-iteration. */
  async kernels(): Promise<number> {
    return (await tf.profile(() => this.#trainer.step())).kernels.length;
  }

  dispose(): void {
    this.#trainer.dispose();
  }
}

/** The results as a short table with the ratios and the goal. */
export function renderMlBench(results: Partial<Record<DenoBackend, BackendThroughput>>): string {
  const lines = [
    "MAML meta-training, meta-batch 25, K = 10 (meta-iterations/s; kernels per meta-iteration)",
    "backend   vectorized        loop   speedup",
  ];
  for (const [backend, r] of Object.entries(results)) {
    lines.push(
      `${backend.padEnd(6)} ${r.vectorized.toFixed(1).padStart(8)} (${r.kernelsVectorized}) ` +
        `${r.loop.toFixed(1).padStart(7)} (${r.kernelsLoop}) ${r.speedup.toFixed(1).padStart(6)}×`,
    );
  }
  if (results.wasm && results.cpu) {
    lines.push(
      `vectorized WASM / vectorized CPU: ${
        (results.wasm.vectorized / results.cpu.vectorized).toFixed(1)
      }×`,
    );
  }
  if (results.wasm) {
    const met = results.wasm.speedup >= GOAL_SPEEDUP;
    lines.push(`goal: vectorized ≥ ${GOAL_SPEEDUP}× the loop on WASM — ${met ? "met" : "NOT met"}`);
  }
  return lines.join("\n");
}

if (import.meta.main) {
  const { values } = parseArgs({
    args: Deno.args,
    options: { seconds: { type: "string" }, json: { type: "boolean" } },
  });
  const results = await benchMl(values.seconds ? { seconds: Number(values.seconds) } : {});
  console.log(values.json ? JSON.stringify(results) : renderMlBench(results));
}
