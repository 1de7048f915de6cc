/**
 * `deno task eval sinusoid`: evaluates the sinusoid checkpoints on held-out tasks (their own
 * seed, never used in training). Mean squared error on 100 evenly spaced points over
 * [−5, 5] after 0, 1 and 10 gradient steps on K = 5, 10 and 20 support points.
 *
 *   deno task eval sinusoid            a readable table
 *   deno task eval sinusoid --json     exactly one JSON object on stdout (progress on stderr);
 *                                      an error that overflowed to Infinity prints as null
 *   options: --tasks 600  --dir static/models/sinusoid  --alpha 0.01  --backend wasm|cpu
 */
import * as tf from "@tensorflow/tfjs-core";
import { parseArgs } from "node:util";
import { type AlgorithmName, ALGORITHMS } from "../ml/algorithms/index.ts";
import { loadCheckpoint } from "../ml/checkpoint.ts";
import { type DenoBackend, useDenoBackend } from "../ml/env/deno.ts";
import { evaluateTasks } from "../ml/evaluate.ts";
import { SINUSOID_MLP } from "../ml/model/mlp.ts";

/** Options of an evaluation. */
export interface EvalScriptOptions {
  /** Folder holding <algorithm>.json checkpoints. */
  dir: string;
  /** Held-out tasks per K. */
  tasks: number;
  /** Seed of the held-out tasks. */
  seed: number;
  /** Support-set sizes. */
  ks: number[];
  /** Report the error after these step counts. */
  steps: number[];
  /** Fine-tuning step size, the same for every model. */
  alpha: number;
  /** Models to evaluate. */
  models: AlgorithmName[];
  /** TF.js backend. */
  backend: DenoBackend;
}

export const defaults: EvalScriptOptions = {
  dir: "static/models/sinusoid",
  tasks: 600,
  seed: 330_003,
  ks: [5, 10, 20],
  steps: [0, 1, 10],
  alpha: 0.01,
  models: [...ALGORITHMS],
  backend: "wasm",
};

/** `table["k10"]["maml"]["1"]`: MSE of MAML after 1 step with K = 10. */
export type EvalTable = Record<string, Record<string, Record<string, number>>>;

/**
 * Loads each model's checkpoint and evaluates it for every K. Pass `medians` to also receive
 * the median over tasks, in the same shape as the table of means.
 */
export async function evaluateCheckpoints(
  options: Partial<EvalScriptOptions> = {},
  medians?: EvalTable,
): Promise<EvalTable> {
  const opts = { ...defaults, ...options };
  await useDenoBackend(opts.backend);
  const models = await Promise.all(opts.models.map((name) => readModel(opts.dir, name)));
  const table: EvalTable = {};
  for (const k of opts.ks) {
    const row: EvalTable[string] = {};
    const medianRow: EvalTable[string] = {};
    for (const { name, params } of models) {
      const started = performance.now();
      const perTask = evaluateTasks(params, {
        tasks: opts.tasks,
        seed: opts.seed,
        k,
        steps: opts.steps,
        alpha: opts.alpha,
        activation: SINUSOID_MLP.activation,
      });
      row[name] = {};
      medianRow[name] = {};
      for (const [s, errors] of Object.entries(perTask)) {
        row[name][s] = errors.reduce((sum, e) => sum + e, 0) / errors.length;
        medianRow[name][s] = median(errors);
      }
      const ms = performance.now() - started;
      console.error(`K=${k} ${name}: ${format(row[name])} (${ms.toFixed(0)} ms)`);
    }
    table[`k${k}`] = row;
    if (medians) medians[`k${k}`] = medianRow;
  }
  for (const { params } of models) tf.dispose(params);
  return table;
}

async function readModel(dir: string, name: AlgorithmName) {
  const path = `${dir}/${name}.json`;
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
    throw new Error(`${path} is missing: run "deno task pretrain" (or --only ${name}) first`);
  }
  const { params, checkpoint } = loadCheckpoint(JSON.parse(text));
  if (checkpoint.algorithm !== name) {
    throw new Error(`${path} holds a "${checkpoint.algorithm}" checkpoint, not "${name}"`);
  }
  return { name, params };
}

function format(errors: Record<string, number>): string {
  return Object.entries(errors).map(([s, e]) => `${s} steps ${e.toFixed(3)}`).join(", ");
}

function median(values: Float64Array): number {
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The table as aligned text: one block per K, one row per model, one column per step count.
 * With medians, a mean more than ten times its median gets a note: a few diverging tasks, not
 * the typical one, make that mean.
 */
export function renderTable(table: EvalTable, medians?: EvalTable): string {
  const lines: string[] = [];
  for (const [k, row] of Object.entries(table)) {
    const steps = Object.keys(Object.values(row)[0] ?? {});
    lines.push(`K = ${k.slice(1)}: held-out MSE after n gradient steps`);
    lines.push(["model".padEnd(12), ...steps.map((s) => `n=${s}`.padStart(11))].join(""));
    for (const [name, errors] of Object.entries(row)) {
      lines.push([name.padEnd(12), ...steps.map((s) => cell(errors[s]).padStart(11))].join(""));
    }
    for (const [name, errors] of Object.entries(row)) {
      for (const s of steps) {
        const mid = medians?.[k]?.[name]?.[s];
        if (mid !== undefined && errors[s] > 10 * mid) {
          lines.push(
            `  note: ${name} n=${s}: the mean is made by a few diverging tasks; median ${
              cell(mid)
            }`,
          );
        }
      }
    }
    lines.push("");
  }
  return lines.join("\n");
}

/** A diverged fine-tuning run can reach 1e26; keep the columns aligned anyway. */
function cell(value: number): string {
  return Math.abs(value) < 1e4 ? value.toFixed(3) : value.toExponential(2);
}

function parseOptions(args: string[]): { json: boolean; options: Partial<EvalScriptOptions> } {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: "boolean" },
      tasks: { type: "string" },
      dir: { type: "string" },
      alpha: { type: "string" },
      backend: { type: "string" },
    },
  });
  const benchmark = positionals[0] ?? "sinusoid";
  if (benchmark !== "sinusoid") {
    throw new Error(`unknown benchmark "${benchmark}" (only "sinusoid" is defined)`);
  }
  const options: Partial<EvalScriptOptions> = {};
  if (values.tasks) options.tasks = Number(values.tasks);
  if (values.dir) options.dir = values.dir;
  if (values.alpha) options.alpha = Number(values.alpha);
  if (values.backend) options.backend = values.backend as DenoBackend;
  return { json: values.json ?? false, options };
}

if (import.meta.main) {
  const { json, options } = parseOptions(Deno.args);
  const medians: EvalTable = {};
  const table = await evaluateCheckpoints(options, medians);
  console.log(json ? JSON.stringify(table) : renderTable(table, medians));
}
