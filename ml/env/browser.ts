/**
 * TF.js set-up for the browser bundle (page or Web Worker): registers the gradients, then loads
 * backends one at a time, WebGL first, and keeps the first that starts. Each backend is its own
 * chunk, so a reader with WebGL never downloads the WASM or CPU fallbacks.
 * Algorithm code imports only `@tensorflow/tfjs-core`.
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-core/dist/register_all_gradients";

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
  // Importing a backend registers it with TF.js.
  const load: Record<BrowserBackend, () => Promise<unknown>> = {
    webgl: () => import("@tensorflow/tfjs-backend-webgl"),
    wasm: async () =>
      (await import("@tensorflow/tfjs-backend-wasm")).setWasmPaths(options.wasmPath),
    cpu: () => import("@tensorflow/tfjs-backend-cpu"),
  };
  for (const name of options.prefer ?? ["webgl", "wasm", "cpu"]) {
    try {
      await load[name]();
      if (await tf.setBackend(name)) return name;
    } catch {
      // A backend that cannot start (no WebGL, no WebAssembly) falls through to the next.
    }
  }
  throw new Error("no TF.js backend could start (tried webgl, wasm and cpu)");
}
