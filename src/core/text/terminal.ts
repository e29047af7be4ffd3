import { INVISIBLE_CLASS, TAG_PAIR } from './invisible';

/**
 * C0 controls except tab (line feeds too: one finding stays one line), DEL, C1 controls, and what shows as nothing or
 * reorders a line (`INVISIBLE_CLASS`: the bidi controls, zero-width and invisible characters, the line and paragraph
 * separators, tag characters), so "pass\u200bword" cannot pass for "password" nor a line break for two lines. ESC is
 * in C0. The zero-width joiners stay: scripts and emoji need them.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = new RegExp(`[\\u0000-\\u0008\\u000a-\\u001f\\u007f-\\u009f${INVISIBLE_CLASS}]|${TAG_PAIR}`, 'g');

/** Each UTF-16 unit as `\xNN` or `\uNNNN` (a tag character is a surrogate pair: two escapes). */
function escapeOne(c: string): string {
  let out = '';
  for (let i = 0; i < c.length; i++) {
    const code = c.charCodeAt(i);
    out += code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return out;
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

/**
 * Text from a file, an export or a server as VS Code shows it in a notification, an input box's prompt or validation
 * message, or a language status item's detail: these read `[label](command:…)`, `[label](https://…)` and
 * `[label](file:…)` as a link that runs the command or opens the target on a click (`parseLinkedText` in
 * vs/base/common/linkedText.ts; notifications and the language status open it with commands allowed), and `$(name)`
 * as an icon. A folder or file named `[Manage Trust](command:…)` would offer a forged button. Every `](` is written
 * `]\(` (no link to that pattern, and the text still reads as it was, as `sarifText` does) and `$(` as `\$(`
 * (`noThemeIcons`); controls and bidi are shown escaped. Not for a modal dialog's message or detail: VS Code sets both
 * as plain text (innerText in vs/base/browser/ui/dialog/dialog.ts; checked in the UI tests), where the backslashes would
 * show; use `terminalSafe` there. Tree item labels and descriptions are plain too; Quick Pick items need `noThemeIcons`.
 */
export function plainWorkbenchText(text: string): string {
  const shown = noThemeIcons(text);
  return shown.includes('](') ? shown.replaceAll('](', ']\\(') : shown;
}
