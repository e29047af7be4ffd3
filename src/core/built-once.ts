/**
 * Tables built on first use rather than when the bundle loads (issue 16): a lint of `.rdp` files reads none of the
 * Group Policy tables, and building them was ~15% of what `dist/cli-lint.js`'s top level ran (bench/RESULTS.md,
 * session 24). Each table is named, so a test can tell which ones a lint built.
 */
const built: string[] = [];

/** `make()`'s value, made by the first call and kept for the others. */
export function builtOnFirstUse<T>(name: string, make: () => T): () => T {
  let value: { readonly table: T } | undefined;
  return () => {
    if (value === undefined) {
      value = { table: make() };
      built.push(name);
    }
    return value.table;
  };
}

/** The names of the tables built so far in this process, in the order they were built. */
export function tablesBuilt(): readonly string[] {
  return [...built];
}
