import assert from "node:assert/strict";
import { createMarkdown } from "./markdown.ts";
import { renderTex } from "./markdown-it/math.ts";
import { ContentError } from "./errors.ts";

const render = (src: string, env: Record<string, unknown> = {}) =>
  createMarkdown().render(src, { page: { inputPath: "./content/en/x.md" }, ...env });

Deno.test("inline and display math become KaTeX HTML with MathML for screen readers", () => {
  const html = render("Step $\\phi = \\theta$.\n\n$$\n\\sum_i x_i\n$$\n");
  assert.match(html, /<span class="katex">.*<math/s);
  assert.match(html, /<div class="math-display"><span class="katex-display">/);
  assert.doesNotMatch(html, /\$/, "no dollar signs are left over");
});

Deno.test("a label after the closing $$ makes a numbered equation with that id", () => {
  const html = render("$$\nE = mc^2\n$$ {#eq-energy}\n\nAfter.\n");
  assert.match(html, /<div class="math-display numbered" id="eq-energy">/);
  assert.match(html, /<p>After\.<\/p>/);
});

Deno.test("labels inside code fences are left alone, so the guide can show the syntax", () => {
  const html = render("```\n$$\nx\n$$ {#eq-x}\n```\n");
  assert.match(html, /\$\$ \{#eq-x\}/);
});

Deno.test("renderTex memoises by source and display mode", () => {
  const a = renderTex("\\alpha_{memo}", false);
  assert.equal(renderTex("\\alpha_{memo}", false), a);
  assert.notEqual(renderTex("\\alpha_{memo}", true), a);
});

Deno.test("broken TeX throws a ContentError with the file and the line", () => {
  assert.throws(
    () => render("line one\n\nline three $\\frac{1}{$\n"),
    (e: unknown) =>
      e instanceof ContentError && e.file === "content/en/x.md" && e.line === 3 &&
      /KaTeX cannot render/.test(e.message),
  );
});

Deno.test("template syntax is plain text: no template language runs on Markdown", () => {
  // (A `{…}` closing a paragraph is an attribute block, so the sample text goes on after it.)
  assert.match(render("{{ x }} and {% if %} stay"), /\{\{ x \}\} and \{% if %\} stay/);
});

Deno.test("callouts take a title or a localised default; questions open on demand", () => {
  assert.match(render("::: warning Careful\nText.\n:::\n"), /callout-warning.*Careful/s);
  assert.match(render("::: tip\nText.\n:::\n", { lang: "ko" }), /<p class="callout-title">팁<\/p>/);
  const q = render("::: question Why $\\theta$?\nBecause.\n:::\n");
  assert.match(q, /<details class="self-check"><summary>.*class="katex".*<\/summary>/s);
  assert.match(q, /<p>Because\.<\/p>\n<\/div><\/details>/);
});

Deno.test("headings keep explicit ids and get anchors; footnotes work", () => {
  const html = render("## Fine-tuning {#sec-fine-tuning}\n\nText[^1].\n\n[^1]: A note.\n");
  assert.match(html, /<h2 id="sec-fine-tuning"[^>]*>.*Fine-tuning/);
  assert.match(html, /class="footnote-ref"/);
});
