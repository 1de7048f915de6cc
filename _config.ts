import markdown from "./plugins/markdown.ts";
import layouts from "./plugins/layouts.ts";
import schema from "./plugins/schema.ts";
import islands from "./plugins/islands.ts";
import assets from "./plugins/assets.ts";

// deno-lint-ignore no-explicit-any
export default async function (config: any) {
  config.addPlugin(schema());
  config.addPlugin(markdown());
  config.addPlugin(layouts());
  await config.addPlugin(islands());
  config.addPlugin(assets());
  config.addGlobalData("layout", "base.tsx");
  return {
    dir: { input: "content", includes: "_includes", data: "_data" },
    markdownTemplateEngine: false,
    htmlTemplateEngine: false,
  };
}
