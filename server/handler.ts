/** The request handler: methods, paths, folders, the 404 page and the language redirect. */
import Negotiator from "negotiator";
import { type FileCacheOptions, SiteFiles } from "./files.ts";
import { baseHeaders, REVALIDATE } from "./headers.ts";
import { checkPath, MAX_URL_LENGTH, toUrlPath } from "./paths.ts";
import { respondWithFile } from "./respond.ts";

/** Options for {@link createHandler}. */
export interface HandlerOptions {
  /** Folder with the built site (`_site/`). */
  root: string;
  /** Languages the site is written in; `/` redirects to one of them if it has no index.html. */
  languages?: string[];
  /** Limits for keeping file bytes in memory. */
  cache?: Partial<FileCacheOptions>;
}

/** Methods the server answers; everything else gets 405. */
export const ALLOWED_METHODS = "GET, HEAD";

/**
 * Creates a fetch handler that serves the built site under `root`.
 *
 * @example
 * export default { fetch: createHandler({ root: "_site" }) } satisfies Deno.ServeDefaultExport;
 */
export function createHandler(options: HandlerOptions): (req: Request) => Promise<Response> {
  const files = new SiteFiles(options.root, options.cache);
  const languages = options.languages ?? ["en", "ko"];

  async function handle(req: Request): Promise<Response> {
    if (req.method !== "GET" && req.method !== "HEAD") {
      return plain(405, "Method not allowed", { allow: ALLOWED_METHODS });
    }
    if (req.url.length > MAX_URL_LENGTH) return plain(414, "URI too long");
    const url = new URL(req.url);
    const path = checkPath(url.pathname);
    if (!path.ok) return path.status === 404 ? await notFound(req) : plain(400, "Bad request");

    const found = await files.lookup(path.segments);
    if (found.kind === "file") {
      if (path.trailingSlash) return await notFound(req);
      const urlPath = toUrlPath(path.segments, false);
      return await respondWithFile(req, { file: found.file, urlPath, files });
    }
    if (found.kind === "missing") return await notFound(req);

    if (!path.trailingSlash) {
      // Relative links inside a folder's index.html only resolve with the trailing slash.
      return redirect(301, toUrlPath(path.segments, true) + url.search);
    }
    const index = await files.fileIn(found.path, "index.html");
    if (index) {
      const urlPath = toUrlPath([...path.segments, "index.html"], false);
      return await respondWithFile(req, { file: index, urlPath, files });
    }
    if (path.segments.length === 0) return pickLanguage(req);
    return await notFound(req);
  }

  async function notFound(req: Request): Promise<Response> {
    const page = await files.fileIn(options.root, "404.html");
    if (!page) return plain(404, "Not found");
    return await respondWithFile(req, { file: page, urlPath: "/404.html", files, status: 404 });
  }

  function pickLanguage(req: Request): Response {
    const accept = req.headers.get("accept-language") ?? "";
    const negotiator = new Negotiator({ headers: { "accept-language": accept } });
    const [best] = negotiator.languages(languages);
    const response = redirect(302, `/${best ?? languages[0]}/`);
    response.headers.set("vary", "Accept-Language");
    return response;
  }

  return async (req: Request): Promise<Response> => {
    try {
      return await handle(req);
    } catch (error) {
      console.error(`${req.method} ${req.url}:`, error);
      return plain(500, "Internal server error");
    }
  };
}

function plain(status: number, text: string, extra: Record<string, string> = {}): Response {
  const headers = baseHeaders({
    "content-type": "text/plain; charset=utf-8",
    "cache-control": REVALIDATE,
    ...extra,
  });
  return new Response(`${status} ${text}\n`, { status, headers });
}

function redirect(status: 301 | 302, location: string): Response {
  return new Response(null, {
    status,
    headers: baseHeaders({ location, "cache-control": REVALIDATE }),
  });
}
