import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import { HYPERPARAMETERS } from "./algorithms/index.ts";
import { decodeTensor, encodeTensor, loadCheckpoint, makeCheckpoint } from "./checkpoint.ts";
import { useDenoBackend } from "./env/deno.ts";
import { initMlp, paramShapes, SINUSOID_MLP } from "./model/mlp.ts";
import { Rng } from "./rng.ts";

await useDenoBackend("cpu");

Deno.test("a checkpoint survives JSON exactly, metadata and every float", () => {
  const before = tf.memory().numTensors;
  const theta = initMlp(SINUSOID_MLP, new Rng(1));
  const meta = {
    algorithm: "maml" as const,
    seed: 1,
    iterations: 123,
    hyperparameters: HYPERPARAMETERS.maml,
    spec: SINUSOID_MLP,
    heldOut: { tasks: 10, seed: 5, k: 10, mse: { "0": 3.5, "1": 0.5 } },
    notes: "test",
  };
  const text = JSON.stringify(makeCheckpoint(theta, meta));
  const { params, checkpoint } = loadCheckpoint(JSON.parse(text));
  assert.deepEqual({ ...checkpoint, params: undefined }, {
    format: "sinusoid-mlp",
    version: 1,
    ...meta,
    params: undefined,
  });
  assert.deepEqual(params.map((p) => p.shape), paramShapes(SINUSOID_MLP));
  params.forEach((p, i) => assert.deepEqual(p.dataSync(), theta[i].dataSync()));
  // 1,761 floats: the file must stay small enough to ship with the page.
  assert.ok(text.length < 12_000, `checkpoint is ${text.length} bytes`);
  tf.dispose([...theta, ...params]);
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("special float values and odd sizes round-trip", () => {
  const values = [0, -0, 1.5, -3.25e-30, 3.4e38, Infinity, -Infinity, NaN, 1 / 3];
  const t = tf.tensor(values, [values.length]);
  const back = decodeTensor(JSON.parse(JSON.stringify(encodeTensor(t))));
  assert.deepEqual([...back.dataSync()], [...t.dataSync()]);
  tf.dispose([t, back]);
});

Deno.test("loading rejects files that are not checkpoints, with a reason", () => {
  assert.throws(() => loadCheckpoint({ format: "other" }), /not a sinusoid-mlp v1 checkpoint/);
  assert.throws(
    () => decodeTensor({ shape: [3], data: btoa("\0\0\0\0") }),
    /has 1 values but shape \[3\] needs 3/,
  );
});
