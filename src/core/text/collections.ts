/**
 * Appends every item of `items` to `target`. Unlike `target.push(...items)`, which passes one argument per
 * item, it works for any length: a `.reg` file with 130,000 bad lines must not overflow the stack.
 */
export function appendAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}
