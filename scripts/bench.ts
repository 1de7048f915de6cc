/**
 * `deno task bench`: every benchmark, one after another, each in its own process so none warms
 * up another. Pass names to run only some: `deno task bench build ml`.
 *
 *   build       cold builds: the site, and 1,000 math pages vs a bare Eleventy
 *   weight      JavaScript and CSS bytes (gzipped) each page loads before interaction
 *   ml          MAML meta-training throughput under Deno (WASM, CPU), vectorized vs per-task loop
 *   webgl       the same in Chromium on WebGL
 *   lighthouse  Lighthouse scores of the home, lecture and widget pages
 */
const benches: Record<string, string> = {
  build: "scripts/bench/build.ts",
  weight: "scripts/bench/weight.ts",
  ml: "scripts/bench/ml.ts",
  webgl: "scripts/bench/webgl.ts",
  lighthouse: "scripts/bench/lighthouse.ts",
};

const chosen = Deno.args.length ? Deno.args : Object.keys(benches);
let failed = 0;
for (const name of chosen) {
  const file = benches[name];
  if (!file) {
    console.error(`unknown bench "${name}"; choose from: ${Object.keys(benches).join(", ")}`);
    Deno.exit(2);
  }
  console.log(`\n== ${name} (${file}) ==`);
  const { success } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", file],
    stdout: "inherit",
    stderr: "inherit",
  }).output();
  if (!success) {
    failed++;
    console.error(`bench ${name} failed`);
  }
}
Deno.exit(failed ? 1 : 0);
