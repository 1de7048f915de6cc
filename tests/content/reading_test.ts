/**
 * Reading features in Markdown: numbered figures, equations and sections, cross-references,
 * citations with a bibliography, glossary terms, and the errors authors get for each mistake.
 */
import assert from "node:assert/strict";
import { createMarkdown } from "../../plugins/markdown.ts";
import { ContentError } from "../../plugins/errors.ts";
import { loadReferences } from "../../plugins/markdown-it/citations.ts";
import { checkCounterparts, checkFrontMatter, markdownFiles } from "../../plugins/schema.ts";

const dir = "tests/fixtures/reading";
const md = createMarkdown();

/** Renders a fixture's body the way Eleventy does: page data as the environment. */
function render(name: string): string {
  const path = `${dir}/${name}`;
  const text = Deno.readTextFileSync(path);
  const lang = text.match(/^lang: (\w+)$/m)?.[1];
  const body = text.replace(/^---\n[\s\S]*?\n---\n/, "");
  return md.render(body, { page: { inputPath: `./${path}` }, lang });
}

/** The ContentError a render throws. */
function renderError(name: string): ContentError {
  try {
    render(name);
  } catch (error) {
    assert.ok(error instanceof ContentError, `expected a ContentError, got ${error}`);
    return error;
  }
  assert.fail(`${name} rendered without an error`);
}

const links = (html: string) =>
  [...html.matchAll(/<a class="xref xref-\w+" href="#([\w-]+)">([^<]+)<\/a>/g)].map((m) =>
    `${m[1]}=${m[2]}`
  );

Deno.test("figures, equations and sections are numbered in order, references link", () => {
  const html = render("numbering.md");
  assert.deepEqual(links(html), [
    "fig-second=Figure 2",
    "eq-loss=Equation (1)",
    "sec-later=Section 2",
    "fig-first=Figure 1",
    "eq-two=Equation (2)",
    "sec-first=Section 1",
    "sec-sub=Section 1.1",
    "eq-loss=Equation (1)",
  ]);
  // Every link has its target on the page.
  for (const id of ["fig-first", "fig-second", "eq-loss", "eq-two", "sec-first", "sec-later"]) {
    assert.match(html, new RegExp(`id="${id}"`));
  }
  assert.match(html, /<figure class="figure" id="fig-first">/);
  assert.match(html, /<figcaption><span class="figure-label">Figure 1\.<\/span> The first caption/);
  // Only the last paragraph of a figure is its caption.
  assert.match(html, /<p>Some text above the caption\.<\/p>\s*<figcaption>/);
  assert.match(html, /id="eq-loss">.*<span class="eq-number">\(1\)<\/span>/s);
  // Unlabelled display math stays unnumbered.
  assert.equal(html.match(/class="math-display numbered"/g)?.length, 2);
  assert.match(html, /<h2 id="sec-later"[^>]*><span class="sec-number">2<\/span> Later/);
  assert.match(html, /someone@example\.com/);
});

Deno.test("titles rendered apart (self-check questions) resolve references and cite", () => {
  const html = render("numbering.md");
  assert.match(
    html,
    /<summary>.*Why does <a class="xref xref-eq" href="#eq-loss">Equation \(1\)<\/a>/,
  );
  assert.match(html, /<li id="ref-snell2017" class="reference">/);
  // The footnotes section appears once, not again under every callout title.
  assert.equal(html.match(/<section class="footnotes">/g)?.length, 1);
});

Deno.test("Korean pages read 그림 N, 식 (N), N절", () => {
  const html = render("korean.md");
  assert.deepEqual(links(html), ["fig-a=그림 1", "eq-a=식 (1)", "sec-a=1절"]);
  assert.match(html, /<span class="figure-label">그림 1\.<\/span>/);
  assert.match(html, /<h2 id="references">참고문헌<\/h2>/);
  assert.match(html, /미세 조정\(fine-tuning\)은/, "the definition is in Korean");
});

Deno.test("citations link to a bibliography of the works cited, in author order", () => {
  const html = render("numbering.md");
  assert.match(
    html,
    /<span class="citation">\(<a class="cite" href="#ref-kumar2022"[^>]*>Kumar et al\., 2022<\/a>; <a class="cite" href="#ref-howard2018"[^>]*>Howard &amp; Ruder, 2018<\/a>\)<\/span>/,
  );
  assert.match(html, /<a class="cite" href="#ref-huh2016"[^>]*>Huh et al\. \(2016\)<\/a>/);
  const entries = [...html.matchAll(/<li id="ref-(\w+)" class="reference">/g)].map((m) => m[1]);
  assert.deepEqual(entries, ["finn2017", "howard2018", "huh2016", "kumar2022", "snell2017"]);
  assert.match(html, /<h2 id="references">References<\/h2>/);
  assert.match(html, /Kumar, A\., Raghunathan, A\./, "full APA-like entries");
  // An entry without a DOI links its arXiv id, which the BibTeX parser alone would drop.
  assert.match(html, /id="ref-huh2016".*<a href="https:\/\/arxiv\.org\/abs\/1608\.08614">/);
});

Deno.test("works whose in-text forms collide get years 2017a and 2017b, in text and list", () => {
  const cacheDir = Deno.makeTempDirSync();
  try {
    const refs = loadReferences(`${dir}/same-year.bib`, "apa", cacheDir);
    assert.equal(refs.get("zeta2017")!.year, "2017a");
    assert.equal(refs.get("alpha2017")!.year, "2017b");
    assert.equal(refs.get("solo2017")!.year, "2017");
    assert.match(refs.get("alpha2017")!.html, /Abbeel, P\. \(2017b\)\. Alpha paper/);
    assert.equal(refs.get("zeta2017")!.authors, "Finn et al.");
  } finally {
    Deno.removeSync(cacheDir, { recursive: true });
  }
});

Deno.test("glossary terms carry their definition; the first use is the <dfn>", () => {
  const html = render("numbering.md");
  const terms = [...html.matchAll(/<(dfn|span) class="term"[^>]*data-term="support-set"/g)];
  assert.deepEqual(terms.map((m) => m[1]), ["dfn", "span"]);
  assert.equal(html.match(/id="def-support-set"/g)?.length, 1);
  assert.match(html, /aria-describedby="def-support-set"/);
  assert.match(html, /<span class="term-def" id="def-support-set" hidden[^>]*>The few labelled/);
});

Deno.test("a dangling cross-reference fails with file:line and the nearest label", () => {
  const error = renderError("dangling-ref.md");
  assert.equal(error.file, `${dir}/dangling-ref.md`);
  assert.equal(error.line, 12);
  assert.match(
    error.message,
    /^tests\/fixtures\/reading\/dangling-ref\.md:12: unknown cross-reference @fig-pmg \(did you mean @fig-pgm\?\)/,
  );
});

Deno.test("a dangling reference in a question title names the title's line", () => {
  const error = renderError("dangling-title.md");
  assert.equal(error.line, 12);
  assert.match(error.message, /unknown cross-reference @eq-los \(did you mean @eq-loss\?\)/);
});

Deno.test("a label used twice and a figure without an id fail with file:line", () => {
  const twice = renderError("duplicate-label.md");
  assert.equal(twice.line, 14);
  assert.match(twice.message, /"#eq-same" is used twice on this page/);
  const noId = renderError("figure-without-id.md");
  assert.equal(noId.line, 10);
  assert.match(noId.message, /a figure needs an id/);
});

Deno.test("a citation key missing from the references fails with file:line and the closest key", () => {
  const error = renderError("missing-cite.md");
  assert.equal(error.line, 9);
  assert.match(
    error.message,
    /missing-cite\.md:9: citation key "@kumar2021" .*closest: "kumar2022"/,
  );
});

Deno.test("an unknown glossary key fails with file:line", () => {
  const error = renderError("unknown-term.md");
  assert.equal(error.line, 10);
  assert.match(
    error.message,
    /unknown-term\.md:10: unknown glossary key "suport-set" \(did you mean "support-set"\?\)/,
  );
});

Deno.test("a page without its counterpart in the other language fails", () => {
  const pages = markdownFiles(`${dir}/unpaired`).map((path) =>
    checkFrontMatter(path, Deno.readTextFileSync(path))
  );
  assert.equal(pages.length, 3);
  assert.throws(
    () => checkCounterparts(pages, ["en", "ko"]),
    (error: unknown) =>
      error instanceof ContentError && error.file.endsWith("unpaired/en/lonely.md") &&
      /page "lonely" has no ko counterpart/.test(error.message),
  );
  // With the lonely page gone, the pair passes.
  checkCounterparts(pages.filter((p) => p.data.key !== "lonely"), ["en", "ko"]);
});
