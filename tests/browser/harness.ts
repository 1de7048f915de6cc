/**
 * Shared set-up for browser tests: serves the built `_site/` with the production handler on
 * loopback, launches Chromium through playwright-core, and records console errors and CSP
 * violations of every page so a test can assert there were none.
 */
import { chromium } from "playwright-core";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { createHandler } from "../../server/handler.ts";
import { chromiumArgs, ensureChromium } from "../../scripts/chromium.ts";

/** A page plus what it logged. */
export interface Session {
  page: Page;
  context: BrowserContext;
  /** Base URL of the site, e.g. http://127.0.0.1:34567 */
  base: string;
  /** Console errors, page errors and failed requests seen so far. */
  errors: string[];
}

let browser: Browser | null = null;
const servers = new Map<string, { server: Deno.HttpServer<Deno.NetAddr>; base: string }>();

function serverFor(root: string) {
  let entry = servers.get(root);
  if (!entry) {
    try {
      Deno.statSync(`${root}/assets`);
    } catch {
      throw new Error(
        `${root}/ is not built: run \`deno task test\` (it builds first) or \`deno task build\``,
      );
    }
    const server = Deno.serve(
      { hostname: "127.0.0.1", port: 0, onListen: () => {} },
      createHandler({ root }),
    );
    entry = { server, base: `http://127.0.0.1:${server.addr.port}` };
    servers.set(root, entry);
  }
  return entry;
}

async function launch() {
  const executablePath = await ensureChromium();
  return await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
}

/**
 * Runs `fn` with a fresh page (own context), then closes it. The browser and server are shared
 * by all tests in the file; call `closeBrowser()` in the last test, or use `browserTest`.
 */
export async function withPage(
  fn: (s: Session) => Promise<void>,
  options: {
    viewport?: { width: number; height: number };
    colorScheme?: "light" | "dark";
    /** Built folder to serve (default `_site`). */
    root?: string;
  } = {},
) {
  const { base } = serverFor(options.root ?? "_site");
  browser ??= await launch();
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 900 },
    colorScheme: options.colorScheme ?? "light",
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") {
      errors.push(`console.${m.type()}: ${m.text()}`);
    }
  });
  page.on("response", (r) => {
    if (r.status() >= 400) errors.push(`http ${r.status()}: ${new URL(r.url()).pathname}`);
  });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on(
    "requestfailed",
    (r) => errors.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`),
  );
  try {
    await fn({ page, context, base, errors });
  } finally {
    await context.close();
  }
}

/** Closes the shared browser and server. */
export async function closeBrowser() {
  const open = [...servers.values()];
  servers.clear();
  await browser?.close();
  browser = null;
  for (const { server } of open) await server.shutdown();
}

/** Deno.test for browser tests: no sanitizers (the browser outlives one test) and a clean exit. */
export function browserTest(name: string, fn: () => Promise<void>) {
  Deno.test({ name, fn, sanitizeOps: false, sanitizeResources: false });
}

/** Registers a final test that closes the browser; call once at the end of each browser test file. */
export function closeAfterAll() {
  Deno.test({
    name: "close browser",
    fn: closeBrowser,
    sanitizeOps: false,
    sanitizeResources: false,
  });
}
