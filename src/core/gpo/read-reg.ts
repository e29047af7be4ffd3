import type { Span } from '../text/line-index';
import { setting, type Hive, type PolicyDocument, type PolicySetting, type ReadProblem, type RegData, type RegType } from './model';
import { decodeRegData } from './reg-data';
import { logicalLines, offsetIn } from './reg-lines';
import { regTypeOf, splitHive } from './registry-path';
import { namesSecret, showLine } from './secret-names';
import { groupDigits } from '../text/group-digits';

export const REG5_HEADER = 'Windows Registry Editor Version 5.00';
export const REG4_HEADER = 'REGEDIT4';

/**
 * `"name"` with regedit's `\\` and `\"` escapes; returns the name and the index after the closing quote. Plain runs
 * are sliced whole (a character at a time made a rope of 50 million pieces, 1.8 GB, for a 50 MB value).
 */
export function quoted(s: string, at: number): [string, number] | undefined {
  const parts: string[] = [];
  let from = at + 1;
  // Each search starts where the last one ended, so a value full of escapes is still one pass.
  let quote = s.indexOf('"', from);
  let escape = s.indexOf('\\', from);
  for (;;) {
    if (quote < 0) return undefined;
    if (escape < 0 || escape > quote) {
      parts.push(s.slice(from, quote));
      return [parts.join(''), quote + 1];
    }
    // `\x` stands for x; a backslash at the very end leaves the name unclosed.
    if (escape + 1 >= s.length) return undefined;
    parts.push(s.slice(from, escape), s[escape + 1]!);
    from = escape + 2;
    if (quote < from) quote = s.indexOf('"', from);
    escape = s.indexOf('\\', from);
  }
}

const HEX_TYPE_NUMBER = /^hex(?:\(([0-9a-f]{1,8})\))?:/i;

/**
 * `00,4a,ff,` as bytes, in one pass (a regular expression over a 50 MB value overflows the engine's stack):
 * one or two hex digits between commas, blanks anywhere, one trailing comma allowed; undefined otherwise.
 */
export function hexBytes(text: string): Uint8Array | undefined {
  const out = new Uint8Array(((text.length + 1) >> 1) + 1);
  let count = 0;
  let digits = 0;
  let value = 0;
  let afterComma = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) continue;
    if (c === 44 /* , */) {
      if (digits === 0) return undefined;
      out[count++] = value;
      digits = 0;
      value = 0;
      afterComma = true;
      continue;
    }
    const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
    if (d < 0 || digits === 2) return undefined;
    value = value * 16 + d;
    digits++;
    afterComma = false;
  }
  if (digits > 0) out[count++] = value;
  else if (count > 0 && !afterComma) return undefined;
  return out.slice(0, count);
}

/** Parses the data after `=`: returns type and data, or the reason it cannot. */
function parseData(raw: string, wide: boolean): { type: RegType; data: RegData; deleted?: boolean } | string {
  const s = raw.trim();
  if (s === '-') return { type: 'REG_NONE', data: null, deleted: true };
  if (s.startsWith('"')) {
    const q = quoted(s, 0);
    if (!q || s.slice(q[1]).trim() !== '') return 'the string is not closed by a quote';
    return { type: 'REG_SZ', data: q[0] };
  }
  const dword = /^dword:([0-9a-f]{1,8})$/i.exec(s);
  if (dword) return { type: 'REG_DWORD', data: parseInt(dword[1]!, 16) };
  if (/^dword:/i.test(s)) return 'a dword needs 1 to 8 hex digits';
  const hex = HEX_TYPE_NUMBER.exec(s);
  if (hex) {
    const type = hex[1] === undefined ? 'REG_BINARY' : regTypeOf(parseInt(hex[1], 16));
    if (!type) return `hex(${hex[1]}) is not a registry type`;
    const bytes = hexBytes(s.slice(hex[0].length));
    if (!bytes) return 'the hex data is not a comma-separated list of bytes';
    const decoded = decodeRegData(type, bytes, wide);
    if (decoded.problem) return decoded.problem;
    return { type, data: decoded.data };
  }
  return 'the data is not a string, dword:, hex: or -';
}


/**
 * The most values (and key deletions) read from one `.reg` file, and the most problems listed: each costs an object
 * of its own, and a file under the 64 MB limit of one-line values (`"a"=dword:1`, 4.8 million of them) took 2.6 GB
 * and 85 s (a session 19 review; the extension host reads `.reg` files of the workspace, in Restricted Mode too).
 * A `reg export` of a whole hive that fits under 64 MB holds some 600,000 values at most (about 50 characters a line, UTF-16), and a Remote Desktop export a few hundred: half a million values cost about 400 MB; problems past the first thousand are
 * not shown anyway (the CLI lists 1,000 a file).
 */
export const MAX_REG_VALUES = 500_000;
export const MAX_REG_PROBLEMS = 10_000;

/**
 * Reads a `.reg` file (regedit 5.00 UTF-16LE or REGEDIT4 ANSI; the text is already decoded): keys,
 * `[-key]` deletions, values with `"name"=-` deletions, line continuations. Never throws. Stops after
 * `MAX_REG_VALUES` values with a problem that says where; lists `MAX_REG_PROBLEMS` problems and counts the rest.
 */
export function readReg(text: string, limits: { readonly values: number; readonly problems: number } = { values: MAX_REG_VALUES, problems: MAX_REG_PROBLEMS }): PolicyDocument {
  const settings: PolicySetting[] = [];
  const listed: ReadProblem[] = [];
  let unlisted = 0;
  let firstUnlisted: Span | undefined;
  const problems = {
    push(problem: ReadProblem): void {
      if (listed.length < limits.problems) listed.push(problem);
      else if (unlisted++ === 0) firstUnlisted = problem.span;
    },
  };
  const lines = logicalLines(text);
  let next = lines.next();
  while (!next.done && next.value.text.trim() === '') next = lines.next();
  const header = next.done ? undefined : next.value.text.trim();
  const wide = header !== REG4_HEADER;
  if (header !== REG5_HEADER && header !== REG4_HEADER) {
    problems.push({ severity: 'error', message: `The first line is not "${REG5_HEADER}" or "${REG4_HEADER}", so regedit would not import the file.`, span: next.done ? { start: 0, end: 0 } : next.value.span });
  } else next = lines.next();
  let current: { hive: Hive; key: string } | undefined;
  // After a secret's value that could not be read (a string left open), the lines that follow may be the rest of it:
  // until a line reads as a value again, none of them, nor a key or a name in them, is quoted in a problem.
  let secretOpen = false;
  for (; !next.done; next = lines.next()) {
    const line = next.value;
    const trimmed = line.text.trim();
    if (trimmed === '' || trimmed.startsWith(';')) continue;
    // A key line only names where the next values go: reading stops at the first value (or key deletion) past the limit.
    if (settings.length === limits.values && !(trimmed.startsWith('[') && !trimmed.startsWith('[-'))) {
      listed.push({ severity: 'warning', message: `RDP Doctor reads the first ${groupDigits(limits.values)} values and key deletions of a .reg file: the rest of this one, from this line on, is not read or checked.`, span: { start: line.span.start, end: line.span.start }, essential: true });
      break;
    }
    const lead = line.text.length - line.text.trimStart().length;
    const spanOf = (from: number, to = line.text.length): Span => ({ start: offsetIn(text, line, from) ?? line.span.start, end: (offsetIn(text, line, to - 1) ?? line.span.end - 1) + 1 });
    if (trimmed.startsWith('[')) {
      const close = trimmed.lastIndexOf(']');
      const path = close > 0 ? trimmed.slice(1, close) : '';
      const remove = path.startsWith('-');
      const split = splitHive(remove ? path.slice(1) : path);
      if (!split) {
        problems.push({ severity: 'warning', message: `The key ${showLine(path, secretOpen)} does not start with a registry root such as HKEY_LOCAL_MACHINE; its values are skipped.`, span: line.span });
        current = undefined;
        continue;
      }
      current = remove ? undefined : split;
      if (remove) settings.push(setting({ ...split, valueName: '', type: 'REG_NONE', data: null, action: 'delete-key', source: { span: line.span } }));
      continue;
    }
    let name: string;
    let after: number;
    if (trimmed.startsWith('@')) {
      name = '';
      after = lead + 1;
    } else if (trimmed.startsWith('"')) {
      const q = quoted(line.text, lead);
      if (!q) {
        problems.push({ severity: 'warning', message: `Line is not a key, a value or a comment: ${showLine(trimmed, secretOpen || namesSecret(trimmed))}.`, span: line.span });
        continue;
      }
      [name, after] = q;
    } else {
      problems.push({ severity: 'warning', message: `Line is not a key, a value or a comment: ${showLine(trimmed, secretOpen || namesSecret(trimmed))}.`, span: line.span });
      continue;
    }
    const eq = line.text.indexOf('=', after);
    if (eq < 0 || line.text.slice(after, eq).trim() !== '') {
      // A quoted "name" with an = inside that names a secret (`"SmartcardPin=1234"`) is a whole line in quotes: its data is in it.
      problems.push({ severity: 'warning', message: `The value ${showLine(name, secretOpen || (name.includes('=') && namesSecret(name)))} has no "=" after its name.`, span: line.span });
      continue;
    }
    if (!current) {
      problems.push({ severity: 'warning', message: `The value ${showLine(name, secretOpen)} is not under a key, so regedit ignores it.`, span: line.span });
      continue;
    }
    const dataStart = eq + 1 + (line.text.length - eq - 1 - line.text.slice(eq + 1).trimStart().length);
    const dataEnd = line.text.trimEnd().length;
    const span = dataEnd > dataStart ? spanOf(dataStart, dataEnd) : spanOf(eq, eq + 1);
    const parsed = parseData(line.text.slice(eq + 1), wide);
    if (typeof parsed === 'string') {
      problems.push({ severity: 'warning', message: `The value ${showLine(name, secretOpen)} cannot be read: ${parsed}.`, span });
      secretOpen ||= namesSecret(name) || namesSecret(current.key);
      continue;
    }
    secretOpen = false;
    settings.push(setting({ ...current, valueName: name, type: parsed.type, data: parsed.data, action: parsed.deleted ? 'delete' : 'set', source: { span } }));
  }
  if (unlisted > 0) {
    // In file order: before a note of where reading stopped, which comes later in the file.
    const note: ReadProblem = { severity: 'warning', message: `${groupDigits(unlisted)} more problem${unlisted === 1 ? '' : 's'} of this file from here on ${unlisted === 1 ? 'is' : 'are'} not listed (RDP Doctor lists the first ${groupDigits(limits.problems)}).`, span: firstUnlisted!, unlisted };
    const stopped = listed[listed.length - 1]?.essential ? listed.pop() : undefined;
    listed.push(note, ...(stopped ? [stopped] : []));
  }
  return { format: 'reg', settings, problems: listed };
}
