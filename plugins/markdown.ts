import MarkdownIt from "markdown-it";
import type { PluginSimple, PluginWithOptions } from "markdown-it";
import anchor from "markdown-it-anchor";
import attrs from "markdown-it-attrs";
import spans from "markdown-it-bracketed-spans";
import footnote from "markdown-it-footnote";
import { math } from "./markdown-it/math.ts";
import { callouts } from "./markdown-it/callouts.ts";
import { crossref } from "./markdown-it/crossref.ts";
import { citations } from "./markdown-it/citations.ts";
import { glossary } from "./markdown-it/glossary.ts";

/** Options for Markdown rendering. */
export interface Options {
  /** Extra KaTeX macros for every page. */
  macros: Record<string, string>;
  /** Heading levels that get anchors. */
  anchorLevels: number[];
  /** BibTeX file that citations come from. */
  references: string;
  /** Glossary JSON that `.term` spans come from. */
  glossary: string;
}

export const defaults = {
  macros: {},
  anchorLevels: [2, 3, 4],
  references: "content/_data/references.bib",
  glossary: "content/_data/glossary.json",
} satisfies Options;

/** Builds the markdown-it instance: math, `{#id .class}` attributes, anchors, footnotes, callouts. */
export function createMarkdown(userOptions: Partial<Options> = {}): MarkdownIt {
  const options = { ...defaults, ...userOptions };
  const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
  md.use(math, { macros: options.macros });
  // These two ship typings for another markdown-it build; their runtime API is the same.
  md.use(spans as unknown as PluginSimple);
  md.use(attrs as unknown as PluginWithOptions, {
    allowedAttributes: ["id", "class", "key"],
  });
  md.use(anchor, {
    level: options.anchorLevels,
    permalink: anchor.permalink.linkInsideHeader({
      symbol: "#",
      placement: "after",
      ariaHidden: true,
      // Hidden links take no focus (the contents link every section) and stay out of excerpts.
      renderAttrs: () => ({ tabindex: "-1", "data-pagefind-ignore": "" }),
    }),
  });
  md.use(footnote);
  md.use(callouts);
  // Numbering, citations and terms run last: they need the ids and spans made above.
  md.use(crossref);
  md.use(citations, { references: options.references });
  md.use(glossary, { glossary: options.glossary });
  // Titles rendered on their own must not repeat the page's footnotes under every callout.
  const parseInline = md.parseInline.bind(md);
  md.parseInline = (src, env) => parseInline(src, { ...env, footnotes: undefined });
  return md;
}

/** Eleventy plugin: Markdown through markdown-it only; no template language touches TeX. */
export default function markdown(userOptions: Partial<Options> = {}) {
  // deno-lint-ignore no-explicit-any
  return (config: any) => {
    config.setLibrary("md", createMarkdown(userOptions));
  };
}
