import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import { useDenoBackend } from "../env/deno.ts";
import { evaluate } from "../evaluate.ts";
import type { MlpSpec } from "../model/mlp.ts";
import { MetaTrainer } from "../train.ts";
import { type AlgorithmName, HYPERPARAMETERS } from "./index.ts";
import { scratchInit } from "./scratch.ts";

await useDenoBackend("cpu");

// A narrower network, a small meta-batch and a larger Adam step keep each run to seconds.
const SPEC: MlpSpec = { sizes: [1, 20, 20, 1], activation: "relu" };
const SEED = 1;
const ITERATIONS = 400;

/** Held-out MSE after 1 step of α = 0.01 on K = 10 points (the paper's test protocol). */
function oneStepError(theta: tf.Tensor[]): number {
  const opts = { tasks: 100, seed: 4242, k: 10, steps: [1], alpha: 0.01, activation: "relu" };
  return evaluate(theta, opts as Parameters<typeof evaluate>[1])["1"];
}

/** Trains briefly; returns the early and late training loss and the held-out error. */
function shortRun(algorithm: AlgorithmName) {
  const before = tf.memory().numTensors;
  const hp = { ...HYPERPARAMETERS[algorithm], metaBatch: 5, learningRate: 0.01 };
  const trainer = new MetaTrainer({ algorithm, seed: SEED, spec: SPEC, hp });
  const losses: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    trainer.step();
    losses.push(trainer.lastLoss());
  }
  const error = oneStepError(trainer.theta);
  trainer.dispose();
  assert.equal(tf.memory().numTensors, before, `${algorithm} leaked tensors`);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return { early: mean(losses.slice(0, 10)), late: mean(losses.slice(-50)), error };
}

const untrained = (() => {
  // The same seed gives every trainer this θ₀, so it is each run's own starting point.
  const theta = scratchInit(SEED, SPEC);
  const error = oneStepError(theta);
  tf.dispose(theta);
  return error;
})();
let pretrained: ReturnType<typeof shortRun> | undefined;
const pretrainedRun = () => pretrained ??= shortRun("pretrained");

Deno.test("pretrained (joint training) learns: loss falls, fine-tuned error beats θ₀", () => {
  const run = pretrainedRun();
  assert.ok(run.late < 0.75 * run.early, `loss ${run.early} → ${run.late}`);
  assert.ok(run.error < 0.75 * untrained, `error ${run.error} vs untrained ${untrained}`);
});

for (const algorithm of ["maml", "reptile"] as const) {
  Deno.test(`${algorithm} learns: post-adaptation error well below pretrained and θ₀`, () => {
    const run = shortRun(algorithm);
    assert.ok(run.late < 0.75 * run.early, `loss ${run.early} → ${run.late}`);
    assert.ok(run.error < 0.5 * untrained, `error ${run.error} vs untrained ${untrained}`);
    const baseline = pretrainedRun().error;
    assert.ok(run.error < 0.75 * baseline, `error ${run.error} vs pretrained ${baseline}`);
  });
}

Deno.test("fomaml learns: loss falls, post-adaptation error well below θ₀", () => {
  // In a run this short first-order MAML is not yet ahead of joint training; it is at scale.
  const run = shortRun("fomaml");
  assert.ok(run.late < 0.75 * run.early, `loss ${run.early} → ${run.late}`);
  assert.ok(run.error < 0.75 * untrained, `error ${run.error} vs untrained ${untrained}`);
});
