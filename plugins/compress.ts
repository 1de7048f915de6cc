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
  /** Gzip level, 1–9. */
  gzipLevel: number;
  /** Files compressed at the same time (zlib runs them on its thread pool). */
  concurrency: number;
}

export const defaults = {
  extensions: ["html", "css", "js", "mjs", "json", "svg", "xml", "wasm", "webmanifest", "txt"],
  threshold: 1024,
  brotliQuality: 11,
  gzipLevel: 9,
  concurrency: 2,
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
    };
    const queue = [...walk(dir)].filter((path) => {
      const dot = path.lastIndexOf(".");
      return dot > path.lastIndexOf("/") && wanted.has(path.slice(dot + 1).toLowerCase());
    });
    const worker = async () => {
      for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
        await compressOne(path, options, report);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
    return report;
  };
}

async function compressOne(path: string, options: Options, report: CompressReport) {
  const source = await Deno.readFile(path);
  // Remove old siblings first, so a file that shrank below the threshold keeps none.
  for (const suffix of [".br", ".gz"]) await Deno.remove(path + suffix).catch(() => {});
  if (source.byteLength < options.threshold) return;
  const [br, gz] = await Promise.all([
    brotli(source, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: options.brotliQuality,
        [constants.BROTLI_PARAM_SIZE_HINT]: source.byteLength,
      },
    }),
    gzipAsync(source, { level: options.gzipLevel }),
  ]);
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

/** Every regular file under `dir`, not following symlinks out of it. */
function* walk(dir: string): Generator<string> {
  for (const entry of Deno.readDirSync(dir)) {
    const path = join(dir, entry.name);
    if (entry.isDirectory) yield* walk(path);
    else if (entry.isFile) yield path;
  }
}
