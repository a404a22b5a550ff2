// The only bundler feature shared/ relies on: Vite's eager glob import, used to collect the i18n catalogs
// without a hand-maintained list. Declared here so that shared/ type-checks without vite/client (which
// would bring in DOM types).
interface ImportMeta {
  glob<T = unknown>(pattern: string | string[], options: { eager: true; import?: string }): Record<string, T>;
}
