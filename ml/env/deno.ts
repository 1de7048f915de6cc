/**
 * TF.js set-up for Deno (tests, pretraining, eval, bench): registers the gradients and
 * the CPU and WASM backends. Algorithm code imports only `@tensorflow/tfjs-core`.
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import * as esbuild from "esbuild";
import { fileURLToPath } from "node:url";

/** Backends that run under Deno. WASM is the faster one here. */
export type DenoBackend = "wasm" | "cpu";

let ready: Promise<void> | undefined;

/**
 * Registers gradients and backends (once), then makes `backend` the active one.
 * @example
 * await useDenoBackend("cpu");
 */
export async function useDenoBackend(backend: DenoBackend = "wasm"): Promise<DenoBackend> {
  ready ??= prepare();
  await ready;
  if (!(await tf.setBackend(backend))) {
    throw new Error(`TF.js backend "${backend}" failed to start`);
  }
  return backend;
}

async function prepare(): Promise<void> {
  // The Node banner about tfjs-node would otherwise land on every script's stderr.
  tf.env().set("PROD", true);
  const wasmDist = new URL(".", import.meta.resolve("@tensorflow/tfjs-backend-wasm"));
  setWasmPaths(fileURLToPath(wasmDist));
  await registerAllGradients();
}

/**
 * The package's CommonJS entry point registers no gradients, and its ESM gradient files
 * use extension-less imports that Deno refuses; esbuild resolves them in memory instead.
 * The registry is global, so gradients registered from this copy serve the main one.
 */
async function registerAllGradients(): Promise<void> {
  const coreDist = new URL(".", import.meta.resolve("@tensorflow/tfjs-core"));
  const entry = fileURLToPath(new URL("register_all_gradients.js", coreDist));
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "esm",
    platform: "neutral",
    logLevel: "silent",
  });
  await esbuild.stop();
  const url = URL.createObjectURL(
    new Blob([result.outputFiles[0].text], { type: "text/javascript" }),
  );
  try {
    await import(url);
  } finally {
    URL.revokeObjectURL(url);
  }
}
