/**
 * TF.js set-up for the browser bundle (page or Web Worker): registers the gradients and
 * the WebGL, WASM and CPU backends, and picks the first that starts.
 * Algorithm code imports only `@tensorflow/tfjs-core`.
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-core/dist/register_all_gradients";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs-backend-webgl";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";

/** Backends available in the browser, fastest first. */
export type BrowserBackend = "webgl" | "wasm" | "cpu";

/** Options for `useBrowserBackend`. */
export interface BrowserBackendOptions {
  /** Backends to try, in order. */
  prefer?: BrowserBackend[];
  /** URL prefix (ending in "/") where the site serves the backend's .wasm files. */
  wasmPath: string;
}

/**
 * Starts the first backend of `prefer` that works and returns its name.
 * @example
 * const backend = await useBrowserBackend({ wasmPath: "/tfjs-wasm/" });
 */
export async function useBrowserBackend(options: BrowserBackendOptions): Promise<BrowserBackend> {
  setWasmPaths(options.wasmPath);
  for (const name of options.prefer ?? ["webgl", "wasm", "cpu"]) {
    try {
      if (await tf.setBackend(name)) return name;
    } catch {
      // A backend that cannot start (no WebGL, no WebAssembly) falls through to the next.
    }
  }
  throw new Error("no TF.js backend could start (tried webgl, wasm and cpu)");
}
