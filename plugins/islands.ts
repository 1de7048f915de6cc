import type MarkdownIt from "markdown-it";
import { h } from "preact";
import type { ComponentType } from "preact";
import { renderToString } from "preact-render-to-string";
import yaml from "js-yaml";
import { closest, distance } from "fastest-levenshtein";
import { ContentError, frontMatterLines, relativePath } from "./errors.ts";
import type { Env, Token } from "./markdown-it/types.ts";
import { bundleIslands } from "./bundle.ts";

/** Options for islands and diagrams embedded in Markdown. */
export interface Options {
  /** Folder of hydrated widgets: one `Name.tsx` each, exporting a component and its `schema`. */
  islands: string;
  /** Folder of server-only SVG diagrams: one `Name.tsx` each, taking `{ lang }`. */
  diagrams: string;
  /** Folder under the site root for the bundled JavaScript. */
  outDir: string;
}

export const defaults = {
  islands: "islands",
  diagrams: "components/diagrams",
  outDir: "_islands",
} satisfies Options;

interface Schema {
  safeParse(v: unknown): {
    success: boolean;
    data?: unknown;
    error?: { issues: { path: PropertyKey[]; message: string; code: string }[] };
  };
}
interface IslandModule {
  default: ComponentType<Record<string, unknown>>;
  schema?: Schema;
}

/** Names of the `.tsx` components in a folder, skipping private `_files` and tests. */
export function componentNames(dir: string): string[] {
  try {
    return [...Deno.readDirSync(dir)]
      .filter((e) => e.isFile && /^[A-Z]\w*\.tsx$/.test(e.name))
      .map((e) => e.name.slice(0, -4))
      .sort();
  } catch {
    return [];
  }
}

async function load(dir: string, names: string[]) {
  const modules = new Map<string, IslandModule>();
  for (const name of names) {
    const url = new URL(`${dir}/${name}.tsx`, `file://${Deno.cwd()}/`).href;
    modules.set(name, await import(url));
  }
  return modules;
}

const jsonForHtml = (value: unknown) =>
  JSON.stringify(value).replaceAll("<", "\\u003c").replaceAll("\u2028", "\\u2028");

/**
 * Embeds ` ```island Name ` and ` ```diagram Name ` fences (YAML props in the body): islands are
 * rendered on the server, then hydrated by the loader; diagrams are server-rendered only.
 */
export default function islands(userOptions: Partial<Options> = {}) {
  const options = { ...defaults, ...userOptions };
  // deno-lint-ignore no-explicit-any
  return async (config: any) => {
    const islandNames = componentNames(options.islands);
    const diagramNames = componentNames(options.diagrams);
    const [islandModules, diagramModules] = await Promise.all([
      load(options.islands, islandNames),
      load(options.diagrams, diagramNames),
    ]);
    const bundle = await bundleIslands({ islands: options.islands, names: islandNames });
    config.addGlobalData("islandAssets", { loader: `/${options.outDir}/${bundle.loader}` });

    config.amendLibrary("md", (md: MarkdownIt) => {
      const fence = md.renderer.rules.fence!;
      md.renderer.rules.fence = (tokens, idx, opts, env: Env, self) => {
        const token = tokens[idx] as Token;
        const [kind, name] = token.info.trim().split(/\s+/);
        if (kind !== "island" && kind !== "diagram") return fence(tokens, idx, opts, env, self);
        const path = env.page?.inputPath ?? "unknown file";
        const line = (token.map?.[0] ?? 0) + 1 + frontMatterLines(path);
        const fail = (message: string, hint?: string, offset = 0): never => {
          throw new ContentError(relativePath(path), line + offset, message, hint);
        };
        const known = kind === "island" ? islandNames : diagramNames;
        if (!name) fail(`${kind} fence needs a name, e.g. \`\`\`${kind} ${known[0] ?? "Name"}`);
        if (!known.includes(name)) {
          const guess = known.length ? closest(name, known) : undefined;
          // Only a near miss is worth suggesting; otherwise the list in the hint says it all.
          const near = guess && distance(guess, name) <= Math.max(2, name.length / 3)
            ? guess
            : undefined;
          fail(
            `unknown ${kind} "${name}"${near ? ` (did you mean "${near}"?)` : ""}`,
            `${kind}s are the files in ${
              kind === "island" ? options.islands : options.diagrams
            }/: ${known.join(", ")}`,
          );
        }
        if (kind === "diagram") {
          const Diagram = diagramModules.get(name)!.default;
          return `<div class="diagram">${renderToString(h(Diagram, { lang: env.lang }))}</div>\n`;
        }
        return renderIsland(name, token.content, islandModules.get(name)!, env, fail);
      };
    });

    config.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
      const out = `${directories.output.replace(/\/$/, "")}/${options.outDir}`;
      await Deno.mkdir(out, { recursive: true });
      for (const file of bundle.files) {
        await Deno.mkdir(`${out}/${file.path}`.replace(/\/[^/]+$/, ""), { recursive: true });
        await Deno.writeFile(`${out}/${file.path}`, file.contents);
      }
    });
  };
}

function renderIsland(
  name: string,
  source: string,
  module: IslandModule,
  env: Env,
  fail: (message: string, hint?: string, offset?: number) => never,
): string {
  let props: unknown;
  try {
    props = source.trim() ? yaml.load(source) : {};
  } catch (error) {
    const mark = (error as { mark?: { line: number } }).mark;
    fail(
      `island ${name}: props are not valid YAML: ${(error as Error).message.split("\n")[0]}`,
      "write one `name: value` per line",
      (mark?.line ?? 0) + 1,
    );
  }
  if (props === null || typeof props !== "object" || Array.isArray(props)) {
    fail(`island ${name}: props must be \`name: value\` lines`, undefined, 1);
  }
  let data = props as Record<string, unknown>;
  if (module.schema) {
    const result = module.schema.safeParse(props);
    if (!result.success) {
      const issue = result.error!.issues[0];
      const field = String(issue.path[0] ?? (issue as { keys?: string[] }).keys?.[0] ?? "");
      const lines = source.split("\n");
      const at = lines.findIndex((l) => l.trimStart().startsWith(`${field}:`));
      fail(
        `island ${name}: invalid prop "${field}": ${issue.message}`,
        `see the props of ${name} in the authoring guide`,
        at >= 0 ? at + 1 : 0,
      );
    }
    data = result.data as Record<string, unknown>;
  }
  // Every island also learns the page language, so it can label itself in Korean or English.
  data = { ...data, lang: env.lang === "ko" ? "ko" : "en" };
  const count = ((env.islandCount as number | undefined) ?? 0) + 1;
  env.islandCount = count;
  const id = `island-${count}`;
  const html = renderToString(h(module.default, data));
  return `<div class="island" data-island="${name}" data-props="${id}">${html}</div>` +
    `<script type="application/json" id="${id}">${jsonForHtml(data)}</script>\n`;
}
