import { findProperty } from '../../rdp/properties/index';
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

function checkInteger(entry: RdpEntry, info: PropertyInfo): Problem | undefined {
  const raw = entry.value;
  const text = raw.trim();
  if (/^-\d+$/.test(text)) return { message: `${quote(text)} is negative; FreeRDP refuses to load a file with a negative value.` };
  if (!/^\d+$/.test(text)) {
    return { message: `${quote(text)} is not a plain decimal integer; clients read it differently or not at all.` };
  }
  const n = Number(text);
  const normal = String(n);
  if (!integerAllowed(info, n)) {
    return { message: `${quote(text)} is not a documented value of "${info.name}" (allowed: ${allowedIntegers(info)}).` };
  }
  if (normal !== raw) {
    const why = text !== raw ? 'has blanks around it' : 'has leading zeros, which FreeRDP reads as octal';
    return { message: `${quote(raw)} ${why}; write ${normal}.`, fix: setValue(entry, normal, `Write ${normal}`) };
  }
  return undefined;
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
  check({ doc, report }) {
    for (const entry of doc.entries) {
      const info = findProperty(entry.key);
      if (!info || info.type !== entry.type) continue;
      const problem = info.type === 'i' ? checkInteger(entry, info) : info.type === 's' ? checkString(entry, info) : undefined;
      if (!problem) continue;
      report({ message: problem.message, span: entry.valueSpan, subject: info.name, ...(problem.fix && { fix: problem.fix }) });
    }
  },
};
