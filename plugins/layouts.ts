import { h } from "preact";
import type { ComponentType } from "preact";
import { renderToString } from "preact-render-to-string";

/** Options for Preact TSX layouts. */
export interface Options {
  /** The doctype written before every layout's HTML. */
  doctype: string;
}

export const defaults = { doctype: "<!doctype html>" } satisfies Options;

/**
 * Lets Eleventy use `.tsx` files in `_includes/` as layouts: each default-exports a Preact
 * component that receives the page data (with the rendered Markdown as `content`).
 */
export default function layouts(userOptions: Partial<Options> = {}) {
  const { doctype } = { ...defaults, ...userOptions };
  // deno-lint-ignore no-explicit-any
  return (config: any) => {
    config.addTemplateFormats("tsx");
    config.addExtension("tsx", {
      outputFileExtension: "html",
      read: false,
      compile(_content: string, inputPath: string) {
        const url = new URL(inputPath, `file://${Deno.cwd()}/`).href;
        return async (data: Record<string, unknown>) => {
          const module = await import(url) as { default: ComponentType<Record<string, unknown>> };
          return doctype + renderToString(h(module.default, data));
        };
      },
    });
  };
}
