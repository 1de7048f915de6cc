import type { CoursePage } from "./course.ts";

const groups = {
  en: { lecture: "Lectures", demo: "Demos", guide: "Guides" },
  ko: { lecture: "강의", demo: "데모", guide: "안내" },
};

/**
 * The course index on each language's home page, built from front matter (`kind`, `order`,
 * `title`, `description`): adding a lecture is adding its Markdown files.
 */
export function CourseIndex({ pages, lang }: { pages: CoursePage[]; lang: "en" | "ko" }) {
  const mine = pages
    .filter((p) => p.lang === lang)
    .sort((a, b) => (a.order ?? 1e9) - (b.order ?? 1e9) || a.title.localeCompare(b.title));
  return (
    <div class="course-index">
      {(["lecture", "demo", "guide"] as const).map((kind) => {
        const list = mine.filter((p) => p.kind === kind);
        if (list.length === 0) return null;
        return (
          <section
            class={`course-group course-${kind}`}
            aria-labelledby={`index-${kind}`}
            key={kind}
          >
            <h2 id={`index-${kind}`}>{groups[lang][kind]}</h2>
            <ul class="course-list">
              {list.map((p) => (
                <li class="course-card" key={p.url}>
                  <a href={p.url}>{p.title}</a>
                  <p>{p.description}</p>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
