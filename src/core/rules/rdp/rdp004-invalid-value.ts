import type { PropertyInfo } from '../../rdp/property-types';
import type { RdpEntry } from '../../rdp/parse';
import { quote } from '../messages';
import type { Fix, RdpRule } from '../types';
import { setValue } from './fixes';

interface Problem {
  readonly message: string;
  readonly fix?: Fix;
}

function allowedIntegers(info: PropertyInfo): string {
  const parts: string[] = [];
  if (info.values?.length) parts.push(info.values.map((v) => v.value).join(', '));
  if (info.range) parts.push(`${info.range.min}–${info.range.max}`);
  return parts.join(' or ');
}

function integerAllowed(info: PropertyInfo, n: number): boolean {
  if (info.range && n >= info.range.min && n <= info.range.max) return true;
  if (info.values?.length) return info.values.some((v) => Number(v.value) === n);
  return !info.range;
}

/** The number a value plainly means when it is not written in plain decimal, and why it is not. */
function unambiguous(text: string): { n: number; why: string } | undefined {
  if (/^\+\d{1,10}$/.test(text)) return { n: Number(text.slice(1)), why: 'has a plus sign' };
  if (/^0x[0-9a-f]{1,8}$/i.test(text)) return { n: parseInt(text, 16), why: 'is hexadecimal, which only FreeRDP reads' };
  // Leading zeros: FreeRDP reads octal. Only when octal and decimal agree is the intended number plain.
  if (/^0[0-7]+$/.test(text) && parseInt(text, 8) === parseInt(text, 10)) return { n: parseInt(text, 10), why: 'has leading zeros, which FreeRDP reads as octal' };
  return undefined;
}

function checkInteger(entry: RdpEntry, info: PropertyInfo): Problem | undefined {
  const raw = entry.value;
  const text = raw.trim();
  if (/^-\d+$/.test(text)) return { message: `${quote(text)} is negative; FreeRDP refuses to load a file with a negative value.` };
  const plain = /^\d{1,10}$/.test(text) && !/^0\d/.test(text);
  const meant = plain ? { n: Number(text), why: text !== raw ? 'has blanks around it' : '' } : unambiguous(text);
  if (!meant) return { message: `${quote(text)} is not a plain decimal integer; clients read it differently or not at all.` };
  if (!integerAllowed(info, meant.n)) {
    return { message: `${quote(text)} is not a documented value of "${info.name}" (allowed: ${allowedIntegers(info)}).` };
  }
  const normal = String(meant.n);
  if (normal === raw) return undefined;
  return { message: `${quote(raw)} ${meant.why}; write ${normal}.`, fix: setValue(entry, normal, `Write ${normal}`) };
}

function checkString(entry: RdpEntry, info: PropertyInfo): Problem | undefined {
  if (!info.closedSet || !info.values?.length) return undefined;
  const text = entry.value.trim();
  const match = info.values.find((v) => v.value.toLowerCase() === text.toLowerCase());
  if (match) return undefined;
  return { message: `${quote(text)} is not a documented value of "${info.name}" (allowed: ${info.values.map((v) => v.value).join(', ')}).` };
}

export const rdp004: RdpRule = {
  id: 'RDP004',
  name: 'invalid-value',
  description: 'An integer is not plain decimal, is negative, or is outside the documented values; a string is outside its documented set.',
  defaultSeverity: 'error',
  fixable: true,
  tags: ['values'],
  check({ doc, report, property }) {
    for (const entry of doc.entries) {
      const info = property(entry);
      if (!info || info.type !== entry.type) continue;
      const problem = info.type === 'i' ? checkInteger(entry, info) : info.type === 's' ? checkString(entry, info) : undefined;
      if (!problem) continue;
      report({ message: problem.message, span: entry.valueSpan, subject: info.name, ...(problem.fix && { fix: problem.fix }) });
    }
  },
};
