import * as pagefind from "pagefind";

/** Options for the Pagefind search index. */
export interface Options {
  /** Folder under the site root for the index and Pagefind's browser files. */
  outDir: string;
  /** Korean particles and endings split off words in the search-only token stream. */
  particles: string[];
}

export const defaults = {
  outDir: "pagefind",
  particles: [
    "에서는",
    "으로는",
    "에서",
    "으로",
    "에게",
    "까지",
    "부터",
    "처럼",
    "보다",
    "이나",
    "와",
    "과",
    "을",
    "를",
    "은",
    "는",
    "이",
    "가",
    "의",
    "에",
    "로",
    "도",
    "만",
  ],
} satisfies Options;

/**
 * Splits Korean particles off the words of a text ("모델을" → "모델"), so a search for the bare
 * noun finds every form of it. Words without a known particle are left out.
 * @example stems("모델을 학습한다", ["을"]) // ["모델"]
 */
export function stems(text: string, particles: string[] = defaults.particles): string[] {
  const out = new Set<string>();
  for (const word of text.match(/[\uac00-\ud7a3]+/g) ?? []) {
    const particle = particles.find((p) => word.length > p.length && word.endsWith(p));
    if (particle) out.add(word.slice(0, -particle.length));
  }
  return [...out];
}

/**
 * Indexes the built site with Pagefind after every build: one index per language (Pagefind
 * splits by `<html lang>`), written with its browser files to `/pagefind/`. Korean pages get a
 * hidden stream of particle-free word stems, so "모델" finds a page that only says "모델을".
 */
export default function search(userOptions: Partial<Options> = {}) {
  const options = { ...defaults, ...userOptions };
  // deno-lint-ignore no-explicit-any
  return (config: any) => {
    config.addTransform(
      "search-stems",
      function (this: { page: { outputPath?: string } }, html: string) {
        if (
          !this.page.outputPath?.endsWith(".html") || !html.includes('<html lang="ko"')
        ) return html;
        const body = html.match(/<article[^>]*data-pagefind-body[^>]*>([\s\S]*?)<\/article>/);
        if (!body) return html;
        const text = body[1].replace(/<[^>]+>/g, " ");
        const words = stems(text, options.particles);
        if (words.length === 0) return html;
        // Inside the indexed article but never shown: the stems only feed the search index.
        const stream = `<div class="search-stems" hidden aria-hidden="true">${
          words.join(" ")
        }</div>`;
        return html.replace(
          /(<article[^>]*data-pagefind-body[^>]*>[\s\S]*?)(<\/article>)/,
          `$1${stream}$2`,
        );
      },
    );

    config.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
      const site = directories.output.replace(/\/$/, "");
      const { index, errors } = await pagefind.createIndex({});
      if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
      try {
        const added = await index.addDirectory({ path: site });
        if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join("; ")}`);
        const written = await index.writeFiles({ outputPath: `${site}/${options.outDir}` });
        if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join("; ")}`);
      } finally {
        await pagefind.close();
      }
    });
  };
}
