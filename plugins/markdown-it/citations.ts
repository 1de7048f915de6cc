import type MarkdownIt from "markdown-it";
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-csl";
import { closest } from "fastest-levenshtein";
import { createHash } from "node:crypto";
import { atWordStart, fail, inlineChildren, pageLang } from "./crossref.ts";
import type { Token } from "./types.ts";

/** Options for citations and the bibliography. */
export interface Options {
  /** The BibTeX file every citation key must come from. */
  references: string;
  /** Heading of the bibliography, per language. */
  heading: Record<string, string>;
  /** CSL style for the bibliography entries. */
  style: string;
  /** Folder for the formatted entries, so later builds skip the CSL engine (about a second). */
  cacheDir: string;
}

export const defaults = {
  references: "content/_data/references.bib",
  heading: { en: "References", ko: "참고문헌" },
  style: "apa",
  cacheDir: ".cache",
} satisfies Options;

/** One work, as a page needs it: short in-text forms and the full entry. */
export interface Reference {
  key: string;
  /** "Kumar et al." / "Howard & Ruder" / "Huh" */
  authors: string;
  year: string;
  /** The full entry as HTML (APA-like), URLs linked. */
  html: string;
  /** First author's family name, for sorting the bibliography. */
  sortKey: string;
}

const keyPattern = /^@([A-Za-z][\w]*(?:[:.-][\w]+)*)/;
// Citation keys in a callout or question title, which is rendered apart from the page.
const titleCitation = /(?:^|[^\w.@/])@([A-Za-z]\w*(?:[:.-]\w+)*)/g;
const bracketPattern = /^\[\s*(@[\w:.-]+(?:\s*;\s*@[\w:.-]+)*)\s*\]/;

let cache: { text: string; refs: Map<string, Reference> } | undefined;

/**
 * Parses the .bib file into references once per content of the file. The formatted entries are
 * also kept on disk under the file's hash, so only a changed .bib pays for the CSL engine.
 */
export function loadReferences(
  path: string,
  style = defaults.style,
  cacheDir = defaults.cacheDir,
): Map<string, Reference> {
  const text = Deno.readTextFileSync(path);
  if (cache?.text === text) return cache.refs;
  // This file's own text is in the key too, so a change to the formatting invalidates the cache.
  const digest = createHash("sha256").update(`${style}\n${text}`).update(ownSource())
    .digest("hex").slice(0, 16);
  const file = `${cacheDir}/references-${digest}.json`;
  try {
    const refs = new Map(
      (JSON.parse(Deno.readTextFileSync(file)) as Reference[]).map((r) => [r.key, r]),
    );
    cache = { text, refs };
    return refs;
  } catch {
    // Not formatted yet (or unreadable): format below and store.
  }
  const refs = formatReferences(text, style);
  try {
    Deno.mkdirSync(cacheDir, { recursive: true });
    Deno.writeTextFileSync(file, JSON.stringify([...refs.values()]));
  } catch {
    // A read-only checkout still builds; it just formats every time.
  }
  cache = { text, refs };
  return refs;
}

const ownSource = () => {
  try {
    return Deno.readTextFileSync(new URL(import.meta.url));
  } catch {
    return import.meta.url;
  }
};

/** Formats every entry of BibTeX text with a CSL style, and derives the in-text forms. */
function formatReferences(text: string, style: string): Map<string, Reference> {
  const cite = new Cite(text);
  // The BibTeX parser drops `eprint`; an arXiv id gives entries without a DOI a link to read.
  for (const item of cite.data as (CslItem & { DOI?: string; URL?: string })[]) {
    const arxiv = arxivIds(text).get(item.id);
    if (arxiv && !item.DOI && !item.URL) item.URL = `https://arxiv.org/abs/${arxiv}`;
  }
  const html: string = cite.format("bibliography", {
    format: "html",
    template: style,
    lang: "en-US",
  });
  const entries = new Map<string, string>();
  for (
    const m of html.matchAll(/<div data-csl-entry-id="([^"]+)" class="csl-entry">(.*?)<\/div>/gs)
  ) {
    entries.set(m[1], m[2].trim().replace(/(https?:\/\/[^\s<]+[^\s<.,;])/g, '<a href="$1">$1</a>'));
  }
  const refs = new Map<string, Reference>();
  for (const item of cite.data as CslItem[]) {
    const families = (item.author ?? item.editor ?? []).map((a) => a.family ?? a.literal ?? "");
    const authors = families.length === 0
      ? item.title ?? item.id
      : families.length === 1
      ? families[0]
      : families.length === 2
      ? `${families[0]} & ${families[1]}`
      : `${families[0]} et al.`;
    const year = String(item.issued?.["date-parts"]?.[0]?.[0] ?? "n.d.");
    refs.set(item.id, {
      key: item.id,
      authors,
      year,
      html: entries.get(item.id) ?? md_escape(item.title ?? item.id),
      sortKey: `${families.join(" ")} ${year} ${item.title ?? ""}`.toLowerCase(),
    });
  }
  disambiguate([...refs.values()]);
  return refs;
}

/** Works whose in-text forms collide ("Finn et al., 2017" twice) get years 2017a, 2017b. */
function disambiguate(refs: Reference[]) {
  const groups = Map.groupBy(refs, (r) => `${r.authors}|${r.year}`);
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    group.sort((a, b) => a.sortKey.localeCompare(b.sortKey));
    group.forEach((r, i) => {
      const year = r.year + String.fromCharCode(97 + i);
      r.html = r.html.replace(`(${r.year})`, `(${year})`);
      r.year = year;
    });
  }
}

/** `eprint` ids of the arXiv entries in BibTeX text, by citation key. */
function arxivIds(text: string): Map<string, string> {
  const ids = new Map<string, string>();
  for (const entry of text.split(/^@/m).slice(1)) {
    const key = entry.match(/^\w+\s*\{\s*([^,\s]+)\s*,/)?.[1];
    const eprint = entry.match(/\beprint\s*=\s*[{"]([^}"]+)[}"]/i)?.[1];
    if (key && eprint && /archivePrefix\s*=\s*[{"]arXiv/i.test(entry)) ids.set(key, eprint);
  }
  return ids;
}

interface CslItem {
  id: string;
  title?: string;
  author?: { family?: string; literal?: string }[];
  editor?: { family?: string; literal?: string }[];
  issued?: { "date-parts"?: (number | string)[][] };
}

const md_escape = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/**
 * `[@a; @b]` renders "(A et al., 2022; B & C, 2018)", a bare `@a` renders "A et al. (2022)",
 * each name linking to its entry in a bibliography appended to the page. A key that the .bib
 * file lacks fails the build, naming the closest key.
 */
export function citations(md: MarkdownIt, userOptions: Partial<Options> = {}) {
  const options = { ...defaults, ...userOptions };

  md.inline.ruler.before("link", "citation_group", (state, silent) => {
    if (state.src.charCodeAt(state.pos) !== 0x5b /* [ */) return false;
    const match = state.src.slice(state.pos).match(bracketPattern);
    if (!match) return false;
    const keys = match[1].split(";").map((k) => k.trim().slice(1));
    if (!keys.every((k) => keyPattern.test(`@${k}`))) return false;
    // `[@a]{.class}` would be a bracketed span, not a citation.
    if (state.src[state.pos + match[0].length] === "{") return false;
    if (!silent) state.push("citation", "", 0).meta = { keys, mode: "group" };
    state.pos += match[0].length;
    return true;
  });

  md.inline.ruler.after("crossref", "citation", (state, silent) => {
    if (state.src.charCodeAt(state.pos) !== 0x40 /* @ */) return false;
    if (!atWordStart(state.src, state.pos)) return false;
    const match = state.src.slice(state.pos).match(keyPattern);
    if (!match) return false;
    if (!silent) state.push("citation", "", 0).meta = { keys: [match[1]], mode: "narrative" };
    state.pos += match[0].length;
    return true;
  });

  md.core.ruler.push("citations", (state) => {
    const tokens = state.tokens as Token[];
    const cited: string[] = [];
    let refs: Map<string, Reference> | undefined;
    const check = (key: string, line: number | undefined) => {
      refs ??= loadReferences(options.references, options.style, options.cacheDir);
      if (refs.has(key)) return;
      fail(
        state.env,
        line,
        `citation key "@${key}" is not in ${options.references} (closest: "${
          closest(key, [...refs.keys()])
        }")`,
        `fix the key, or add a BibTeX entry for it to ${options.references}`,
        `@${key}`,
      );
    };
    for (const [child, line] of inlineChildren(tokens, state.inlineMode)) {
      if (child.type !== "citation") continue;
      for (const key of child.meta.keys as string[]) {
        check(key, line);
        if (!cited.includes(key)) cited.push(key);
      }
      child.meta.refs = (child.meta.keys as string[]).map((k) => refs!.get(k));
    }
    // Text rendered on its own (callout titles) joins the bibliography of its page, below.
    if (state.inlineMode) return;
    for (const token of tokens) {
      if (!token.type.startsWith("container_") || !token.info) continue;
      for (const [, key] of token.info.matchAll(titleCitation)) {
        if (/^(fig|eq|sec)-/.test(key)) continue;
        check(key, token.map?.[0]);
        if (!cited.includes(key)) cited.push(key);
      }
    }
    if (!refs || cited.length === 0) return;
    const list = cited.map((k) => refs!.get(k)!).sort((a, b) => a.sortKey.localeCompare(b.sortKey));
    const block = new state.Token("html_block", "", 0);
    const heading = options.heading[pageLang(state.env)] ?? options.heading.en;
    block.content = `<section class="bibliography" aria-labelledby="references">\n` +
      `<h2 id="references">${heading}</h2>\n<ol class="references">\n` +
      list.map((r) => `<li id="ref-${r.key}" class="reference">${r.html}</li>\n`).join("") +
      `</ol>\n</section>\n`;
    tokens.push(block);
  });

  md.renderer.rules.citation = (tokens, idx) => {
    const { refs, mode } = tokens[idx].meta as { refs: Reference[]; mode: string };
    const link = (r: Reference, text: string) =>
      `<a class="cite" href="#ref-${r.key}" data-cite="${r.key}">${md.utils.escapeHtml(text)}</a>`;
    if (mode === "narrative") return link(refs[0], `${refs[0].authors} (${refs[0].year})`);
    const inner = refs.map((r) => link(r, `${r.authors}, ${r.year}`)).join("; ");
    return `<span class="citation">(${inner})</span>`;
  };
}
