import { Page } from "./Page.tsx";
import type { CoursePage } from "./course.ts";

interface Props {
  styles: { site: string; katex: string };
  origin: string;
  siteScript?: string;
  /** The language home pages, whose titles and descriptions the choices show. */
  homes: CoursePage[];
}

/**
 * The site root: offers both languages side by side. The site script sends a reader on to
 * the language they chose before, or else to the first of their browser's languages.
 */
export function RootPage({ styles, origin, siteScript, homes }: Props) {
  const home = (lang: "en" | "ko") => homes.find((p) => p.lang === lang);
  return (
    <Page
      title="CS330 Lecture 3 · 3강: Transfer & Meta-Learning"
      description={home("en")?.description ?? "Stanford CS330, Lecture 3."}
      lang="en"
      styles={styles}
      url="/"
      origin={origin}
      alternates={homes.map((p) => ({ lang: p.lang, url: p.url }))}
      siteScript={siteScript}
      header={false}
    >
      <main id="main" class="root-choice" data-root>
        <h1>
          CS330 · Lecture 3 <span lang="ko">3강</span>
        </h1>
        <ul class="language-choices">
          {(["en", "ko"] as const).map((lang) => {
            const page = home(lang);
            if (!page) return null;
            return (
              <li key={lang} lang={lang}>
                <a href={page.url} hreflang={lang} data-lang={lang}>
                  <span class="choice-language">{lang === "en" ? "English" : "한국어"}</span>
                  <span class="choice-title">{page.title}</span>
                </a>
                <p>{page.description}</p>
              </li>
            );
          })}
        </ul>
      </main>
    </Page>
  );
}
