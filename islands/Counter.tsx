import { useState } from "preact/hooks";
import * as z from "zod/mini";

/** Props of the demo island, checked at build time. */
export const schema = z.strictObject({
  /** The number the counter starts from. */
  start: z._default(z.int().check(z.minimum(0), z.maximum(1000)), 0),
});

/**
 * The smallest island: it proves the path from a Markdown fence to a hydrated widget.
 * @example ```island Counter\nstart: 3\n```
 */
export default function Counter(
  { start = 0, lang = "en" }: { start?: number; lang?: "en" | "ko" },
) {
  const [count, setCount] = useState(start);
  return (
    <div class="counter">
      <button
        type="button"
        onClick={() => setCount(count + 1)}
        title={lang === "ko" ? "1 더하기" : "Add one"}
      >
        +1
      </button>
      <output aria-live="polite">{count}</output>
    </div>
  );
}
