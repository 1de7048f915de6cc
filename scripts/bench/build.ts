/**
 * Build benchmark: the real site cold, and 1,000 generated pages with 50 formulas each (half
 * from a shared pool of 100, half unique) through this project's pipeline and through a bare
 * Eleventy with no math, side by side. Each build runs in a fresh process, so every number is
 * a cold build.
 */

/** Options for the build benchmark. */
export interface Options {
  /** Generated pages in all (split evenly between the two languages). */
  pages: number;
  /** Formulas on each page. */
  formulas: number;
}

export const defaults = { pages: 1000, formulas: 50 } satisfies Options;

const pool = Array.from({ length: 100 }, (_, i) =>
  [
    `\\theta_{${i}} - \\alpha \\nabla_\\theta \\mathcal{L}(\\theta, \\mathcal{D}^{tr}_{${i}})`,
    `\\mathcal{H}(p(\\phi_{${i}} \\mid \\theta)) < \\mathcal{H}(p(\\phi_{${i}}))`,
    `\\sum_{j=1}^{${i + 2}} \\frac{x_j^2}{\\sigma_{${i}}}`,
    `\\mathcal{T}_{${i}} \\sim p(\\mathcal{T})`,
  ][i % 4]);

function page(n: number, lang: string, formulas: number): string {
  const lines = [
    `---`,
    `title: Page ${n}`,
    `description: Generated page ${n}.`,
    `lang: ${lang}`,
    `key: p${n}`,
    `---`,
    ``,
    `## Section {#sec-a}`,
    ``,
  ];
  for (let f = 0; f < formulas; f++) {
    const tex = f % 2 === 0
      ? pool[(n * 7 + f) % pool.length]
      : `\\min_{\\theta_{${n}}} \\sum_{i=1}^{${f}} \\mathcal{L}_i(\\theta, x^{(${n},${f})})`;
    lines.push(
      f % 10 === 9 ? `$$\n${tex}\n$$\n` : `Sentence ${f} of page ${n} uses $${tex}$ inline.\n`,
    );
  }
  return lines.join("\n");
}

async function generate(options: Options, dir: string) {
  const input = `${dir}/content`;
  for (const lang of ["en", "ko"]) await Deno.mkdir(`${input}/${lang}`, { recursive: true });
  for (let n = 0; n < options.pages / 2; n++) {
    for (const lang of ["en", "ko"]) {
      await Deno.writeTextFile(`${input}/${lang}/p${n}.md`, page(n, lang, options.formulas));
    }
  }
  return input;
}

async function timed(args: string[]): Promise<number> {
  const started = performance.now();
  const out = await new Deno.Command(Deno.execPath(), { args, stdout: "null", stderr: "piped" })
    .output();
  if (!out.success) throw new Error(new TextDecoder().decode(out.stderr));
  return (performance.now() - started) / 1000;
}

/** Runs the build benchmark and returns seconds for each build. */
export async function benchBuild(userOptions: Partial<Options> = {}) {
  const options = { ...defaults, ...userOptions };
  // Outside the project: Eleventy skips folders whose names start with a dot, such as .cache.
  const dir = await Deno.makeTempDir({ prefix: "bench-build-" });
  const site = Deno.args.includes("--skip-site")
    ? NaN
    : await timed(["run", "-A", "scripts/build.ts", `--output=${dir}/site`]);
  const input = await generate(options, dir);
  const bare = await timed(["run", "-A", "scripts/bench/bare.ts", input, `${dir}/bare`]);
  const args = ["run", "-A", "scripts/build.ts", `--input=${input}`, `--output=${dir}/ours`];
  const ours = await timed(args);
  // The same build without precompression, which a deploy needs but a render does not.
  const oursNoCompress = await timed([...args, "--no-compress"]);
  await Deno.remove(dir, { recursive: true });
  return {
    site,
    bare,
    ours,
    oursNoCompress,
    ratio: ours / bare,
    pages: options.pages,
    formulas: options.formulas,
  };
}

if (import.meta.main) {
  const r = await benchBuild();
  console.log(`site build (cold, own process):         ${r.site.toFixed(2)} s`);
  console.log(`${r.pages} pages × ${r.formulas} formulas, bare Eleventy: ${r.bare.toFixed(2)} s`);
  console.log(`${r.pages} pages × ${r.formulas} formulas, this site:     ${r.ours.toFixed(2)} s`);
  console.log(`  … without precompression:               ${r.oursNoCompress.toFixed(2)} s`);
  console.log(
    `ratio (goal ≤ 1.5): ${r.ratio.toFixed(2)}×, without precompression ${
      (r.oursNoCompress / r.bare).toFixed(2)
    }×`,
  );
}
