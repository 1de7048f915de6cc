/**
 * The sinusoid widgets in a real browser: hydration, live meta-training in the Web Worker on
 * WebGL, dragging a support point, divergence recovery, tensor counts back to baseline after a
 * job, a reset and an unmount (in a fixture page, since the loader never unmounts), no long main-thread tasks while training, the WASM fallback,
 * and the posterior widget.
 */
import assert from "node:assert/strict";
import * as esbuild from "esbuild";
import type { Page } from "playwright-core";
import { browserTest, closeAfterAll, withPage } from "./harness.ts";

const PAGE = "/en/demos/sinusoid/";
const AXE = Deno.readTextFileSync(
  new URL(import.meta.resolve("axe-core")).pathname.replace(/axe\.js$/, "axe.min.js"),
);

/** Records long main-thread tasks from the first script on, for the budget check. */
function watchLongTasks(page: Page) {
  return page.addInitScript(() => {
    const seen: { start: number; duration: number }[] = [];
    (globalThis as unknown as { __longTasks: typeof seen }).__longTasks = seen;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) seen.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  });
}

async function openRegression(page: Page, base: string, query = "") {
  await page.goto(`${base}${PAGE}${query}`);
  const widget = page.locator(".sinusoid-widget.regression");
  await widget.scrollIntoViewIfNeeded();
  await widget.and(page.locator("[data-ready]")).waitFor({ timeout: 30_000 });
  return widget;
}

const tensorsOf = async (page: Page) =>
  Number(await page.locator(".regression [data-tensors]").getAttribute("data-tensors"));

browserTest(
  "regression: meta-trains on WebGL, drags, recovers from divergence, frees tensors",
  async () => {
    await withPage(async ({ page, base, errors }) => {
      await watchLongTasks(page);
      const widget = await openRegression(page, base);
      assert.equal(await widget.locator("[data-backend]").getAttribute("data-backend"), "webgl");
      const baseline = Number(await widget.getAttribute("data-tensor-baseline"));

      // Scratch needs no checkpoint, so the drag check works with or without them.
      await widget.getByRole("checkbox", { name: "Scratch" }).check();
      await widget.getByLabel("Inner step size α").selectOption("0.1");
      const scratchAfter = widget.locator("tr", { hasText: "Scratch" }).locator("td").nth(1);
      await assertEventually(async () => (await scratchAfter.textContent())?.match(/^\d/) !== null);
      const before = await scratchAfter.textContent();
      const point = widget.locator(".support-point").first();
      const box = (await point.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2 + 40, box.y - 60, { steps: 5 });
      await page.mouse.up();
      await assertEventually(async () => (await scratchAfter.textContent()) !== before);
      assert.match(await point.getAttribute("aria-label") ?? "", /^Support point 1: x /);
      // The keyboard moves a focused point too, and the state reaches the URL hash.
      await point.focus();
      const label = await point.getAttribute("aria-label");
      await page.keyboard.press("ArrowUp");
      assert.notEqual(await point.getAttribute("aria-label"), label);
      assert.match(new URL(page.url()).hash, /^#sinusoid\?k=\d+&steps=1&alpha=0.1/);
      await assertEventually(async () => (await tensorsOf(page)) === baseline);

      // Live meta-training: a job, paused twice, must not grow with the number of iterations.
      const live = widget.locator(".live-training");
      await live.getByLabel("Meta-iterations").selectOption("500");
      const started = await page.evaluate(() => performance.now());
      await live.getByRole("button", { name: "Train from scratch" }).click();
      await live.locator("[data-speed]").waitFor({ timeout: 20_000 });
      await page.waitForTimeout(1500);
      await live.getByRole("button", { name: "Pause" }).click();
      await live.locator('[data-status="paused"]').waitFor();
      const pausedAt = Number(await live.locator("progress").getAttribute("value"));
      const first = await tensorsOf(page);
      const ended = await page.evaluate(() => performance.now());
      assert.ok(pausedAt > 0, "some meta-iterations ran");
      await live.getByRole("button", { name: "Resume" }).click();
      await page.waitForTimeout(1000);
      await live.getByRole("button", { name: "Pause" }).click();
      await live.locator('[data-status="paused"]').waitFor();
      assert.ok(Number(await live.locator("progress").getAttribute("value")) > pausedAt);
      assert.equal(await tensorsOf(page), first, "tensors do not pile up with iterations");
      await live.getByRole("button", { name: "Reset" }).click();
      await live.locator('[data-status="idle"]').waitFor();
      await assertEventually(async () => (await tensorsOf(page)) === baseline);

      const long = await page.evaluate(
        ([from, to]) =>
          (globalThis as unknown as { __longTasks: { start: number; duration: number }[] })
            .__longTasks.filter((t) => t.start >= from && t.start <= to),
        [started, ended],
      );
      assert.deepEqual(long, [], "no main-thread task over 50 ms while training");

      // An outer learning rate of 10 diverges; the widget says so and carries on afterwards.
      await live.getByLabel("Outer learning rate").selectOption("10");
      await live.getByRole("button", { name: "Train from scratch" }).click();
      await live.getByRole("alert").filter({ hasText: "NaN or infinite" }).waitFor({
        timeout: 20_000,
      });
      await live.locator('[data-status="diverged"]').waitFor();
      await live.getByLabel("Outer learning rate").selectOption("0.001");
      await live.getByRole("button", { name: "Resume" }).click();
      await live.locator('[data-status="running"]').waitFor();
      await assertEventually(async () => (await live.getByRole("alert").count()) === 0);
      await live.getByRole("button", { name: "Reset" }).click();
      await assertEventually(async () => (await tensorsOf(page)) === baseline);

      assert.deepEqual(errors, []);
    });
  },
);

browserTest("regression: falls back to WASM when asked, and opens a linked figure", async () => {
  await withPage(async ({ page, base, errors }) => {
    const hash = "#sinusoid?k=3&steps=2&alpha=0.03&amp=2&phase=1&models=scratch" +
      "&pts=-4_1.5,0_-1.7,2.5_1.9";
    // A state link brings its figure into view by itself, which wakes the island: no scrolling.
    await page.goto(`${base}${PAGE}?backend=wasm${hash}`);
    const widget = page.locator(".sinusoid-widget.regression");
    await widget.and(page.locator("[data-ready]")).waitFor({ timeout: 30_000 });
    assert.equal(await widget.locator("[data-backend]").getAttribute("data-backend"), "wasm");
    assert.match(await widget.locator(".status-line").first().textContent() ?? "", /backend: wasm/);
    // The linked state: three points, two inner steps, only scratch shown.
    assert.equal(await widget.locator(".support-point").count(), 3);
    assert.equal(await widget.getByLabel("Inner steps").inputValue(), "2");
    assert.equal(await widget.getByRole("checkbox", { name: "Scratch" }).isChecked(), true);
    assert.equal(
      await widget.getByRole("checkbox", { name: "MAML", exact: true }).isChecked(),
      false,
    );
    const cell = widget.locator("tr", { hasText: "Scratch" }).locator("td").nth(1);
    await assertEventually(async () => /^\d/.test(await cell.textContent() ?? ""));
    assert.deepEqual(errors, []);
  });
});

browserTest(
  "posterior: placing a point sharpens the family's posterior more than the GP's",
  async () => {
    await withPage(async ({ page, base, errors }) => {
      await page.goto(`${base}${PAGE}`);
      const widget = page.locator(".sinusoid-widget.posterior");
      await widget.scrollIntoViewIfNeeded();
      await widget.locator("canvas.heatmap").waitFor({ timeout: 30_000 });
      // The server render has the same markup: wait until the island is live before clicking.
      await page.locator("[data-island=SinusoidPosterior][data-hydrated]").first()
        .waitFor({ timeout: 30_000 });
      const summary = widget.locator("[data-entropy]");
      const read = async () => {
        const [, k, family, gp] = /K = (\d+): ([\d.]+) nats .*?, ([\d.]+) nats/
          .exec(await summary.textContent() ?? "")!;
        return { k: Number(k), family: Number(family), gp: Number(gp) };
      };
      const start = await read();
      assert.equal(start.k, 3);
      assert.ok(start.family < start.gp, "with 3 points the family is more certain than the GP");
      // Click on the family's plot where the true curve is not: a fourth point.
      const handles = widget.locator(".plot-handles").first();
      const box = (await handles.boundingBox())!;
      await page.mouse.click(box.x + box.width * 0.8, box.y + box.height * 0.5);
      await assertEventually(async () => (await read()).k === 4);
      assert.equal(
        await widget.locator(".plot-handles").first().locator(".support-point").count(),
        4,
      );
      const after = await read();
      assert.notEqual(after.family, start.family);
      await widget.locator('input[type="range"]').evaluate((el: HTMLInputElement) => {
        el.value = "0";
        el.dispatchEvent(new Event("input", { bubbles: true }));
      });
      const prior = await read();
      assert.ok(prior.family > after.family && prior.gp > after.gp, "no points, most uncertainty");
      // The canvases follow the reader's theme toggle, not only the system's scheme.
      const corner = () =>
        widget.locator("canvas.heatmap").evaluate((c: HTMLCanvasElement) => {
          // Read through a copy, so the widget's own canvas is never read back.
          const copy = document.createElement("canvas").getContext("2d", {
            willReadFrequently: true,
          })!;
          copy.drawImage(c, 0, 0);
          return [...copy.getImageData(1, 1, 1, 1).data.slice(0, 3)].join(",");
        });
      // Let the repaint for K = 0 land first: the map redraws once a change settles.
      let before = await corner();
      await assertEventually(async () => {
        await new Promise((r) => setTimeout(r, 500));
        const now = await corner();
        const settled = now === before;
        before = now;
        return settled;
      });
      await page.locator(".theme-toggle").click();
      await assertEventually(async () => (await corner()) !== before);
      await page.locator(".theme-toggle").click();
      await assertEventually(async () => (await corner()) === before);
      // Both widgets, hydrated, pass axe (labels, names, contrast, heading order).
      await page.locator(".sinusoid-widget.regression").scrollIntoViewIfNeeded();
      await page.locator(".sinusoid-widget.regression[data-ready]").waitFor({ timeout: 30_000 });
      await page.evaluate(AXE);
      const { violations } = await page.evaluate(() =>
        (globalThis as unknown as {
          axe: { run: (c: string, o: unknown) => Promise<{ violations: { id: string }[] }> };
        }).axe.run(".sinusoid-widget", { resultTypes: ["violations"] })
      );
      assert.deepEqual(violations.map((v) => v.id), []);
      assert.deepEqual(errors, []);
    });
  },
);

browserTest("regression: unmounting frees the worker's tensors and ends it", async () => {
  const fixture = await bundleFixture();
  await withPage(async ({ page, base, errors }) => {
    await page.route(`${base}/__fixture/**`, (route) => {
      const js = route.request().url().endsWith(".js");
      return route.fulfill({
        contentType: js ? "text/javascript" : "text/html",
        body: js ? fixture.script : fixture.html,
      });
    });
    await page.goto(`${base}/__fixture/unmount.html`);
    const widget = page.locator(".sinusoid-widget.regression[data-ready]");
    await widget.waitFor({ timeout: 30_000 });
    await widget.getByRole("checkbox", { name: "Scratch" }).check();
    await page.locator(".live-training").getByLabel("Meta-iterations").selectOption("500");
    await page.getByRole("button", { name: "Train from scratch" }).click();
    await page.locator("[data-speed]").waitFor({ timeout: 20_000 });
    // Unmount mid-run: the worker must free everything, job included, before it ends.
    const freed = await page.evaluate(async () => {
      (globalThis as unknown as { unmountWidget: () => void }).unmountWidget();
      for (let i = 0; i < 100; i++) {
        const mark = performance.getEntriesByName("train-worker-disposed").at(-1);
        if (mark) return ((mark as PerformanceMark).detail as { numTensors: number }).numTensors;
        await new Promise((r) => setTimeout(r, 50));
      }
      return null;
    });
    assert.equal(freed, 0, "numTensors in the worker after unmount");
    assert.equal(await page.locator(".sinusoid-widget").count(), 0);
    assert.deepEqual(errors, []);
  });
});

closeAfterAll();

/** Bundles the unmount fixture against the built site's worker and stylesheet. */
async function bundleFixture(): Promise<{ html: string; script: string }> {
  const worker = [...Deno.readDirSync("_site/_islands")].find((e) =>
    /^worker-\w+\.js$/.test(e.name)
  );
  assert.ok(worker, "the build made no training worker");
  const page = await Deno.readTextFile(`_site${PAGE}index.html`);
  const styles = [...page.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
  const result = await esbuild.build({
    entryPoints: ["tests/fixtures/sinusoid_unmount.tsx"],
    bundle: true,
    format: "esm",
    write: false,
    jsx: "automatic",
    jsxImportSource: "preact",
    logLevel: "silent",
    define: {
      __TRAIN_WORKER_URL__: JSON.stringify(`/_islands/${worker.name}`),
      __WASM_PATH__: JSON.stringify("/_islands/wasm/"),
    },
  });
  await esbuild.stop();
  const links = styles.map((href) => `<link rel="stylesheet" href="${href}">`).join("");
  return {
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8">${links}</head>` +
      `<body><main style="max-width:70ch;margin:auto"><div id="widget"></div></main>` +
      `<script type="module" src="/__fixture/unmount.js"></script></body></html>`,
    script: result.outputFiles[0].text,
  };
}

/** Polls `check` until it holds (up to 15 s). */
async function assertEventually(check: () => Promise<boolean>, ms = 15_000) {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`condition not met in ${ms} ms: ${check}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
