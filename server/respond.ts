/** Builds the response for one file: conditional requests, byte ranges and encodings. */
import { basename, dirname } from "node:path";
import fresh from "fresh";
import Negotiator from "negotiator";
import rangeParser from "range-parser";
import { baseHeaders, cacheControlFor, contentTypeFor, isCompressible } from "./headers.ts";
import type { SiteFile, SiteFiles } from "./files.ts";

/** Encodings the build may write next to a file, in the server's order of preference. */
const ENCODINGS = [{ name: "br", suffix: ".br" }, { name: "gzip", suffix: ".gz" }];

/** What {@link respondWithFile} needs besides the request. */
export interface FileTarget {
  /** The file as found under the root. */
  file: SiteFile;
  /** Canonical URL path, which decides the cache rule. */
  urlPath: string;
  /** Where to look for precompressed siblings. */
  files: SiteFiles;
  /** Status for the full response: 200, or 404 for the site's own error page. */
  status?: number;
}

/**
 * Answers a GET or HEAD for one file, honouring If-None-Match, Range and Accept-Encoding.
 *
 * @example
 * const res = await respondWithFile(req, { file, urlPath: "/en/", files });
 */
export async function respondWithFile(req: Request, target: FileTarget): Promise<Response> {
  const { urlPath, files, status = 200 } = target;
  const name = target.file.path;
  const headers = baseHeaders({
    "content-type": contentTypeFor(name),
    "cache-control": cacheControlFor(urlPath),
    "accept-ranges": "bytes",
  });
  const compressible = isCompressible(name);
  if (compressible) headers.set("vary", "Accept-Encoding");

  const rangeHeader = status === 200 ? req.headers.get("range") : null;
  // Ranges count bytes of the identity body, so a range request is never served encoded.
  const encoded = compressible && rangeHeader === null
    ? await pickEncoding(req, target.file, files)
    : null;
  const file = encoded?.file ?? target.file;
  if (encoded) headers.set("content-encoding", encoded.name);
  if (status !== 200) return send(req, file, status, headers);

  headers.set("etag", file.etag);
  if (isFresh(req, file.etag)) {
    headers.delete("content-type");
    return new Response(null, { status: 304, headers });
  }
  if (rangeHeader !== null && isValidRange(rangeHeader) && ifRangeMatches(req, file.etag)) {
    const ranges = rangeParser(file.size, rangeHeader, { combine: true });
    if (ranges === -1) {
      headers.set("content-range", `bytes */${file.size}`);
      return new Response(null, { status: 416, headers });
    }
    // Multi-part ranges are ignored: the whole file is a valid answer to them.
    if (ranges !== -2 && ranges.length === 1) {
      const { start, end } = ranges[0];
      headers.set("content-range", `bytes ${start}-${end}/${file.size}`);
      return send(req, file, 206, headers, start, end + 1);
    }
  }
  return send(req, file, 200, headers);
}

async function pickEncoding(req: Request, file: SiteFile, files: SiteFiles) {
  const accept = req.headers.get("accept-encoding");
  if (!accept) return null;
  const negotiator = new Negotiator({ headers: { "accept-encoding": accept } });
  const names = ENCODINGS.map((e) => e.name);
  // At equal q the server's order wins: brotli is smaller than gzip.
  const wanted: string[] = negotiator.encodings([...names, "identity"], { preferred: names });
  for (const name of wanted) {
    if (name === "identity") return null;
    const encoding = ENCODINGS.find((e) => e.name === name);
    if (!encoding) continue;
    const sibling = await files.fileIn(dirname(file.path), basename(file.path) + encoding.suffix);
    if (sibling) return { name, file: sibling };
  }
  return null;
}

// One or more `first-last`, `first-` or `-suffix` byte ranges, each in order.
const BYTE_RANGES = /^bytes=(?:\s*,)*\s*\d*-\d*(?:\s*,\s*\d*-\d*)*\s*$/;

/** Whether a Range header is well formed; anything else is ignored, as RFC 9110 allows. */
export function isValidRange(header: string): boolean {
  if (!BYTE_RANGES.test(header)) return false;
  return header.slice(6).split(",").map((s) => s.trim()).filter((s) => s !== "").every((spec) => {
    const [first, last] = spec.split("-");
    if (first === "" && last === "") return false;
    return first === "" || last === "" || Number(first) <= Number(last);
  });
}

function isFresh(req: Request, etag: string): boolean {
  const ifNoneMatch = req.headers.get("if-none-match");
  if (ifNoneMatch === null) return false;
  return fresh({ "if-none-match": ifNoneMatch }, { etag });
}

// If-Range with a different (or weak, or date) validator means "send the whole new file".
function ifRangeMatches(req: Request, etag: string): boolean {
  const ifRange = req.headers.get("if-range");
  return ifRange === null || ifRange.trim() === etag;
}

async function send(
  req: Request,
  file: SiteFile,
  status: number,
  headers: Headers,
  start = 0,
  end = file.size,
): Promise<Response> {
  headers.set("content-length", String(end - start));
  if (req.method === "HEAD") return new Response(null, { status, headers });
  if (file.bytes) return new Response(file.bytes.subarray(start, end), { status, headers });
  return new Response(await openSlice(file.path, start, end), { status, headers });
}

/** Streams bytes [start, end) of a file from disk, closing it when done or cancelled. */
async function openSlice(path: string, start: number, end: number): Promise<ReadableStream> {
  const handle = await Deno.open(path, { read: true });
  if (start > 0) await handle.seek(start, Deno.SeekMode.Start);
  let left = end - start;
  return new ReadableStream<Uint8Array>({
    type: "bytes",
    async pull(controller) {
      const chunk = new Uint8Array(Math.min(left, 64 * 1024));
      const read = chunk.byteLength === 0 ? null : await handle.read(chunk);
      if (read === null || read === 0) {
        handle.close();
        controller.close();
        return;
      }
      left -= read;
      controller.enqueue(chunk.subarray(0, read));
    },
    cancel() {
      handle.close();
    },
  });
}
