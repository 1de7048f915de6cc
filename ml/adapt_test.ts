import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import { adapt, fineTuneCurves } from "./adapt.ts";
import { useDenoBackend } from "./env/deno.ts";
import { evaluate, heldOutTasks } from "./evaluate.ts";
import { forward, initMlp, SINUSOID_MLP } from "./model/mlp.ts";
import { Rng } from "./rng.ts";
import { evenlySpaced, pointsAt, samplePoints, sampleTask } from "./tasks/sinusoid.ts";

await useDenoBackend("cpu");

const theta = initMlp(SINUSOID_MLP, new Rng(21));
const options = { alpha: 0.01, steps: 10, activation: "relu" as const };
const closeTo = (a: ArrayLike<number>, b: ArrayLike<number>, tol: number) => {
  assert.equal(a.length, b.length);
  for (let i = 0; i < a.length; i++) {
    assert.ok(Math.abs(a[i] - b[i]) <= tol, `[${i}] ${a[i]} ${b[i]}`);
  }
};

Deno.test("fine-tuning returns a curve per step, starting from θ, with falling support loss", () => {
  const before = tf.memory().numTensors;
  const rng = new Rng(5);
  const support = samplePoints(rng, sampleTask(rng), 10);
  const grid = evenlySpaced(50);
  const { curves, supportLoss } = fineTuneCurves(theta, support, grid, options);
  assert.equal(curves.length, 11);
  assert.equal(supportLoss.length, 11);
  const start = tf.tidy(() => forward(theta, tf.tensor2d(grid, [50, 1]), "relu").dataSync());
  closeTo(curves[0], start, 1e-6);
  for (let s = 1; s <= 10; s++) assert.ok(supportLoss[s] < supportLoss[s - 1], `step ${s}`);
  assert.notDeepEqual(curves[10], curves[0]);
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("adapting a batch of tasks at once equals adapting each task alone", () => {
  const batch = heldOutTasks(77, 4, 5);
  const grid = evenlySpaced(20);
  const batched = tf.tidy(() => {
    const x = tf.tensor3d(batch.support.x, [4, 5, 1]);
    const y = tf.tensor3d(batch.support.y, [4, 5, 1]);
    const at = tf.tile(tf.tensor3d(grid, [1, 20, 1]), [4, 1, 1]);
    const run = adapt(theta, x, y, at, options);
    return run.predictions[10].dataSync();
  });
  for (let t = 0; t < 4; t++) {
    const support = {
      x: batch.support.x.subarray(t * 5, t * 5 + 5),
      y: batch.support.y.subarray(t * 5, t * 5 + 5),
    };
    const { curves } = fineTuneCurves(theta, support, grid, options);
    closeTo(curves[10], batched.subarray(t * 20, t * 20 + 20), 1e-4);
  }
});

Deno.test("held-out error at 0 steps is the plain MSE of θ on the 100-point grid", () => {
  const before = tf.memory().numTensors;
  const opts = { tasks: 30, seed: 8, k: 5, steps: [0, 1, 10], alpha: 0.01, activation: "relu" };
  const errors = evaluate(theta, opts as Parameters<typeof evaluate>[1]);
  const grid = evenlySpaced(100);
  const pred = tf.tidy(() => forward(theta, tf.tensor2d(grid, [100, 1]), "relu").dataSync());
  let sum = 0;
  for (const task of heldOutTasks(8, 30, 5).tasks) {
    pointsAt(task, grid).y.forEach((y, i) => sum += (pred[i] - y) ** 2);
  }
  assert.ok(Math.abs(errors["0"] - sum / 3000) < 1e-4 * errors["0"]);
  assert.deepEqual(Object.keys(errors), ["0", "1", "10"]);
  assert.ok(errors["1"] !== errors["0"] && Object.values(errors).every(Number.isFinite));
  assert.deepEqual(evaluate(theta, opts as Parameters<typeof evaluate>[1]), errors);
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("held-out tasks depend on the seed only; support points on the seed and K", () => {
  const [k5, k20] = [heldOutTasks(1, 50, 5), heldOutTasks(1, 50, 20)];
  assert.deepEqual(k5.tasks, k20.tasks);
  assert.notDeepEqual(heldOutTasks(2, 50, 5).tasks, k5.tasks);
  assert.deepEqual(heldOutTasks(1, 50, 5), k5);
  assert.notDeepEqual(k5.support.x, k20.support.x.subarray(0, 250));
});
