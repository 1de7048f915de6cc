/** The handler's everyday behaviour, called directly with Request objects. */
import assert from "node:assert/strict";
import { join } from "node:path";
import { createHandler } from "../../server/handler.ts";
import { IMMUTABLE, REVALIDATE } from "../../server/headers.ts";
import { makeTempSite } from "./site.ts";

const BASE = "http://127.0.0.1:8000";

async function withSite(
  fn: (get: (path: string, init?: RequestInit) => Promise<Response>, root: string) => Promise<void>,
  cache?: { maxFileBytes?: number; revalidateMs?: number },
) {
  const site = await makeTempSite();
  const handler = createHandler({ root: site.root, cache });
  try {
    await fn((path, init) => handler(new Request(BASE + path, init)), site.root);
  } finally {
    await site.cleanup();
  }
}

Deno.test("content types for the site's file kinds", async () => {
  await withSite(async (get) => {
    const expected: Record<string, RegExp> = {
      "/": /^text\/html; charset=utf-8$/,
      "/_islands/wasm/tfjs-backend-wasm.wasm": /^application\/wasm$/,
      "/assets/katex/fonts/KaTeX_Main-Regular.woff2": /^font\/woff2$/,
      "/models/sinusoid/model.json": /^application\/json/,
      "/manifest.webmanifest": /^application\/manifest\+json/,
      "/icon.svg": /^image\/svg\+xml/,
      "/sitemap.xml": /^(application|text)\/xml/,
      "/_islands/chunk-AB12CD34.js": /^text\/javascript/,
      "/assets/katex/katex.min.css": /^text\/css/,
    };
    for (const [path, type] of Object.entries(expected)) {
      const res = await get(path);
      await res.body?.cancel();
      assert.equal(res.status, 200, path);
      assert.match(res.headers.get("content-type") ?? "", type, path);
    }
  });
});

Deno.test("security headers on pages, errors and redirects", async () => {
  await withSite(async (get) => {
    const cases: [string, RequestInit | undefined, number][] = [
      ["/", undefined, 200],
      ["/missing", undefined, 404],
      ["/en/lecture-3", undefined, 301],
      ["/", { method: "POST" }, 405],
      ["/%252e%252e/", undefined, 400],
    ];
    for (const [path, init, status] of cases) {
      const res = await get(path, init);
      await res.body?.cancel();
      assert.equal(res.status, status, path);
      const csp = res.headers.get("content-security-policy") ?? "";
      const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src"));
      assert.equal(scriptSrc, "script-src 'self' 'wasm-unsafe-eval'");
      assert.ok(!csp.includes("'unsafe-eval'"), "unsafe-eval must never appear");
      for (const directive of ["worker-src 'self'", "img-src 'self' data:"]) {
        assert.ok(csp.includes(directive), directive);
      }
      for (const d of ["frame-ancestors 'none'", "base-uri 'self'", "object-src 'none'"]) {
        assert.ok(csp.includes(d), d);
      }
      assert.equal(res.headers.get("x-content-type-options"), "nosniff");
      assert.ok(res.headers.get("referrer-policy"));
      assert.match(res.headers.get("permissions-policy") ?? "", /camera=\(\)/);
    }
  });
});

Deno.test("folders: redirect without slash, index.html with it, 404 page otherwise", async () => {
  await withSite(async (get) => {
    const redirect = await get("/en/lecture-3?lang=en");
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.get("location"), "/en/lecture-3/?lang=en");

    const page = await get("/en/lecture-3/");
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Transfer learning and fine-tuning/);

    const missing = await get("/en/no-such-page/");
    assert.equal(missing.status, 404);
    assert.match(missing.headers.get("content-type") ?? "", /text\/html/);
    assert.match(await missing.text(), /Page not found/);

    const fileWithSlash = await get("/robots.txt/");
    await fileWithSlash.body?.cancel();
    assert.equal(fileWithSlash.status, 404);
  });
});

Deno.test("strong ETag and If-None-Match", async () => {
  await withSite(async (get) => {
    const first = await get("/en/lecture-3/");
    await first.body?.cancel();
    const etag = first.headers.get("etag") ?? "";
    assert.match(etag, /^"[^"]+"$/, "strong ETag, no W/ prefix");
    const hit = await get("/en/lecture-3/", { headers: { "if-none-match": etag } });
    assert.equal(hit.status, 304);
    assert.equal(await hit.text(), "");
    assert.equal(hit.headers.get("etag"), etag);
    const inList = await get("/en/lecture-3/", { headers: { "if-none-match": `"x", ${etag}` } });
    await inList.body?.cancel();
    assert.equal(inList.status, 304);
    const weak = await get("/en/lecture-3/", { headers: { "if-none-match": `W/${etag}` } });
    await weak.body?.cancel();
    assert.equal(weak.status, 304, "If-None-Match uses weak comparison");
    const other = await get("/en/lecture-3/", { headers: { "if-none-match": '"other"' } });
    assert.equal(other.status, 200);
    assert.match(await other.text(), /Transfer learning/);
    const ko = await get("/ko/lecture-3/");
    await ko.body?.cancel();
    assert.notEqual(ko.headers.get("etag"), etag, "different files, different ETags");
  });
});

const RANGE_CASES: [string, { maxFileBytes: number } | undefined][] = [
  ["from memory", undefined],
  ["streamed", { maxFileBytes: 16 }],
];
for (const [label, cache] of RANGE_CASES) {
  Deno.test(`byte ranges (${label})`, async () => {
    const site = await makeTempSite();
    const handler = createHandler({ root: site.root, cache });
    const get = (range?: string, extra: Record<string, string> = {}) =>
      handler(
        new Request(`${BASE}/_islands/big-Q2W3E4R5.js`, {
          headers: range ? { range, ...extra } : extra,
        }),
      );
    const bytes = site.bigBytes;
    const size = bytes.byteLength;
    try {
      const full = await get();
      assert.equal(full.status, 200);
      assert.deepEqual(new Uint8Array(await full.arrayBuffer()), bytes);
      assert.equal(full.headers.get("accept-ranges"), "bytes");

      for (
        const [range, start, end] of [["bytes=10-19", 10, 20], ["bytes=-5", size - 5, size], [
          "bytes=40000-",
          40000,
          size,
        ]] as const
      ) {
        const res = await get(range);
        assert.equal(res.status, 206, range);
        assert.equal(res.headers.get("content-range"), `bytes ${start}-${end - 1}/${size}`);
        assert.equal(res.headers.get("content-length"), String(end - start));
        assert.deepEqual(new Uint8Array(await res.arrayBuffer()), bytes.slice(start, end), range);
      }
      const past = await get(`bytes=${size}-`);
      assert.equal(past.status, 416);
      assert.equal(past.headers.get("content-range"), `bytes */${size}`);
      await past.body?.cancel();

      const stale = await get("bytes=0-9", { "if-range": '"old"' });
      assert.equal(stale.status, 200, "If-Range mismatch sends the whole file");
      assert.equal((await stale.arrayBuffer()).byteLength, size);
    } finally {
      await site.cleanup();
    }
  });
}

Deno.test("cache rule: immutable only for hashed names under /_islands/ and /assets/", async () => {
  await withSite(async (get) => {
    const expected: Record<string, string> = {
      "/_islands/chunk-AB12CD34.js": IMMUTABLE,
      "/assets/site-3f9a1c7e.css": IMMUTABLE,
      "/_islands/wasm/tfjs-backend-wasm.wasm": REVALIDATE,
      "/assets/katex/fonts/KaTeX_Main-Regular.woff2": REVALIDATE,
      "/en/lecture-3/": REVALIDATE,
      "/models/sinusoid/model.json": REVALIDATE,
      "/missing": REVALIDATE,
    };
    for (const [path, rule] of Object.entries(expected)) {
      const res = await get(path);
      await res.body?.cancel();
      assert.equal(res.headers.get("cache-control"), rule, path);
    }
  });
});

Deno.test("HEAD sends the headers of GET and no body", async () => {
  await withSite(async (get) => {
    const head = await get("/en/lecture-3/", { method: "HEAD" });
    const full = await get("/en/lecture-3/");
    const body = new Uint8Array(await full.arrayBuffer());
    assert.equal(head.status, 200);
    assert.equal(head.body, null);
    assert.equal(head.headers.get("etag"), full.headers.get("etag"));
    assert.equal(head.headers.get("content-length"), String(body.byteLength));
  });
});

Deno.test("root picks a language only when the site has no root index.html", async () => {
  await withSite(async (get, root) => {
    const served = await get("/", { headers: { "accept-language": "ko-KR,ko;q=0.9" } });
    assert.equal(served.status, 200);
    assert.match(await served.text(), /Home of the fixture site/);

    await Deno.remove(join(root, "index.html"));
    const cases: [string, string][] = [
      ["ko-KR,ko;q=0.9,en;q=0.5", "/ko/"],
      ["en-US,en;q=0.9", "/en/"],
      ["fr-FR", "/en/"],
      ["", "/en/"],
    ];
    for (const [accept, location] of cases) {
      const res = await get("/", { headers: accept ? { "accept-language": accept } : {} });
      assert.equal(res.status, 302, accept);
      assert.equal(res.headers.get("location"), location, accept);
      assert.match(res.headers.get("vary") ?? "", /Accept-Language/);
    }
  }, { revalidateMs: 0 });
});
