import type MarkdownIt from "markdown-it";
import container from "markdown-it-container";

/** Options for callout blocks. */
export interface Options {
  /** Callout kinds and their default titles per language. */
  kinds: Record<string, Record<string, string>>;
}

export const defaults = {
  kinds: {
    note: { en: "Note", ko: "노트" },
    tip: { en: "Tip", ko: "팁" },
    warning: { en: "Warning", ko: "주의" },
  },
} satisfies Options;

/**
 * `::: note Title` … `:::` becomes an aside; `::: question Q?` … `:::` a self-check whose
 * answer opens on demand (a native `<details>`, so it needs no JavaScript and works by keyboard).
 */
export function callouts(md: MarkdownIt, userOptions: Partial<Options> = {}) {
  const { kinds } = { ...defaults, ...userOptions };
  const escape = md.utils.escapeHtml;
  const lang = (env: unknown) => ((env as { lang?: string })?.lang === "ko" ? "ko" : "en");

  for (const [kind, titles] of Object.entries(kinds)) {
    md.use(container, kind, {
      render(tokens: { info: string; nesting: number }[], idx: number, _o: unknown, env: unknown) {
        const token = tokens[idx];
        if (token.nesting !== 1) return "</div></aside>\n";
        const title = token.info.trim().slice(kind.length).trim() || titles[lang(env)];
        const role = kind === "warning" ? ' role="note"' : "";
        return `<aside class="callout callout-${kind}"${role}><p class="callout-title">` +
          `${md.renderInline(title, env)}</p><div class="callout-body">\n`;
      },
    });
  }

  md.use(container, "question", {
    render(tokens: { info: string; nesting: number }[], idx: number, _o: unknown, env: unknown) {
      const token = tokens[idx];
      if (token.nesting !== 1) return "</div></details>\n";
      const question = token.info.trim().slice("question".length).trim();
      const label = lang(env) === "ko" ? "스스로 점검" : "Check yourself";
      return `<details class="self-check"><summary><span class="self-check-label">${
        escape(label)
      }</span> ${md.renderInline(question, env)}</summary><div class="self-check-answer">\n`;
    },
  });
}
