import type { ComponentChildren } from "preact";

/** What every page's shell needs from the page data. */
export interface PageProps {
  title: string;
  description: string;
  lang: "en" | "ko";
  styles: { site: string; katex: string };
  /** Module scripts to load (the island loader on pages with islands). */
  scripts?: string[];
  children?: ComponentChildren;
}

const siteName = { en: "CS330 · Transfer & Meta-Learning", ko: "CS330 · 전이 학습과 메타 학습" };

/** The HTML document around every page: head, header, main, footer. Server-only. */
export function Page({ title, description, lang, styles, scripts = [], children }: PageProps) {
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${siteName[lang]}`}</title>
        <meta name="description" content={description} />
        <link rel="stylesheet" href={styles.site} />
        <link rel="stylesheet" href={styles.katex} />
        {scripts.map((src) => <script type="module" src={src} key={src} />)}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {lang === "ko" ? "본문으로 건너뛰기" : "Skip to content"}
        </a>
        <header class="site-header">
          <a class="site-name" href={`/${lang}/`}>{siteName[lang]}</a>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
