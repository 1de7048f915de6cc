/** The course as pages see it: every page of every language, paired by key, ordered by order. */

/** A page of the course, from its front matter and URL. */
export interface CoursePage {
  url: string;
  lang: "en" | "ko";
  key: string;
  title: string;
  description: string;
  kind: "lecture" | "demo" | "guide" | "page";
  order?: number;
}

interface CollectionItem {
  url?: string | false;
  data?: Record<string, unknown>;
}

const built = new WeakMap<CollectionItem[], CoursePage[]>();

/**
 * Turns Eleventy's `collections.all` into course pages (those with a language and a key).
 * Every page's layout asks, so the list is made once per build, not once per page.
 */
export function coursePages(collections: unknown): CoursePage[] {
  const all = ((collections as { all?: CollectionItem[] })?.all ?? []) as CollectionItem[];
  let pages = built.get(all);
  if (!pages) {
    pages = toCoursePages(all);
    built.set(all, pages);
  }
  return pages;
}

function toCoursePages(all: CollectionItem[]): CoursePage[] {
  return all
    .filter((item) => typeof item.url === "string" && item.data?.key && item.data?.lang)
    .map((item) => {
      const d = item.data!;
      return {
        url: item.url as string,
        lang: d.lang === "ko" ? "ko" : "en",
        key: String(d.key),
        title: String(d.title ?? ""),
        description: String(d.description ?? ""),
        kind: (d.kind ?? "page") as CoursePage["kind"],
        order: typeof d.order === "number" ? d.order : undefined,
      } satisfies CoursePage;
    });
}

/** The same page in another language, if it exists. */
export function counterpart(pages: CoursePage[], key: string, lang: string) {
  return pages.find((p) => p.key === key && p.lang === lang);
}

/** Pages of one language that have an `order`, in that order: the reading path of the course. */
export function readingOrder(pages: CoursePage[], lang: string): CoursePage[] {
  return pages
    .filter((p) => p.lang === lang && p.order !== undefined)
    .sort((a, b) => a.order! - b.order! || a.url.localeCompare(b.url));
}

/** The pages before and after `key` on the reading path of its language. */
export function neighbours(pages: CoursePage[], key: string, lang: string) {
  const path = readingOrder(pages, lang);
  const i = path.findIndex((p) => p.key === key);
  if (i < 0) return { prev: undefined, next: undefined };
  return { prev: path[i - 1], next: path[i + 1] };
}
