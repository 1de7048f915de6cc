import assert from "node:assert/strict";
import {
  entropyCurves,
  familyBand,
  gpBand,
  gridPosterior,
  NOISE,
  PRIOR_VARIANCE,
} from "./posterior.ts";
import { Rng } from "./rng.ts";
import {
  evenlySpaced,
  samplePoints,
  SINUSOID_RANGES,
  type SinusoidTask,
} from "./tasks/sinusoid.ts";

const task: SinusoidTask = { amplitude: 3.2, phase: 1.1 };
const points = samplePoints(new Rng(7), task, 20);
const xs = evenlySpaced(41);

Deno.test("with no points the grid posterior is the uniform prior", () => {
  const post = gridPosterior(points, 0);
  const [aLow, aHigh] = SINUSOID_RANGES.amplitude;
  const [pLow, pHigh] = SINUSOID_RANGES.phase;
  assert.ok(Math.abs(post.entropy - Math.log((aHigh - aLow) * (pHigh - pLow))) < 1e-9);
  assert.ok(Math.abs(post.weights.reduce((a, b) => a + b, 0) - 1) < 1e-9);
});

Deno.test("a few points put the posterior mode near the true amplitude and phase", () => {
  const post = gridPosterior(points, 5, 64);
  const best = post.weights.indexOf(Math.max(...post.weights));
  const size = post.amplitudes.length;
  const amplitude = post.amplitudes[best % size];
  const phase = post.phases[Math.floor(best / size)];
  assert.ok(Math.abs(amplitude - task.amplitude) < 0.3, `amplitude ${amplitude}`);
  assert.ok(Math.abs(phase - task.phase) < 0.15, `phase ${phase}`);
});

Deno.test("the family's band narrows around the true curve as points arrive", () => {
  const wide = familyBand(gridPosterior(points, 0), xs);
  const narrow = familyBand(gridPosterior(points, 8), xs);
  const width = (b: typeof wide) => b.upper.reduce((s, u, i) => s + u - b.lower[i], 0) / xs.length;
  assert.ok(width(narrow) < width(wide) / 4, `${width(narrow)} vs ${width(wide)}`);
  for (let i = 0; i < xs.length; i++) {
    const truth = task.amplitude * Math.sin(xs[i] - task.phase);
    assert.ok(Math.abs(narrow.mean[i] - truth) < 0.4, `x = ${xs[i]}`);
  }
});

Deno.test("the GP prior has the family's variance and its mean interpolates the points", () => {
  const prior = gpBand(points, xs, 0);
  const expected = 0.5 * Math.log(2 * Math.PI * Math.E * (PRIOR_VARIANCE + NOISE ** 2));
  assert.ok(Math.abs(prior.entropy - expected) < 1e-9);
  assert.ok(prior.mean.every((m) => m === 0));
  const fit = gpBand(points, points.x, 20);
  for (let j = 0; j < 20; j++) assert.ok(Math.abs(fit.mean[j] - points.y[j]) < 0.3);
});

Deno.test("knowing the family lowers the predictive entropy: H(p(φ|θ)) < H(p(φ))", () => {
  const curves = entropyCurves(points, xs);
  assert.equal(curves.family.length, 21);
  // Both learners become more certain with more points.
  assert.ok(curves.family[20] < curves.family[0] && curves.gp[20] < curves.gp[0]);
  // From two points on, the family is the more certain learner.
  for (let k = 2; k <= 20; k++) assert.ok(curves.family[k] < curves.gp[k], `K = ${k}`);
});
