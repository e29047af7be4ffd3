/**
 * A copy of a string that refers to no other string. A slice of 13 characters or more of a file's text points
 * into that text and keeps all of it alive: a cache that keeps a slice as a key (an address, a value, a name)
 * keeps one whole file per entry (issue 16: 4,096 remembered addresses held 4,096 files). Caches copy their
 * keys with it, once, when they remember one.
 */
export function detached(text: string): string {
  // Flattening the pair copies the characters into a new string; the slice then points into that copy only.
  return (' ' + text).slice(1);
}
