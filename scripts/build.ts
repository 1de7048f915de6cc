/**
 * Builds the site into a temporary folder and swaps it in only on success, so a failed build
 * never destroys the last good `_site/`. `--serve` starts the live-reload dev server instead.
 *
 *   deno task build            build once
 *   deno task serve            build, serve on 127.0.0.1:8080, rebuild on change
 */
import Eleventy from "@11ty/eleventy";
import { rootCause } from "../plugins/errors.ts";
import precompress from "../plugins/compress.ts";

/** Options for one build. */
export interface BuildOptions {
  /** Folder of the Markdown content. */
  input: string;
  /** Final output folder. */
  output: string;
  /** Eleventy config file. */
  config: string;
  /** Print Eleventy's per-file log lines. */
  verbose: boolean;
  /** Write `.br`/`.gz` siblings for the server (cached by content; the dev server skips it). */
  compress: boolean;
}

export const defaults: BuildOptions = {
  input: "content",
  output: "_site",
  config: "_config.ts",
  compress: true,
  verbose: false,
};

/** Result of a build: the error message an author should see, or the page count and time. */
export type BuildResult = { ok: true; pages: number; ms: number } | { ok: false; message: string };

/** Runs Eleventy into `<output>.tmp-<pid>` and renames it over `output` when it succeeds. */
export async function build(options: Partial<BuildOptions> = {}): Promise<BuildResult> {
  const { input, output, config, verbose, compress } = { ...defaults, ...options };
  const started = performance.now();
  const temp = `${output}.tmp-${Deno.pid}`;
  await removeStale(output);
  try {
    const eleventy = new Eleventy(input, temp, { configPath: config, quietMode: !verbose });
    if (!verbose) eleventy.disableLogger();
    const written = await writeSite(eleventy);
    if (compress) await precompress()(temp);
    await swap(temp, output);
    return { ok: true, pages: written, ms: performance.now() - started };
  } catch (error) {
    // The folder is left for the next build to remove: Eleventy may still be copying static
    // files into it, and pulling it away would replace the author's error with a copy error.
    return { ok: false, message: describe(error) };
  }
}

/** Removes temporary folders that earlier failed builds left next to `output`. */
async function removeStale(output: string) {
  const slash = output.lastIndexOf("/");
  const dir = slash < 0 ? "." : output.slice(0, slash) || "/";
  const prefix = `${output.slice(slash + 1)}.tmp-`;
  for await (const entry of Deno.readDir(dir)) {
    if (entry.isDirectory && entry.name.startsWith(prefix)) {
      await Deno.remove(`${dir}/${entry.name}`, { recursive: true }).catch(() => {});
    }
  }
}

// deno-lint-ignore no-explicit-any
async function writeSite(eleventy: any): Promise<number> {
  const results = await eleventy.write();
  const pages = Array.isArray(results)
    ? results.flat().filter((r: { outputPath?: string }) => r?.outputPath?.endsWith(".html"))
    : [];
  return pages.length;
}

async function swap(temp: string, output: string) {
  const old = `${output}.old-${Deno.pid}`;
  const hadOutput = await Deno.stat(output).then(() => true, () => false);
  if (hadOutput) await Deno.rename(output, old);
  await Deno.rename(temp, output);
  if (hadOutput) await Deno.remove(old, { recursive: true });
}

/** Turns whatever Eleventy threw into the one message an author needs. */
export function describe(error: unknown): string {
  const cause = rootCause(error);
  if (cause instanceof Error && cause.name === "ContentError") return cause.message;
  const text = cause instanceof Error ? cause.message : String(cause);
  const outer = error instanceof Error ? error.message : "";
  return outer && outer !== text ? `${outer}\n  caused by: ${text}` : text;
}

if (import.meta.main) {
  if (Deno.args.includes("--serve")) {
    const { serve } = await import("../dev/server.ts");
    await serve();
  } else {
    const flag = (name: string) =>
      Deno.args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
    const result = await build({
      verbose: Deno.args.includes("--verbose"),
      input: flag("input") ?? defaults.input,
      output: flag("output") ?? defaults.output,
      compress: !Deno.args.includes("--no-compress"),
    });
    if (result.ok) {
      console.log(
        `built ${result.pages} pages into ${flag("output") ?? defaults.output}/ in ${
          (result.ms / 1000).toFixed(2)
        } s`,
      );
    } else {
      console.error(
        `build failed; the previous ${
          flag("output") ?? defaults.output
        }/ is untouched.\n${result.message}`,
      );
      Deno.exit(1);
    }
  }
}
