import type { RdpRule } from '../types';
import { deleteLine } from './fixes';

export const rdp040: RdpRule = {
  id: 'RDP040',
  name: 'stored-password',
  description: 'A saved password: DPAPI-protected (password 51:b:) or plain text (password:s:).',
  defaultSeverity: 'warning',
  fixable: true,
  tags: ['security', 'secrets'],
  check({ doc, report }) {
    for (const entry of doc.entries) {
      if (entry.key === 'password 51') {
        report({
          message:
            'The file holds a saved password protected with DPAPI: only the same Windows user on the same computer can decrypt it, so copies of this file prompt or fail elsewhere.',
          span: entry.nameSpan,
          subject: entry.key,
          fix: deleteLine(doc, entry, 'Remove the saved password', true),
        });
      } else if (entry.key === 'password' || entry.key === 'clear password') {
        report({
          message: 'The file holds a saved password in plain text (read by FreeRDP): anyone who can read the file can read it.',
          span: entry.nameSpan,
          subject: entry.key,
          severity: 'error',
          fix: deleteLine(doc, entry, 'Remove the saved password', true),
        });
      }
    }
  },
};
