/**
 * A small seeded pseudo-random generator (xoshiro128**, seeded through splitmix32).
 * Every random draw in `ml/` goes through it, so a seed fixes a whole training run,
 * and its state can be saved and restored to resume one.
 * @module
 */

/** The four 32-bit words that make up a generator's state. */
export type RngState = [number, number, number, number];

/** Seeded generator with uniform and normal helpers. */
export class Rng {
  #s: Uint32Array;

  /**
   * @param seed any integer; equal seeds give equal streams.
   * @example
   * const rng = new Rng(42);
   * const amplitude = rng.uniform(0.1, 5);
   */
  constructor(seed: number) {
    this.#s = new Uint32Array(4);
    // splitmix32 spreads a small integer seed over all 128 bits of state.
    let z = seed >>> 0;
    for (let i = 0; i < 4; i++) {
      z = (z + 0x9e3779b9) >>> 0;
      let t = z;
      t = Math.imul(t ^ (t >>> 16), 0x85ebca6b);
      t = Math.imul(t ^ (t >>> 13), 0xc2b2ae35);
      this.#s[i] = (t ^ (t >>> 16)) >>> 0;
    }
    if (this.#s.every((w) => w === 0)) this.#s[0] = 1;
  }

  /** A new generator continuing from a saved state. */
  static fromState(state: RngState): Rng {
    const rng = new Rng(0);
    rng.#s.set(state);
    return rng;
  }

  /** The current state, for checkpoints; `Rng.fromState` continues from it. */
  state(): RngState {
    const s = this.#s;
    return [s[0], s[1], s[2], s[3]];
  }

  /** The next raw 32-bit unsigned integer. */
  nextUint32(): number {
    const s = this.#s;
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  }

  /** Uniform in [0, 1), with 32 bits of resolution. */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform in [low, high). */
  uniform(low: number, high: number): number {
    return low + (high - low) * this.next();
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Normal with the given mean and standard deviation (Box–Muller, one draw per call). */
  normal(mean = 0, std = 1): number {
    // 1 - next() lies in (0, 1], so the logarithm stays finite.
    const u = 1 - this.next();
    const v = this.next();
    return mean + std * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** An independent generator derived from this one, e.g. one per algorithm. */
  fork(): Rng {
    return new Rng(this.nextUint32() ^ this.nextUint32());
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
