import type { RdpRule } from '../types';
import { isSigned, signScope } from './signing';

export const rdp042: RdpRule = {
  id: 'RDP042',
  name: 'unsigned-secure-setting',
  description: 'A signed file has secure settings outside signscope.',
  defaultSeverity: 'warning',
  fixable: false,
  tags: ['signing'],
  check({ doc, report, property }) {
    const scope = signScope(doc);
    if (!isSigned(doc) || !scope) return;
    for (const entry of doc.entries) {
      const signName = property(entry)?.signName;
      if (!signName || scope.has(signName.toLowerCase())) continue;
      report({
        message: `"${entry.key}" is a secure setting but "signscope" does not cover it: it was added or changed after signing and the signature does not protect it.`,
        span: entry.nameSpan,
        subject: entry.key,
      });
    }
  },
};
