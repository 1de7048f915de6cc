import { Page } from "../../components/Page.tsx";

/** The default layout: the Markdown page inside the site shell. */
export default function Base(data: Record<string, unknown>) {
  const content = String(data.content ?? "");
  const assets = data.islandAssets as { loader: string };
  const hasIslands = content.includes('data-island="');
  return (
    <Page
      title={String(data.title)}
      description={String(data.description)}
      lang={data.lang === "ko" ? "ko" : "en"}
      styles={data.styles as { site: string; katex: string }}
      scripts={hasIslands ? [assets.loader] : []}
    >
      <article class="prose">
        <h1>{String(data.title)}</h1>
        <div dangerouslySetInnerHTML={{ __html: content }} />
      </article>
    </Page>
  );
}
