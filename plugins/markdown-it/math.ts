import type MarkdownIt from "markdown-it";
import type { Token } from "./types.ts";
import { tex } from "@mdit/plugin-tex";
import katex from "katex";
import { ContentError, frontMatterLines, relativePath } from "../errors.ts";

/** Options for server-side math. */
export interface Options {
  /** Extra KaTeX macros, shared by every page. */
  macros: Record<string, string>;
}

export const defaults = { macros: {} } satisfies Options;

const cache = new Map<string, string>();

/**
 * Renders TeX with KaTeX, memoised by source and display mode: lecture notes repeat the same
 * symbols many times, so most calls become a map lookup.
 * @example renderTex("x^2", false) // '<span class="katex">…'
 */
export function renderTex(source: string, displayMode: boolean, macros = {}): string {
  const key = (displayMode ? "D" : "I") + source;
  let html = cache.get(key);
  if (html === undefined) {
    html = katex.renderToString(source, {
      displayMode,
      throwOnError: true,
      strict: "ignore",
      output: "htmlAndMathml",
      macros: { ...macros },
    });
    cache.set(key, html);
  }
  return html;
}

const label = /^(\s*\$\$)\s*\{#(eq-[\w-]+)\}\s*$/;
const fence = /^\s*(```|~~~)/;

/** Parses `$…$` and `$$…$$` (optionally `$$ {#eq-id}`) and renders them with KaTeX at build time. */
export function math(md: MarkdownIt, userOptions: Partial<Options> = {}) {
  const options = { ...defaults, ...userOptions };
  md.use(tex, { render: () => "" });

  // Equation labels sit after the closing `$$`; move them aside without changing line numbers.
  const parse = md.parse.bind(md);
  md.parse = (src: string, env: Record<string, unknown>) => {
    const labels: Record<number, string> = {};
    let inFence = false;
    const lines = src.split("\n").map((line, i) => {
      if (fence.test(line)) inFence = !inFence;
      const m = inFence ? null : line.match(label);
      if (!m) return line;
      labels[i] = m[2];
      return m[1];
    });
    env.eqLabels = labels;
    return parse(lines.join("\n"), env);
  };

  md.core.ruler.push("math_lines", (state) => {
    const labels = (state.env?.eqLabels ?? {}) as Record<number, string>;
    for (const token of state.tokens as Token[]) {
      if (token.type === "math_block" && token.map) {
        token.meta = { ...token.meta, line: token.map[0], label: labels[token.map[1] - 1] };
      }
      if (token.type === "inline" && token.map && token.children) {
        let line = token.map[0];
        for (const child of token.children) {
          if (child.type === "math_inline") child.meta = { ...child.meta, line };
          if (child.type === "softbreak" || child.type === "hardbreak") line++;
        }
      }
    }
  });

  const render = (token: Token, display: boolean, env: Record<string, unknown>) => {
    try {
      return renderTex(token.content.trim(), display, options.macros);
    } catch (error) {
      const path = (env?.page as { inputPath?: string } | undefined)?.inputPath ?? "unknown file";
      const line = (token.meta?.line ?? 0) + 1 + frontMatterLines(path);
      const reason = error instanceof Error
        ? error.message.replace(/^KaTeX parse error: /, "")
        : error;
      throw new ContentError(
        relativePath(path),
        line,
        `KaTeX cannot render ${display ? "$$" : "$"}${token.content.trim()}${
          display ? "$$" : "$"
        }: ${reason}`,
        "fix the TeX; KaTeX supports most LaTeX math commands (katex.org/docs/supported)",
      );
    }
  };
  md.renderer.rules.math_inline = (tokens, idx, _o, env) => render(tokens[idx], false, env);
  md.renderer.rules.math_block = (tokens, idx, _o, env) => {
    const token = tokens[idx];
    const body = render(token, true, env);
    const id = token.meta?.label;
    if (!id) return `<div class="math-display">${body}</div>\n`;
    const n = (token.meta?.number as number | undefined) ?? "";
    return `<div class="math-display numbered" id="${id}">${body}<span class="eq-number">(${n})</span></div>\n`;
  };
}
