import type { PropertyInfo } from '../../rdp/property-types';
import { entryIntegerReading, freerdpIntegerReading, type FreerdpIntegerReading } from '../../rdp/freerdp-integer';
import { plainDecimal, plainDecimalValue, type RdpEntry } from '../../rdp/parse';
import { quote } from '../messages';
import type { RdpRule, RdpRuleContext } from '../types';
import { setValue } from './fixes';
import { perEntry } from './per-entry';
import { detached } from '../../text/detach';

/** What is wrong with a value; `normal` is the value to write instead, when one is plain. */
interface Verdict {
  readonly message: string;
  readonly normal?: string;
  /** Below the rule's error: a form FreeRDP reads as meant, that only the Windows client's silence makes doubtful. */
  readonly severity?: 'warning';
}

/** Allowed integers of a property with a list of values, as a set (built once per property). */
const allowedSets = new WeakMap<PropertyInfo, ReadonlySet<number>>();

function allowedIntegers(info: PropertyInfo): string {
  const parts: string[] = [];
  if (info.values?.length) parts.push(info.values.map((v) => v.value).join(', '));
  if (info.range) parts.push(`${info.range.min}–${info.range.max}`);
  return parts.join(' or ');
}

function integerAllowed(info: PropertyInfo, n: number): boolean {
  if (info.range && n >= info.range.min && n <= info.range.max) return true;
  if (info.values?.length) {
    let set = allowedSets.get(info);
    if (!set) allowedSets.set(info, (set = new Set(info.values.map((v) => Number(v.value)))));
    return set.has(n);
  }
  return !info.range;
}

/** The blanks strtol skips, around a value: a no-break space is no blank to it, so a message shows that one. */
const STRTOL_BLANKS = /^[ \t\v\f]+|[ \t\v\f]+$/g;
/** Blanks that are none to strtol and look like a space on screen: shown as escapes, so the message's reason shows. */
const UNICODE_BLANKS = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff]/g;

/**
 * What FreeRDP does with an integer value it does not read as a number (`freerdp-integer.ts`): FreeRDP 3 refuses the
 * file for a negative one; any other is dropped with a logged warning, and the setting keeps its default. `anyName`:
 * the line's name is not a known integer property, so the message says why the value matters all the same.
 */
function readingMessage(raw: string, reading: Exclude<FreerdpIntegerReading, 'number'>, anyName: boolean): string {
  const text = raw.replace(STRTOL_BLANKS, '');
  // Under a name RDP Doctor does not know, the value is not quoted: the name says nothing of what it holds (a review
  // found `apikey:i:sk-live-…` quoted into reports); the reading alone says what FreeRDP does.
  const shown = anyName ? 'The value' : quote(text.replace(UNICODE_BLANKS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  const value = text === '' ? 'The value is empty' : reading === 'negative' ? `${shown} is negative` : reading === 'out-of-range' ? `${shown} is outside the 32-bit range` : `${shown} is not a number`;
  const why = anyName ? ', and FreeRDP reads the value of every integer line, whatever its name' : '';
  return reading === 'negative'
    ? `${value}${why}: FreeRDP 3 refuses to load the file; FreeRDP 2 ignores the line.`
    : `${value}${why}: FreeRDP ignores the line, logs a warning and uses the setting's default.`;
}

/** The number a value plainly means when it is not written in plain decimal, and why it is not. */
function unambiguous(text: string): { n: number; why: string } | undefined {
  if (/^\+\d{1,10}$/.test(text)) return { n: Number(text.slice(1)), why: 'has a plus sign' };
  if (/^-0+$/.test(text)) return { n: 0, why: 'has a minus sign' };
  if (/^0x[0-9a-f]{1,8}$/i.test(text)) return { n: parseInt(text, 16), why: 'is hexadecimal, which only FreeRDP reads' };
  // Leading zeros: FreeRDP reads octal. Only when octal and decimal agree is the intended number plain.
  if (/^0[0-7]+$/.test(text) && parseInt(text, 8) === parseInt(text, 10)) return { n: parseInt(text, 10), why: 'has leading zeros, which FreeRDP reads as octal' };
  return undefined;
}

/** What is wrong with an integer value of `info`, if anything (exported for the fast path's test). */
export function checkInteger(raw: string, info: PropertyInfo): Verdict | undefined {
  const text = raw.trim();
  const reading = freerdpIntegerReading(raw);
  if (reading !== 'number') return { message: readingMessage(raw, reading, false) };
  const plain = /^\d{1,10}$/.test(text) && !/^0\d/.test(text);
  const meant = plain ? { n: Number(text), why: '' } : unambiguous(text);
  if (!meant) return { message: `${quote(text)} is not a plain decimal integer; clients read it differently or not at all.` };
  if (!integerAllowed(info, meant.n)) {
    const written = plain ? info.writtenValues?.find((v) => v.value === text) : undefined;
    if (written) {
      return {
        message: `${quote(text)} is not a documented value of "${info.name}" (allowed: ${allowedIntegers(info)}); ${written.meaning} Write ${written.normal}.`,
        normal: written.normal,
        severity: 'warning',
      };
    }
    return { message: `${quote(text)} is not a documented value of "${info.name}" (allowed: ${allowedIntegers(info)}).` };
  }
  const normal = String(meant.n);
  if (normal === raw) return undefined;
  // Blanks around a plain number: FreeRDP's strtol skips the leading ones and stops before the trailing ones, so it
  // reads the number meant; the Windows client's reading is not documented.
  if (plain) return { message: `${quote(raw)} has blanks around it; FreeRDP reads ${normal}, the Windows client's reading is not documented: write ${normal}.`, normal, severity: 'warning' };
  return { message: `${quote(raw)} ${meant.why}; write ${normal}.`, normal };
}

function checkString(raw: string, info: PropertyInfo): Verdict | undefined {
  if (!info.closedSet || !info.values?.length) return undefined;
  const text = raw.trim();
  const match = info.values.find((v) => v.value.toLowerCase() === text.toLowerCase());
  if (match) return undefined;
  return { message: `${quote(text)} is not a documented value of "${info.name}" (allowed: ${info.values.map((v) => v.value).join(', ')}).` };
}

/**
 * Verdicts for (property, raw value) pairs, remembered across files: a folder of files repeats the same
 * values, so the common path is two map look-ups and no allocation. `null` = the value is fine. Each
 * property's map is bounded (cleared past `VERDICTS_PER_PROPERTY` values).
 */
const verdicts = new WeakMap<PropertyInfo, Map<string, Verdict | null>>();
const VERDICTS_PER_PROPERTY = 512;

function verdictFor(raw: string, info: PropertyInfo): Verdict | null {
  let known = verdicts.get(info);
  if (!known) verdicts.set(info, (known = new Map()));
  let verdict = known.get(raw);
  if (verdict === undefined) {
    if (known.size >= VERDICTS_PER_PROPERTY) known.clear();
    // A detached copy: neither the key nor a message quoting the value may keep the file's whole text.
    const value = detached(raw);
    verdict = (info.type === 'i' ? checkInteger(value, info) : checkString(value, info)) ?? null;
    known.set(value, verdict);
  }
  return verdict;
}

/**
 * Whether an integer value is plain decimal and allowed: `checkInteger` would find nothing, so no verdict is looked
 * up (issue 16: most integer lines). The rule reads the same from the entry in place (`plainDecimalValue`).
 */
export function plainAndAllowed(raw: string, info: PropertyInfo): boolean {
  const n = plainDecimal(raw, 0, raw.length);
  return n >= 0 && integerAllowed(info, n);
}

/**
 * An integer line whose name is no known integer property: FreeRDP still reads its value (`parse_line` goes by the
 * type letter alone). A negative value stops FreeRDP 3 from loading the file: an error. Any other value it does not
 * take as a number is dropped with a warning in its log, as the unknown line would be ignored anyway, and Microsoft
 * documents nothing for such a line: information, not the rule's error.
 */
function checkAnyName(entry: RdpEntry, report: RdpRuleContext['report']): void {
  const reading = entryIntegerReading(entry);
  if (reading === 'number') return;
  // A detached copy: a message quoting a slice would keep the file's whole text.
  report({ message: readingMessage(detached(entry.value), reading, true), span: entry.valueSpan, subject: entry.key, ...(reading !== 'negative' && { severity: 'info' as const }) });
}

export const rdp004: RdpRule = {
  id: 'RDP004',
  name: 'invalid-value',
  description: 'An integer is not plain decimal, is negative, or is outside the documented values (under any name, a negative integer FreeRDP 3 cannot load); a string is outside its documented set.',
  defaultSeverity: 'error',
  fixable: true,
  tags: ['values'],
  ...perEntry((entry, info, { report }) => {
    if (!info || info.type !== entry.type) {
      if (entry.type === 'i') checkAnyName(entry, report);
      return;
    }
    if (info.type !== 'i' && info.type !== 's') return;
    if (info.type === 's' && (!info.closedSet || !info.values?.length)) return;
    // A plain decimal among the allowed values: what checkInteger would find nothing wrong with.
    if (info.type === 'i') {
      // Read in place: the value is not sliced for the common case.
      const n = plainDecimalValue(entry);
      if (n >= 0 && integerAllowed(info, n)) return;
    }
    const verdict = verdictFor(entry.value, info);
    if (!verdict) return;
    report({
      message: verdict.message,
      span: entry.valueSpan,
      subject: info.name,
      ...(verdict.severity && { severity: verdict.severity }),
      ...(verdict.normal !== undefined && { fix: setValue(entry, verdict.normal, `Write ${verdict.normal}`) }),
    });
  }, { lineLocal: true }),
};
