/** C0 and C1 controls, DEL, and the bidi embeddings, overrides and isolates (SPEC §3: shown escaped, never written). */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text from a server or a file, safe to print: each unsafe character as `\xNN` or `\uNNNN`. */
export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
