import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import { ALGORITHMS, HYPERPARAMETERS } from "../ml/algorithms/index.ts";
import { loadCheckpoint, makeCheckpoint } from "../ml/checkpoint.ts";
import { useDenoBackend } from "../ml/env/deno.ts";
import { evaluate } from "../ml/evaluate.ts";
import { initMlp, SINUSOID_MLP } from "../ml/model/mlp.ts";
import { Rng } from "../ml/rng.ts";
import { defaults, renderTable } from "./eval.ts";

await useDenoBackend("cpu");

const script = new URL("./eval.ts", import.meta.url).pathname;

async function run(args: string[]) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", script, ...args],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decode = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code: out.code, stdout: decode(out.stdout), stderr: decode(out.stderr) };
}

/** A tiny checkpoint set: untrained networks with different seeds, one per model name. */
async function tinyCheckpoints(dir: string) {
  const thetas = new Map<string, tf.Tensor[]>();
  for (const [i, algorithm] of ALGORITHMS.entries()) {
    const theta = initMlp(SINUSOID_MLP, new Rng(100 + i));
    const checkpoint = makeCheckpoint(theta, {
      algorithm,
      seed: 100 + i,
      iterations: 0,
      hyperparameters: HYPERPARAMETERS[algorithm],
      spec: SINUSOID_MLP,
    });
    await Deno.writeTextFile(`${dir}/${algorithm}.json`, JSON.stringify(checkpoint));
    thetas.set(algorithm, theta);
  }
  return thetas;
}

Deno.test("eval --json prints exactly one JSON object with every K, model and step count", async () => {
  const dir = await Deno.makeTempDir();
  const thetas = await tinyCheckpoints(dir);
  const { code, stdout, stderr } = await run([
    "sinusoid",
    "--json",
    "--dir",
    dir,
    "--tasks",
    "8",
    "--backend",
    "cpu",
  ]);
  assert.equal(code, 0, stderr);
  const table = JSON.parse(stdout);
  assert.deepEqual(Object.keys(table), ["k5", "k10", "k20"]);
  for (const row of Object.values(table) as Record<string, Record<string, number>>[]) {
    assert.deepEqual(Object.keys(row), [...ALGORITHMS]);
    for (const errors of Object.values(row)) {
      assert.deepEqual(Object.keys(errors), ["0", "1", "10"]);
      assert.ok(Object.values(errors).every((e) => Number.isFinite(e) && e > 0));
    }
  }
  // The script's numbers are the library's numbers for the same held-out tasks.
  const expected = evaluate(thetas.get("reptile")!, {
    tasks: 8,
    seed: defaults.seed,
    k: 10,
    steps: [0, 1, 10],
    alpha: defaults.alpha,
    activation: "relu",
  });
  assert.deepEqual(table.k10.reptile, expected);
  assert.match(stderr, /K=20 scratch/);
  tf.dispose([...thetas.values()].flat());
  await Deno.remove(dir, { recursive: true });
});

Deno.test("eval without --json prints a table; a missing checkpoint says how to make it", async () => {
  const dir = await Deno.makeTempDir();
  const thetas = await tinyCheckpoints(dir);
  const table = await run(["sinusoid", "--dir", dir, "--tasks", "4", "--backend", "cpu"]);
  assert.equal(table.code, 0, table.stderr);
  assert.match(table.stdout, /K = 10: held-out MSE/);
  assert.match(table.stdout, /^pretrained\s+\d+\.\d{3}\s+\d+\.\d{3}\s+\d+\.\d{3}$/m);

  await Deno.remove(`${dir}/fomaml.json`);
  const missing = await run(["sinusoid", "--dir", dir, "--tasks", "4", "--backend", "cpu"]);
  assert.notEqual(missing.code, 0);
  assert.match(missing.stderr, /fomaml\.json is missing: run "deno task pretrain"/);
  tf.dispose([...thetas.values()].flat());
  await Deno.remove(dir, { recursive: true });
});

Deno.test("the committed checkpoints meet the quality bar on held-out tasks", async () => {
  const dir = new URL("../static/models/sinusoid/", import.meta.url);
  const load = async (name: string) =>
    loadCheckpoint(JSON.parse(await Deno.readTextFile(new URL(`${name}.json`, dir)))).params;
  const opts = { tasks: 200, seed: defaults.seed, k: 10, steps: [0, 1, 10], alpha: 0.01 };
  const maml = await load("maml");
  const pretrained = await load("pretrained");
  const m = evaluate(maml, { ...opts, activation: "relu" });
  const p = evaluate(pretrained, { ...opts, activation: "relu" });
  // After one step with K = 10, MAML is at least 4× better than joint training, and improves on.
  assert.ok(4 * m["1"] <= p["1"], `MAML ${m["1"]} vs pretrained ${p["1"]} after 1 step`);
  assert.ok(m["10"] < m["1"] && m["1"] < m["0"], `MAML ${JSON.stringify(m)}`);
  tf.dispose([...maml, ...pretrained]);
});

Deno.test("the text table notes a mean made by a few diverging tasks, with the median", () => {
  const table = { k5: { maml: { "0": 3, "10": 2e26 }, reptile: { "0": 3, "10": 0.3 } } };
  const medians = { k5: { maml: { "0": 2.9, "10": 0.19 }, reptile: { "0": 2.9, "10": 0.28 } } };
  const text = renderTable(table, medians);
  assert.match(text, /note: maml n=10: the mean is made by a few diverging tasks; median 0\.190/);
  assert.doesNotMatch(text, /note: reptile/);
  assert.doesNotMatch(renderTable(table), /note:/, "no medians, no notes");
});
