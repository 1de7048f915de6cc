/**
 * Every built page in both languages, in Chromium: no console errors, no serious axe
 * violations, no horizontal scroll at 360 px, every cross-reference and citation resolves, and
 * the language switch pairs pages both ways. Then search (Korean particles), the theme toggle
 * and the root page's language choice.
 */
import assert from "node:assert/strict";
import { browserTest, closeAfterAll, withPage } from "./harness.ts";
import type { Page } from "playwright-core";

const axeSource = Deno.readTextFileSync(
  new URL(import.meta.resolve("axe-core")).pathname.replace(/axe\.js$/, "axe.min.js"),
);

/** URL paths of the site's pages, from the sitemap the build writes. */
function sitePaths(): string[] {
  const xml = Deno.readTextFileSync("_site/sitemap.xml");
  return [...xml.matchAll(/<loc>https?:\/\/[^/<]+(\/[^<]*)<\/loc>/g)].map((m) => m[1]);
}

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

async function axe(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => "axe" in globalThis))) {
    // The site's CSP refuses inline scripts (addScriptTag); evaluating over CDP is not a page script.
    await page.evaluate(axeSource);
  }
  const result = await page.evaluate(() =>
    // deno-lint-ignore no-explicit-any
    (globalThis as any).axe.run(document, { resultTypes: ["violations"] })
  ) as { violations: Violation[] };
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

const describe = (vs: Violation[]) =>
  vs.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target).join(", ")}`)
    .join("\n");

browserTest(
  "every page: clean console, accessible, fits 360 px, links resolve, pairs",
  async () => {
    const paths = sitePaths().filter((p) => p !== "/");
    assert.ok(paths.length >= 4, `the sitemap lists pages (${paths.length})`);
    assert.ok(paths.some((p) => p.startsWith("/en/")) && paths.some((p) => p.startsWith("/ko/")));
    const switches = new Map<string, { lang: string; href: string | null }>();
    // Problems are gathered over all pages, so one run reports every page that needs work.
    const problems: string[] = [];
    await withPage(async ({ page, base, errors }) => {
      for (const path of [...paths, "/no-such-page/"]) {
        await page.setViewportSize({ width: 1280, height: 900 });
        const response = await page.goto(base + path, { waitUntil: "load" });
        assert.equal(response?.status(), path === "/no-such-page/" ? 404 : 200, path);
        const broken = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLAnchorElement>("a.xref, a.cite, .toc a")]
            .filter((a) => !document.getElementById(decodeURIComponent(a.hash.slice(1))))
            .map((a) => a.getAttribute("href"))
        );
        if (broken.length) problems.push(`${path}: links to nothing: ${broken.join(", ")}`);
        const violations = await axe(page);
        if (violations.length) problems.push(`${path}:\n${describe(violations)}`);
        await page.setViewportSize({ width: 360, height: 740 });
        const overflow = await page.evaluate(() =>
          document.documentElement.scrollWidth - document.documentElement.clientWidth
        );
        if (overflow > 0) problems.push(`${path} scrolls sideways at 360 px by ${overflow} px`);
        switches.set(path, {
          lang: await page.evaluate(() => document.documentElement.lang),
          href: await page.evaluate(() =>
            document.querySelector(".lang-switch")?.getAttribute("href") ?? null
          ),
        });
      }
      // The missing page's own 404 is logged as a failed resource; nothing else may be.
      problems.push(...errors.filter((e) => !/no-such-page|404 \(Not Found\)/.test(e)));
    });
    assert.deepEqual(problems, [], problems.join("\n"));
    for (const path of paths) {
      const here = switches.get(path)!;
      assert.ok(here.href, `${path} has a language switch`);
      const there = switches.get(here.href!);
      assert.ok(there, `${path} switches to ${here.href}, a page of the site`);
      assert.notEqual(there.lang, here.lang, `${path} switches language`);
      assert.equal(there.href, path, `${here.href} switches back to ${path}`);
    }
  },
);

Deno.test("every page carries its metadata and both language versions", () => {
  const origin = Deno.readTextFileSync("_site/sitemap.xml").match(/<loc>(https?:\/\/[^/<]+)\//)![1];
  for (const path of sitePaths().filter((p) => p !== "/")) {
    const html = Deno.readTextFileSync(`_site${path}index.html`);
    const lang = path.slice(1, 3);
    assert.match(html, new RegExp(`<html lang="${lang}">`), path);
    assert.match(html, /<title>[^<]+<\/title>/, `${path} title`);
    assert.match(html, /<meta name="description" content="[^"]+"/, `${path} description`);
    assert.ok(
      html.includes(`<link rel="canonical" href="${origin}${path}"/>`),
      `${path} canonical`,
    );
    for (const l of ["en", "ko", "x-default"]) {
      assert.match(
        html,
        new RegExp(`<link rel="alternate" hreflang="${l}" href="${origin}/`),
        path,
      );
    }
    assert.match(html, /<meta property="og:title" content="[^"]+"/, `${path} og:title`);
    assert.match(html, /<link rel="icon" href="\/icon\.svg"/, `${path} icon`);
    assert.match(html, /<link rel="manifest" href="\/manifest\.webmanifest"/, `${path} manifest`);
  }
  const manifest = JSON.parse(Deno.readTextFileSync("_site/manifest.webmanifest"));
  assert.equal(manifest.icons[0].src, "/icon.svg");
  assert.match(Deno.readTextFileSync("_site/icon.svg"), /^<svg [^>]*viewBox/);
  const notFound = Deno.readTextFileSync("_site/404.html");
  assert.match(notFound, /<meta name="robots" content="noindex"/);
  assert.match(notFound, /lang="ko"/, "the 404 page speaks Korean too");
});

Deno.test("previous/next links chain each language's pages in order, both ways", () => {
  const html = (path: string) => Deno.readTextFileSync(`_site${path}index.html`);
  const link = (page: string, rel: string) =>
    page.match(new RegExp(`<a class="pager-${rel}" href="([^"]+)" rel="${rel}"`))?.[1];
  for (const lang of ["en", "ko"]) {
    const paths = sitePaths().filter((p) => p.startsWith(`/${lang}/`));
    const starts = paths.filter((p) => !link(html(p), "prev") && link(html(p), "next"));
    assert.equal(starts.length, 1, `${lang}: one page starts the reading path`);
    const seen = [starts[0]];
    for (let next = link(html(starts[0]), "next"); next; next = link(html(next), "next")) {
      assert.ok(next.startsWith(`/${lang}/`), `${next} stays in ${lang}`);
      assert.equal(link(html(next), "prev"), seen.at(-1), `${next} links back`);
      assert.ok(!seen.includes(next), "no loops");
      seen.push(next);
    }
    assert.ok(seen.includes(`/${lang}/lecture-3/`), `${lang}: the lecture is on the path`);
    // The course index on the language's home lists every lecture and demo.
    const home = html(`/${lang}/`);
    for (const p of paths.filter((p) => /\/(lecture-|demos\/)/.test(p))) {
      assert.ok(home.includes(`href="${p}"`), `/${lang}/ lists ${p}`);
    }
  }
});

browserTest("scrolling marks the section being read in the contents", async () => {
  await withPage(async ({ page, base }) => {
    await page.goto(`${base}/en/lecture-3/`);
    await page.evaluate(() =>
      document.getElementById("sec-fine-tuning")!.scrollIntoView({ behavior: "instant" })
    );
    const current = page.locator('.toc a[aria-current="location"][href="#sec-fine-tuning"]');
    await current.waitFor({ timeout: 5_000 });
    assert.equal(await page.locator(".toc a[aria-current]").count(), 1);
  });
});

browserTest("lecture pages in dark mode at 360 px have no serious axe violations", async () => {
  await withPage(async ({ page, base }) => {
    for (const path of ["/en/lecture-3/", "/ko/lecture-3/"]) {
      await page.goto(base + path);
      const violations = await axe(page);
      assert.equal(violations.length, 0, `${path} (dark, 360 px):\n${describe(violations)}`);
    }
  }, { colorScheme: "dark", viewport: { width: 360, height: 740 } });
});

browserTest("the language switch lands on the counterpart and is remembered", async () => {
  await withPage(async ({ page, base }) => {
    await page.goto(`${base}/en/lecture-3/`);
    await page.click(".lang-switch");
    await page.waitForURL(`${base}/ko/lecture-3/`);
    assert.equal(await page.evaluate(() => document.documentElement.lang), "ko");
    assert.equal(await page.evaluate(() => localStorage.getItem("lang")), "ko");
    // The root page now sends this reader to Korean, whatever the browser's languages say.
    await page.goto(`${base}/`);
    await page.waitForURL(`${base}/ko/`);
  });
});

browserTest("the root page picks the reader's language when they have not chosen", async () => {
  await withPage(async ({ page, base }) => {
    await page.goto(`${base}/`);
    await page.waitForURL(`${base}/en/`);
  });
});

browserTest("searching 모델 on a Korean page finds words with particles (모델을)", async () => {
  await withPage(async ({ page, base, errors }) => {
    await page.goto(`${base}/ko/lecture-3/`);
    await page.click(".search-open");
    await page.fill("#search-input", "모델");
    const first = page.locator(".search-results li").first();
    await first.waitFor({ timeout: 10_000 });
    const excerpts = await page.locator(".search-results p").allTextContents();
    assert.ok(
      excerpts.some((t) => /모델(을|를|은|는|이|가|의|에|로|과|와|도)/.test(t)),
      `an excerpt shows a particle form: ${excerpts.join(" | ")}`,
    );
    const href = await page.locator(".search-results a").first().getAttribute("href");
    assert.match(href ?? "", /^\/ko\//, "Korean pages answer a Korean search");
    assert.deepEqual(errors, []);
  });
});

browserTest("the theme toggle switches to dark and is remembered", async () => {
  await withPage(async ({ page, base }) => {
    await page.goto(`${base}/en/lecture-3/`);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    const toggle = page.locator(".theme-toggle");
    assert.equal(await toggle.getAttribute("aria-pressed"), "false");
    await toggle.click();
    assert.equal(await toggle.getAttribute("aria-pressed"), "true");
    const dark = await background();
    assert.notEqual(dark, light);
    await page.reload();
    assert.equal(await background(), dark, "the choice survives a reload");
    assert.ok(await page.evaluate(() => document.documentElement.classList.contains("theme-dark")));
    await page.locator(".theme-toggle").click();
    assert.equal(await background(), light);
  });
});

browserTest("a citation shows its entry on keyboard focus, a term its definition", async () => {
  await withPage(async ({ page, base }) => {
    await page.goto(`${base}/en/lecture-3/`);
    await page.locator("a.cite").first().focus();
    const preview = page.locator(".preview");
    await preview.waitFor({ state: "visible" });
    assert.match(await preview.innerText(), /\(\d{4}\)\./, "a full reference with its year");
    await page.keyboard.press("Escape");
    await preview.waitFor({ state: "hidden" });
    // A pointer can travel from the citation into its preview without losing it.
    await page.locator("a.cite").first().hover();
    await preview.waitFor({ state: "visible" });
    await preview.hover();
    await page.waitForTimeout(400);
    assert.ok(await preview.isVisible(), "the preview stays while the pointer is on it");
    await page.mouse.move(0, 0);
    await preview.waitFor({ state: "hidden" });
    await page.locator(".term").first().focus();
    await preview.waitFor({ state: "visible" });
    const key = await page.locator(".term").first().getAttribute("data-term");
    const definition = await page.locator(`#def-${key}`).textContent();
    assert.equal(await preview.innerText(), definition);
  });
});

closeAfterAll();
