import type { CoursePage } from "./course.ts";

const text = {
  en: { nav: "Previous and next page", prev: "Previous", next: "Next" },
  ko: { nav: "이전 쪽과 다음 쪽", prev: "이전", next: "다음" },
};

/** Links to the pages before and after this one in the course's reading order. */
export function PrevNext(
  { prev, next, lang }: { prev?: CoursePage; next?: CoursePage; lang: "en" | "ko" },
) {
  if (!prev && !next) return null;
  const t = text[lang];
  return (
    <nav class="pager" aria-label={t.nav} data-pagefind-ignore>
      {prev && (
        <a class="pager-prev" href={prev.url} rel="prev">
          <span class="pager-dir">← {t.prev}</span>
          <span class="pager-title">{prev.title}</span>
        </a>
      )}
      {next && (
        <a class="pager-next" href={next.url} rel="next">
          <span class="pager-dir">{t.next} →</span>
          <span class="pager-title">{next.title}</span>
        </a>
      )}
    </nav>
  );
}
