// The one small script every page loads: theme toggle, language memory, contents highlight,
// citation and term previews, and search. Pages read fine without it.

const root = document.documentElement;
const store = {
  get: (k: string) => {
    try {
      return localStorage.getItem(k);
    } catch {
      return null;
    }
  },
  set: (k: string, v: string) => {
    try {
      localStorage.setItem(k, v);
    } catch {
      // Private modes may refuse storage; the choice then lasts for this page only.
    }
  },
};
const $ = <T extends Element = HTMLElement>(s: string, from: ParentNode = document) =>
  from.querySelector<T & Element>(s);
const $$ = <T extends Element = HTMLElement>(s: string) => [...document.querySelectorAll<T>(s)];

// Theme: CSS follows the system; a saved choice overrides it with a class on <html>.
const systemDark = matchMedia("(prefers-color-scheme: dark)");
const isDark = () =>
  root.classList.contains("theme-dark") ||
  (!root.classList.contains("theme-light") && systemDark.matches);
function applyTheme(theme: string | null) {
  root.classList.toggle("theme-dark", theme === "dark");
  root.classList.toggle("theme-light", theme === "light");
  $(".theme-toggle")?.setAttribute("aria-pressed", String(isDark()));
}
applyTheme(store.get("theme"));
const toggle = $(".theme-toggle");
if (toggle) {
  toggle.hidden = false;
  toggle.addEventListener("click", () => {
    const theme = isDark() ? "light" : "dark";
    store.set("theme", theme);
    applyTheme(theme);
  });
  systemDark.addEventListener("change", () => applyTheme(store.get("theme")));
}

// Language: remember the reader's choice; the root page sends them on to it.
document.addEventListener("click", (e) => {
  const link = (e.target as Element).closest?.("a[data-lang]") as HTMLElement | null;
  if (link?.dataset.lang) store.set("lang", link.dataset.lang);
});
if ($("[data-root]")) {
  const saved = store.get("lang");
  const wanted = saved ??
    navigator.languages.map((l) => l.slice(0, 2).toLowerCase()).find((l) =>
      l === "en" || l === "ko"
    );
  const target = wanted && $<HTMLAnchorElement>(`a[data-lang="${wanted}"]`);
  if (target) location.replace(target.href);
}

// Contents: a sidebar on wide screens, folded above the text on narrow ones.
const tocBox = $<HTMLDetailsElement>(".toc details");
const wide = matchMedia("(min-width: 68rem)");
const fitToc = () => tocBox && (tocBox.open = wide.matches);
fitToc();
wide.addEventListener("change", fitToc);

// Contents: mark the section whose heading was passed last.
const tocLinks = $$<HTMLAnchorElement>(".toc a");
const sections = tocLinks
  .map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1))))
  .filter((el): el is HTMLElement => el !== null);
let ticking = false;
function highlight() {
  ticking = false;
  let current = -1;
  sections.forEach((el, i) => {
    if (el.getBoundingClientRect().top < innerHeight * 0.3) current = i;
  });
  tocLinks.forEach((a, i) => {
    if (i === current) a.setAttribute("aria-current", "location");
    else a.removeAttribute("aria-current");
  });
}
if (sections.length) {
  addEventListener("scroll", () => {
    if (!ticking) requestAnimationFrame(highlight);
    ticking = true;
  }, { passive: true });
  highlight();
}

// Wide equations, code and tables scroll in their own box; keyboard users must reach it too.
function scrollers() {
  for (const el of $$(".katex-display, pre, .prose table")) {
    if (el.scrollWidth > el.clientWidth + 1) el.tabIndex = 0;
    else el.removeAttribute("tabindex");
  }
}
scrollers();
// Web fonts (KaTeX's) change widths after the first check.
document.fonts?.ready.then(scrollers);
addEventListener("load", scrollers);
addEventListener("resize", scrollers, { passive: true });

// Previews: a citation shows its bibliography entry, a term its definition.
const tip = document.createElement("div");
tip.className = "preview";
tip.setAttribute("role", "tooltip");
tip.id = "preview";
tip.hidden = true;
document.body.append(tip);
function previewOf(el: Element): string | null {
  if (el.matches("a.cite")) {
    const entry = document.getElementById(`ref-${(el as HTMLElement).dataset.cite}`);
    return entry ? entry.innerHTML : null;
  }
  const def = document.getElementById(el.getAttribute("aria-describedby") ?? "");
  return def ? def.innerHTML : null;
}
let hideTimer: ReturnType<typeof setTimeout> | undefined;
function show(el: Element) {
  clearTimeout(hideTimer);
  const html = previewOf(el);
  if (!html) return;
  tip.innerHTML = html;
  tip.hidden = false;
  const box = el.getBoundingClientRect();
  const width = Math.min(tip.offsetWidth, innerWidth - 16);
  const left = Math.max(8, Math.min(box.left, innerWidth - width - 8));
  const below = box.bottom + tip.offsetHeight + 8 < innerHeight;
  tip.style.left = `${left + scrollX}px`;
  tip.style.top = `${(below ? box.bottom + 6 : box.top - tip.offsetHeight - 6) + scrollY}px`;
}
const hide = () => (tip.hidden = true);
// A short grace lets the pointer travel into the preview to follow a link in it.
const hideSoon = () => {
  clearTimeout(hideTimer);
  hideTimer = setTimeout(hide, 250);
};
tip.addEventListener("mouseenter", () => clearTimeout(hideTimer));
tip.addEventListener("mouseleave", hideSoon);
const previewable = "a.cite, .term";
for (const [on, off] of [["mouseover", "mouseout"], ["focusin", "focusout"]]) {
  document.addEventListener(on, (e) => {
    const el = (e.target as Element).closest?.(previewable);
    if (el) show(el);
  });
  document.addEventListener(off, (e) => {
    if ((e.target as Element).closest?.(previewable)) (on === "focusin" ? hide : hideSoon)();
  });
}
document.addEventListener("keydown", (e) => {
  if (e.key === "Escape") hide();
});

// Search: Pagefind's index for the page language, loaded on first use.
const dialog = $<HTMLDialogElement>("dialog.search");
const opener = $(".search-open");
if (dialog && opener) {
  const input = $<HTMLInputElement>("input", dialog)!;
  const status = $(".search-status", dialog)!;
  const list = $(".search-results", dialog)!;
  const ko = root.lang === "ko";
  type Result = { url: string; excerpt: string; meta: { title?: string } };
  type Pagefind = {
    search(q: string): Promise<{ results: { data(): Promise<Result> }[] }>;
  };
  let engine: Promise<Pagefind> | undefined;
  const loadEngine = () =>
    import(new URL("/pagefind/pagefind.js", location.href).href) as Promise<Pagefind>;
  let latest = "";
  opener.hidden = false;
  const open = () => {
    dialog.showModal();
    input.focus();
    engine ??= loadEngine();
  };
  opener.addEventListener("click", open);
  $(".search-close", dialog)?.addEventListener("click", () => dialog.close());
  $("form", dialog)?.addEventListener("submit", (e) => e.preventDefault());
  document.addEventListener("keydown", (e) => {
    const typing = (e.target as Element).closest?.("input, textarea, [contenteditable]");
    if (e.key === "/" && !typing && !dialog.open) {
      e.preventDefault();
      open();
    }
  });
  input.addEventListener("input", async () => {
    const query = (latest = input.value.trim());
    if (!query) {
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    let found: Awaited<ReturnType<Pagefind["search"]>>;
    let data: Result[];
    try {
      found = await (await (engine ??= loadEngine())).search(query);
      data = await Promise.all(found.results.slice(0, 8).map((r) => r.data()));
    } catch {
      engine = undefined; // Try loading the index again on the next keystroke.
      status.textContent = ko ? "검색을 불러오지 못했습니다." : "Search could not load.";
      return;
    }
    if (query !== latest) return;
    status.textContent = ko
      ? `검색 결과 ${found.results.length}건`
      : `${found.results.length} results`;
    list.replaceChildren(...data.map((r) => {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = r.url;
      a.textContent = r.meta.title ?? r.url;
      const p = document.createElement("p");
      p.innerHTML = r.excerpt; // Pagefind escapes the page text and adds only <mark>.
      li.append(a, p);
      return li;
    }));
  });
}
