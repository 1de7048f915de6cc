import { relative } from "node:path";
import markdown from "./plugins/markdown.ts";
import layouts from "./plugins/layouts.ts";
import schema from "./plugins/schema.ts";
import islands from "./plugins/islands.ts";
import assets from "./plugins/assets.ts";
import site from "./plugins/site.ts";
import search from "./plugins/search.ts";

// deno-lint-ignore no-explicit-any
export default async function (config: any) {
  // Tests build fixture folders with the same layouts, so the layouts folder is found from here.
  const input = String(config.directories?.input ?? "content").replace(/^\.\//, "").replace(
    /\/$/,
    "",
  );
  const includes = relative(input, "content/_includes");
  config.addPlugin(schema({ input, includes }));
  config.addPlugin(markdown());
  config.addPlugin(layouts());
  await config.addPlugin(islands());
  config.addPlugin(assets());
  await config.addPlugin(site());
  config.addPlugin(search());
  config.addGlobalData("layout", "base.tsx");
  return {
    dir: { includes, data: "_data" },
    markdownTemplateEngine: false,
    htmlTemplateEngine: false,
  };
}
