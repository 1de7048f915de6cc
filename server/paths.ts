/**
 * Turns a request's URL path into safe path segments under the site root, or says why not.
 *
 * The WHATWG URL parser has already removed `.`/`..` segments and turned `\` into `/`;
 * everything that survives it and could still step outside the root is refused here.
 */

/** Longest request URL the server reads; longer ones get 414. */
export const MAX_URL_LENGTH = 4096;

/** Outcome of checking a URL path. */
export type PathCheck =
  | { ok: true; segments: string[]; trailingSlash: boolean }
  | { ok: false; status: 400 | 404; reason: string };

// Control characters, including NUL, never name a file the build wrote.
// deno-lint-ignore no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
// A percent escape that survives one decoding means the client encoded twice.
const STILL_ENCODED = /%[0-9a-f]{2}/i;

/**
 * Splits a URL pathname into decoded segments, refusing every form of escape.
 *
 * @example
 * checkPath("/en/lecture-3/"); // { ok: true, segments: ["en", "lecture-3"], trailingSlash: true }
 * checkPath("/%252e%252e/etc"); // { ok: false, status: 400, ... }
 */
export function checkPath(pathname: string): PathCheck {
  if (!pathname.startsWith("/")) return refuse(400, "path must be absolute");
  const raw = pathname.slice(1).split("/");
  const trailingSlash = raw.length > 0 && raw[raw.length - 1] === "";
  if (trailingSlash) raw.pop();
  const segments: string[] = [];
  for (const part of raw) {
    // An empty segment (`//`) could turn a redirect into a protocol-relative URL.
    if (part === "") return refuse(400, "empty path segment");
    let segment: string;
    try {
      segment = decodeURIComponent(part);
    } catch {
      return refuse(400, "malformed percent-encoding");
    }
    if (segment === "." || segment === "..") return refuse(400, "dot segment");
    if (segment.includes("/") || segment.includes("\\")) return refuse(400, "encoded separator");
    if (CONTROL.test(segment)) return refuse(400, "control character");
    if (STILL_ENCODED.test(segment)) return refuse(400, "double-encoded path");
    if (segment.startsWith(".")) return refuse(404, "dotfile");
    segments.push(segment);
  }
  return { ok: true, segments, trailingSlash };
}

/** Builds the canonical URL path for segments, re-encoding each one. */
export function toUrlPath(segments: string[], trailingSlash: boolean): string {
  const body = segments.map(encodeURIComponent).join("/");
  if (body === "") return "/";
  return `/${body}${trailingSlash ? "/" : ""}`;
}

function refuse(status: 400 | 404, reason: string): PathCheck {
  return { ok: false, status, reason };
}
