import { Page } from "../../components/Page.tsx";
import { headingsOf, Toc } from "../../components/Toc.tsx";
import { PrevNext } from "../../components/PrevNext.tsx";
import { CourseIndex } from "../../components/CourseIndex.tsx";
import { counterpart, coursePages, neighbours } from "../../components/course.ts";

const kindLabel = {
  en: { lecture: "Lecture notes", demo: "Demo", guide: "Guide", page: "" },
  ko: { lecture: "강의 노트", demo: "데모", guide: "안내", page: "" },
};

/**
 * The default layout: the Markdown page inside the site shell, with its table of contents,
 * previous/next links, and on a language's home page the course index.
 */
export default function Base(data: Record<string, unknown>) {
  const content = String(data.content ?? "");
  const lang = data.lang === "ko" ? "ko" : "en";
  const url = String((data.page as { url?: string })?.url ?? "/");
  const kind = (data.kind ?? "page") as keyof typeof kindLabel.en;
  const site = data.site as { origin: string; script: string };
  const assets = data.islandAssets as { loader: string };
  const pages = coursePages(data.collections);
  // Eleventy does not hand `key` to layouts, so the page finds itself in the collection.
  const key = String(data.key ?? pages.find((p) => p.url === url)?.key ?? "");
  const alternates = (["en", "ko"] as const)
    .map((l) => counterpart(pages, key, l))
    .filter((p) => p !== undefined)
    .map((p) => ({ lang: p.lang, url: p.url }));
  const headings = headingsOf(content);
  const isHome = url === `/${lang}/`;
  const { prev, next } = neighbours(pages, key, lang);
  const hasToc = headings.length >= 2;
  return (
    <Page
      title={String(data.title)}
      description={String(data.description)}
      lang={lang}
      styles={data.styles as { site: string; katex: string }}
      url={url}
      origin={site.origin}
      alternates={alternates}
      siteScript={site.script}
      scripts={content.includes('data-island="') ? [assets.loader] : []}
      ogType={kind === "lecture" || kind === "demo" ? "article" : "website"}
    >
      <div class={hasToc ? "layout has-toc" : "layout"}>
        {hasToc && <Toc headings={headings} lang={lang} />}
        <main id="main" class="main">
          <article class={`prose kind-${kind}`} data-pagefind-body>
            <header class="page-header">
              {kindLabel[lang][kind] && <p class="kicker">{kindLabel[lang][kind]}</p>}
              <h1>{String(data.title)}</h1>
              {!isHome && <p class="lede">{String(data.description)}</p>}
            </header>
            <div class="content" dangerouslySetInnerHTML={{ __html: content }} />
            {isHome && <CourseIndex pages={pages} lang={lang} />}
          </article>
          <PrevNext prev={prev} next={next} lang={lang} />
        </main>
      </div>
    </Page>
  );
}
