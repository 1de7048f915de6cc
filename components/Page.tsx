import type { ComponentChildren } from "preact";
import { SiteHeader } from "./SiteHeader.tsx";
import { SearchDialog } from "./SearchDialog.tsx";

/** A language version of the page, for `hreflang` links and the language switch. */
export interface Alternate {
  lang: "en" | "ko";
  url: string;
}

/** What every page's shell needs from the page data. */
export interface PageProps {
  title: string;
  description: string;
  lang: "en" | "ko";
  styles: { site: string; katex: string; fonts?: string[] };
  /** The page's own URL path, e.g. `/en/lecture-3/`. */
  url: string;
  /** The site's origin for canonical and Open Graph URLs, e.g. `https://example.org`. */
  origin: string;
  /** The page in every language (itself included); empty for pages outside a language. */
  alternates?: Alternate[];
  /** The small site script (theme, contents, search, previews); loaded by every page. */
  siteScript?: string;
  /** Module scripts to load (the island loader on pages with islands). */
  scripts?: string[];
  /** `article` for lectures and demos, `website` otherwise (Open Graph). */
  ogType?: "article" | "website";
  /** Show the header (off for the root language chooser). */
  header?: boolean;
  /** Whether search engines should list the page (off for the 404 page). */
  indexable?: boolean;
  children?: ComponentChildren;
}

/** The site's name in each language. */
export const siteName = {
  en: "CS330 · Transfer & Meta-Learning",
  ko: "CS330 · 전이 학습과 메타 학습",
};
const locale = { en: "en_US", ko: "ko_KR" };
const footerText = {
  en: "Notes on Stanford CS330, Lecture 3. Widgets train in your browser.",
  ko: "스탠퍼드 CS330 3강 노트. 위젯은 브라우저에서 직접 학습한다.",
};

/** The HTML document around every page: head metadata, header, main, footer. Server-only. */
export function Page(props: PageProps) {
  const { title, description, lang, styles, url, origin, alternates = [] } = props;
  const scripts = [...(props.siteScript ? [props.siteScript] : []), ...(props.scripts ?? [])];
  const fullTitle = url === "/"
    ? title
    : url === `/${lang}/`
    ? siteName[lang]
    : `${title} · ${siteName[lang]}`;
  const indexable = props.indexable !== false;
  const other = alternates.find((a) => a.lang !== lang);
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={description} />
        {indexable
          ? <link rel="canonical" href={origin + url} />
          : <meta name="robots" content="noindex" />}
        {alternates.map((a) => (
          <link rel="alternate" hreflang={a.lang} href={origin + a.url} key={a.lang} />
        ))}
        {alternates.length > 0 && <link rel="alternate" hreflang="x-default" href={`${origin}/`} />}
        <meta property="og:type" content={props.ogType ?? "website"} />
        <meta property="og:title" content={title} />
        <meta property="og:description" content={description} />
        {indexable && <meta property="og:url" content={origin + url} />}
        <meta property="og:site_name" content={siteName[lang]} />
        <meta property="og:locale" content={locale[lang]} />
        {other && <meta property="og:locale:alternate" content={locale[other.lang]} />}
        <meta name="twitter:card" content="summary" />
        <meta name="color-scheme" content="light dark" />
        <meta name="theme-color" content="#fbfaf7" media="(prefers-color-scheme: light)" />
        <meta name="theme-color" content="#16181d" media="(prefers-color-scheme: dark)" />
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
        <link rel="manifest" href="/manifest.webmanifest" />
        <link rel="stylesheet" href={styles.site} />
        <link rel="stylesheet" href={styles.katex} />
        {(styles.fonts ?? []).map((href) => (
          <link
            rel="preload"
            href={href}
            as="font"
            type="font/woff2"
            crossorigin="anonymous"
            key={href}
          />
        ))}
        {scripts.map((src) => <script type="module" src={src} key={src} />)}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {lang === "ko" ? "본문으로 건너뛰기" : "Skip to content"}
        </a>
        {props.header !== false && <SiteHeader lang={lang} other={other} />}
        {props.children}
        <footer class="site-footer">
          <p>{footerText[lang]}</p>
        </footer>
        {props.header !== false && <SearchDialog lang={lang} />}
      </body>
    </html>
  );
}
