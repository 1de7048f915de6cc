import assert from "node:assert/strict";
import * as esbuild from "esbuild";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

Deno.test("ml/ bundles for the browser with esbuild: ESM TF.js, gradients, no Deno code", async () => {
  const result = await esbuild.build({
    stdin: {
      contents: [
        "env/browser.ts",
        "train.ts",
        "adapt.ts",
        "evaluate.ts",
        "checkpoint.ts",
        "algorithms/index.ts",
        "algorithms/scratch.ts",
      ].map((f, i) => `export * as m${i} from "./ml/${f}";`).join("\n"),
      resolveDir: root,
      loader: "ts",
    },
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    metafile: true,
    logLevel: "silent",
  });
  await esbuild.stop();
  assert.deepEqual(result.errors, []);
  const inputs = Object.keys(result.metafile.inputs);
  assert.ok(inputs.some((p) => p.endsWith("tfjs-core/dist/register_all_gradients.js")));
  // The browser must get the ES modules, never the CommonJS builds Deno uses.
  assert.ok(!inputs.some((p) => /\.node\.js$/.test(p)), "a Node build slipped into the bundle");
  assert.ok(!inputs.some((p) => p.includes("ml/env/deno.ts") || p.includes("esbuild")));
  assert.ok(!/\bDeno\./.test(result.outputFiles[0].text), "Deno API in the browser bundle");
});
