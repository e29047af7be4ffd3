import { entriesOf } from '../../rdp/entry-index';
import type { RdpEntry } from '../../rdp/parse';
import type { RdpRule } from '../types';
import { deleteLine } from './fixes';

/** Names a saved password is written under: mstsc's `password 51`, and FreeRDP's `password`. */
const PASSWORD_KEYS: readonly string[] = ['password 51', 'password', 'clear password'];

/** Every DPAPI blob starts with version 1 and the provider GUID {DF9D8CD0-1501-11D1-8C7A-00C04FC297EB}. */
const DPAPI_PREFIX = '01000000d08c9ddf0115d1118c7a00c04fc297eb';

export const blobMessage = (kind: 'dpapi' | 'hex' | 'other'): string =>
  kind === 'dpapi'
    ? 'The file holds a saved password protected with DPAPI: only the same Windows user on the same computer can decrypt it, so copies of this file prompt or fail elsewhere, and FreeRDP ignores "b" lines.'
    : kind === 'hex'
      ? 'The file holds a saved password as a hex blob that is not DPAPI-protected data, so it is not a password mstsc saved; FreeRDP ignores "b" lines.'
      : 'The file holds a saved password line whose value is not hex, so it is no DPAPI blob mstsc saved (a template placeholder or a value another tool wrote); FreeRDP ignores "b" lines.';

export const plainTextMessage = (key: string, indented = false): string =>
  key === 'password'
    ? indented
      ? 'The file holds a saved password in plain text (FreeRDP reads "password:s:", though not on this line while blanks surround its name): anyone who can read the file can read it.'
      : 'The file holds a saved password in plain text (FreeRDP reads "password:s:"): anyone who can read the file can read it.'
    : `The file holds a saved password in plain text under "${key}": anyone who can read the file can read it.`;

/** What a `b` password value holds: mstsc's DPAPI blob, other hex, or something else. */
function blobKind(entry: RdpEntry): 'dpapi' | 'hex' | 'other' {
  const value = entry.value.trim().toLowerCase();
  if (value.startsWith(DPAPI_PREFIX)) return 'dpapi';
  return /^(?:[0-9a-f]{2})+$/.test(value) ? 'hex' : 'other';
}

export const rdp040: RdpRule = {
  id: 'RDP040',
  name: 'stored-password',
  description: 'A saved password: a hex or DPAPI blob (password 51:b:) or plain text (password:s:).',
  defaultSeverity: 'warning',
  fixable: true,
  tags: ['security', 'secrets'],
  check({ doc, report }) {
    const entries = entriesOf(doc.byKey, PASSWORD_KEYS);
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!;
      const fix = deleteLine(doc, entry, 'Remove the saved password', true);
      if (entry.type === 'b') {
        report({ message: blobMessage(blobKind(entry)), span: entry.nameSpan, subject: entry.key, fix });
      } else if (entry.type === 's') {
        // An indented name is one FreeRDP does not recognise (RDP008): the message does not say it reads this line.
        const indented = entry.rawName.length !== entry.rawName.trim().length;
        report({ message: plainTextMessage(entry.key, indented), span: entry.nameSpan, subject: entry.key, severity: 'error', fix });
      }
    }
  },
};
