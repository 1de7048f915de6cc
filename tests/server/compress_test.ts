/** The precompression plugin, and the server choosing among the siblings it writes. */
import assert from "node:assert/strict";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import compress, { defaults } from "../../plugins/compress.ts";
import { createHandler } from "../../server/handler.ts";
import { makeTempSite } from "./site.ts";

const exists = (path: string) => Deno.stat(path).then(() => true, () => false);

Deno.test("compress writes .br and .gz siblings above the threshold only", async () => {
  const site = await makeTempSite();
  try {
    const report = await compress({ cacheDir: null })(site.root);
    const big = site.bigPath;
    assert.deepEqual(
      new Uint8Array(brotliDecompressSync(await Deno.readFile(big + ".br"))),
      site.bigBytes,
    );
    assert.deepEqual(new Uint8Array(gunzipSync(await Deno.readFile(big + ".gz"))), site.bigBytes);
    // The fixture's small files stay below the default threshold.
    const robots = join(site.root, "robots.txt");
    assert.ok((await Deno.stat(robots)).size < defaults.threshold);
    assert.equal(await exists(robots + ".gz"), false);
    // Fonts are already compressed, so they are never touched.
    const font = join(site.root, "assets/katex/fonts/KaTeX_Main-Regular.woff2");
    assert.equal(await exists(font + ".br"), false);
    assert.ok(report.files >= 1 && report.written >= 2);
    assert.ok(report.bytesBrotli < report.bytesIn && report.bytesGzip < report.bytesIn);
  } finally {
    await site.cleanup();
  }
});

Deno.test("compress replaces stale siblings and skips ones that would not shrink", async () => {
  const site = await makeTempSite();
  try {
    const robots = join(site.root, "robots.txt");
    await Deno.writeTextFile(robots + ".gz", "stale");
    await compress({ threshold: 0, cacheDir: null })(site.root);
    // Twenty bytes of text grow under gzip's header, so no sibling is kept.
    assert.equal(await exists(robots + ".gz"), false);
    const html = join(site.root, "en/lecture-3/index.html");
    const source = await Deno.readFile(html);
    assert.deepEqual(new Uint8Array(gunzipSync(await Deno.readFile(html + ".gz"))), source);
  } finally {
    await site.cleanup();
  }
});

Deno.test("compress reuses cached bytes for unchanged files and prunes the rest", async () => {
  const site = await makeTempSite();
  const cacheDir = join(site.dir, "cache");
  try {
    const first = await compress({ threshold: 0, cacheDir })(site.root);
    assert.equal(first.fromCache, 0);
    const second = await compress({ threshold: 0, cacheDir })(site.root);
    // Every eligible source was cached by the first run, so the second compresses nothing.
    assert.equal(second.fromCache * 2, Deno.readDirSync(cacheDir).toArray().length);
    assert.ok(second.fromCache > 0);
    assert.deepEqual({ ...second, fromCache: 0 }, first);
    assert.deepEqual(
      new Uint8Array(gunzipSync(await Deno.readFile(site.bigPath + ".gz"))),
      site.bigBytes,
    );
    // Change one file: it is compressed afresh and its old entry is pruned.
    await Deno.writeTextFile(site.bigPath, "/* changed */".repeat(200));
    const third = await compress({ threshold: 0, cacheDir })(site.root);
    assert.equal(third.fromCache, second.fromCache - 1);
    const entries = [...Deno.readDirSync(cacheDir)].map((e) => e.name);
    assert.equal(entries.length, 2 * second.fromCache, "one .br and one .gz per source");
    assert.equal(
      new TextDecoder().decode(gunzipSync(await Deno.readFile(site.bigPath + ".gz"))),
      "/* changed */".repeat(200),
    );
  } finally {
    await site.cleanup();
  }
});

Deno.test("server sends the sibling the client accepts, with Vary", async () => {
  const site = await makeTempSite();
  try {
    await compress({ threshold: 0, cacheDir: null })(site.root);
    const handler = createHandler({ root: site.root });
    const path = "/_islands/big-Q2W3E4R5.js";
    const get = (headers: Record<string, string>) =>
      handler(new Request(`http://127.0.0.1${path}`, { headers }));
    const cases: [Record<string, string>, string | null][] = [
      [{ "accept-encoding": "gzip, deflate, br" }, "br"],
      [{ "accept-encoding": "gzip" }, "gzip"],
      [{ "accept-encoding": "br;q=0, gzip" }, "gzip"],
      [{ "accept-encoding": "identity" }, null],
      [{}, null],
      [{ "accept-encoding": "br", range: "bytes=0-9" }, null],
    ];
    const etags = new Set<string>();
    for (const [headers, encoding] of cases) {
      const res = await get(headers);
      const body = new Uint8Array(await res.arrayBuffer());
      assert.equal(res.headers.get("content-encoding"), encoding, JSON.stringify(headers));
      assert.equal(res.headers.get("vary"), "Accept-Encoding");
      assert.match(res.headers.get("content-type") ?? "", /^text\/javascript/);
      const decoded = encoding === "br"
        ? brotliDecompressSync(body)
        : encoding === "gzip"
        ? gunzipSync(body)
        : body;
      const expected = headers.range ? site.bigBytes.slice(0, 10) : site.bigBytes;
      assert.deepEqual(new Uint8Array(decoded), expected);
      if (!headers.range) etags.add(res.headers.get("etag") ?? "");
    }
    assert.equal(etags.size, 3, "identity, br and gzip each have their own ETag");
  } finally {
    await site.cleanup();
  }
});

Deno.test("a precompressed sibling that is a symlink out of the root is ignored", async () => {
  const site = await makeTempSite();
  try {
    await Deno.symlink(site.secretPath, site.bigPath + ".br");
    const handler = createHandler({ root: site.root });
    const res = await handler(
      new Request("http://127.0.0.1/_islands/big-Q2W3E4R5.js", {
        headers: { "accept-encoding": "br" },
      }),
    );
    assert.equal(res.headers.get("content-encoding"), null);
    assert.deepEqual(new Uint8Array(await res.arrayBuffer()), site.bigBytes);
  } finally {
    await site.cleanup();
  }
});
