/**
 * Training from scratch: no meta-training at all. The network starts from a seeded random
 * initialisation and is only fine-tuned on the K support points at test time.
 * @module
 */
import { initMlp, type MlpSpec, type Params, SINUSOID_MLP } from "../model/mlp.ts";
import { Rng } from "../rng.ts";

/**
 * The random initialisation used as the "from scratch" starting point.
 * @example
 * const theta = scratchInit(0);
 */
export function scratchInit(seed: number, spec: MlpSpec = SINUSOID_MLP): Params {
  return initMlp(spec, new Rng(seed).fork());
}
