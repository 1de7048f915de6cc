/**
 * Page weight: for each HTML page, the gzipped JavaScript and CSS it loads before any
 * interaction (following static imports, not dynamic ones), and the size of the TF.js chunk,
 * checked against the budgets in the design.
 *
 * deno run -A scripts/bench/weight.ts [--site _site] [--strict] [--json]
 */
import { parseArgs } from "node:util";
import { dirname, join, relative, resolve } from "node:path";
import { gzipSync } from "node:zlib";

/** Budgets from the design, in gzipped bytes. */
export const BUDGETS = {
  /** JavaScript a text-only page may load up front. */
  textPageJs: 10 * 1024,
  /** TF.js core + WebGL, one shared chunk: "about 170 KB", so 10 % over is a breach. */
  tfjsChunk: Math.round(170 * 1024 * 1.1),
};

/** What one page costs before interaction. */
export interface PageWeight {
  /** URL path of the page. */
  page: string;
  /** Whether the page embeds an island (`data-island`). */
  hasIslands: boolean;
  /** Gzipped bytes of JavaScript loaded up front. */
  jsGzip: number;
  /** Gzipped bytes of CSS loaded up front. */
  cssGzip: number;
  /** URL paths of the files counted. */
  files: string[];
  /** Referenced files that were not found in the site. */
  missing: string[];
}

/** A file that carries TF.js. */
export interface TfjsChunk {
  path: string;
  gzip: number;
}

// Scripts and module preloads load before interaction; JSON data blocks are not scripts.
const SCRIPT = /<script\b([^>]*)>/gi;
const LINK = /<link\b([^>]*)>/gi;
const attr = (attrs: string, name: string) =>
  attrs.match(new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i"))
    ?.slice(1).find((v) => v !== undefined);
// `import … from "x"`, `import "x"` and `export … from "x"`; `import("x")` is left out.
const STATIC_IMPORT =
  /(?:^|[^\w$.])(?:import|export)\s*(?:[\w$*{},\s]*?\s*from\s*)?["']([^"']+)["']/g;
// String literals TF.js registers as flags, which survive minification.
const TFJS_MARKERS = ["IS_BROWSER", "WEBGL_VERSION"];

const gzipCache = new Map<string, number>();

/** Gzipped size of a file (level 9), remembered per path. */
export function gzipSize(path: string): number {
  let size = gzipCache.get(path);
  if (size === undefined) {
    size = gzipSync(Deno.readFileSync(path), { level: 9 }).byteLength;
    gzipCache.set(path, size);
  }
  return size;
}

/** URL paths of the scripts and stylesheets an HTML page references up front. */
export function referencedAssets(html: string): { scripts: string[]; styles: string[] } {
  const scripts: string[] = [];
  const styles: string[] = [];
  for (const [, attrs] of html.matchAll(SCRIPT)) {
    const type = attr(attrs, "type");
    const src = attr(attrs, "src");
    if (src && (!type || /module|javascript/i.test(type))) scripts.push(src);
  }
  for (const [, attrs] of html.matchAll(LINK)) {
    const rel = (attr(attrs, "rel") ?? "").toLowerCase().split(/\s+/);
    const href = attr(attrs, "href");
    if (!href) continue;
    if (rel.includes("stylesheet")) styles.push(href);
    if (rel.includes("modulepreload")) scripts.push(href);
  }
  return { scripts, styles };
}

/** Specifiers a module imports statically. */
export function staticImports(source: string): string[] {
  return [...source.matchAll(STATIC_IMPORT)].map((m) => m[1]);
}

function toFile(site: string, fromUrl: string, ref: string): { url: string; path: string } | null {
  if (/^[a-z]+:|^\/\//i.test(ref)) return null;
  const url = new URL(ref, `http://site${fromUrl}`).pathname;
  return { url, path: join(site, decodeURIComponent(url)) };
}

/** Measures one page: `htmlPath` is a file under `site`. */
export function pageWeight(site: string, htmlPath: string): PageWeight {
  const html = Deno.readTextFileSync(htmlPath);
  const rel = relative(site, htmlPath).split("\\").join("/");
  const page = "/" + rel.replace(/(^|\/)index\.html$/, "$1");
  const { scripts, styles } = referencedAssets(html);
  const seen = new Set<string>();
  const missing: string[] = [];
  let jsGzip = 0;
  let cssGzip = 0;
  const visit = (fromUrl: string, ref: string, kind: "js" | "css") => {
    const target = toFile(site, fromUrl, ref);
    if (!target || seen.has(target.url)) return;
    seen.add(target.url);
    let source: string;
    try {
      source = Deno.readTextFileSync(target.path);
    } catch {
      missing.push(target.url);
      return;
    }
    if (kind === "css") cssGzip += gzipSize(target.path);
    else {
      jsGzip += gzipSize(target.path);
      for (const spec of staticImports(source)) {
        if (spec.startsWith(".") || spec.startsWith("/")) visit(target.url, spec, "js");
      }
    }
  };
  for (const src of scripts) visit(page, src, "js");
  for (const href of styles) visit(page, href, "css");
  return {
    page,
    hasIslands: /\bdata-island\s*=/.test(html),
    jsGzip,
    cssGzip,
    files: [...seen],
    missing,
  };
}

function* walk(dir: string): Generator<string> {
  for (const entry of Deno.readDirSync(dir)) {
    const path = join(dir, entry.name);
    if (entry.isDirectory) yield* walk(path);
    else if (entry.isFile) yield path;
  }
}

/** Measures every HTML page of the site, sorted by URL. */
export function siteWeights(site: string): PageWeight[] {
  return [...walk(site)]
    .filter((p) => p.endsWith(".html"))
    .map((p) => pageWeight(site, p))
    .sort((a, b) => a.page.localeCompare(b.page));
}

/** JavaScript files that carry TF.js, with their gzipped sizes. */
export function tfjsChunks(site: string): TfjsChunk[] {
  return [...walk(site)]
    .filter((p) => /\.m?js$/.test(p))
    .filter((p) => {
      const text = Deno.readTextFileSync(p);
      return TFJS_MARKERS.some((marker) => text.includes(marker));
    })
    .map((p) => ({ path: "/" + relative(site, p), gzip: gzipSize(p) }))
    .sort((a, b) => b.gzip - a.gzip);
}

/**
 * What a widget downloads to train on WebGL: the training worker, its static imports, and the
 * WebGL backend it imports on start (the WASM and CPU fallbacks are other chunks, loaded only
 * when WebGL cannot start). Null when the site has no worker.
 */
export function webglPath(site: string): { files: string[]; gzip: number } | null {
  const dir = join(site, "_islands");
  let names: string[];
  try {
    names = [...Deno.readDirSync(dir)].map((e) => e.name);
  } catch {
    return null;
  }
  const worker = names.find((n) => /^worker-\w+\.js$/.test(n));
  if (!worker) return null;
  const files = new Set<string>();
  const visit = (name: string) => {
    if (files.has(name)) return;
    files.add(name);
    const text = Deno.readTextFileSync(join(dir, name));
    for (const ref of staticImports(text)) visit(ref.replace(/^\.\//, ""));
  };
  visit(worker);
  const dynamic = [...files].flatMap((name) =>
    [
      ...Deno.readTextFileSync(join(dir, name)).matchAll(
        /import\(\s*["']\.\/([\w-]+\.js)["']\s*\)/g,
      ),
    ]
      .map((m) => m[1])
  );
  const webgl = dynamic.find((n) => Deno.readTextFileSync(join(dir, n)).includes("WEBGL_VERSION"));
  if (webgl) visit(webgl);
  const list = [...files].sort();
  return {
    files: list.map((n) => `/_islands/${n}`),
    gzip: list.reduce((sum, n) => sum + gzipSize(join(dir, n)), 0),
  };
}

/** Budget breaches, as sentences; empty when everything fits. */
export function budgetBreaches(
  pages: PageWeight[],
  tfjs: TfjsChunk[],
  webgl: { gzip: number } | null = null,
): string[] {
  const breaches: string[] = [];
  for (const p of pages) {
    if (!p.hasIslands && p.jsGzip > BUDGETS.textPageJs) {
      breaches.push(
        `${p.page}: ${kb(p.jsGzip)} of JavaScript on a text-only page (budget ${
          kb(BUDGETS.textPageJs)
        })`,
      );
    }
    for (const m of p.missing) {
      breaches.push(`${p.page}: references ${m}, which the build did not write`);
    }
  }
  if (webgl && webgl.gzip > BUDGETS.tfjsChunk) {
    breaches.push(
      `TF.js on WebGL loads ${kb(webgl.gzip)} (budget ${kb(BUDGETS.tfjsChunk)})`,
    );
  }
  for (const chunk of tfjs) {
    if (chunk.gzip > BUDGETS.tfjsChunk) {
      breaches.push(
        `${chunk.path}: TF.js chunk is ${kb(chunk.gzip)} (budget ${kb(BUDGETS.tfjsChunk)})`,
      );
    }
  }
  return breaches;
}

/** Kilobytes with one decimal, for reports. */
export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

if (import.meta.main) {
  const { values } = parseArgs({
    args: Deno.args,
    options: {
      site: { type: "string", default: "_site" },
      strict: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
    },
  });
  const site = resolve(values.site);
  const pages = siteWeights(site);
  const tfjs = tfjsChunks(site);
  const webgl = webglPath(site);
  const breaches = budgetBreaches(pages, tfjs, webgl);
  if (values.json) {
    console.log(JSON.stringify({ budgets: BUDGETS, pages, tfjs, webgl, breaches }, null, 2));
  } else {
    console.log(`${"page".padEnd(48)}${"JS gz".padStart(10)}${"CSS gz".padStart(10)}  islands`);
    for (const p of pages) {
      console.log(
        `${p.page.padEnd(48)}${kb(p.jsGzip).padStart(10)}${kb(p.cssGzip).padStart(10)}  ${
          p.hasIslands ? "yes" : "no"
        }`,
      );
    }
    for (const c of tfjs) console.log(`TF.js: ${c.path} ${kb(c.gzip)} gzipped`);
    if (webgl) {
      console.log(
        `TF.js on WebGL (worker, its imports, the WebGL backend): ${
          kb(webgl.gzip)
        } gzipped in ${webgl.files.length} files`,
      );
    }
    if (tfjs.length === 0) console.log(`TF.js: no chunk found under ${dirname(site + "/x")}`);
    for (const b of breaches) console.log(`over budget: ${b}`);
  }
  if (values.strict && breaches.length > 0) Deno.exit(1);
}
