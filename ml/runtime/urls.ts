/**
 * Build-time constants that esbuild defines for the browser bundle (see plugins/bundle.ts):
 * the hashed URL of the training worker and the folder of TF.js's .wasm files. Under Deno
 * (type checks, tests) they are undefined, so each falls back to a harmless default.
 * @module
 */

declare const __TRAIN_WORKER_URL__: string | undefined;
declare const __WASM_PATH__: string | undefined;

/** URL of the bundled training worker ("" when the build had no worker entry). */
export const TRAIN_WORKER_URL: string = typeof __TRAIN_WORKER_URL__ === "string"
  ? __TRAIN_WORKER_URL__
  : "";

/** URL folder, ending in "/", from which the WASM backend fetches its binaries. */
export const WASM_PATH: string = typeof __WASM_PATH__ === "string"
  ? __WASM_PATH__
  : "/_islands/wasm/";

/** URL folder of the committed sinusoid checkpoints. */
export const SINUSOID_MODELS_PATH = "/models/sinusoid/";
