import * as pagefind from "pagefind";

/** Options for the Pagefind search index. */
export interface Options {
  /** Folder under the site root for the index and Pagefind's browser files. */
  outDir: string;
  /** Elements left out of the index: KaTeX's MathML copy would double every formula. */
  excludeSelectors: string[];
}

export const defaults = {
  outDir: "pagefind",
  excludeSelectors: [".katex-mathml"],
} satisfies Options;

/**
 * Indexes the built site with Pagefind after every build: one index per language (Pagefind
 * splits by `<html lang>`), written with its browser files to `/pagefind/`. Only the article
 * (`data-pagefind-body`) is indexed. Pagefind matches word prefixes, so "모델" already finds
 * "모델을" and "모델은" without splitting off Korean particles (the browser tests check it).
 */
export default function search(userOptions: Partial<Options> = {}) {
  const options = { ...defaults, ...userOptions };
  // deno-lint-ignore no-explicit-any
  return (config: any) => {
    config.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
      const site = directories.output.replace(/\/$/, "");
      const { index, errors } = await pagefind.createIndex({
        excludeSelectors: options.excludeSelectors,
      });
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
