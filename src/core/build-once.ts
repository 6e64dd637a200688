/**
 * A function that runs `build` on its first call and returns that first result ever after. The providers build
 * their catalogs' schemas this way, on first use rather than at import, so that loading the library stays cheap.
 */
export function buildOnce<T>(build: () => T): () => T {
  let built: { readonly value: T } | undefined;
  return () => {
    built ??= { value: build() };
    return built.value;
  };
}
