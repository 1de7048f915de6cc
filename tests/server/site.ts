/**
 * Test helpers: a throwaway copy of the fixture site with a secret planted beside its root,
 * symlinks that point out of it, and a raw HTTP client that sends bytes exactly as written.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Buffer } from "node:buffer";
import { createHandler, type HandlerOptions } from "../../server/handler.ts";

/** Text of the file planted next to the root; no response may ever contain it. */
export const SECRET = "SECRET-7f3c1d-never-leave-the-root";

const FIXTURE = fileURLToPath(new URL("../fixtures/site", import.meta.url));

/** A temporary site: `root` is served, `secretPath` sits beside it. */
export interface TempSite {
  dir: string;
  root: string;
  secretPath: string;
  /** A file big enough to be streamed from disk and split into ranges. */
  bigPath: string;
  bigBytes: Uint8Array;
  cleanup(): Promise<void>;
}

/** Copies the fixture to a temp folder and adds the hostile symlinks and the secret. */
export async function makeTempSite(): Promise<TempSite> {
  const dir = await Deno.makeTempDir({ prefix: "site-test-" });
  const root = join(dir, "site");
  await copyTree(FIXTURE, root);
  const secretPath = join(dir, "secret.txt");
  await Deno.writeTextFile(secretPath, `${SECRET}\n`);
  await Deno.mkdir(join(dir, "outside"));
  await Deno.writeTextFile(join(dir, "outside", "index.html"), `<p>${SECRET}</p>`);
  await Deno.symlink(secretPath, join(root, "leak.txt"));
  await Deno.symlink(dir, join(root, "leakdir"));
  await Deno.symlink(join(dir, "outside"), join(root, "outdir"));
  await Deno.symlink("/etc", join(root, "etc-link"));
  await Deno.symlink(join(root, ".hidden"), join(root, "link-to-dot"));
  await Deno.symlink(join(root, "index.html"), join(root, "inside-link.html"));
  // Deterministic bytes that differ at every offset, so a wrong range is visible.
  const bigBytes = new TextEncoder().encode(
    Array.from({ length: 4000 }, (_, i) => `/* line ${i} */`).join("\n"),
  );
  const bigPath = join(root, "_islands", "big-Q2W3E4R5.js");
  await Deno.writeFile(bigPath, bigBytes);
  return {
    dir,
    root,
    secretPath,
    bigPath,
    bigBytes,
    cleanup: () => Deno.remove(dir, { recursive: true }),
  };
}

async function copyTree(from: string, to: string) {
  await Deno.mkdir(to, { recursive: true });
  for await (const entry of Deno.readDir(from)) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory) await copyTree(source, target);
    else await Deno.copyFile(source, target);
  }
}

/** A running server on an ephemeral loopback port. */
export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

/** Starts the real handler in-process on 127.0.0.1 with an ephemeral port. */
export function startServer(options: HandlerOptions): RunningServer {
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen: () => {} },
    createHandler(options),
  );
  return { port: server.addr.port, close: () => server.shutdown() };
}

/** A parsed raw HTTP response. */
export interface RawResponse {
  status: number;
  headers: Map<string, string>;
  /** Everything the server sent, head and body, as latin1 text. */
  raw: string;
  body: string;
}

/** Sends `request` byte for byte (no URL normalisation by a client) and reads to EOF. */
export async function rawRequest(port: number, request: string): Promise<RawResponse> {
  const conn = await Deno.connect({ hostname: "127.0.0.1", port });
  const chunks: Uint8Array[] = [];
  try {
    await conn.write(Buffer.from(request, "latin1"));
    const buffer = new Uint8Array(64 * 1024);
    const deadline = setTimeout(() => conn.close(), 5000);
    try {
      while (true) {
        const n = await conn.read(buffer);
        if (n === null) break;
        chunks.push(buffer.slice(0, n));
      }
    } catch (error) {
      // A reset after (or instead of) an answer is how the HTTP layer refuses huge heads.
      const closed = error instanceof Deno.errors.BadResource ||
        error instanceof Deno.errors.ConnectionReset;
      if (!closed) throw error;
    } finally {
      clearTimeout(deadline);
    }
  } finally {
    try {
      conn.close();
    } catch { /* already closed by the deadline */ }
  }
  const raw = Buffer.concat(chunks).toString("latin1");
  const [head, ...rest] = raw.split("\r\n\r\n");
  const [statusLine, ...lines] = head.split("\r\n");
  const headers = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  // Status 0 stands for "connection closed without an answer".
  const status = Number(statusLine.split(" ")[1] ?? 0) || 0;
  return { status, headers, raw, body: rest.join("\r\n\r\n") };
}

/** A GET-style request line plus the usual headers, closing the connection after. */
export function httpRequest(method: string, target: string, extra: string[] = []): string {
  return [`${method} ${target} HTTP/1.1`, "Host: 127.0.0.1", "Connection: close", ...extra, "", ""]
    .join("\r\n");
}
