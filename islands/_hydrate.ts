// Loaded together with the first island, so text-only pages never pay for Preact.
import { h, hydrate } from "preact";
import type { ComponentType } from "preact";

/** Hydrates a server-rendered island in place with the props it was rendered with. */
export function hydrateIsland(el: HTMLElement, component: unknown, props: Record<string, unknown>) {
  hydrate(h(component as ComponentType<Record<string, unknown>>, props), el);
}
