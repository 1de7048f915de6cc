import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import { bundleIslands } from "./bundle.ts";

Deno.test("islands bundle: a small hashed loader, lazy chunks, Preact kept out of the loader", async () => {
  const bundle = await bundleIslands({ names: ["Counter"] });
  assert.match(bundle.loader, /^loader-[A-Z0-9]+\.js$/);
  const loader = bundle.files.find((f) => f.path === bundle.loader)!;
  const loaderGzip = gzipSync(loader.contents).length;
  assert.ok(loaderGzip < 2048, `loader is ${loaderGzip} B gzipped`);
  const text = new TextDecoder().decode(loader.contents);
  assert.doesNotMatch(text, /__H|useState/, "Preact is not in the loader");
  assert.match(text, /import\("\.\/chunk-[A-Z0-9]+\.js"\)/, "islands load through dynamic imports");
  const chunks = bundle.files.filter((f) => /^chunk-[A-Z0-9]+\.js$/.test(f.path));
  assert.ok(chunks.length >= 2, "the island and the hydration code are separate chunks");
  assert.ok(
    bundle.files.some((f) => /^wasm-[0-9a-f]{10}\//.test(f.path) && f.path.endsWith(".wasm")),
  );
});
