const text = {
  en: {
    title: "Search the notes",
    label: "Search",
    close: "Close",
    placeholder: "e.g. fine-tuning",
  },
  ko: { title: "노트 검색", label: "검색어", close: "닫기", placeholder: "예: 미세 조정" },
};

/**
 * The search box, a native dialog the site script opens. It searches the Pagefind index of the
 * page's language and lists the matching pages with an excerpt.
 */
export function SearchDialog({ lang }: { lang: "en" | "ko" }) {
  const t = text[lang];
  return (
    <dialog class="search" aria-labelledby="search-title" data-pagefind-ignore>
      <form role="search" class="search-form">
        <h2 id="search-title" class="search-title">{t.title}</h2>
        <label class="visually-hidden" for="search-input">{t.label}</label>
        <input
          id="search-input"
          type="search"
          name="q"
          autocomplete="off"
          placeholder={t.placeholder}
        />
        <button type="button" class="search-close">{t.close}</button>
      </form>
      <p class="search-status" role="status" aria-live="polite"></p>
      <ol class="search-results"></ol>
    </dialog>
  );
}
