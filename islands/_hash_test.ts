import assert from "node:assert/strict";
import { type FigureState, fromHash, toHash } from "./_hash.ts";

const state: FigureState = {
  amplitude: 3.2,
  phase: 1.1,
  points: [{ x: -4.5, y: 1.25 }, { x: 0.333, y: -2 }],
  steps: 2,
  alpha: 0.01,
  models: ["maml", "scratch"],
};

Deno.test("a figure's state survives the trip through the URL hash", () => {
  const hash = toHash(state);
  assert.ok(hash.startsWith("#sinusoid?k=2&steps=2"));
  assert.deepEqual(fromHash(hash), state);
});

Deno.test("section anchors and broken hashes are not figure states", () => {
  assert.equal(fromHash("#sec-regression"), null);
  assert.equal(fromHash("#sinusoid?k=2&steps=x"), null);
  assert.equal(fromHash("#sinusoid?steps=1&alpha=0.01&amp=1&phase=1&pts="), null);
});

Deno.test("out-of-range values are clamped to what the controls allow", () => {
  const parsed = fromHash(toHash({ ...state, steps: 40, points: [{ x: 9, y: -9 }] }))!;
  assert.equal(parsed.steps, 10);
  assert.deepEqual(parsed.points, [{ x: 5, y: -6 }]);
});
