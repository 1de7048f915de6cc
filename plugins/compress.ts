/**
 * Writes `.br` and `.gz` copies next to the site's compressible files, so the server can send
 * them as they are instead of compressing on every request.
 */
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { join } from "node:path";

/** Options for precompressing a built site. */
export interface Options {
  /** Extensions (without the dot) worth compressing. */
  extensions: string[];
  /** Files smaller than this many bytes are left alone: the headers would eat the gain. */
  threshold: number;
  /** Brotli quality, 0–11. */
  brotliQuality: number;
  /** Files above this many bytes (TF.js's wasm binaries) get `largeBrotliQuality` instead. */
  largeFile: number;
  /** Brotli quality for large files: quality 11 costs seconds per megabyte for a few % less. */
  largeBrotliQuality: number;
  /** Gzip level, 1–9. */
  gzipLevel: number;
  /** Files compressed at the same time (zlib runs them on its thread pool). */
  concurrency: number;
  /** Folder that keeps compressed bytes by content hash across builds, or null for none. */
  cacheDir: string | null;
}

export const defaults = {
  extensions: ["html", "css", "js", "mjs", "json", "svg", "xml", "wasm", "webmanifest", "txt"],
  threshold: 1024,
  brotliQuality: 11,
  largeFile: 64 * 1024,
  largeBrotliQuality: 9,
  gzipLevel: 9,
  concurrency: 2,
  // Brotli at quality 11 takes seconds on TF.js's wasm and worker, which rarely change.
  cacheDir: ".cache/compress" as string | null,
} satisfies Options;

/** What one run wrote. */
export interface CompressReport {
  /** Source files that got at least one compressed sibling. */
  files: number;
  /** Compressed files written. */
  written: number;
  /** Bytes of the sources that got siblings. */
  bytesIn: number;
  /** Bytes of the brotli siblings written. */
  bytesBrotli: number;
  /** Bytes of the gzip siblings written. */
  bytesGzip: number;
  /** Sources whose compressed bytes came from the cache. */
  fromCache: number;
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Returns a function that precompresses every eligible file under a folder.
 * A sibling is written only when it is smaller than its source, and stale siblings are replaced.
 *
 * @example
 * await compress({ threshold: 512 })("_site");
 */
export default function compress(userOptions: Partial<Options> = {}) {
  const options = { ...defaults, ...userOptions };
  const wanted = new Set(options.extensions.map((e) => e.toLowerCase()));

  return async (dir: string): Promise<CompressReport> => {
    const report: CompressReport = {
      files: 0,
      written: 0,
      bytesIn: 0,
      bytesBrotli: 0,
      bytesGzip: 0,
      fromCache: 0,
    };
    const used = new Set<string>();
    const queue = [...walk(dir)].filter((path) => {
      const dot = path.lastIndexOf(".");
      return dot > path.lastIndexOf("/") && wanted.has(path.slice(dot + 1).toLowerCase());
    });
    const worker = async () => {
      for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
        await compressOne(path, options, report, used);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
    if (options.cacheDir) await prune(options.cacheDir, used);
    return report;
  };
}

async function compressOne(
  path: string,
  options: Options,
  report: CompressReport,
  used: Set<string>,
) {
  const source = await Deno.readFile(path);
  // Remove old siblings first, so a file that shrank below the threshold keeps none.
  for (const suffix of [".br", ".gz"]) await Deno.remove(path + suffix).catch(() => {});
  if (source.byteLength < options.threshold) return;
  const cache = options.cacheDir;
  const key = cache ? await cacheKey(source, options) : null;
  if (key) used.add(key);
  let encoded = cache && key ? await readCache(cache, key) : null;
  if (encoded) report.fromCache++;
  else {
    encoded = await encode(source, options);
    if (cache && key) await writeCache(cache, key, encoded);
  }
  const { br, gz } = encoded;
  let wrote = false;
  if (br.byteLength < source.byteLength) {
    await Deno.writeFile(path + ".br", br);
    report.bytesBrotli += br.byteLength;
    report.written++;
    wrote = true;
  }
  if (gz.byteLength < source.byteLength) {
    await Deno.writeFile(path + ".gz", gz);
    report.bytesGzip += gz.byteLength;
    report.written++;
    wrote = true;
  }
  if (wrote) {
    report.files++;
    report.bytesIn += source.byteLength;
  }
}

interface Encoded {
  br: Uint8Array;
  gz: Uint8Array;
}

const qualityFor = (size: number, options: Options) =>
  size > options.largeFile ? options.largeBrotliQuality : options.brotliQuality;

async function encode(source: Uint8Array, options: Options): Promise<Encoded> {
  const [br, gz] = await Promise.all([
    brotli(source, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: qualityFor(source.byteLength, options),
        [constants.BROTLI_PARAM_SIZE_HINT]: source.byteLength,
      },
    }),
    gzipAsync(source, { level: options.gzipLevel }),
  ]);
  return { br, gz };
}

async function cacheKey(source: Uint8Array<ArrayBuffer>, options: Options): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", source));
  const hex = Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex}-q${qualityFor(source.byteLength, options)}-l${options.gzipLevel}`;
}

async function readCache(dir: string, key: string): Promise<Encoded | null> {
  try {
    const [br, gz] = await Promise.all([
      Deno.readFile(join(dir, `${key}.br`)),
      Deno.readFile(join(dir, `${key}.gz`)),
    ]);
    return { br, gz };
  } catch {
    return null;
  }
}

async function writeCache(dir: string, key: string, encoded: Encoded) {
  // Write then rename, so a build stopped halfway never leaves a truncated entry behind.
  try {
    await Deno.mkdir(dir, { recursive: true });
    for (const [suffix, bytes] of [[".br", encoded.br], [".gz", encoded.gz]] as const) {
      const tmp = join(dir, `${key}${suffix}.${crypto.randomUUID()}.tmp`);
      await Deno.writeFile(tmp, bytes);
      await Deno.rename(tmp, join(dir, key + suffix));
    }
  } catch { /* a cache that cannot be written only costs time */ }
}

/** Drops cache entries the last run did not use, so the cache stays the size of one site. */
async function prune(dir: string, used: Set<string>) {
  try {
    for await (const entry of Deno.readDir(dir)) {
      const key = entry.name.replace(/\.(br|gz)$/, "");
      if (!used.has(key)) await Deno.remove(join(dir, entry.name)).catch(() => {});
    }
  } catch { /* no cache folder yet */ }
}

/** Every regular file under `dir`, not following symlinks out of it. */
function* walk(dir: string): Generator<string> {
  for (const entry of Deno.readDirSync(dir)) {
    const path = join(dir, entry.name);
    if (entry.isDirectory) yield* walk(path);
    else if (entry.isFile) yield path;
  }
}
