// The only script a page with islands loads up front: it waits until an island nears the
// viewport, then fetches that island's chunk (and Preact) and hydrates it with its props.
import { islands } from "island-registry";

type Loader = () => Promise<{ default: unknown }>;
const registry = islands as Record<string, Loader>;

async function wake(el: HTMLElement) {
  const name = el.dataset.island ?? "";
  const load = registry[name];
  const propsEl = document.getElementById(el.dataset.props ?? "");
  if (!load || !propsEl) return;
  el.dataset.hydrating = "";
  const [{ hydrateIsland }, module] = await Promise.all([import("./_hydrate.ts"), load()]);
  hydrateIsland(el, module.default, JSON.parse(propsEl.textContent || "{}"));
  delete el.dataset.hydrating;
  el.dataset.hydrated = "";
}

const observer = new IntersectionObserver((entries) => {
  for (const entry of entries) {
    if (!entry.isIntersecting) continue;
    observer.unobserve(entry.target);
    wake(entry.target as HTMLElement).catch((error) => {
      (entry.target as HTMLElement).dataset.failed = "";
      console.error(`island ${(entry.target as HTMLElement).dataset.island} failed:`, error);
    });
  }
}, { rootMargin: "200px 0px" });

for (const el of document.querySelectorAll<HTMLElement>("[data-island]")) observer.observe(el);

// A widget's state link (`#sinusoid?k=5…`) names no element the browser can scroll to by itself:
// bring the widget into view, which also wakes it.
const linked = location.hash.match(/^#([\w-]+)\?/)?.[1];
if (linked) document.getElementById(linked)?.scrollIntoView();
