/**
 * A bare Eleventy build for the build benchmark: Markdown through Eleventy's own markdown-it,
 * no math, no plugins, no layouts. Usage: bare.ts <input> <output>
 */
import Eleventy from "@11ty/eleventy";

const [input, output] = Deno.args;
const eleventy = new Eleventy(input, output, {
  quietMode: true,
  config(config: { setTemplateFormats(f: string): void }) {
    config.setTemplateFormats("md");
    return { markdownTemplateEngine: false, htmlTemplateEngine: false };
  },
});
eleventy.disableLogger();
await eleventy.write();
