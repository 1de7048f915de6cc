/**
 * Bounded load test on loopback: wrk against main.ts, then against nginx serving the same
 * folder, side by side. Reports requests/s, p99 latency, errors, and the Deno process's RSS.
 *
 * deno task loadtest [--site _site] [--duration 30] [--connections 100] [--threads 1]
 */
import { parseArgs } from "node:util";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** One wrk run, parsed. */
export interface WrkResult {
  requestsPerSecond: number;
  p99Ms: number;
  requests: number;
  /** Socket errors plus non-2xx/3xx responses. */
  errors: number;
}

/** How hard and how long to push. */
export interface LoadOptions {
  /** Built site folder served by both servers. */
  site: string;
  /** Seconds per server. */
  duration: number;
  /** Open connections. */
  connections: number;
  /** wrk threads; one leaves the other core to the server. */
  threads: number;
}

const MAIN = fileURLToPath(new URL("../main.ts", import.meta.url));

/** Picks the paths wrk cycles through: pages first, then the assets they load. */
export function samplePaths(root: string, limit = 40): string[] {
  const pages: string[] = [];
  const assets: string[] = [];
  const walk = (dir: string) => {
    for (const entry of Deno.readDirSync(dir)) {
      if (entry.name.startsWith(".")) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory) walk(path);
      else if (!entry.isFile || /\.(br|gz)$/.test(entry.name) || entry.name === "404.html") {
        continue;
      } else if (entry.name === "index.html") pages.push("/" + relative(root, dir) + "/");
      else if (/\.(js|css)$/.test(entry.name)) assets.push("/" + relative(root, path));
    }
  };
  walk(root);
  const tidy = (p: string) => p.replace(/\/+/g, "/");
  return [...pages.sort().slice(0, limit / 2), ...assets.sort().slice(0, limit / 2)].map(tidy);
}

/** Parses wrk's text report (with --latency). */
export function parseWrk(text: string): WrkResult {
  const number = (re: RegExp) => Number(text.match(re)?.[1] ?? NaN);
  const p99 = text.match(/^\s*99%\s+([\d.]+)(us|ms|s)\s*$/m);
  const scale = { us: 0.001, ms: 1, s: 1000 } as const;
  const socket = text.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/);
  const socketErrors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
  const non2xx = text.match(/Non-2xx or 3xx responses: (\d+)/);
  return {
    requestsPerSecond: number(/Requests\/sec:\s+([\d.]+)/),
    p99Ms: p99 ? Number(p99[1]) * scale[p99[2] as keyof typeof scale] : NaN,
    requests: number(/(\d+) requests in/),
    errors: socketErrors + (non2xx ? Number(non2xx[1]) : 0),
  };
}

function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

async function waitUntilUp(url: string, child: Deno.ChildProcess) {
  const deadline = Date.now() + 20_000;
  let exited = false;
  child.status.then(() => exited = true);
  while (Date.now() < deadline && !exited) {
    try {
      const res = await fetch(url);
      await res.body?.cancel();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`server at ${url} did not start`);
}

function rssMiB(pid: number): number {
  const status = Deno.readTextFileSync(`/proc/${pid}/status`);
  return Number(status.match(/VmRSS:\s+(\d+) kB/)?.[1] ?? NaN) / 1024;
}

async function runWrk(base: string, luaPath: string, o: LoadOptions): Promise<WrkResult> {
  const wrk = new Deno.Command("wrk", {
    args: [
      `-t${o.threads}`,
      `-c${o.connections}`,
      `-d${o.duration}s`,
      "--timeout",
      "5s",
      "--latency",
      "-s",
      luaPath,
      "-H",
      "Accept-Encoding: gzip",
      base,
    ],
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  // wrk stops itself after -d; this guard only catches a hung run.
  const guard = setTimeout(() => wrk.kill("SIGKILL"), (o.duration + 30) * 1000);
  const output = await wrk.output();
  clearTimeout(guard);
  const text = new TextDecoder().decode(output.stdout);
  if (!output.success) throw new Error(`wrk failed: ${new TextDecoder().decode(output.stderr)}`);
  return parseWrk(text);
}

async function stop(child: Deno.ChildProcess) {
  try {
    child.kill("SIGTERM");
  } catch { /* already gone */ }
  const timer = setTimeout(() => {
    try {
      child.kill("SIGKILL");
    } catch { /* already gone */ }
  }, 5000);
  await child.status;
  clearTimeout(timer);
}

async function benchDeno(luaPath: string, o: LoadOptions) {
  const port = freePort();
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "serve",
      "--allow-read",
      "--allow-env=SITE_ROOT",
      "--host",
      "127.0.0.1",
      "--port",
      `${port}`,
      MAIN,
    ],
    env: { SITE_ROOT: o.site },
    stdout: "null",
    stderr: "inherit",
  }).spawn();
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitUntilUp(base + "/", child);
    const rssBefore = rssMiB(child.pid);
    const result = await runWrk(base, luaPath, o);
    return { ...result, rssBefore, rssAfter: rssMiB(child.pid) };
  } finally {
    await stop(child);
  }
}

function nginxConfig(dir: string, port: number, site: string): string {
  return `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
${Deno.uid() === 0 ? "user nobody nogroup;" : ""}
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  types { application/manifest+json webmanifest; }
  default_type application/octet-stream;
  access_log off;
  sendfile on;
  tcp_nopush on;
  gzip_static on;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${site};
    index index.html;
    error_page 404 /404.html;
    location ~ /\\. { return 404; }
  }
}
`;
}

async function benchNginx(dir: string, luaPath: string, o: LoadOptions) {
  const port = freePort();
  const conf = join(dir, "nginx.conf");
  await Deno.writeTextFile(conf, nginxConfig(dir, port, o.site));
  const child = new Deno.Command("nginx", {
    args: ["-c", conf, "-p", dir, "-e", join(dir, "error.log")],
    stdout: "null",
    stderr: "inherit",
  }).spawn();
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitUntilUp(base + "/", child);
    return await runWrk(base, luaPath, o);
  } finally {
    // SIGQUIT is nginx's graceful stop; the master takes its worker down with it.
    try {
      child.kill("SIGQUIT");
    } catch { /* already gone */ }
    await stop(child);
  }
}

function luaScript(paths: string[]): string {
  const list = paths.map((p) => JSON.stringify(p)).join(", ");
  return `local paths = { ${list} }
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
`;
}

if (import.meta.main) {
  const { values } = parseArgs({
    args: Deno.args,
    options: {
      site: { type: "string", default: "_site" },
      duration: { type: "string", default: "30" },
      connections: { type: "string", default: "100" },
      threads: { type: "string", default: "1" },
    },
  });
  const o: LoadOptions = {
    site: resolve(values.site),
    duration: Number(values.duration),
    connections: Number(values.connections),
    threads: Number(values.threads),
  };
  const site = o.site;
  try {
    Deno.statSync(join(site, "index.html"));
  } catch {
    console.error(`${values.site}/index.html not found: run \`deno task build\` or pass --site`);
    Deno.exit(2);
  }
  const dir = await Deno.makeTempDir({ prefix: "loadtest-" });
  await Deno.chmod(dir, 0o755);
  try {
    const paths = samplePaths(site);
    const luaPath = join(dir, "paths.lua");
    await Deno.writeTextFile(luaPath, luaScript(paths));
    console.log(`${paths.length} paths, ${o.connections} connections, ${o.duration} s each`);
    const deno = await benchDeno(luaPath, o);
    const nginx = await benchNginx(dir, luaPath, o);
    const row = (label: string, a: string, b: string) =>
      console.log(label.padEnd(22) + a.padStart(14) + b.padStart(14));
    row("", "main.ts", "nginx");
    row("requests/s", deno.requestsPerSecond.toFixed(0), nginx.requestsPerSecond.toFixed(0));
    row("p99 latency (ms)", deno.p99Ms.toFixed(2), nginx.p99Ms.toFixed(2));
    row("requests", String(deno.requests), String(nginx.requests));
    row("errors", String(deno.errors), String(nginx.errors));
    row("Deno RSS before (MiB)", deno.rssBefore.toFixed(1), "");
    row("Deno RSS after (MiB)", deno.rssAfter.toFixed(1), "");
    if (deno.errors > 0 || nginx.errors > 0) {
      console.error("errors during the load test");
      Deno.exitCode = 1;
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}
