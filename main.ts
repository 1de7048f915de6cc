/**
 * Production server for the built course site (`_site/`), for `deno serve` and Deno Deploy.
 *
 * Run locally with `deno task start`; set SITE_ROOT to serve another folder.
 */
import { fileURLToPath } from "node:url";
import { createHandler } from "./server/handler.ts";

/** Folder served: SITE_ROOT when it is set and readable, else `_site/` next to this file. */
export function siteRoot(): string {
  const fallback = fileURLToPath(new URL("./_site", import.meta.url));
  // Asking first keeps `deno serve` without --allow-env from prompting or throwing.
  const env = Deno.permissions.querySync({ name: "env", variable: "SITE_ROOT" });
  if (env.state !== "granted") return fallback;
  return Deno.env.get("SITE_ROOT") || fallback;
}

export default {
  fetch: createHandler({ root: siteRoot() }),
} satisfies Deno.ServeDefaultExport;
