// The dev server rebuilds on change, shows a build error in place of the page while it lasts,
// keeps running, and serves the fixed page again once the author saves a fix.
import assert from "node:assert/strict";
import { serve } from "../../dev/server.ts";

function freePort() {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

async function until<T>(probe: () => Promise<T | null>, what: string, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== null) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

Deno.test({
  name: "dev server: error page while the build is broken, live page again once fixed",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const input = await Deno.makeTempDir({ prefix: "content-" });
    const root = await Deno.makeTempDir({ prefix: "site-" });
    for (const lang of ["en", "ko"]) {
      await Deno.mkdir(`${input}/${lang}`);
      await Deno.copyFile(
        `tests/fixtures/content/good/${lang}/page.md`,
        `${input}/${lang}/page.md`,
      );
    }
    const port = freePort();
    const stop = new AbortController();
    const running = serve({ port, input, root, watch: [] }, stop.signal);
    const url = `http://127.0.0.1:${port}/en/page/`;
    const get = async () => {
      try {
        const response = await fetch(url);
        return { status: response.status, body: await response.text() };
      } catch {
        return null;
      }
    };
    try {
      const first = await until(get, "the first build");
      assert.equal(first.status, 200);
      assert.match(first.body, /class="katex"/);
      assert.match(first.body, /src="\/_dev\/client\.js"/, "live reload client injected");

      const page = `${input}/en/page.md`;
      const good = await Deno.readTextFile(page);
      await Deno.writeTextFile(page, good.replace("Inline $\\alpha$", "Inline $\\frac{1}{$"));
      const broken = await until(async () => {
        const r = await get();
        return r && r.status === 500 ? r : null;
      }, "the error page");
      assert.match(broken.body, /id="build-error"/);
      assert.match(broken.body, /en\/page\.md:8: KaTeX cannot render/);
      const lastGood = await Deno.readTextFile(`${root}/en/page/index.html`);
      assert.match(lastGood, /class="katex"/, "the last good build is still on disk");

      await Deno.writeTextFile(page, good);
      const fixed = await until(async () => {
        const r = await get();
        return r && r.status === 200 ? r : null;
      }, "the fixed page");
      assert.match(fixed.body, /class="katex"/);
    } finally {
      stop.abort();
      await running.catch(() => {});
      await Deno.remove(input, { recursive: true });
      await Deno.remove(root, { recursive: true });
    }
  },
});
