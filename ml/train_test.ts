import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import { HYPERPARAMETERS } from "./algorithms/index.ts";
import { useDenoBackend } from "./env/deno.ts";
import { MetaTrainer, type TrainConfig } from "./train.ts";

await useDenoBackend("cpu");

const config = (algorithm: TrainConfig["algorithm"]): TrainConfig => ({
  algorithm,
  seed: 3,
  hp: { ...HYPERPARAMETERS[algorithm], metaBatch: 4 },
  spec: { sizes: [1, 10, 10, 1], activation: "relu" },
});

const thetaValues = (t: MetaTrainer) => t.theta.map((p) => [...p.dataSync()]);

Deno.test("a restored trainer continues exactly where the saved one was", () => {
  for (const algorithm of ["maml", "reptile"] as const) {
    const straight = new MetaTrainer(config(algorithm));
    for (let i = 0; i < 10; i++) straight.step();

    const first = new MetaTrainer(config(algorithm));
    for (let i = 0; i < 4; i++) first.step();
    const state = JSON.parse(JSON.stringify(first.saveState()));
    first.dispose();
    const resumed = MetaTrainer.restore(config(algorithm), state);
    assert.equal(resumed.iteration, 4);
    for (let i = 0; i < 6; i++) resumed.step();

    assert.equal(resumed.iteration, 10);
    assert.deepEqual(thetaValues(resumed), thetaValues(straight));
    assert.equal(resumed.lastLoss(), straight.lastLoss());
    straight.dispose();
    resumed.dispose();
  }
});

Deno.test("equal seeds train to equal weights; another seed does not", () => {
  const run = (seed: number) => {
    const t = new MetaTrainer({ ...config("fomaml"), seed });
    for (let i = 0; i < 5; i++) t.step();
    const values = thetaValues(t);
    t.dispose();
    return values;
  };
  assert.deepEqual(run(1), run(1));
  assert.notDeepEqual(run(1), run(2));
});

Deno.test("training every algorithm, vectorized or not, leaves no tensors behind", () => {
  const before = tf.memory().numTensors;
  for (const algorithm of ["maml", "fomaml", "reptile", "pretrained"] as const) {
    for (const vectorized of [true, false]) {
      const t = new MetaTrainer({ ...config(algorithm), vectorized });
      for (let i = 0; i < 3; i++) t.step();
      assert.ok(Number.isFinite(t.lastLoss()));
      t.dispose();
    }
  }
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("scratch has no training phase and says so", () => {
  const before = tf.memory().numTensors;
  assert.throws(() => new MetaTrainer(config("scratch")), /no training phase/);
  assert.equal(tf.memory().numTensors, before);
});
