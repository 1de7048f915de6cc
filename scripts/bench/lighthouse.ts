/**
 * Lighthouse scores for the home page, the lecture page in each language and a widget page,
 * served by main.ts on loopback. Goal: 95+ in every category, TBT under 100 ms, CLS 0.
 *
 * deno run -A scripts/bench/lighthouse.ts [--site _site] [--pages /,/en/lecture-3/] [--desktop]
 *   [--strict] [--json out.json]
 */
import { parseArgs } from "node:util";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createHandler } from "../../server/handler.ts";
import { findChromium } from "../chromium.ts";
import { siteWeights } from "./weight.ts";

/** Flags for headless Chromium here: root needs no sandbox, and the network is closed. */
export const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** The goals each page is held to. */
export const GOALS = { score: 95, tbtMs: 100, cls: 0 };

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

/** One page's result. */
export interface PageScores {
  path: string;
  scores: Record<(typeof CATEGORIES)[number], number>;
  tbtMs: number;
  cls: number;
  lcpMs: number;
  /** Audits that lost points, as `category: audit id`. */
  failing: string[];
}

interface LighthouseReport {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, {
    score: number | null;
    numericValue?: number;
    details?: { items?: { description?: string; url?: string; node?: { snippet?: string } }[] };
  }>;
}

/** Reads the numbers that matter out of a Lighthouse JSON report. */
export function summarize(path: string, report: LighthouseReport): PageScores {
  const scores = Object.fromEntries(
    CATEGORIES.map((c) => [c, Math.round((report.categories[c]?.score ?? 0) * 100)]),
  ) as PageScores["scores"];
  const failing = CATEGORIES.flatMap((c) =>
    (report.categories[c]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (report.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => {
        const items = report.audits[ref.id]?.details?.items ?? [];
        const first = items.map((i) => i.description ?? i.url ?? i.node?.snippet).find((t) => t);
        return `${c}: ${ref.id}${first ? ` (${first.slice(0, 120)})` : ""}`;
      })
  );
  return {
    path,
    scores,
    tbtMs: report.audits["total-blocking-time"]?.numericValue ?? NaN,
    cls: report.audits["cumulative-layout-shift"]?.numericValue ?? NaN,
    lcpMs: report.audits["largest-contentful-paint"]?.numericValue ?? NaN,
    failing,
  };
}

/** Whether a page meets every goal. */
export function meetsGoals(p: PageScores): boolean {
  return CATEGORIES.every((c) => p.scores[c] >= GOALS.score) && p.tbtMs < GOALS.tbtMs &&
    p.cls <= GOALS.cls;
}

/**
 * Home, each language's lecture page, and one page with a widget, as found in the site: the
 * sinusoid demo when there is one, since its widgets are the heaviest.
 */
export function defaultPages(site: string): string[] {
  const pages = siteWeights(site).map((p) => p);
  const urls = new Set(pages.map((p) => p.page));
  const chosen = ["/"].filter((p) => urls.has(p));
  chosen.push(...[...urls].filter((u) => /^\/[a-z]{2}\/lecture-3\/$/.test(u)));
  const withIslands = pages.filter((p) => p.hasIslands && !chosen.includes(p.page));
  const widget = withIslands.find((p) => p.page.includes("sinusoid")) ?? withIslands[0];
  if (widget) chosen.push(widget.page);
  return chosen;
}

async function runLighthouse(url: string, chrome: string, desktop: boolean, dir: string) {
  const cli = fileURLToPath(new URL("../../node_modules/lighthouse/cli/index.js", import.meta.url));
  const out = join(dir, "report.json");
  const args = [
    cli,
    url,
    "--quiet",
    "--output=json",
    `--output-path=${out}`,
    `--only-categories=${CATEGORIES.join(",")}`,
    `--chrome-flags=${CHROME_FLAGS.join(" ")}`,
    "--max-wait-for-load=60000",
    ...(desktop ? ["--preset=desktop"] : []),
  ];
  const child = new Deno.Command("node", {
    args,
    env: { CHROME_PATH: chrome },
    stdout: "null",
    stderr: "piped",
  }).spawn();
  // Lighthouse ends by itself; the guard only catches a hung browser.
  const guard = setTimeout(() => child.kill("SIGKILL"), 240_000);
  const result = await child.output();
  clearTimeout(guard);
  if (!result.success) {
    throw new Error(`lighthouse failed for ${url}: ${new TextDecoder().decode(result.stderr)}`);
  }
  return JSON.parse(await Deno.readTextFile(out)) as LighthouseReport;
}

if (import.meta.main) {
  const { values } = parseArgs({
    args: Deno.args,
    options: {
      site: { type: "string", default: "_site" },
      pages: { type: "string" },
      desktop: { type: "boolean", default: false },
      strict: { type: "boolean", default: false },
      json: { type: "string" },
    },
  });
  const site = resolve(values.site);
  const chrome = findChromium();
  if (!chrome) {
    console.error("No Chromium found: set CHROME_PATH or install Debian's chromium package");
    Deno.exit(2);
  }
  try {
    Deno.statSync(fileURLToPath(new URL("../../node_modules/lighthouse", import.meta.url)));
  } catch {
    console.error("Lighthouse is not installed: run `deno install` first");
    Deno.exit(2);
  }
  const pages = values.pages?.split(",") ?? defaultPages(site);
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen: () => {} },
    createHandler({ root: site }),
  );
  const dir = await Deno.makeTempDir({ prefix: "lighthouse-" });
  const results: PageScores[] = [];
  try {
    for (const path of pages) {
      const url = `http://127.0.0.1:${server.addr.port}${path}`;
      results.push(summarize(path, await runLighthouse(url, chrome, values.desktop, dir)));
    }
  } finally {
    await server.shutdown();
    await Deno.remove(dir, { recursive: true });
  }
  const mode = values.desktop ? "desktop" : "mobile (simulated throttling)";
  console.log(`Lighthouse 12.8.2, ${mode}, ${site}`);
  console.log(
    ["page".padEnd(30), "perf", "a11y", "bp", "seo", "TBT ms", "CLS", "LCP ms"].join("\t"),
  );
  for (const r of results) {
    const s = r.scores;
    console.log([
      r.path.padEnd(30),
      s.performance,
      s.accessibility,
      s["best-practices"],
      s.seo,
      r.tbtMs.toFixed(0),
      r.cls.toFixed(3),
      r.lcpMs.toFixed(0),
    ].join("\t"));
    for (const f of r.failing) console.log(`    lost points: ${f}`);
  }
  if (values.json) await Deno.writeTextFile(values.json, JSON.stringify(results, null, 2));
  const missed = results.filter((r) => !meetsGoals(r));
  if (missed.length > 0) {
    console.log(`below the goals: ${missed.map((r) => r.path).join(", ")}`);
    if (values.strict) Deno.exitCode = 1;
  }
}
