import assert from "node:assert/strict";
import { h } from "preact";
import { renderToString } from "preact-render-to-string";
import GraphicalModel from "./GraphicalModel.tsx";
import MetaEpisodes from "./MetaEpisodes.tsx";
import Translation from "./Translation.tsx";
import type { Lang } from "./svg.tsx";

const diagrams = { GraphicalModel, Translation, MetaEpisodes };
const langs: Lang[] = ["en", "ko"];
const hangul = /[\uac00-\ud7a3]/;

function render(name: keyof typeof diagrams, lang: Lang): string {
  return renderToString(h(diagrams[name], { lang }));
}

/** Checks that the markup is well-formed XML: quoted attributes, escaped text, balanced tags. */
function assertWellFormed(svg: string): void {
  const stack: string[] = [];
  const tag = /<[^>]*>/g;
  let last = 0;
  for (const match of svg.matchAll(tag)) {
    const between = svg.slice(last, match.index);
    assert.doesNotMatch(between, /[<>]|&(?!(?:amp|lt|gt|quot|#\d+);)/, `raw text: ${between}`);
    last = match.index + match[0].length;
    const token = match[0];
    assert.match(
      token,
      /^<\/?[a-zA-Z][\w:-]*(\s+[\w:-]+="[^"<]*")*\s*\/?>$/,
      `malformed tag: ${token}`,
    );
    const name = token.match(/^<\/?([\w:-]+)/)![1];
    if (token.startsWith("</")) assert.equal(stack.pop(), name, `unbalanced </${name}>`);
    else if (!token.endsWith("/>")) stack.push(name);
  }
  assert.deepEqual(stack, [], "unclosed tags");
  assert.equal(svg.slice(last), "", "text after the root element");
}

/** Every colour the markup names, from attributes and from inline styles. */
function colours(svg: string): string[] {
  const found: string[] = [];
  for (const m of svg.matchAll(/\s(fill|stroke)="([^"]*)"/g)) found.push(m[2]);
  for (const m of svg.matchAll(/style="([^"]*)"/g)) {
    for (const d of m[1].matchAll(/(?:^|;)\s*(fill|stroke|color)\s*:\s*([^;]+)/g)) {
      found.push(d[2].trim());
    }
  }
  return found;
}

/** Prose shown inside `<text>` elements (italic maths symbols left out), tspans flattened. */
function labels(svg: string): string[] {
  return [...svg.matchAll(/<text([^>]*)>(.*?)<\/text>/g)]
    .filter((m) => !m[1].includes('font-style="italic"'))
    .map((m) => m[2].replace(/<[^>]+>/g, ""));
}

for (const name of Object.keys(diagrams) as (keyof typeof diagrams)[]) {
  for (const lang of langs) {
    Deno.test(`${name} (${lang}) renders a well-formed, accessible svg`, () => {
      const svg = render(name, lang);
      assertWellFormed(svg);
      assert.match(svg, /^<svg [^>]*viewBox="0 0 \d+ \d+"/);
      assert.match(svg, /^<svg [^>]*role="img"/);
      assert.match(svg, /^<svg [^>]*width="100%"/);
      assert.match(svg, /^<svg [^>]*style="[^"]*height:\s*auto/);
      const title = svg.match(/^<svg[^>]*><title>([^<]+)<\/title><desc>([^<]+)<\/desc>/);
      assert.ok(title, "title and desc must come first");
      assert.ok(title[1].length > 10 && title[2].length > 60, "title and desc say something");
      assert.equal(hangul.test(title[1]) && hangul.test(title[2]), lang === "ko");
    });

    Deno.test(`${name} (${lang}) uses only currentColor and custom properties`, () => {
      const used = colours(render(name, lang));
      assert.ok(used.length > 5);
      for (const value of used) {
        assert.match(
          value,
          /^(none|currentColor|var\(--[\w-]+(, *(currentColor|none))?\))$/,
          value,
        );
      }
    });

    Deno.test(`${name} (${lang}) keeps every label at 11 px or more in a 360 px phone's column`, () => {
      const svg = render(name, lang);
      const viewBoxWidth = Number(svg.match(/viewBox="0 0 (\d+) \d+"/)![1]);
      // A 360 px screen leaves about 328 px for the text column once the page margins are taken.
      const scale = 328 / viewBoxWidth;
      const sizes = [...svg.matchAll(/<text[^>]*font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
      assert.ok(sizes.length > 5);
      for (const size of sizes) assert.ok(size * scale >= 11, `font-size ${size} is too small`);
    });

    Deno.test(`${name} (${lang}) declares no element ids, so copies on one page cannot clash`, () => {
      assert.doesNotMatch(render(name, lang), /\sid="/);
    });
  }

  Deno.test(`${name} labels are translated`, () => {
    const en = labels(render(name, "en"));
    const ko = labels(render(name, "ko"));
    assert.equal(en.length, ko.length, "both languages draw the same labels");
    assert.ok(ko.some((label) => hangul.test(label)));
    assert.ok(!en.some((label) => hangul.test(label)));
    // English words left in a Korean diagram are missed translations; "N-way K-shot" is a term.
    const allowed = new Set(["way", "shot"]);
    for (const label of ko) {
      for (const word of label.match(/[A-Za-z]{3,}/g) ?? []) {
        assert.ok(allowed.has(word), `untranslated "${word}" in "${label}"`);
      }
    }
  });
}
