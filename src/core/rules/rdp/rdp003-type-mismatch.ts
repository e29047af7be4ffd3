import type { RdpType } from '../../rdp/property-types';
import type { RdpRule } from '../types';
import { perEntry } from './per-entry';
import { setElsewhere } from './fixes';

const TYPE_NAMES: Record<RdpType, string> = { s: 'a string', i: 'an integer', b: 'a binary' };

export const rdp003: RdpRule = {
  id: 'RDP003',
  name: 'type-mismatch',
  description: "The type letter differs from the property's type.",
  defaultSeverity: 'error',
  fixable: true,
  tags: ['syntax'],
  ...perEntry((entry, info, { doc, report }) => {
    if (!info || info.type === entry.type || info.otherType === entry.type) return;
    // No fix where the letter decides what the value is: a binary blob is no string or number, and a secret's
    // line is never rewritten into another kind of secret. (Windows CE's cetsc writes `Password:b:<blob>`:
    // turning it into `password:s:` would hand FreeRDP the blob as a plaintext password.)
    const fixable = !info.secret && info.type !== 'b' && entry.type !== 'b';
    report({
      message: `"${info.name}" is ${TYPE_NAMES[info.type]} property (${info.type}), not ${entry.type}; clients ignore or reject the line.`,
      span: entry.typeSpan,
      subject: info.name,
      // Readable again, the line may take over from another line of the same name: the user decides.
      ...(fixable && { fix: { title: `Change the type to ${info.type}`, edits: [{ span: entry.typeSpan, newText: info.type }], ...(setElsewhere(doc, entry) && { reviewFirst: true as const }) } }),
    });
  }, { lineLocal: true }),
};
