// The foundation end to end: KaTeX HTML in the page, the demo island hydrating only when it
// nears the viewport, responding to a click, and a clean console.
import assert from "node:assert/strict";
import { build } from "../../scripts/build.ts";
import { browserTest, closeAfterAll, withPage } from "./harness.ts";

const root = await Deno.makeTempDir({ prefix: "lazy-site-" });
const built = await build({ input: "tests/fixtures/content/lazy", output: root });
if (!built.ok) throw new Error(built.message);

browserTest(
  "only the loader and site script load before the island nears the viewport; then it hydrates",
  async () => {
    await withPage(async ({ page, base, errors }) => {
      const scripts: string[] = [];
      page.on("request", (r) => {
        if (r.resourceType() === "script") scripts.push(new URL(r.url()).pathname);
      });
      await page.goto(`${base}/en/page/`, { waitUntil: "networkidle" });
      assert.equal(await page.locator(".katex").count() > 60, true, "math is KaTeX HTML");
      assert.equal(await page.locator("script[src*='katex']").count(), 0, "no KaTeX JavaScript");
      // Before scrolling: the island loader and the small site script, nothing else.
      assert.deepEqual(
        scripts.map((s) => s.replace(/-\w+\.js$/, "")).sort(),
        ["/_islands/loader", "/_islands/site"],
        `scripts before scrolling: ${scripts.join(", ")}`,
      );
      const before = scripts.length;
      const island = page.locator("[data-island=Counter]");
      assert.equal(await island.getAttribute("data-hydrated"), null, "not hydrated yet");

      await island.scrollIntoViewIfNeeded();
      await page.waitForSelector("[data-island=Counter][data-hydrated]");
      assert.ok(scripts.length > before, "the island's chunks load once it nears the viewport");
      assert.equal(await island.locator("output").textContent(), "3");
      await island.locator("button").click();
      await island.locator("button").click();
      assert.equal(await island.locator("output").textContent(), "5", "the island responds");
      await island.locator("button").focus();
      await page.keyboard.press("Enter");
      assert.equal(await island.locator("output").textContent(), "6", "and works by keyboard");
      assert.deepEqual(errors, []);
    }, { root });
  },
);

browserTest("the built fixture is removed", async () => {
  await closeBrowserAndClean();
});

async function closeBrowserAndClean() {
  const { closeBrowser } = await import("./harness.ts");
  await closeBrowser();
  await Deno.remove(root, { recursive: true });
}

closeAfterAll();
