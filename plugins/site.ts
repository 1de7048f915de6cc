import { h } from "preact";
import { renderToString } from "preact-render-to-string";
import { bundleSite } from "./bundle.ts";
import { RootPage } from "../components/RootPage.tsx";
import { NotFound } from "../components/NotFound.tsx";
import { coursePages } from "../components/course.ts";
import type { CoursePage } from "../components/course.ts";

/** Options for the site-wide pages and files. */
export interface Options {
  /** Public origin for canonical URLs, Open Graph and the sitemap (no trailing slash). */
  origin: string;
  /** The site script's entry: theme toggle, contents highlight, search, previews. */
  script: string;
  /** URL folder the site script is written to. */
  outDir: string;
  /** Accent colour of the manifest and the browser chrome. */
  themeColor: string;
}

export const defaults = {
  origin: Deno.env.get("SITE_ORIGIN") ?? "https://cs330-lecture-3.deno.dev",
  script: "islands/_site.ts",
  outDir: "_islands",
  themeColor: "#1d4f91",
} satisfies Options;

type Data = Record<string, unknown> & { styles: { site: string; katex: string } };
const hidden = { layout: false, eleventyExcludeFromCollections: true };

/** The favicon: a shared θ above two task-specific φ, the lecture's graphical model. */
export const icon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
<rect width="64" height="64" rx="14" fill="#1d4f91"/>
<path d="M32 19 19 45M32 19l13 26" stroke="#f3b562" stroke-width="4" stroke-linecap="round"/>
<circle cx="32" cy="18" r="8.5" fill="#fbfaf7"/>
<circle cx="18" cy="46" r="6.5" fill="#f3b562"/>
<circle cx="46" cy="46" r="6.5" fill="#f3b562"/>
</svg>
`;

/** sitemap.xml: every page with its language versions, so search engines pair them. */
export function sitemap(pages: CoursePage[], origin: string): string {
  const urls = pages.map((p) => {
    const versions = pages.filter((q) => q.key === p.key);
    const links = versions.map((q) =>
      `    <xhtml:link rel="alternate" hreflang="${q.lang}" href="${origin}${q.url}"/>\n`
    ).join("");
    return `  <url>\n    <loc>${origin}${p.url}</loc>\n${links}  </url>\n`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>\n` +
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" ` +
    `xmlns:xhtml="http://www.w3.org/1999/xhtml">\n` +
    `  <url>\n    <loc>${origin}/</loc>\n  </url>\n${urls.join("")}</urlset>\n`;
}

/**
 * Site-wide pieces: the site script (bundled, hashed, exposed to layouts as `site.script`), the
 * root language chooser, the bilingual 404 page, sitemap.xml, robots.txt, the web manifest and
 * the favicon.
 */
export default function site(userOptions: Partial<Options> = {}) {
  const options = { ...defaults, ...userOptions };
  // deno-lint-ignore no-explicit-any
  return async (config: any) => {
    const script = await bundleSite(options.script);
    const scriptUrl = `/${options.outDir}/${script.path}`;
    config.addGlobalData("site", { origin: options.origin, script: scriptUrl });

    const page = (permalink: string, render: (data: Data) => string) =>
      [
        render,
        { ...hidden, permalink },
      ] as const;
    const templates = {
      "_virtual/root.11ty.js": page(
        "/index.html",
        (data) =>
          "<!doctype html>" + renderToString(h(RootPage, {
            styles: data.styles,
            origin: options.origin,
            siteScript: scriptUrl,
            homes: coursePages(data.collections).filter((p) => p.url === `/${p.lang}/`),
          })),
      ),
      "_virtual/404.11ty.js": page(
        "/404.html",
        (data) =>
          "<!doctype html>" + renderToString(h(NotFound, {
            styles: data.styles,
            origin: options.origin,
            siteScript: scriptUrl,
          })),
      ),
      "_virtual/sitemap.11ty.js": page(
        "/sitemap.xml",
        (data) => sitemap(coursePages(data.collections), options.origin),
      ),
      "_virtual/robots.11ty.js": page(
        "/robots.txt",
        () => `User-agent: *\nAllow: /\nSitemap: ${options.origin}/sitemap.xml\n`,
      ),
      "_virtual/icon.11ty.js": page("/icon.svg", () => icon),
      "_virtual/manifest.11ty.js": page("/manifest.webmanifest", () =>
        JSON.stringify(
          {
            name: "CS330 Lecture 3: Transfer & Meta-Learning",
            short_name: "CS330 L3",
            start_url: "/",
            display: "minimal-ui",
            background_color: "#fbfaf7",
            theme_color: options.themeColor,
            icons: [{ src: "/icon.svg", sizes: "any", type: "image/svg+xml" }],
          },
          null,
          2,
        )),
    };
    for (const [path, [render, data]] of Object.entries(templates)) {
      config.addTemplate(path, render, data);
    }

    config.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
      const out = `${directories.output.replace(/\/$/, "")}/${options.outDir}`;
      await Deno.mkdir(out, { recursive: true });
      await Deno.writeFile(`${out}/${script.path}`, script.contents);
    });
  };
}
