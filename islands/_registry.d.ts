// The build generates this module from the files in islands/ (see plugins/bundle.ts).
declare module "island-registry" {
  export const islands: Record<string, () => Promise<{ default: unknown }>>;
}
