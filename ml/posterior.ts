/**
 * Exact Bayesian views of a sinusoid task given K noisy points, for the posterior widget.
 * Knowing the family (shared structure θ): a grid posterior over amplitude and phase, and the
 * predictive band it implies. Not knowing it: a Gaussian process with an RBF kernel. Both are
 * compared by the entropy of their predictive distribution, averaged over x ∈ [−5, 5].
 * Plain arrays, no TF.js.
 * @module
 */
import { type PointSet, SINUSOID_RANGES } from "./tasks/sinusoid.ts";

/** Observation noise σ shared by both models (y = f(x) + ε, ε ~ N(0, σ²)). */
export const NOISE = 0.3;

const [A_LOW, A_HIGH] = SINUSOID_RANGES.amplitude;
const [P_LOW, P_HIGH] = SINUSOID_RANGES.phase;

/** E[f(x)²] under the family's prior: E[A²]/2, whatever x is. */
export const PRIOR_VARIANCE = (A_HIGH ** 3 - A_LOW ** 3) / (3 * (A_HIGH - A_LOW)) / 2;

/** RBF kernel matched to the family's prior: same variance, same curvature at distance 0. */
export const RBF = { variance: PRIOR_VARIANCE, lengthscale: 1 };

/** A posterior over (amplitude, phase) on a regular grid of cell centres. */
export interface GridPosterior {
  /** Amplitudes of the grid columns. */
  amplitudes: Float64Array;
  /** Phases of the grid rows. */
  phases: Float64Array;
  /** Probability of each cell, row-major: weights[row · columns + column]; sums to 1. */
  weights: Float64Array;
  /** Differential entropy of the posterior density over (A, φ), in nats. */
  entropy: number;
}

/** A predictive band over inputs xs: mean and the central 90 % interval of f(x). */
export interface Band {
  mean: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  /** Mean over xs of the entropy of p(y(x) | data), in nats. */
  entropy: number;
}

const centres = (low: number, high: number, n: number) =>
  Float64Array.from({ length: n }, (_, i) => low + (high - low) * (i + 0.5) / n);

/**
 * Posterior over (A, φ) under a uniform prior on the family's ranges, given the first `k` points.
 * @example const post = gridPosterior(points, 3); // the three first points only
 */
export function gridPosterior(points: PointSet, k = points.x.length, size = 48): GridPosterior {
  const amplitudes = centres(A_LOW, A_HIGH, size);
  const phases = centres(P_LOW, P_HIGH, size);
  const logLik = new Float64Array(size * size);
  for (let r = 0; r < size; r++) {
    for (let j = 0; j < k; j++) {
      const s = Math.sin(points.x[j] - phases[r]);
      for (let c = 0; c < size; c++) {
        logLik[r * size + c] -= (points.y[j] - amplitudes[c] * s) ** 2 / (2 * NOISE ** 2);
      }
    }
  }
  const weights = normalizeLog(logLik);
  const cell = ((A_HIGH - A_LOW) / size) * ((P_HIGH - P_LOW) / size);
  let h = 0;
  for (const w of weights) if (w > 0) h -= w * Math.log(w);
  return { amplitudes, phases, weights, entropy: h + Math.log(cell) };
}

/** The family's predictive band: a mixture of sine waves weighted by the grid posterior. */
export function familyBand(post: GridPosterior, xs: ArrayLike<number>): Band {
  const n = xs.length;
  const mean = new Float64Array(n);
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  const hist = new Float64Array(BINS);
  const size = post.amplitudes.length;
  let entropy = 0;
  for (let i = 0; i < n; i++) {
    hist.fill(0);
    let m = 0;
    for (let r = 0; r < post.phases.length; r++) {
      const s = Math.sin(xs[i] - post.phases[r]);
      for (let c = 0; c < size; c++) {
        const w = post.weights[r * size + c];
        if (w < 1e-12) continue;
        const f = post.amplitudes[c] * s;
        m += w * f;
        hist[binOf(f)] += w;
      }
    }
    mean[i] = m;
    [lower[i], upper[i]] = quantiles(hist, 0.05, 0.95);
    entropy += histogramEntropy(blur(hist));
  }
  return { mean, lower, upper, entropy: entropy / n };
}

/** The GP's predictive band given the first `k` points (exact, by Cholesky). */
export function gpBand(points: PointSet, xs: ArrayLike<number>, k = points.x.length): Band {
  const n = xs.length;
  const kern = (a: number, b: number) =>
    RBF.variance * Math.exp(-((a - b) ** 2) / (2 * RBF.lengthscale ** 2));
  const gram = Array.from(
    { length: k },
    (_, i) =>
      Float64Array.from(
        { length: k },
        (_, j) => kern(points.x[i], points.x[j]) + (i === j ? NOISE ** 2 : 0),
      ),
  );
  const chol = cholesky(gram);
  const alpha = solveCholesky(chol, Float64Array.from({ length: k }, (_, i) => points.y[i]));
  const mean = new Float64Array(n);
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  let entropy = 0;
  for (let i = 0; i < n; i++) {
    const cross = Float64Array.from({ length: k }, (_, j) => kern(xs[i], points.x[j]));
    const v = forwardSolve(chol, cross);
    let m = 0;
    let reduce = 0;
    for (let j = 0; j < k; j++) {
      m += cross[j] * alpha[j];
      reduce += v[j] * v[j];
    }
    const variance = Math.max(RBF.variance - reduce, 1e-12);
    mean[i] = m;
    lower[i] = m - Z90 * Math.sqrt(variance);
    upper[i] = m + Z90 * Math.sqrt(variance);
    entropy += 0.5 * Math.log(2 * Math.PI * Math.E * (variance + NOISE ** 2));
  }
  return { mean, lower, upper, entropy: entropy / n };
}

/**
 * Predictive entropy of both models after 0, 1, …, points.length points, using the points in
 * order: how fast each learner's uncertainty shrinks as K grows.
 */
export function entropyCurves(points: PointSet, xs: ArrayLike<number>) {
  const family: number[] = [];
  const gp: number[] = [];
  for (let k = 0; k <= points.x.length; k++) {
    family.push(familyBand(gridPosterior(points, k, 32), xs).entropy);
    gp.push(gpBand(points, xs, k).entropy);
  }
  return { family, gp };
}

// 90 % central interval of a normal: ±1.645 standard deviations.
const Z90 = 1.6448536;

// Histogram of f values for the mixture, wide enough for the largest amplitude plus noise.
const Y_LIMIT = A_HIGH + 4 * NOISE;
const BIN = 0.1;
const BINS = Math.ceil((2 * Y_LIMIT) / BIN);
const binOf = (y: number) => Math.min(BINS - 1, Math.max(0, Math.floor((y + Y_LIMIT) / BIN)));
const binCentre = (b: number) => -Y_LIMIT + (b + 0.5) * BIN;

/** Gaussian noise kernel on the histogram's bins: mixture of f values → density of y. */
const NOISE_TAPS = (() => {
  const half = Math.ceil((4 * NOISE) / BIN);
  const taps = Float64Array.from(
    { length: 2 * half + 1 },
    (_, i) => Math.exp(-(((i - half) * BIN) ** 2) / (2 * NOISE ** 2)),
  );
  const total = taps.reduce((a, b) => a + b, 0);
  return taps.map((t) => t / total);
})();

function blur(hist: Float64Array): Float64Array {
  const half = (NOISE_TAPS.length - 1) / 2;
  const out = new Float64Array(hist.length);
  for (let b = 0; b < hist.length; b++) {
    if (hist[b] === 0) continue;
    for (let t = 0; t < NOISE_TAPS.length; t++) {
      const to = b + t - half;
      if (to >= 0 && to < out.length) out[to] += hist[b] * NOISE_TAPS[t];
    }
  }
  return out;
}

/** Differential entropy of a density given as bin probabilities of width BIN. */
function histogramEntropy(p: Float64Array): number {
  let total = 0;
  for (const v of p) total += v;
  let h = 0;
  for (const v of p) if (v > 0) h -= (v / total) * Math.log(v / total);
  return h + Math.log(BIN);
}

function quantiles(hist: Float64Array, low: number, high: number): [number, number] {
  let sum = 0;
  let lo = NaN;
  for (let b = 0; b < hist.length; b++) {
    sum += hist[b];
    if (Number.isNaN(lo) && sum >= low) lo = binCentre(b);
    if (sum >= high) return [lo, binCentre(b)];
  }
  return [lo, binCentre(hist.length - 1)];
}

function normalizeLog(logW: Float64Array): Float64Array {
  let max = -Infinity;
  for (const v of logW) max = Math.max(max, v);
  const w = logW.map((v) => Math.exp(v - max));
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((v) => v / total);
}

function cholesky(a: Float64Array[]): Float64Array[] {
  const n = a.length;
  const l = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i][j];
      for (let m = 0; m < j; m++) s -= l[i][m] * l[j][m];
      l[i][j] = i === j ? Math.sqrt(Math.max(s, 1e-12)) : s / l[j][j];
    }
  }
  return l;
}

/** Solves L v = b. */
function forwardSolve(l: Float64Array[], b: Float64Array): Float64Array {
  const v = new Float64Array(b.length);
  for (let i = 0; i < b.length; i++) {
    let s = b[i];
    for (let m = 0; m < i; m++) s -= l[i][m] * v[m];
    v[i] = s / l[i][i];
  }
  return v;
}

/** Solves (L Lᵀ) x = b. */
function solveCholesky(l: Float64Array[], b: Float64Array): Float64Array {
  const v = forwardSolve(l, b);
  const x = new Float64Array(b.length);
  for (let i = b.length - 1; i >= 0; i--) {
    let s = v[i];
    for (let m = i + 1; m < b.length; m++) s -= l[m][i] * x[m];
    x[i] = s / l[i][i];
  }
  return x;
}
