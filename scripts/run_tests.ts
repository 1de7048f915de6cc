/**
 * `deno task test`: makes sure Chromium is there (installing Debian's package where it can),
 * builds the site, then runs every test — unit, content and browser — with `deno test`.
 * Extra arguments go to `deno test` (e.g. `deno task test tests/browser/`).
 * (Not named test.ts: `deno test` would take a file of that name for a test module and rerun
 * the whole suite inside itself.)
 */
import { ensureChromium } from "./chromium.ts";
import { build } from "./build.ts";

const chrome = await ensureChromium();
console.error(`Chromium: ${chrome}`);
const built = await build();
if (!built.ok) {
  console.error(`The site does not build, so the tests cannot run:\n${built.message}`);
  Deno.exit(1);
}
console.error(`Built ${built.pages} pages in ${(built.ms / 1000).toFixed(1)} s.`);

const args = Deno.args.length ? Deno.args : ["."];
const child = new Deno.Command(Deno.execPath(), {
  args: ["test", "-A", "--no-check=remote", ...args],
  env: { CHROME_PATH: chrome },
  stdout: "piped",
  stderr: "inherit",
}).spawn();

// Pass the output through as it comes, keeping its tail for the one-line summary below.
let tail = "";
const decoder = new TextDecoder();
for await (const chunk of child.stdout) {
  await Deno.stdout.write(chunk);
  tail = (tail + decoder.decode(chunk, { stream: true })).slice(-4096);
}
const { code } = await child.status;
// deno test closes with "ok | 158 passed (61 steps) | 0 failed (1m13s)"; say it plainly too.
// deno-lint-ignore no-control-regex -- ANSI colour codes start with the ESC control character
const plain = tail.replace(/\x1b\[[0-9;]*m/g, "");
const summary = [...plain.matchAll(/(\d+) passed(?: \(\d+ steps?\))? \| (\d+) failed/g)].at(-1);
if (summary) console.log(`\ntests: ${summary[1]} passed, ${summary[2]} failed`);
Deno.exit(code);
