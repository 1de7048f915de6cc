import assert from "node:assert/strict";
import { Rng } from "./rng.ts";

const draw = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.next());

Deno.test("equal seeds give equal streams, different seeds different ones", () => {
  assert.deepEqual(draw(new Rng(7), 100), draw(new Rng(7), 100));
  assert.notDeepEqual(draw(new Rng(7), 100), draw(new Rng(8), 100));
});

Deno.test("a saved state continues the exact stream", () => {
  const rng = new Rng(123);
  draw(rng, 37);
  const resumed = Rng.fromState(rng.state());
  assert.deepEqual(draw(resumed, 50), draw(rng, 50));
});

Deno.test("uniform stays in range and fills it evenly", () => {
  const rng = new Rng(1);
  const bins = new Array(10).fill(0);
  for (let i = 0; i < 20_000; i++) {
    const u = rng.uniform(-5, 5);
    assert.ok(u >= -5 && u < 5);
    bins[Math.floor(u + 5)]++;
  }
  for (const count of bins) assert.ok(Math.abs(count - 2000) < 200, `bin count ${count}`);
});

Deno.test("normal has the requested mean and standard deviation", () => {
  const rng = new Rng(2);
  const xs = Array.from({ length: 20_000 }, () => rng.normal(3, 2));
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const std = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length);
  assert.ok(Math.abs(mean - 3) < 0.05, `mean ${mean}`);
  assert.ok(Math.abs(std - 2) < 0.05, `std ${std}`);
  assert.ok(xs.every(Number.isFinite));
});

Deno.test("forks are reproducible and independent of each other", () => {
  const a = new Rng(5);
  const b = new Rng(5);
  const [a1, a2] = [a.fork(), a.fork()];
  assert.deepEqual(draw(a1, 20), draw(b.fork(), 20));
  assert.notDeepEqual(draw(a2, 20), draw(new Rng(5).fork(), 20));
});
