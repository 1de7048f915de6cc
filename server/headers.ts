/** The headers every response carries, and the per-file content type and cache rule. */
import mime from "mime-types";

/**
 * Content-Security-Policy for the course site.
 * TF.js and Pagefind instantiate WebAssembly, which needs 'wasm-unsafe-eval' (never
 * 'unsafe-eval'); KaTeX's HTML sets inline style attributes, hence 'unsafe-inline' for styles.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join("; ");

/** Security headers sent with every response, errors and redirects included. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  "cross-origin-opener-policy": "same-origin",
  "x-frame-options": "DENY",
};

/** Cache-Control for files whose name changes whenever their content does. */
export const IMMUTABLE = "public, max-age=31536000, immutable";
/** Cache-Control for everything else: keep a copy, but ask (ETag) before using it. */
export const REVALIDATE = "no-cache";

// Folders where the build writes content-hashed names.
const HASHED_FOLDERS = ["/_islands/", "/assets/"];
// esbuild's hash (8 of A-Z2-7) or a lowercase hex digest of 8+, after `-` or `.`.
const HASH = String.raw`[-.](?:[A-Z0-9]{8}|[0-9a-f]{8,})`;
// In a file name the hash sits before the extension; a folder name may end with it.
const HASH_IN_NAME = new RegExp(`${HASH}(?=\\.)`);
const HASH_IN_FOLDER = new RegExp(`${HASH}$`);

/**
 * Decides the cache rule by URL path: immutable only under a hashed folder, for a file whose
 * name or enclosing folder name carries a content hash (KaTeX's fonts keep their own names
 * inside a hashed folder).
 *
 * @example
 * cacheControlFor("/_islands/chunk-AB12CD34.js"); // IMMUTABLE
 * cacheControlFor("/assets/katex-fonts-c9eac1c75c/KaTeX_Main-Regular.woff2"); // IMMUTABLE
 * cacheControlFor("/_islands/wasm/tfjs-backend-wasm.wasm"); // REVALIDATE
 */
export function cacheControlFor(urlPath: string): string {
  const folder = HASHED_FOLDERS.find((f) => urlPath.startsWith(f));
  if (!folder) return REVALIDATE;
  const segments = urlPath.slice(folder.length).split("/");
  const name = segments.pop() ?? "";
  const hashed = HASH_IN_NAME.test(name) || segments.some((s) => HASH_IN_FOLDER.test(s));
  return hashed ? IMMUTABLE : REVALIDATE;
}

/** Content-Type for a file name; unknown extensions are sent as opaque bytes. */
export function contentTypeFor(name: string): string {
  return mime.contentType(name.slice(name.lastIndexOf("/") + 1)) || "application/octet-stream";
}

/** Extensions the build may precompress; the server adds `Vary: Accept-Encoding` for them. */
export const COMPRESSIBLE = [
  "html",
  "css",
  "js",
  "mjs",
  "json",
  "svg",
  "xml",
  "wasm",
  "webmanifest",
  "txt",
];

/** Whether a file name has one of the {@link COMPRESSIBLE} extensions. */
export function isCompressible(name: string): boolean {
  const dot = name.lastIndexOf(".");
  return dot >= 0 && COMPRESSIBLE.includes(name.slice(dot + 1).toLowerCase());
}

/** Headers with the security set already filled in. */
export function baseHeaders(extra: Record<string, string> = {}): Headers {
  return new Headers({ ...SECURITY_HEADERS, ...extra });
}
