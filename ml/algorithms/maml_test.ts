import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import { useDenoBackend } from "../env/deno.ts";
import { type Activation, initMlp, type Params } from "../model/mlp.ts";
import { Rng } from "../rng.ts";
import { sampleMetaBatch } from "../tasks/sinusoid.ts";
import { disposeMetaBatch, type MetaBatchTensors, metaBatchTensors } from "../tasks/tensors.ts";
import { fomamlMetaGradient } from "./fomaml.ts";
import { type InnerLoop, mamlMetaGradient, mamlMetaGradientLoop } from "./maml.ts";

await useDenoBackend("cpu");

/** A small network and meta-batch, so float32 finite differences stay accurate. */
function setup(activation: Activation, seed = 6) {
  const rng = new Rng(seed);
  const theta = initMlp({ sizes: [1, 8, 8, 1], activation }, rng);
  const batch = metaBatchTensors(sampleMetaBatch(rng, 3, 5));
  const directions = [0, 1, 2].map(() => unitDirection(theta, rng));
  return { theta, batch, directions };
}

/** A random direction of unit length in parameter space. */
function unitDirection(theta: Params, rng: Rng): Params {
  const raw = theta.map((p) => Float32Array.from({ length: p.size }, () => rng.normal()));
  const norm = Math.hypot(...raw.flatMap((a) => [...a]));
  return theta.map((p, i) => tf.tensor(raw[i].map((v) => v / norm), p.shape));
}

/** ⟨∇θ L, d⟩ from the meta-gradient, against (L(θ + εd) − L(θ − εd)) / 2ε. */
function directional(
  theta: Params,
  batch: MetaBatchTensors,
  inner: InnerLoop,
  direction: Params,
  grads: Params,
): { analytic: number; numeric: number } {
  const analytic = tf.tidy(() =>
    tf.addN(grads.map((g, i) => tf.sum(tf.mul(g, direction[i])))).dataSync()[0]
  );
  // Small enough that no ReLU flips between θ ± εd, large enough for float32 rounding of L.
  const eps = 3e-4;
  const lossAt = (sign: number) => {
    const shifted = theta.map((p, i) => tf.add(p, tf.mul(direction[i], sign * eps)));
    const { grads, loss } = mamlMetaGradient(shifted, batch, inner);
    const value = loss.dataSync()[0];
    tf.dispose([...shifted, ...grads, loss]);
    return value;
  };
  return { analytic, numeric: (lossAt(1) - lossAt(-1)) / (2 * eps) };
}

function relativeErrors(activation: Activation, innerSteps: number, firstOrder = false) {
  const { theta, batch, directions } = setup(activation);
  // α = 0.1 makes the second-order term large enough to see.
  const inner = { alpha: 0.1, innerSteps, activation };
  const { grads, loss } = firstOrder
    ? fomamlMetaGradient(theta, batch, inner)
    : mamlMetaGradient(theta, batch, inner);
  const errors = directions.map((d) => {
    const { analytic, numeric } = directional(theta, batch, inner, d, grads);
    return Math.abs(analytic - numeric) / Math.abs(numeric);
  });
  tf.dispose([...theta, ...grads, loss, ...directions.flat()]);
  disposeMetaBatch(batch);
  return errors;
}

Deno.test("MAML meta-gradient matches finite differences (ReLU, 1 inner step)", () => {
  for (const e of relativeErrors("relu", 1)) assert.ok(e < 0.02, `relative error ${e}`);
});

Deno.test("MAML meta-gradient matches finite differences (ReLU, 2 inner steps)", () => {
  for (const e of relativeErrors("relu", 2)) assert.ok(e < 0.02, `relative error ${e}`);
});

Deno.test("the finite-difference check tells second order from first order", () => {
  // FOMAML drops the Hessian term; if the check passed it too, it would prove nothing.
  const worst = Math.max(...relativeErrors("relu", 1, true));
  assert.ok(worst > 0.1, `first-order error only ${worst}`);
});

Deno.test("the same check catches TF.js's wrong second derivative through tanh", () => {
  // TF.js 4.22 differentiates tanh through its saved output y, as dy·(1 − y²), and the saved
  // copy of y is cut off from the tape, so the outer gradient drops d(1 − y²)/dx: the
  // meta-gradient is silently wrong (sigmoid has the same flaw, with a smaller effect).
  // Asserting the failure proves the checker is sensitive; if TF.js fixes it, this test says so.
  for (const steps of [1, 2]) {
    const worst = Math.max(...relativeErrors("tanh", steps));
    assert.ok(worst > 0.1, `tanh meta-gradient unexpectedly exact (${worst}) with ${steps} steps`);
  }
});

Deno.test("vectorized MAML and the per-task loop give the same meta-gradient", () => {
  const rng = new Rng(11);
  const theta = initMlp({ sizes: [1, 40, 40, 1], activation: "relu" }, rng);
  const batch = metaBatchTensors(sampleMetaBatch(rng, 6, 10));
  for (const innerSteps of [1, 2]) {
    const inner = { alpha: 0.01, innerSteps, activation: "relu" as const };
    const fast = mamlMetaGradient(theta, batch, inner);
    const slow = mamlMetaGradientLoop(theta, batch, inner);
    assert.ok(Math.abs(fast.loss.dataSync()[0] - slow.loss.dataSync()[0]) < 1e-5);
    fast.grads.forEach((g, i) => {
      const [a, b] = [g.dataSync(), slow.grads[i].dataSync()];
      const scale = Math.max(...b.map(Math.abs));
      a.forEach((v, j) => assert.ok(Math.abs(v - b[j]) <= 1e-4 * scale + 1e-6, `param ${i}[${j}]`));
    });
    tf.dispose([fast.loss, slow.loss, ...fast.grads, ...slow.grads]);
  }
  tf.dispose(theta);
  disposeMetaBatch(batch);
});
