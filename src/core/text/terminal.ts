/**
 * C0 controls except tab (line feeds too: one finding stays one line), DEL, C1 controls, and the Unicode bidi controls (LRM, RLM, ALM,
 * embeddings, overrides, isolates): what a terminal acts on instead of showing. ESC is in C0. Also the characters that show
 * as nothing (soft hyphen, zero-width space, word joiner and the invisible operators, the zero-width no-break space) and
 * the line and paragraph separators, so "pass\u200bword" cannot pass for "password" nor a line break for two lines.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u00ad\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

function escapeOne(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Text from a file, an export or a server as a terminal may print it: every control character and bidi
 * control shown as an escape (`\x1b`, `\u202e`), so no input can move the cursor, set the title or reorder a line.
 */
export function terminalSafe(text: string): string {
  UNSAFE.lastIndex = 0;
  const shown = UNSAFE.test(text) ? text.replace(UNSAFE, escapeOne) : text;
  // GitHub Actions' runner reads `##[command]…` anywhere in a line of a step's output as a workflow command (its
  // older form, ActionCommand.TryParse): the second `#` is shown as an escape, so a value cannot raise an annotation.
  return shown.includes('##[') ? shown.replaceAll('##[', '#\\x23[') : shown;
}

/**
 * Text that starts a line of output (a file's path, a check's target), shown so that GitHub Actions' runner does not
 * read the line as a workflow command: it does when the line, its leading spaces trimmed, starts with `::`
 * (ActionCommand.TryParseV2), so a file named `::error file=x::y.rdp` would add an annotation. Its first colon is
 * then shown as an escape (`\x3a:error…`). Apply after `terminalSafe`.
 */
export function lineStartSafe(text: string): string {
  return /^\s*::/.test(text) ? text.replace(':', '\\x3a') : text;
}

/**
 * Text from a file or a server as a VS Code Quick Pick shows it: controls and bidi shown escaped (`terminalSafe`), and
 * `$(` written `\\$(`. A Quick Pick renders `$(name)` in its labels and descriptions as an icon, so a certificate
 * subject `CN=$(pass-filled) Verified` would show a check mark beside a host (a session 16 review); VS Code reads
 * a backslash before `$(` as "not an icon" (its `escapeIcons`).
 */
export function noThemeIcons(text: string): string {
  const shown = terminalSafe(text);
  return shown.includes('$(') ? shown.replaceAll('$(', '\\$(') : shown;
}
