/**
 * The real build served by the real handler: every page answers 200, everything a page loads
 * up front exists with a sensible type and cache rule, and no page needs what the CSP forbids.
 * Runs once `_site/` exists (`deno task test` builds it first).
 */
import assert from "node:assert/strict";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { createHandler } from "../../server/handler.ts";
import { IMMUTABLE } from "../../server/headers.ts";
import { referencedAssets, staticImports } from "../../scripts/bench/weight.ts";

const SITE = fileURLToPath(new URL("../../_site", import.meta.url));
const built = (() => {
  try {
    return Deno.statSync(SITE).isDirectory;
  } catch {
    return false;
  }
})();

function htmlPages(dir: string): string[] {
  const out: string[] = [];
  for (const entry of Deno.readDirSync(dir)) {
    const path = join(dir, entry.name);
    if (entry.isDirectory) out.push(...htmlPages(path));
    else if (entry.name.endsWith(".html")) out.push(path);
  }
  return out;
}

const urlOf = (file: string) => "/" + relative(SITE, file).replace(/(^|\/)index\.html$/, "$1");

// Inline scripts (no src, not a data block) and inline event handlers break under the CSP.
const INLINE_SCRIPT =
  /<script\b(?![^>]*\bsrc=)(?![^>]*type=["']?application\/(?:ld\+)?json)[^>]*>/i;
const EVENT_HANDLER = /<[a-z][^>]*\son[a-z]+\s*=/i;

Deno.test({
  name: "every built page is served with its assets, and needs no inline script",
  ignore: !built,
  fn: async () => {
    const handler = createHandler({ root: SITE });
    const get = (path: string) => handler(new Request(`http://127.0.0.1${path}`));
    const pages = htmlPages(SITE);
    assert.ok(pages.length > 0, "the build wrote no HTML");
    const checked = new Set<string>();
    for (const file of pages) {
      const url = urlOf(file);
      const html = await Deno.readTextFile(file);
      assert.doesNotMatch(html, INLINE_SCRIPT, `${url}: inline <script> is blocked by the CSP`);
      assert.doesNotMatch(html, EVENT_HANDLER, `${url}: inline on…= handler is blocked by the CSP`);
      const res = await get(url);
      await res.body?.cancel();
      assert.equal(res.status, 200, url);
      assert.match(res.headers.get("content-type") ?? "", /^text\/html/, url);

      const { scripts, styles } = referencedAssets(html);
      const queue = [
        ...scripts.map((s) => ({ from: url, ref: s, kind: "js" })),
        ...styles.map((
          s,
        ) => ({ from: url, ref: s, kind: "css" })),
      ];
      while (queue.length > 0) {
        const { from, ref, kind } = queue.pop()!;
        if (/^[a-z]+:|^\/\//i.test(ref)) continue;
        const path = new URL(ref, `http://site${from}`).pathname;
        if (checked.has(path)) continue;
        checked.add(path);
        const asset = await get(path);
        const body = await asset.text();
        assert.equal(asset.status, 200, `${url} loads ${path}, which is missing`);
        const type = asset.headers.get("content-type") ?? "";
        assert.match(type, kind === "js" ? /^text\/javascript/ : /^text\/css/, path);
        if (path.startsWith("/_islands/") && /-[A-Z0-9]{8}\.js$/.test(path)) {
          assert.equal(asset.headers.get("cache-control"), IMMUTABLE, path);
        }
        if (kind === "js") {
          for (const spec of staticImports(body)) {
            if (/^\.{0,2}\//.test(spec)) queue.push({ from: path, ref: spec, kind: "js" });
          }
        }
      }
    }
  },
});
