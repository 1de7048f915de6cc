/**
 * Meta-training throughput in Chromium on the WebGL backend: MAML on sinusoids (meta-batch 25,
 * K = 10, one inner step), vectorized over tasks vs the per-task loop, side by side in one run.
 *
 *   deno run -A scripts/bench/webgl.ts [--seconds 4]
 *
 * The page bundle is built in memory and served on loopback; nothing is fetched from outside.
 */
import * as esbuild from "esbuild";
import { chromium } from "playwright-core";
import { chromiumArgs, ensureChromium } from "../chromium.ts";

/** Options of the WebGL bench. */
export interface Options {
  /** Measuring time per variant, after warm-up. */
  seconds: number;
  /** Warm-up meta-iterations per variant (shader compilation happens here). */
  warmup: number;
}

export const defaults: Options = { seconds: 4, warmup: 3 };

/** Meta-iterations per second of each variant, and which backend ran them. */
export interface WebglResult {
  backend: string;
  vectorized: number;
  loop: number;
  /** vectorized / loop. */
  speedup: number;
}

// Runs in the page: one MetaTrainer per variant, each step synced by reading its loss.
const PAGE_SCRIPT = `
import * as tf from "@tensorflow/tfjs-core";
import { useBrowserBackend } from "./ml/env/browser.ts";
import { HYPERPARAMETERS } from "./ml/algorithms/index.ts";
import { MetaTrainer } from "./ml/train.ts";
globalThis.runBench = async ({ seconds, warmup }) => {
  const backend = await useBrowserBackend({ prefer: ["webgl"], wasmPath: "/" });
  const result = { backend };
  for (const vectorized of [true, false]) {
    const trainer = new MetaTrainer({ algorithm: "maml", seed: 1, hp: HYPERPARAMETERS.maml, vectorized });
    for (let i = 0; i < warmup; i++) { trainer.step(); trainer.lastLoss(); }
    const start = performance.now();
    let n = 0;
    while (performance.now() - start < seconds * 1000) { trainer.step(); trainer.lastLoss(); n++; }
    result[vectorized ? "vectorized" : "loop"] = n / ((performance.now() - start) / 1000);
    trainer.dispose();
  }
  result.leftover = tf.memory().numTensors;
  return result;
};
`;

/**
 * Runs the bench in headless Chromium and returns the throughputs.
 * @example const { vectorized, loop } = await benchWebgl({ seconds: 2 });
 */
export async function benchWebgl(userOptions: Partial<Options> = {}): Promise<WebglResult> {
  const options = { ...defaults, ...userOptions };
  const bundle = await esbuild.build({
    stdin: { contents: PAGE_SCRIPT, resolveDir: Deno.cwd(), loader: "js" },
    bundle: true,
    format: "esm",
    write: false,
    minify: true,
    logLevel: "silent",
  });
  await esbuild.stop();
  const script = bundle.outputFiles[0].text;
  const html =
    `<!doctype html><meta charset="utf-8"><script type="module" src="/bench.js"></script>`;
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, (req) => {
    const js = new URL(req.url).pathname === "/bench.js";
    return new Response(js ? script : html, {
      headers: { "content-type": js ? "text/javascript" : "text/html" },
    });
  });
  const browser = await chromium.launch({
    executablePath: await ensureChromium(),
    args: chromiumArgs,
    headless: true,
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.addr.port}/`);
    await page.waitForFunction(() => "runBench" in globalThis);
    const raw = await page.evaluate(
      (o) => (globalThis as unknown as { runBench: (o: unknown) => Promise<unknown> }).runBench(o),
      options,
    ) as { backend: string; vectorized: number; loop: number; leftover: number };
    if (raw.leftover !== 0) throw new Error(`the bench leaked ${raw.leftover} tensors`);
    return { ...raw, speedup: raw.vectorized / raw.loop };
  } finally {
    await browser.close();
    await server.shutdown();
  }
}

if (import.meta.main) {
  const at = Deno.args.indexOf("--seconds");
  const seconds = at >= 0 ? Number(Deno.args[at + 1]) : defaults.seconds;
  const r = await benchWebgl({ seconds });
  console.log(`Chromium, ${r.backend}, MAML on sinusoids (meta-batch 25, K = 10, 1 inner step)`);
  console.log(`  vectorized over tasks  ${r.vectorized.toFixed(1).padStart(7)} meta-iterations/s`);
  console.log(`  per-task loop          ${r.loop.toFixed(1).padStart(7)} meta-iterations/s`);
  console.log(`  speed-up               ${r.speedup.toFixed(1).padStart(7)}×`);
}
