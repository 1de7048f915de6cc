import type MarkdownIt from "markdown-it";
import { closest } from "fastest-levenshtein";
import { fail, inlineChildren, pageLang } from "./crossref.ts";
import type { Token } from "./types.ts";

/** Options for glossary terms. */
export interface Options {
  /** JSON file of definitions: `{ "support-set": { "en": "…", "ko": "…" } }`. */
  glossary: string;
  /** Class that marks a bracketed span as a glossary term. */
  className: string;
}

export const defaults = {
  glossary: "content/_data/glossary.json",
  className: "term",
} satisfies Options;

type Glossary = Record<string, Record<string, string>>;
let cache: { text: string; glossary: Glossary } | undefined;

/** Reads the glossary, parsing it again only when the file changed. */
export function loadGlossary(path: string): Glossary {
  const text = Deno.readTextFileSync(path);
  if (cache?.text !== text) cache = { text, glossary: JSON.parse(text) };
  return cache.glossary;
}

/**
 * `[support set]{.term key=support-set}` becomes a focusable term whose definition (from the
 * glossary, in the page language) the site script shows on hover or focus. The first use on a
 * page is the `<dfn>`; later ones are plain terms pointing at the same definition. An unknown
 * key fails the build.
 */
export function glossary(md: MarkdownIt, userOptions: Partial<Options> = {}) {
  const options = { ...defaults, ...userOptions };
  const escape = md.utils.escapeHtml;

  md.core.ruler.push("glossary", (state) => {
    // Shared with titles rendered on their own, so a page defines each term once.
    const seen: Set<string> = state.env.glossarySeen ??= new Set<string>();
    let entries: Glossary | undefined;
    for (
      const [child, line, siblings] of inlineChildren(state.tokens as Token[], state.inlineMode)
    ) {
      if (child.type !== "span_open") continue;
      const classes = (child.attrGet("class") ?? "").split(/\s+/);
      if (!classes.includes(options.className)) continue;
      entries ??= loadGlossary(options.glossary);
      const key = child.attrGet("key");
      const keys = Object.keys(entries);
      if (!key) {
        fail(
          state.env,
          line,
          "a glossary term needs a key: [term]{.term key=support-set}",
          `keys: ${keys.join(", ")}`,
        );
      }
      const entry = entries[key];
      if (!entry) {
        fail(
          state.env,
          line,
          `unknown glossary key "${key}" (did you mean "${closest(key, keys)}"?)`,
          `keys are defined in ${options.glossary}: ${keys.join(", ")}`,
          `key=${key}`,
        );
      }
      const lang = pageLang(state.env);
      const definition = entry[lang] ?? entry.en;
      const first = !seen.has(key);
      seen.add(key);
      const tag = first ? "dfn" : "span";
      const close = findClose(siblings, siblings.indexOf(child));
      child.tag = close.tag = tag;
      child.attrs = [
        ["class", classes.join(" ")],
        ["tabindex", "0"],
        ["data-term", key],
        ["aria-describedby", `def-${key}`],
      ];
      if (!first) child.attrs.splice(1, 0, ["role", "term"]);
      else {
        // The definition travels once per page, hidden, so screen readers and the tooltip share it.
        const def = new state.Token("html_inline", "", 0);
        def.content = `<span class="term-def" id="def-${key}" hidden data-pagefind-ignore>${
          escape(definition)
        }</span>`;
        siblings.splice(siblings.indexOf(close) + 1, 0, def);
      }
    }
  });
}

function findClose(siblings: Token[], from: number): Token {
  let depth = 0;
  for (let i = from; i < siblings.length; i++) {
    if (siblings[i].type === "span_open") depth++;
    if (siblings[i].type === "span_close" && --depth === 0) return siblings[i];
  }
  throw new Error("bracketed span without its end");
}
