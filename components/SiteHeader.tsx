import type { Alternate } from "./Page.tsx";

const names = { en: "English", ko: "한국어" };
const text = {
  en: { home: "CS330 · Lecture 3", search: "Search", theme: "Dark theme", switchTo: "Read in" },
  ko: { home: "CS330 · 3강", search: "검색", theme: "어두운 테마", switchTo: "다른 언어로 읽기:" },
};

/** Icons drawn with the current text colour, so they follow the theme. */
const SearchIcon = () => (
  <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
    <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" stroke-width="2" />
    <path d="m13 13 4.5 4.5" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
  </svg>
);
const ThemeIcon = () => (
  <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
    <circle cx="10" cy="10" r="7" fill="none" stroke="currentColor" stroke-width="2" />
    <path d="M10 3a7 7 0 0 1 0 14z" fill="currentColor" />
  </svg>
);

/**
 * The bar on top of every page: the course name, search, the language switch and the theme
 * toggle. Search and the toggle need the site script, so they start hidden and it reveals them.
 */
export function SiteHeader({ lang, other }: { lang: "en" | "ko"; other?: Alternate }) {
  const t = text[lang];
  return (
    <header class="site-header" data-pagefind-ignore>
      <a class="site-name" href={`/${lang}/`}>{t.home}</a>
      <div class="site-tools">
        <button type="button" class="tool search-open" hidden aria-haspopup="dialog">
          <SearchIcon />
          <span class="tool-label">{t.search}</span>
        </button>
        {other && (
          <a
            class="tool lang-switch"
            href={other.url}
            hreflang={other.lang}
            lang={other.lang}
            data-lang={other.lang}
            aria-label={`${t.switchTo} ${names[other.lang]}`}
          >
            {names[other.lang]}
          </a>
        )}
        <button
          type="button"
          class="tool theme-toggle"
          hidden
          aria-pressed="false"
          title={t.theme}
        >
          <ThemeIcon />
          <span class="visually-hidden">{t.theme}</span>
        </button>
      </div>
    </header>
  );
}
