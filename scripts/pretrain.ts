/**
 * `deno task pretrain`: trains every sinusoid model and writes small checkpoints to
 * static/models/sinusoid/<name>.json. Deterministic from its seed, resumable after an
 * interruption (state in .cache/pretrain/), progress on stderr.
 *
 *   deno task pretrain                       all models, paper scale (70,000 iterations)
 *   deno task pretrain --only maml,fomaml    some models
 *   deno task pretrain --iterations 2000     a shorter run (recorded in the checkpoint)
 *   deno task pretrain --fresh               ignore saved state and start over
 *   other options: --seed 1  --out DIR  --state DIR  --backend wasm|cpu  --held-out-tasks 200
 */
import { parseArgs } from "node:util";
import {
  type AlgorithmName,
  HYPERPARAMETERS,
  type Hyperparameters,
  TRAINED_ALGORITHMS,
} from "../ml/algorithms/index.ts";
import { scratchInit } from "../ml/algorithms/scratch.ts";
import { makeCheckpoint } from "../ml/checkpoint.ts";
import { type DenoBackend, useDenoBackend } from "../ml/env/deno.ts";
import { evaluate } from "../ml/evaluate.ts";
import { type Params, SINUSOID_MLP } from "../ml/model/mlp.ts";
import { MetaTrainer, type TrainerState } from "../ml/train.ts";
import * as tf from "@tensorflow/tfjs-core";

/** Options of a pretraining run. */
export interface PretrainOptions {
  /** Models to train, in order. */
  only: AlgorithmName[];
  /** Meta-iterations per model; undefined keeps each model's paper setting. */
  iterations?: number;
  /** Seed of every run (initialisation and task sampling). */
  seed: number;
  /** Folder of the finished checkpoints. */
  out: string;
  /** Folder of the resumable state. */
  state: string;
  /** Save resumable state every this many meta-iterations. */
  saveEvery: number;
  /** Measure held-out error and report progress every this many meta-iterations. */
  reportEvery: number;
  /** Held-out tasks for progress and for the checkpoint's recorded error. */
  heldOutTasks: number;
  /** Start over, ignoring saved state. */
  fresh: boolean;
  /** TF.js backend; WASM is the fastest under Deno here. */
  backend: DenoBackend;
}

export const defaults: PretrainOptions = {
  only: [...TRAINED_ALGORITHMS, "scratch"],
  seed: 1,
  out: "static/models/sinusoid",
  state: ".cache/pretrain",
  saveEvery: 2000,
  reportEvery: 1000,
  heldOutTasks: 200,
  fresh: false,
  backend: "wasm",
};

/** Seed of the held-out tasks used for progress and checkpoint metadata (not for training). */
export const PROGRESS_SEED = 770_000;

/** Trains the selected models and writes their checkpoints. */
export async function pretrain(options: Partial<PretrainOptions> = {}): Promise<void> {
  const opts = { ...defaults, ...options };
  await useDenoBackend(opts.backend);
  await Deno.mkdir(opts.out, { recursive: true });
  await Deno.mkdir(opts.state, { recursive: true });
  for (const algorithm of opts.only) {
    const hp = { ...HYPERPARAMETERS[algorithm] };
    if (opts.iterations !== undefined && algorithm !== "scratch") hp.iterations = opts.iterations;
    if (algorithm === "scratch") {
      const theta = scratchInit(opts.seed);
      await writeCheckpoint(algorithm, theta, hp, opts);
      tf.dispose(theta);
      continue;
    }
    const trainer = await startTrainer(algorithm, hp, opts);
    await train(trainer, opts);
    await writeCheckpoint(algorithm, trainer.theta, hp, opts);
    trainer.dispose();
  }
}

async function startTrainer(
  algorithm: AlgorithmName,
  hp: Hyperparameters,
  opts: PretrainOptions,
): Promise<MetaTrainer> {
  const config = { algorithm, seed: opts.seed, hp };
  const saved = opts.fresh ? undefined : await readState(statePath(algorithm, opts));
  // State from a run with other settings would silently mix two experiments.
  if (saved && sameRun(saved.config, config)) {
    log(`${algorithm}: resuming at iteration ${saved.trainer.iteration}`);
    return MetaTrainer.restore(config, saved.trainer);
  }
  return new MetaTrainer(config);
}

async function train(trainer: MetaTrainer, opts: PretrainOptions): Promise<void> {
  const { algorithm, hp } = trainer.config;
  const started = performance.now();
  const startIteration = trainer.iteration;
  while (trainer.iteration < hp.iterations) {
    trainer.step();
    const i = trainer.iteration;
    if (i % opts.reportEvery === 0 || i === hp.iterations) {
      const heldOut = progressError(trainer.theta, hp, opts);
      const rate = (i - startIteration) / ((performance.now() - started) / 1000);
      const left = (hp.iterations - i) / rate;
      log(
        `${algorithm} ${i}/${hp.iterations}  loss ${trainer.lastLoss().toFixed(3)}  ` +
          `held-out MSE after 1 step (K=${hp.k}) ${heldOut.toFixed(3)}  ` +
          `${rate.toFixed(0)} it/s  ${formatTime(left)} left`,
      );
    }
    if (i % opts.saveEvery === 0 || i === hp.iterations) {
      await saveState(trainer, opts);
    }
  }
}

function progressError(theta: Params, hp: Hyperparameters, opts: PretrainOptions): number {
  return evaluate(theta, {
    tasks: opts.heldOutTasks,
    seed: PROGRESS_SEED,
    k: hp.k,
    steps: [1],
    alpha: hp.alpha,
    activation: SINUSOID_MLP.activation,
  })["1"];
}

async function writeCheckpoint(
  algorithm: AlgorithmName,
  theta: Params,
  hp: Hyperparameters,
  opts: PretrainOptions,
): Promise<void> {
  const heldOut = evaluate(theta, {
    tasks: opts.heldOutTasks,
    seed: PROGRESS_SEED,
    k: hp.k,
    steps: [0, 1, 10],
    alpha: hp.alpha,
    activation: SINUSOID_MLP.activation,
  });
  const paper = HYPERPARAMETERS[algorithm].iterations;
  const notes = hp.iterations < paper
    ? `shortened run: ${hp.iterations} of the paper's ${paper} meta-iterations`
    : `${hp.iterations} meta-iterations (paper scale); ${opts.backend} backend under Deno`;
  const checkpoint = makeCheckpoint(theta, {
    algorithm,
    seed: opts.seed,
    iterations: hp.iterations,
    hyperparameters: hp,
    spec: SINUSOID_MLP,
    heldOut: { tasks: opts.heldOutTasks, seed: PROGRESS_SEED, k: hp.k, mse: heldOut },
    notes,
  });
  const path = `${opts.out}/${algorithm}.json`;
  await Deno.writeTextFile(path, JSON.stringify(checkpoint) + "\n");
  const summary = Object.entries(heldOut).map(([s, e]) => `${s} steps ${e.toFixed(3)}`);
  log(`${algorithm}: wrote ${path} (held-out MSE, K=${hp.k}: ${summary.join(", ")})`);
}

interface SavedState {
  config: { algorithm: AlgorithmName; seed: number; hp: Hyperparameters };
  trainer: TrainerState;
}

function statePath(algorithm: AlgorithmName, opts: PretrainOptions): string {
  return `${opts.state}/${algorithm}.json`;
}

async function saveState(trainer: MetaTrainer, opts: PretrainOptions): Promise<void> {
  const { algorithm, seed, hp } = trainer.config;
  const state: SavedState = { config: { algorithm, seed, hp }, trainer: trainer.saveState() };
  // Write then rename, so an interruption mid-write never leaves a torn state file.
  const path = statePath(algorithm, opts);
  await Deno.writeTextFile(`${path}.tmp`, JSON.stringify(state));
  await Deno.rename(`${path}.tmp`, path);
}

async function readState(path: string): Promise<SavedState | undefined> {
  try {
    return JSON.parse(await Deno.readTextFile(path));
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return undefined;
    throw new Error(`${path}: unreadable pretraining state (${error}); rerun with --fresh`);
  }
}

function sameRun(a: SavedState["config"], b: SavedState["config"]): boolean {
  // The iteration target may grow (resume a short run for longer); nothing else may change.
  const { iterations: _a, ...hpA } = a.hp;
  const { iterations: _b, ...hpB } = b.hp;
  return a.algorithm === b.algorithm && a.seed === b.seed &&
    JSON.stringify(hpA) === JSON.stringify(hpB);
}

function formatTime(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  const total = Math.round(seconds);
  return total >= 60 ? `${Math.floor(total / 60)} min ${total % 60} s` : `${total} s`;
}

function log(line: string): void {
  console.error(line);
}

function parseOptions(args: string[]): Partial<PretrainOptions> {
  const { values } = parseArgs({
    args,
    options: {
      only: { type: "string" },
      iterations: { type: "string" },
      seed: { type: "string" },
      out: { type: "string" },
      state: { type: "string" },
      backend: { type: "string" },
      "held-out-tasks": { type: "string" },
      fresh: { type: "boolean" },
    },
  });
  const options: Partial<PretrainOptions> = { fresh: values.fresh ?? false };
  if (values.only) {
    const names = values.only.split(",") as AlgorithmName[];
    const known = defaults.only;
    for (const name of names) {
      if (!known.includes(name)) {
        throw new Error(`--only ${name}: unknown model (choose from ${known.join(", ")})`);
      }
    }
    options.only = names;
  }
  if (values.iterations) options.iterations = Number(values.iterations);
  if (values.seed) options.seed = Number(values.seed);
  if (values.out) options.out = values.out;
  if (values.state) options.state = values.state;
  if (values["held-out-tasks"]) options.heldOutTasks = Number(values["held-out-tasks"]);
  if (values.backend) options.backend = values.backend as DenoBackend;
  return options;
}

if (import.meta.main) {
  await pretrain(parseOptions(Deno.args));
}
