// Every kind of authoring mistake makes the build fail with file, line and a hint, and leaves
// the previous output untouched.
import assert from "node:assert/strict";
import { build } from "../../scripts/build.ts";

const fixtures = "tests/fixtures/content";

async function buildOver(name: string) {
  const output = await Deno.makeTempDir({ prefix: "site-" });
  await Deno.writeTextFile(`${output}/last-good.txt`, "the previous build");
  const result = await build({ input: `${fixtures}/${name}`, output });
  const survived = await Deno.readTextFile(`${output}/last-good.txt`).catch(() => null);
  await Deno.remove(output, { recursive: true });
  return { result, survived };
}

const cases: [name: string, where: string, pattern: RegExp][] = [
  ["bad-yaml", "en/page.md:4", /malformed YAML front matter/],
  ["missing-title", "en/page.md:1", /front-matter field "title": is required/],
  ["wrong-lang", "en/page.md:4", /front-matter field "lang".*"en"\|"ko"|front-matter field "lang"/],
  ["missing-layout", "en/page.md:6", /layout "nope.tsx" does not exist/],
  ["broken-tex", "en/page.md:10", /KaTeX cannot render \$\\frac\{1\}\{\$/],
  ["unknown-island", "en/page.md:10", /unknown island "Countr" \(did you mean "Counter"\?\)/],
  ["invalid-props", "en/page.md:11", /island Counter: invalid prop "start"/],
  ["missing-counterpart", "en/page.md:1", /page "lonely" has no ko counterpart/],
];

for (const [name, where, pattern] of cases) {
  Deno.test(`build fails clearly on ${name}, keeping the last good output`, async () => {
    const { result, survived } = await buildOver(name);
    assert.equal(result.ok, false, "the build should fail");
    if (result.ok) return;
    const first = result.message.split("\n")[0];
    assert.ok(first.startsWith(`${fixtures}/${name}/${where}: `), `names file and line: ${first}`);
    assert.match(result.message, pattern);
    assert.match(result.message, /hint: /, "tells the author what to do");
    assert.equal(survived, "the previous build", "the previous output is untouched");
  });
}

Deno.test("a valid page builds: KaTeX HTML, TeX-like text kept, callout, island with JSON props", async () => {
  const output = await Deno.makeTempDir({ prefix: "site-" });
  try {
    const result = await build({ input: `${fixtures}/good`, output });
    assert.ok(result.ok, result.ok ? "" : result.message);
    const html = await Deno.readTextFile(`${output}/en/page/index.html`);
    assert.match(html, /<span class="katex">/);
    assert.match(html, /<span class="katex-display">/);
    assert.match(html, /\{\{ not_a_variable \}\} and \{% raw %\}/, "no template language ran");
    assert.match(html, /<aside class="callout callout-note">/);
    assert.match(html, /data-island="Counter" data-props="island-1"/);
    assert.match(
      html,
      /<script type="application\/json" id="island-1">\{"start":3,"lang":"en"\}<\/script>/,
    );
    assert.match(html, /<script type="module" src="\/_islands\/loader-\w+\.js"><\/script>/);
    assert.doesNotMatch(html, /katex(\.min)?\.js/, "no KaTeX JavaScript is shipped");
  } finally {
    await Deno.remove(output, { recursive: true });
  }
});
