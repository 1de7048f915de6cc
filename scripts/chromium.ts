/**
 * Finds a Chromium for the browser tests: CHROME_PATH first, then the usual install paths.
 * Where none is found and apt-get can install Debian's `chromium` as root, it installs it and
 * says so; otherwise it fails with a message that says how to install one. It never skips.
 */

const candidates = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

const isFile = (path: string) => {
  try {
    return Deno.statSync(path).isFile;
  } catch {
    return false;
  }
};

/** The path of a usable Chromium, or null. */
export function findChromium(): string | null {
  const fromEnv = Deno.env.get("CHROME_PATH");
  if (fromEnv) {
    if (isFile(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, but no file is there`);
  }
  return candidates.find(isFile) ?? null;
}

async function run(cmd: string, args: string[]) {
  const out = await new Deno.Command(cmd, {
    args,
    // No standard input in CI: apt must never stop to ask a configuration question.
    env: { DEBIAN_FRONTEND: "noninteractive" },
    stdin: "null",
    stdout: "inherit",
    stderr: "inherit",
  }).output();
  return out.success;
}

/** Finds Chromium, installing Debian's package when that is possible here. */
export async function ensureChromium(): Promise<string> {
  const found = findChromium();
  if (found) return found;
  const isRoot = Deno.uid?.() === 0;
  const hasApt = isFile("/usr/bin/apt-get");
  if (isRoot && hasApt) {
    console.error("No Chromium found: installing Debian's chromium package with apt-get …");
    const ok = await run("apt-get", ["update", "-qq"]) &&
      await run("apt-get", ["install", "-y", "-qq", "chromium"]);
    const installed = findChromium();
    if (ok && installed) {
      console.error(`Installed Chromium at ${installed}.`);
      return installed;
    }
  }
  throw new Error(
    "The browser tests need Chromium and none was found.\n" +
      "  Debian/Ubuntu: sudo apt-get install chromium   (or set CHROME_PATH to a Chrome/Chromium binary)\n" +
      "  macOS: install Google Chrome, or set CHROME_PATH.",
  );
}

/** Flags for headless Chromium on a closed network, as root, without a display. */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--disable-dev-shm-usage",
  "--enable-unsafe-swiftshader",
  "--use-angle=swiftshader",
  "--ignore-gpu-blocklist",
];

if (import.meta.main) console.log(await ensureChromium());
