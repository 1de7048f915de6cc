/**
 * The development server: builds in a fresh process on every change (so edited layouts and
 * components are always re-imported), serves `_site/` on loopback, reloads open pages over
 * Server-Sent Events, and shows the build error in place of a stale page until it is fixed.
 */
import { createHandler } from "../server/handler.ts";

/** Options for the dev server. */
export interface Options {
  /** Port on 127.0.0.1. */
  port: number;
  /** Folders whose changes trigger a rebuild. */
  watch: string[];
  /** Built site folder. */
  root: string;
  /** Folder of the Markdown content. */
  input: string;
}

export const defaults = {
  port: Number(Deno.env.get("PORT") ?? 8080),
  watch: ["content", "components", "islands", "plugins", "styles", "static", "ml", "_config.ts"],
  root: "_site",
  input: "content",
} satisfies Options;

const clientScript = new URL("./client.js", import.meta.url);

/** Starts watching and serving; resolves when the server closes (or `signal` aborts). */
export async function serve(userOptions: Partial<Options> = {}, signal?: AbortSignal) {
  const options = { ...defaults, ...userOptions };
  const clients = new Set<ReadableStreamDefaultController<Uint8Array>>();
  const send = (event: string) => {
    const chunk = new TextEncoder().encode(`event: ${event}\ndata: ${Date.now()}\n\n`);
    for (const client of clients) {
      try {
        client.enqueue(chunk);
      } catch {
        clients.delete(client);
      }
    }
  };
  let lastError: string | null = null;

  let building: Promise<void> | null = null;
  let again = false;
  // One build at a time: changes that land mid-build trigger exactly one more build.
  const rebuild = async () => {
    if (building) {
      again = true;
      return;
    }
    building = buildOnce();
    await building;
    building = null;
    if (again) {
      again = false;
      await rebuild();
    }
  };
  const buildOnce = async () => {
    const started = performance.now();
    const child = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "-A",
        "scripts/build.ts",
        `--input=${options.input}`,
        `--output=${options.root}`,
        "--no-compress",
      ],
      stdout: "piped",
      stderr: "piped",
    }).output();
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (child.success) {
      lastError = null;
      console.log(`%c✓ rebuilt in ${seconds} s`, "color: green");
      send("reload");
    } else {
      lastError = new TextDecoder().decode(child.stderr).trim();
      console.error(`%c✗ ${lastError}`, "color: red");
      send("reload");
    }
  };

  await rebuild();
  const files = createHandler({ root: options.root, cache: { maxFileBytes: 0, maxTotalBytes: 0 } });
  const server = Deno.serve({
    hostname: "127.0.0.1",
    port: options.port,
    signal,
    onListen: ({ port }) =>
      console.log(`dev server on http://127.0.0.1:${port}/ (Ctrl-C stops it)`),
  }, async (request) => {
    const url = new URL(request.url);
    if (url.pathname === "/_dev/events") {
      let self: ReadableStreamDefaultController<Uint8Array>;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          self = controller;
          clients.add(controller);
        },
        cancel() {
          clients.delete(self);
        },
      });
      return new Response(body, {
        headers: { "content-type": "text/event-stream", "cache-control": "no-store" },
      });
    }
    if (url.pathname === "/_dev/client.js") {
      return new Response(await Deno.readFile(clientScript), {
        headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-store" },
      });
    }
    // The dev server rewrites HTML, so it asks the file handler for identity-encoded bytes.
    const plain = new Request(request.url, {
      method: request.method,
      headers: { "accept-encoding": "identity" },
    });
    const response = await files(plain);
    const isHtml = response.headers.get("content-type")?.startsWith("text/html");
    if (lastError && (isHtml || response.status === 404)) return errorPage(lastError);
    if (!isHtml || request.method === "HEAD") return response;
    const html = (await response.text()).replace(
      "</head>",
      '<script type="module" src="/_dev/client.js"></script></head>',
    );
    const headers = new Headers(response.headers);
    headers.delete("content-length");
    headers.delete("content-encoding");
    headers.delete("etag");
    return new Response(html, { status: response.status, headers });
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  const watcher = Deno.watchFs([...options.watch, options.input].filter((p) => exists(p)));
  signal?.addEventListener("abort", () => watcher.close());
  for await (const event of watcher) {
    if (event.paths.every((p) => /(_site|\.tmp-|~$|\.swp$)/.test(p))) continue;
    clearTimeout(timer);
    timer = setTimeout(rebuild, 120);
  }
  await server.finished;
}

function exists(path: string) {
  try {
    Deno.statSync(path);
    return true;
  } catch {
    return false;
  }
}

const escape = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** The page shown instead of stale content while the last build failed. */
export function errorPage(message: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Build error</title><script type="module" src="/_dev/client.js"></script>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem;max-width:60rem}
pre{background:#2b0d0d;color:#ffd7d7;padding:1rem;border-radius:6px;white-space:pre-wrap}</style>
</head><body><h1>The build failed</h1>
<p>Fix the file named below and save; this page reloads by itself.</p>
<pre id="build-error">${escape(message)}</pre></body></html>`;
  return new Response(html, {
    status: 500,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}
