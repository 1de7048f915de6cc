import type MarkdownIt from "markdown-it";

/** A markdown-it token, as the rules in this folder see it. */
export type Token = ReturnType<MarkdownIt["parse"]>[number];
/** The environment Eleventy passes to markdown-it: the page's data. */
export type Env = Record<string, unknown> & { page?: { inputPath?: string; url?: string } };
