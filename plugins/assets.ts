import { createHash } from "node:crypto";

/** Options for static files and stylesheets. */
export interface Options {
  /** Folder copied as is to the site root. */
  static: string;
  /** Stylesheets concatenated, in order, into one content-hashed file. */
  styles: string[];
  /** Where KaTeX's CSS and fonts come from (the npm package, never a CDN). */
  katex: string;
  /** Folder under the site root for hashed assets. */
  outDir: string;
  /** KaTeX fonts nearly every formula uses: preloaded, so math never reflows when they arrive. */
  preloadFonts: string[];
}

export const defaults = {
  static: "static",
  styles: ["styles/site.css", "styles/widgets.css"],
  katex: "node_modules/katex/dist",
  outDir: "assets",
  preloadFonts: ["KaTeX_Main-Regular", "KaTeX_Math-Italic"],
} satisfies Options;

const hash = (bytes: Uint8Array | string) =>
  createHash("sha256").update(bytes).digest("hex").slice(0, 10);

/**
 * Copies `static/` through, writes the site stylesheet and KaTeX's stylesheet under hashed names
 * (so they can be cached forever) with KaTeX's woff2 fonts, and exposes the URLs to layouts.
 */
export default function assets(userOptions: Partial<Options> = {}) {
  const options = { ...defaults, ...userOptions };
  // deno-lint-ignore no-explicit-any
  return (config: any) => {
    config.addPassthroughCopy({ [options.static]: "/" });

    const site = options.styles.map((p) => Deno.readTextFileSync(p)).join("\n");
    const katexCss = Deno.readTextFileSync(`${options.katex}/katex.min.css`)
      // Every browser this site supports reads woff2, so the older formats are never fetched.
      .replace(/,url\(fonts\/[^)]+\.woff\) format\("woff"\)/g, "")
      .replace(/,url\(fonts\/[^)]+\.ttf\) format\("truetype"\)/g, "");
    const fontDir = `katex-fonts-${hash(katexCss)}`;
    const katexOut = katexCss.replaceAll("url(fonts/", `url(${fontDir}/`);
    const files = {
      [`site-${hash(site)}.css`]: site,
      [`katex-${hash(katexOut)}.css`]: katexOut,
    };
    const [siteName, katexName] = Object.keys(files);
    config.addGlobalData("styles", {
      site: `/${options.outDir}/${siteName}`,
      katex: `/${options.outDir}/${katexName}`,
      fonts: options.preloadFonts.map((f) => `/${options.outDir}/${fontDir}/${f}.woff2`),
    });

    config.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
      const out = `${directories.output.replace(/\/$/, "")}/${options.outDir}`;
      await Deno.mkdir(`${out}/${fontDir}`, { recursive: true });
      for (const [name, text] of Object.entries(files)) {
        await Deno.writeTextFile(`${out}/${name}`, text);
      }
      for (const entry of Deno.readDirSync(`${options.katex}/fonts`)) {
        if (entry.name.endsWith(".woff2")) {
          await Deno.copyFile(
            `${options.katex}/fonts/${entry.name}`,
            `${out}/${fontDir}/${entry.name}`,
          );
        }
      }
    });
  };
}
