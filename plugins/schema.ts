import { z } from "zod";
import yaml from "js-yaml";
import { ContentError, relativePath } from "./errors.ts";

/** Options for front-matter validation. */
export interface Options {
  /** Folder of the Markdown content. */
  input: string;
  /** Folder of the layouts, relative to `input` (it may lead outside it). */
  includes: string;
  /** Languages the site is written in; each has a folder of the same name. */
  languages: string[];
}

export const defaults = {
  input: "content",
  includes: "_includes",
  languages: ["en", "ko"],
} satisfies Options;

/** The front matter every page must have; unknown fields are mistakes, so they are errors. */
export const frontMatter = z.strictObject({
  title: z.string().min(1, "give the page a title"),
  description: z.string().min(1).max(200, "keep the description under 200 characters"),
  lang: z.enum(["en", "ko"]),
  key: z.string().regex(/^[a-z0-9-]+$/, "use lowercase letters, digits and dashes"),
  order: z.number().int().optional(),
  kind: z.enum(["lecture", "demo", "guide", "page"]).default("page"),
  layout: z.string().optional(),
  permalink: z.union([z.string(), z.literal(false)]).optional(),
});
export type FrontMatter = z.infer<typeof frontMatter>;

/** A page's front matter, parsed and checked, with where it came from. */
export interface PageMeta {
  path: string;
  data: FrontMatter;
}

const frontMatterBlock = /^---\r?\n([\s\S]*?)\r?\n---\s*(\r?\n|$)/;

/** Parses and validates one file's front matter; throws a ContentError naming file, line, field. */
export function checkFrontMatter(
  path: string,
  text: string,
  options: Options = defaults,
): PageMeta {
  const file = relativePath(path);
  const block = text.match(frontMatterBlock);
  if (!block) {
    throw new ContentError(
      file,
      1,
      "missing front matter",
      "start the file with a `---` block holding title, description, lang and key",
    );
  }
  let raw: unknown;
  try {
    raw = yaml.load(block[1]);
  } catch (error) {
    const mark = (error as { mark?: { line: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? String(error);
    throw new ContentError(
      file,
      (mark?.line ?? 0) + 2,
      `malformed YAML front matter: ${reason}`,
      "check indentation and quote values that contain a colon",
    );
  }
  const result = frontMatter.safeParse(raw ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = String(issue.path[0] ?? (issue as { keys?: string[] }).keys?.[0] ?? "");
    const at = block[1].split("\n").findIndex((l) => l.startsWith(`${field}:`));
    const message = issue.code === "unrecognized_keys"
      ? `unknown front-matter field "${field}"`
      : `front-matter field "${field}": ${at < 0 ? "is required" : issue.message}`;
    throw new ContentError(
      file,
      at < 0 ? 1 : at + 2,
      message,
      `allowed fields: ${Object.keys(frontMatter.shape).join(", ")}`,
    );
  }
  const data = result.data;
  const folder = file.split("/")[1];
  if (options.languages.includes(folder) && folder !== data.lang) {
    const at = block[1].split("\n").findIndex((l) => l.startsWith("lang:"));
    throw new ContentError(
      file,
      at + 2,
      `lang is "${data.lang}" but the page is in ${folder}/`,
      `set lang: ${folder}`,
    );
  }
  if (data.layout) {
    try {
      Deno.statSync(`${options.input}/${options.includes}/${data.layout}`);
    } catch {
      const at = block[1].split("\n").findIndex((l) => l.startsWith("layout:"));
      const have = [...Deno.readDirSync(`${options.input}/${options.includes}`)].map((e) => e.name);
      throw new ContentError(
        file,
        at + 2,
        `layout "${data.layout}" does not exist`,
        `layouts are the files in ${options.input}/${options.includes}/: ${have.join(", ")}`,
      );
    }
  }
  return { path: file, data };
}

/** Every Markdown file below a folder. */
export function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of Deno.readDirSync(dir)) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory && !entry.name.startsWith("_")) out.push(...markdownFiles(path));
    else if (entry.isFile && entry.name.endsWith(".md")) out.push(path);
  }
  return out.sort();
}

/** Eleventy plugin: every page's front matter is checked before anything is rendered. */
export default function schema(userOptions: Partial<Options> = {}) {
  const options = { ...defaults, ...userOptions };
  // deno-lint-ignore no-explicit-any
  return (config: any) => {
    config.on("eleventy.before", () => {
      const pages = markdownFiles(options.input).map((path) =>
        checkFrontMatter(path, Deno.readTextFileSync(path), options)
      );
      checkCounterparts(pages, options.languages, options.input);
    });
  };
}

/** Each page needs its counterpart in every other language, paired by `key`. */
export function checkCounterparts(pages: PageMeta[], languages: string[], input = "content") {
  const byKey = new Map<string, Map<string, string>>();
  for (const page of pages) {
    const langs = byKey.get(page.data.key) ?? new Map<string, string>();
    if (langs.has(page.data.lang)) {
      throw new ContentError(
        page.path,
        1,
        `key "${page.data.key}" is used twice in ${page.data.lang} (also ${
          langs.get(page.data.lang)
        })`,
        "give each page its own key",
      );
    }
    langs.set(page.data.lang, page.path);
    byKey.set(page.data.key, langs);
  }
  for (const [key, langs] of byKey) {
    for (const lang of languages) {
      if (!langs.has(lang)) {
        const [have] = langs.values();
        throw new ContentError(
          have,
          1,
          `page "${key}" has no ${lang} counterpart`,
          `add a page in ${input}/${lang}/ with key: ${key}`,
        );
      }
    }
  }
}
