/** The page-weight bench: what counts as loaded up front, and when a budget is breached. */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import {
  budgetBreaches,
  BUDGETS,
  type PageWeight,
  referencedAssets,
  siteWeights,
  staticImports,
  tfjsChunks,
  webglPath,
} from "../../scripts/bench/weight.ts";

const FIXTURE = fileURLToPath(new URL("../fixtures/site", import.meta.url));

Deno.test("referencedAssets takes scripts, module preloads and stylesheets, not JSON blocks", () => {
  const html = `<link rel="stylesheet" href="/a.css"><link rel="modulepreload" href="/p.js">
    <link rel="icon" href="/i.svg"><script type="module" src='/m.js'></script>
    <script type="application/json" id="props">{}</script><script src=/classic.js></script>`;
  assert.deepEqual(referencedAssets(html), {
    scripts: ["/m.js", "/classic.js", "/p.js"],
    styles: ["/a.css"],
  });
});

Deno.test("staticImports follows import/export-from and skips dynamic import()", () => {
  const source = `import{a as b}from"./chunk-A.js";import"./side.js";export{c}from"./re.js";` +
    `const lazy=()=>import("./lazy.js");x.import("./not.js")`;
  assert.deepEqual(staticImports(source), ["./chunk-A.js", "./side.js", "./re.js"]);
});

Deno.test("siteWeights counts the loader and its static chunk, not the lazy island", () => {
  const pages = siteWeights(FIXTURE);
  const widget = pages.find((p) => p.page === "/en/widgets/sinusoid/");
  assert.ok(widget);
  assert.equal(widget.hasIslands, true);
  assert.deepEqual(widget.files.sort(), [
    "/_islands/chunk-AB12CD34.js",
    "/_islands/loader-QK7TW2ZB.js",
    "/assets/site-3f9a1c7e.css",
  ]);
  assert.ok(widget.jsGzip > 0 && widget.cssGzip > 0);
  const lecture = pages.find((p) => p.page === "/en/lecture-3/");
  assert.equal(lecture?.jsGzip, 0);
  assert.deepEqual(pages.flatMap((p) => p.missing), []);
});

Deno.test("tfjsChunks finds the chunk carrying TF.js flags", () => {
  const chunks = tfjsChunks(FIXTURE);
  assert.deepEqual(chunks.map((c) => c.path), ["/_islands/tfjs-core-T7RYQ3VE.js"]);
});

Deno.test("budgetBreaches flags heavy text pages, missing files and a fat TF.js chunk", () => {
  const page = (over: Partial<PageWeight>): PageWeight => ({
    page: "/p/",
    hasIslands: false,
    jsGzip: 0,
    cssGzip: 0,
    files: [],
    missing: [],
    ...over,
  });
  assert.deepEqual(budgetBreaches([page({ jsGzip: BUDGETS.textPageJs })], []), []);
  assert.equal(budgetBreaches([page({ jsGzip: BUDGETS.textPageJs + 1 })], []).length, 1);
  // A widget page may load more: its islands are the point of the page.
  assert.deepEqual(budgetBreaches([page({ hasIslands: true, jsGzip: 50_000 })], []), []);
  assert.equal(budgetBreaches([page({ missing: ["/x.js"] })], []).length, 1);
  const fat = [{ path: "/_islands/tf.js", gzip: BUDGETS.tfjsChunk + 1 }];
  assert.match(budgetBreaches([], fat)[0], /TF\.js chunk/);
});

Deno.test("webglPath counts the worker, its imports and the WebGL backend, not the fallbacks", () => {
  const site = Deno.makeTempDirSync();
  const dir = `${site}/_islands`;
  Deno.mkdirSync(dir);
  const write = (name: string, text: string) => Deno.writeTextFileSync(`${dir}/${name}`, text);
  write(
    "worker-AB12CD34.js",
    'import{a}from"./chunk-CORE.js";const g=()=>import("./chunk-GL.js"),w=()=>import("./chunk-WASM.js");',
  );
  write("chunk-CORE.js", "export const a=1;".repeat(50));
  write("chunk-GL.js", 'import{s}from"./chunk-SHARED.js";const WEBGL_VERSION=2;');
  write("chunk-SHARED.js", "export const s=2;");
  write("chunk-WASM.js", "const wasm=1;".repeat(500));
  const path = webglPath(site)!;
  assert.deepEqual(path.files, [
    "/_islands/chunk-CORE.js",
    "/_islands/chunk-GL.js",
    "/_islands/chunk-SHARED.js",
    "/_islands/worker-AB12CD34.js",
  ]);
  assert.ok(path.gzip > 0);
  assert.match(budgetBreaches([], [], { gzip: BUDGETS.tfjsChunk + 1 })[0], /TF\.js on WebGL/);
  Deno.removeSync(site, { recursive: true });
});
