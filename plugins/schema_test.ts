import assert from "node:assert/strict";
import { checkCounterparts, checkFrontMatter } from "./schema.ts";
import { ContentError } from "./errors.ts";

const page = (fields: string) => `---\n${fields}\n---\n\nBody.\n`;
const valid = "title: T\ndescription: D\nlang: en\nkey: k";

Deno.test("valid front matter parses, with kind defaulting to page", () => {
  const meta = checkFrontMatter("content/en/a.md", page(valid));
  assert.equal(meta.data.title, "T");
  assert.equal(meta.data.kind, "page");
});

const fails = (text: string, line: number, pattern: RegExp, path = "content/en/a.md") =>
  assert.throws(() => checkFrontMatter(path, text), (e: unknown) => {
    assert.ok(e instanceof ContentError);
    assert.equal(e.line, line, e.message);
    assert.match(e.message, pattern);
    return true;
  });

Deno.test("each front-matter mistake names its line and field", () => {
  fails("No front matter.\n", 1, /missing front matter/);
  fails(page("title: [x\ndescription: D"), 3, /malformed YAML/);
  fails(page("description: D\nlang: en\nkey: k"), 1, /"title": is required/);
  fails(page(valid.replace("lang: en", "lang: de")), 4, /"lang"/);
  fails(page(valid + "\nauthor: me"), 6, /unknown front-matter field "author"/);
  fails(page(valid.replace("key: k", "key: Not Ok")), 5, /"key": use lowercase/);
  fails(page(valid), 4, /lang is "en" but the page is in ko\//, "content/ko/a.md");
  fails(page(valid + "\nlayout: missing.tsx"), 6, /layout "missing.tsx" does not exist/);
});

Deno.test("every page needs a counterpart in each language, and keys are unique", () => {
  const en = checkFrontMatter("content/en/a.md", page(valid));
  const ko = checkFrontMatter("content/ko/a.md", page(valid.replace("lang: en", "lang: ko")));
  checkCounterparts([en, ko], ["en", "ko"]);
  assert.throws(() => checkCounterparts([en], ["en", "ko"]), /page "k" has no ko counterpart/);
  assert.throws(() => checkCounterparts([en, en], ["en", "ko"]), /key "k" is used twice in en/);
});
