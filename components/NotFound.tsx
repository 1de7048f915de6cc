import { Page } from "./Page.tsx";

interface Props {
  styles: { site: string; katex: string };
  origin: string;
  siteScript?: string;
}

/** The 404 page, in both languages at once: the server cannot know which one the reader reads. */
export function NotFound({ styles, origin, siteScript }: Props) {
  return (
    <Page
      title="Page not found · 페이지를 찾을 수 없습니다"
      description="This page does not exist. 이 페이지는 없습니다."
      lang="en"
      styles={styles}
      url="/404.html"
      origin={origin}
      siteScript={siteScript}
      header={false}
      indexable={false}
    >
      <main id="main" class="not-found">
        <section>
          <h1>Page not found</h1>
          <p>
            The page you asked for does not exist, or it moved. Start again from the{" "}
            <a href="/en/">course notes in English</a>.
          </p>
        </section>
        <section lang="ko">
          <h2>페이지를 찾을 수 없습니다</h2>
          <p>
            찾는 페이지가 없거나 주소가 바뀌었습니다.{" "}
            <a href="/ko/">한국어 강의 노트</a>에서 다시 시작해 보세요.
          </p>
        </section>
      </main>
    </Page>
  );
}
