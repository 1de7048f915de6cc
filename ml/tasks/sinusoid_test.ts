import assert from "node:assert/strict";
import { Rng } from "../rng.ts";
import {
  evenlySpaced,
  sampleMetaBatch,
  sampleTask,
  sinusoid,
  SINUSOID_RANGES,
} from "./sinusoid.ts";

Deno.test("tasks and inputs stay within the paper's ranges and cover them", () => {
  const rng = new Rng(3);
  const batch = sampleMetaBatch(rng, 2000, 5);
  const amps = batch.tasks.map((t) => t.amplitude);
  const phases = batch.tasks.map((t) => t.phase);
  const xs = [...batch.support.x, ...batch.query.x];
  const within = (v: number[], [lo, hi]: readonly [number, number]) =>
    v.every((x) => x >= lo && x <= hi);
  assert.ok(within(amps, SINUSOID_RANGES.amplitude));
  assert.ok(within(phases, SINUSOID_RANGES.phase));
  assert.ok(within(xs, SINUSOID_RANGES.x));
  // Near both ends of each range, so nothing is accidentally narrowed.
  assert.ok(Math.min(...amps) < 0.2 && Math.max(...amps) > 4.9);
  assert.ok(Math.min(...phases) < 0.05 && Math.max(...phases) > Math.PI - 0.05);
  assert.ok(Math.min(...xs) < -4.99 && Math.max(...xs) > 4.99);
});

Deno.test("a meta-batch lays out K support and K query points per task, labelled by its task", () => {
  const batch = sampleMetaBatch(new Rng(4), 25, 10, 7);
  assert.equal(batch.tasks.length, 25);
  assert.equal(batch.support.x.length, 250);
  assert.equal(batch.query.y.length, 25 * 7);
  batch.tasks.forEach((task, t) => {
    for (let j = 0; j < 10; j++) {
      const i = t * 10 + j;
      assert.ok(Math.abs(batch.support.y[i] - sinusoid(task, batch.support.x[i])) < 1e-5);
    }
    for (let j = 0; j < 7; j++) {
      const i = t * 7 + j;
      assert.ok(Math.abs(batch.query.y[i] - sinusoid(task, batch.query.x[i])) < 1e-5);
    }
  });
});

Deno.test("sampling is deterministic from the seed", () => {
  assert.deepEqual(sampleMetaBatch(new Rng(9), 5, 10), sampleMetaBatch(new Rng(9), 5, 10));
  assert.notDeepEqual(sampleTask(new Rng(9)), sampleTask(new Rng(10)));
});

Deno.test("evenly spaced points include both ends", () => {
  const x = evenlySpaced(100);
  assert.equal(x.length, 100);
  assert.equal(x[0], -5);
  assert.equal(x[99], 5);
  const step = x[1] - x[0];
  for (let i = 1; i < 100; i++) assert.ok(Math.abs(x[i] - x[i - 1] - step) < 1e-5);
});
