import * as esbuild from "esbuild";
import { createHash } from "node:crypto";

/** Options for bundling islands for the browser. */
export interface Options {
  /** Folder of the island components. */
  islands: string;
  /** Island names (file names without `.tsx`). */
  names: string[];
  /** The hydration loader, the only script a page with islands loads up front. */
  loader: string;
  /** The training worker entry, bundled on its own; islands get its hashed URL. */
  worker: string;
  /** URL folder the bundle is served from. */
  publicPath: string;
  /** Minify the output (off only when debugging). */
  minify: boolean;
}

export const defaults = {
  islands: "islands",
  names: [] as string[],
  loader: "islands/_loader.ts",
  worker: "ml/runtime/worker.ts",
  publicPath: "/_islands",
  minify: true,
} satisfies Options;

/** A file of the bundle, relative to the output folder. */
export interface BundleFile {
  path: string;
  contents: Uint8Array;
}

const exists = (path: string) => {
  try {
    Deno.statSync(path);
    return true;
  } catch {
    return false;
  }
};

/**
 * Bundles the loader, one lazily imported chunk per island and the training worker, with code
 * splitting and content-hashed names, in memory. The caller writes the files.
 */
export async function bundleIslands(userOptions: Partial<Options> = {}) {
  const options = { ...defaults, ...userOptions };
  const root = Deno.cwd();
  const files: BundleFile[] = [];
  const common = {
    bundle: true,
    format: "esm",
    target: "es2022",
    minify: options.minify,
    jsx: "automatic",
    jsxImportSource: "preact",
    write: false,
    outdir: `${root}/_bundle`,
    entryNames: "[name]-[hash]",
    chunkNames: "chunk-[hash]",
    assetNames: "[name]-[hash]",
    logLevel: "silent",
    legalComments: "none",
  } satisfies esbuild.BuildOptions;
  const relative = (path: string) => path.slice(`${root}/_bundle/`.length);

  const wasm = wasmFiles();
  let workerUrl = "";
  if (exists(options.worker)) {
    // Split, so the worker's fallback backends (WASM, CPU) load only when WebGL cannot start.
    const worker = await esbuild.build({
      ...common,
      entryPoints: { worker: options.worker },
      splitting: true,
    });
    for (const out of worker.outputFiles) {
      files.push({ path: relative(out.path), contents: out.contents });
    }
    workerUrl = `${options.publicPath}/${
      relative(worker.outputFiles.find((f) => /\/worker-\w+\.js$/.test(f.path))!.path)
    }`;
  }

  const registry = options.names
    .map((n) => `  ${n}: () => import(${JSON.stringify(`${root}/${options.islands}/${n}.tsx`)}),`)
    .join("\n");
  const result = await esbuild.build({
    ...common,
    entryPoints: { loader: options.loader },
    splitting: true,
    metafile: true,
    define: {
      __TRAIN_WORKER_URL__: JSON.stringify(workerUrl),
      __WASM_PATH__: JSON.stringify(`${options.publicPath}/${wasm.folder}/`),
    },
    plugins: [{
      name: "island-registry",
      setup(build) {
        build.onResolve(
          { filter: /^island-registry$/ },
          () => ({ path: "registry", namespace: "islands" }),
        );
        build.onLoad({ filter: /.*/, namespace: "islands" }, () => ({
          contents: `export const islands = {\n${registry}\n};\n`,
          loader: "js",
          resolveDir: root,
        }));
      },
    }],
  });
  for (const out of result.outputFiles) {
    files.push({ path: relative(out.path), contents: out.contents });
  }
  const loader = relative(result.outputFiles.find((f) => /\/loader-[\w]+\.js$/.test(f.path))!.path);
  files.push(...wasm.files);
  await esbuild.stop();
  return { loader, workerUrl, files, metafile: result.metafile };
}

/**
 * TF.js's WebAssembly binaries, served from the site so no CDN is ever asked. TF.js asks for
 * them by fixed names, so the folder carries the content hash and they can be cached forever.
 */
function wasmFiles(): { folder: string; files: BundleFile[] } {
  const dir = "node_modules/@tensorflow/tfjs-backend-wasm/dist";
  if (!exists(dir)) return { folder: "wasm", files: [] };
  const found = [...Deno.readDirSync(dir)].filter((e) => e.name.endsWith(".wasm"))
    .map((e) => e.name).sort()
    .map((name) => ({ name, contents: Deno.readFileSync(`${dir}/${name}`) }));
  const hash = createHash("sha256");
  for (const f of found) hash.update(f.name).update(f.contents);
  const folder = `wasm-${hash.digest("hex").slice(0, 10)}`;
  return {
    folder,
    files: found.map((f) => ({ path: `${folder}/${f.name}`, contents: f.contents })),
  };
}

/**
 * Bundles the small site script (theme, table of contents, search, previews) on its own, so a
 * text-only page loads it without the island loader. Returns its hashed file name and bytes.
 */
export async function bundleSite(entry = "islands/_site.ts", minify = true) {
  const result = await esbuild.build({
    entryPoints: { site: entry },
    bundle: true,
    format: "esm",
    target: "es2022",
    minify,
    write: false,
    outdir: `${Deno.cwd()}/_bundle`,
    entryNames: "[name]-[hash]",
    logLevel: "silent",
    legalComments: "none",
  });
  await esbuild.stop();
  const [out] = result.outputFiles;
  return { path: out.path.slice(`${Deno.cwd()}/_bundle/`.length), contents: out.contents };
}
