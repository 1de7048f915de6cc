import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import { useDenoBackend } from "../env/deno.ts";
import { evenlySpaced, pointsAt, samplePoints } from "../tasks/sinusoid.ts";
import { Rng } from "../rng.ts";
import { ModelStore, predict } from "./models.ts";
import type { PredictRequest } from "./protocol.ts";

const task = { amplitude: 2, phase: 0.5 };
const evalX = evenlySpaced(50);
const request = (alpha: number, steps: number): PredictRequest => ({
  type: "predict",
  id: 1,
  models: ["scratch", "maml", "live"],
  support: samplePoints(new Rng(4), task, 10),
  evalX,
  target: pointsAt(task, evalX).y,
  alpha,
  steps,
});

Deno.test("predictions: a curve per step, errors against the target, nothing left behind", async () => {
  await useDenoBackend("cpu");
  const before = tf.memory().numTensors;
  const store = new ModelStore();
  const held = tf.memory().numTensors;
  const reply = predict(store, request(0.01, 3), undefined);
  const scratch = reply.models.scratch!;
  assert.equal(scratch.curves.length, 4);
  assert.equal(scratch.curves[0].length, evalX.length);
  assert.equal(scratch.error.length, 4);
  assert.ok(scratch.supportLoss[3] < scratch.supportLoss[0], "inner steps lower the support loss");
  assert.equal(scratch.diverged, false);
  // No checkpoint was loaded and no live run exists.
  assert.deepEqual(reply.unavailable, ["maml", "live"]);
  assert.equal(reply.numTensors, held);
  store.dispose();
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("an inner step size far too large is reported as diverged, with finite curves only", async () => {
  await useDenoBackend("cpu");
  const store = new ModelStore();
  const scratch = predict(store, { ...request(1e6, 5), models: ["scratch"] }, undefined).models
    .scratch!;
  assert.equal(scratch.diverged, true);
  assert.ok(scratch.curves.length < 6);
  assert.ok(scratch.curves.every((c) => c.every(Number.isFinite)));
  store.dispose();
});

Deno.test("a missing checkpoint is reported, not thrown", async () => {
  await useDenoBackend("cpu");
  const store = new ModelStore();
  const notFound = () => Promise.resolve(new Response("no", { status: 404 }));
  const broken = () => Promise.resolve(Response.json({ format: "other" }));
  const a = await store.load({ maml: "/models/sinusoid/maml.json" }, notFound);
  const b = await store.load({ reptile: "/models/sinusoid/reptile.json" }, broken);
  assert.deepEqual(a.loaded, []);
  assert.match(a.missing[0].reason, /404/);
  assert.equal(b.missing[0].name, "reptile");
  assert.equal(store.get("maml"), undefined);
  store.dispose();
});
