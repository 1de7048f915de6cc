/** A heading of the rendered page, as the table of contents lists it. */
export interface Heading {
  id: string;
  level: 2 | 3;
  /** Section number ("2", "2.1"), when the heading has one. */
  number?: string;
  /** The heading's inner HTML without its number and permalink (may hold KaTeX). */
  html: string;
}

const headingPattern = /<h([23]) id="([^"]+)"[^>]*>(.*?)<\/h\1>/gs;

/** Finds the `h2`/`h3` headings with ids in rendered page HTML, in document order. */
export function headingsOf(html: string): Heading[] {
  return [...html.matchAll(headingPattern)].map(([, level, id, inner]) => {
    const number = inner.match(/<span class="sec-number">([^<]*)<\/span>/)?.[1];
    const label = inner
      .replace(/<span class="sec-number">[^<]*<\/span>\s*/, "")
      .replace(/\s*<a class="header-anchor"[^>]*>.*?<\/a>/s, "")
      .trim();
    return { id, level: Number(level) as 2 | 3, number, html: label };
  });
}

const title = { en: "Contents", ko: "목차" };

/**
 * The page's table of contents: a sidebar on wide screens, a folded box above the text on narrow
 * ones. It is folded in the HTML and unfolded on wide screens by CSS, so nothing moves when the
 * site script runs (it only marks the section being read).
 */
export function Toc({ headings, lang }: { headings: Heading[]; lang: "en" | "ko" }) {
  if (headings.length < 2) return null;
  return (
    <nav class="toc" aria-labelledby="toc-title" data-pagefind-ignore>
      <details>
        <summary>
          <h2 class="toc-title" id="toc-title">{title[lang]}</h2>
        </summary>
        <ol>
          {headings.map((h) => (
            <li class={`toc-${h.level}`} key={h.id}>
              <a href={`#${h.id}`}>
                {h.number && <span class="toc-number">{h.number}</span>}
                <span dangerouslySetInnerHTML={{ __html: h.html }} />
              </a>
            </li>
          ))}
        </ol>
      </details>
    </nav>
  );
}
