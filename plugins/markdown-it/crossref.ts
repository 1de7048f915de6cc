import type MarkdownIt from "markdown-it";
import container from "markdown-it-container";
import { closest } from "fastest-levenshtein";
import { ContentError, frontMatterLines, relativePath } from "../errors.ts";
import type { Env, Token } from "./types.ts";

/** Options for numbered figures, equations and sections, and references to them. */
export interface Options {
  /** How a reference reads, per language and kind; `{n}` is the number. */
  names: Record<string, Record<Kind, string>>;
}

/** What a cross-reference can point at. */
export type Kind = "fig" | "eq" | "sec";

export const defaults = {
  names: {
    en: { fig: "Figure {n}", eq: "Equation ({n})", sec: "Section {n}" },
    ko: { fig: "그림 {n}", eq: "식 ({n})", sec: "{n}절" },
  },
} satisfies Options;

const refPattern = /^@((fig|eq|sec)-[A-Za-z0-9_-]*[A-Za-z0-9])/;
const figureInfo = /^figure(?:\s+#(fig-[\w-]+))?\s*$/;

/** The page language as the renderer sees it. */
export const pageLang = (env: unknown) => ((env as Env)?.lang === "ko" ? "ko" : "en");

/**
 * Throws a ContentError at a 0-based body line of the page being rendered. Text rendered on its
 * own (a callout title) has no line, so the first line of the file holding `needle` is named.
 */
export function fail(
  env: unknown,
  line: number | undefined,
  message: string,
  hint?: string,
  needle?: string,
): never {
  const path = (env as Env)?.page?.inputPath ?? "unknown file";
  let at = line === undefined ? undefined : line + 1 + frontMatterLines(path);
  if (at === undefined && needle) {
    try {
      const found = Deno.readTextFileSync(path).split("\n").findIndex((l) => l.includes(needle));
      if (found >= 0) at = found + 1;
    } catch {
      // No file to search: the message still names the page.
    }
  }
  throw new ContentError(relativePath(path), at, message, hint);
}

/**
 * Every inline child token of a document with its 0-based source line, so rules that run after
 * parsing can still report where the author wrote something.
 */
export function* inlineChildren(
  tokens: Token[],
  inlineMode = false,
): Generator<[Token, number | undefined, Token[]]> {
  let lastLine: number | undefined;
  for (const token of tokens) {
    if (token.map) lastLine = token.map[0];
    if (token.type !== "inline" || !token.children) continue;
    // Text parsed on its own claims line 0 of nothing; callers then search the file instead.
    let line = inlineMode ? undefined : token.map?.[0] ?? lastLine;
    for (const child of token.children) {
      yield [child, line, token.children];
      if ((child.type === "softbreak" || child.type === "hardbreak") && line !== undefined) line++;
    }
  }
}

/** Bare `@`-syntax may not follow a word character, so e-mail addresses stay text. */
export function atWordStart(src: string, pos: number): boolean {
  return pos === 0 || !/[\w.@/]/.test(src[pos - 1]);
}

/**
 * `::: figure #fig-id` … `:::` (last paragraph = caption), `$$ {#eq-id}` and `## … {#sec-id}`
 * are numbered in order of appearance; `@fig-id`, `@eq-id`, `@sec-id` become links that read
 * "Figure 3", "Equation (2)", "Section 4". A reference to nothing fails the build.
 */
export function crossref(md: MarkdownIt, userOptions: Partial<Options> = {}) {
  const { names } = { ...defaults, ...userOptions };
  const label = (env: unknown, kind: Kind, n: string) =>
    (names[pageLang(env)] ?? names.en)[kind].replace("{n}", n);

  md.use(container, "figure", {
    validate: (params: string) => /^figure\b/.test(params.trim()),
    render(tokens: Token[], idx: number) {
      const token = tokens[idx];
      if (token.nesting !== 1) return "</figure>\n";
      return `<figure class="figure" id="${token.meta?.id}">\n`;
    },
  });

  md.inline.ruler.before("emphasis", "crossref", (state, silent) => {
    if (state.src.charCodeAt(state.pos) !== 0x40 /* @ */) return false;
    if (!atWordStart(state.src, state.pos)) return false;
    const match = state.src.slice(state.pos).match(refPattern);
    if (!match) return false;
    if (!silent) {
      const token = state.push("crossref", "a", 0);
      token.meta = { id: match[1], kind: match[2] };
    }
    state.pos += match[0].length;
    return true;
  });

  md.core.ruler.push("crossref", (state) => {
    const tokens = state.tokens as Token[];
    const env = state.env;
    // Text rendered on its own (callout titles) resolves against the page it sits in.
    if (state.inlineMode) {
      return resolve(tokens, env, env.crossrefTargets ?? new Map(), label, true);
    }
    const targets = new Map<string, string>();
    env.crossrefTargets = targets;
    const add = (id: string, n: string, line: number) => {
      if (targets.has(id)) {
        fail(env, line, `"#${id}" is used twice on this page`, "ids must be unique");
      }
      targets.set(id, n);
    };
    numberFigures(tokens, env, add, label);
    let eq = 0;
    let h2 = 0;
    let h3 = 0;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      const line = token.map?.[0] ?? 0;
      if (token.type === "math_block" && token.meta?.label) {
        token.meta.number = ++eq;
        // The label sits on the closing `$$` line, where the author would fix it.
        add(token.meta.label, String(eq), (token.map?.[1] ?? line + 1) - 1);
      }
      if (token.type !== "heading_open" || (token.tag !== "h2" && token.tag !== "h3")) continue;
      if (token.tag === "h2") [h2, h3] = [h2 + 1, 0];
      else if (h2 > 0) h3++;
      else continue;
      const n = token.tag === "h2" ? `${h2}` : `${h2}.${h3}`;
      const id = token.attrGet("id");
      if (id) add(id, n, line);
      const number = new state.Token("html_inline", "", 0);
      number.content = `<span class="sec-number">${n}</span> `;
      tokens[i + 1].children?.unshift(number);
    }
    resolve(tokens, env, targets, label);
  });

  md.renderer.rules.crossref = (tokens, idx) => {
    const { id, kind, text } = tokens[idx].meta;
    return `<a class="xref xref-${kind}" href="#${id}">${md.utils.escapeHtml(text)}</a>`;
  };
  md.renderer.rules.figcaption_open = (tokens, idx) =>
    `<figcaption><span class="figure-label">${md.utils.escapeHtml(tokens[idx].meta.label)}</span> `;
  md.renderer.rules.figcaption_close = () => "</figcaption>\n";
}

/** Numbers `::: figure` blocks and turns each one's last paragraph into its caption. */
function numberFigures(
  tokens: Token[],
  env: unknown,
  add: (id: string, n: string, line: number) => void,
  label: (env: unknown, kind: Kind, n: string) => string,
) {
  let count = 0;
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i];
    if (open.type !== "container_figure_open") continue;
    const line = open.map?.[0] ?? 0;
    const id = open.info.trim().match(figureInfo)?.[1];
    if (!id) {
      fail(env, line, `a figure needs an id: "::: figure #fig-name"`, "ids start with fig-");
    }
    let depth = 0;
    let caption = -1;
    let close = i + 1;
    for (; close < tokens.length; close++) {
      const t = tokens[close];
      if (t.type === "container_figure_close" && depth === 0) break;
      if (t.type === "paragraph_open" && depth === 0) caption = close;
      depth += t.nesting;
    }
    if (caption < 0) {
      fail(
        env,
        line,
        `figure #${id} has no caption`,
        "end the figure with a paragraph: its caption",
      );
    }
    const n = String(++count);
    add(id, n, line);
    open.meta = { ...open.meta, id };
    const text = label(env, "fig", n);
    tokens[caption].type = "figcaption_open";
    tokens[caption].meta = { label: `${text}.` };
    tokens[caption + 2].type = "figcaption_close";
  }
}

/** Gives every `@fig-…`/`@eq-…`/`@sec-…` its text, or fails naming the nearest label. */
function resolve(
  tokens: Token[],
  env: Record<string, unknown>,
  targets: Map<string, string>,
  label: (env: unknown, kind: Kind, n: string) => string,
  inlineMode = false,
) {
  for (const [child, line] of inlineChildren(tokens, inlineMode)) {
    if (child.type !== "crossref") continue;
    const id = child.meta.id as string;
    const n = targets.get(id);
    if (n === undefined) {
      const same = [...targets.keys()].filter((k) => k.startsWith(`${child.meta.kind}-`));
      const near = same.length ? closest(id, same) : undefined;
      fail(
        env,
        line,
        `unknown cross-reference @${id}${near ? ` (did you mean @${near}?)` : ""}`,
        `label the target on this page: ${
          {
            fig: "`::: figure #" + id + "`",
            eq: "`$$ {#" + id + "}`",
            sec: "`## Title {#" + id + "}`",
          }[
            child.meta.kind as Kind
          ]
        }`,
        `@${id}`,
      );
    }
    child.meta.text = label(env, child.meta.kind, n);
  }
}
