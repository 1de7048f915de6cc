/** An authoring mistake in a content file, reported as `file:line: message` plus a hint. */
export class ContentError extends Error {
  /** Path of the offending file, relative to the project root. */
  file: string;
  /** 1-based line in that file, when one exists. */
  line?: number;
  /** What the author should do about it. */
  hint?: string;

  constructor(file: string, line: number | undefined, message: string, hint?: string) {
    const where = line ? `${file}:${line}` : file;
    super(`${where}: ${message}${hint ? `\n  hint: ${hint}` : ""}`);
    this.name = "ContentError";
    this.file = file;
    this.line = line;
    this.hint = hint;
  }
}

/** Walks an error's cause chain (Eleventy wraps errors several times) to the most useful one. */
export function rootCause(error: unknown): unknown {
  let current = error;
  const seen = new Set<unknown>();
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    if (current instanceof ContentError) return current;
    const next = (current as { originalError?: unknown; cause?: unknown }).originalError ??
      (current as { cause?: unknown }).cause;
    if (!next) break;
    current = next;
  }
  return findContentError(error, new Set()) ?? current;
}

function findContentError(error: unknown, seen: Set<unknown>): ContentError | undefined {
  if (!error || typeof error !== "object" || seen.has(error)) return undefined;
  seen.add(error);
  if (error instanceof ContentError) return error;
  const e = error as { originalError?: unknown; cause?: unknown; errors?: unknown[] };
  for (const next of [e.originalError, e.cause, ...(e.errors ?? [])]) {
    const found = findContentError(next, seen);
    if (found) return found;
  }
  return undefined;
}

/** Makes a content path relative to the project root, the way authors see it in their editor. */
export function relativePath(path: string): string {
  const cwd = Deno.cwd().replaceAll("\\", "/") + "/";
  const normal = path.replaceAll("\\", "/").replace(/^\.\//, "");
  return normal.startsWith(cwd) ? normal.slice(cwd.length) : normal;
}

/** Offset of the Markdown body inside its file: the number of lines the front matter takes. */
export function frontMatterLines(path: string): number {
  const cached = bodyOffsets.get(path);
  if (cached !== undefined) return cached;
  let offset = 0;
  try {
    const text = Deno.readTextFileSync(path);
    const match = text.match(/^---\r?\n[\s\S]*?\r?\n---[^\n]*\n/);
    if (match) offset = match[0].split("\n").length - 1;
  } catch {
    // A file that cannot be read gets no offset; the error elsewhere will name it.
  }
  bodyOffsets.set(path, offset);
  return offset;
}
const bodyOffsets = new Map<string, number>();
