/** Unit tests for URL path checking and the per-file header rules. */
import assert from "node:assert/strict";
import { checkPath, toUrlPath } from "../../server/paths.ts";
import { cacheControlFor, contentTypeFor, IMMUTABLE, REVALIDATE } from "../../server/headers.ts";
import { isValidRange } from "../../server/respond.ts";

Deno.test("checkPath splits and decodes safe paths", () => {
  assert.deepEqual(checkPath("/"), { ok: true, segments: [], trailingSlash: true });
  assert.deepEqual(checkPath("/en/lecture-3/"), {
    ok: true,
    segments: ["en", "lecture-3"],
    trailingSlash: true,
  });
  assert.deepEqual(checkPath("/ko/%EA%B0%95%EC%9D%98"), {
    ok: true,
    segments: ["ko", "강의"],
    trailingSlash: false,
  });
});

Deno.test("checkPath refuses escapes with 400 and dotfiles with 404", () => {
  const refused: [string, number][] = [
    ["relative", 400],
    ["//etc/passwd", 400],
    ["/a//b", 400],
    ["/..%2fsecret", 400],
    ["/%2e%2e", 400],
    ["/..", 400],
    ["/a%5cb", 400],
    ["/a%00b", 400],
    ["/a%0db", 400],
    ["/%252e%252e/x", 400],
    ["/%E0%A4%A", 400],
    ["/.env", 404],
    ["/en/.git/config", 404],
  ];
  for (const [path, status] of refused) {
    const result = checkPath(path);
    assert.equal(result.ok, false, path);
    if (!result.ok) assert.equal(result.status, status, path);
  }
});

Deno.test("toUrlPath re-encodes segments and never starts with two slashes", () => {
  assert.equal(toUrlPath([], true), "/");
  assert.equal(toUrlPath(["en", "lecture-3"], true), "/en/lecture-3/");
  assert.equal(toUrlPath(["a b", "c?d"], false), "/a%20b/c%3Fd");
});

Deno.test("cacheControlFor marks only hashed names in hashed folders immutable", () => {
  assert.equal(cacheControlFor("/_islands/chunk-AB12CD34.js"), IMMUTABLE);
  assert.equal(cacheControlFor("/_islands/worker-ZQXWVUTS.js"), IMMUTABLE);
  assert.equal(cacheControlFor("/assets/katex.0123abcd.css"), IMMUTABLE);
  assert.equal(cacheControlFor("/assets/katex-1090726d3a.css"), IMMUTABLE);
  assert.equal(
    cacheControlFor("/assets/katex-fonts-c9eac1c75c/KaTeX_Math-Italic.woff2"),
    IMMUTABLE,
  );
  assert.equal(cacheControlFor("/assets/katex-fonts/KaTeX_Math-Italic.woff2"), REVALIDATE);
  assert.equal(cacheControlFor("/models/sinusoid-0123abcd/model.json"), REVALIDATE);
  assert.equal(cacheControlFor("/_islands/wasm/tfjs-backend-wasm-simd.wasm"), REVALIDATE);
  assert.equal(cacheControlFor("/assets/katex/fonts/KaTeX_Main-Regular.woff2"), REVALIDATE);
  assert.equal(cacheControlFor("/pagefind/chunk-AB12CD34.js"), REVALIDATE);
  assert.equal(cacheControlFor("/en/lecture-3/index.html"), REVALIDATE);
});

Deno.test("contentTypeFor knows the site's formats and falls back to bytes", () => {
  assert.equal(contentTypeFor("tfjs-backend-wasm.wasm"), "application/wasm");
  assert.equal(contentTypeFor("KaTeX_Main-Regular.woff2"), "font/woff2");
  assert.match(contentTypeFor("manifest.webmanifest"), /^application\/manifest\+json/);
  assert.equal(contentTypeFor("en_1a2b.pf_fragment"), "application/octet-stream");
});

Deno.test("isValidRange accepts RFC byte ranges and nothing else", () => {
  for (const ok of ["bytes=0-9", "bytes=-5", "bytes=10-", "bytes=0-0, 4-8"]) {
    assert.ok(isValidRange(ok), ok);
  }
  for (const bad of ["bytes=abc", "bytes=5-2", "bytes=-", "bytes=--1", "items=0-1", "bytes 0-1"]) {
    assert.ok(!isValidRange(bad), bad);
  }
});
