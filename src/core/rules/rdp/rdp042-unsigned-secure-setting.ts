import type { RdpRule } from '../types';
import { isSigned, signScope } from './signing';

/** Settings a current rdpsign.exe signs that the 2015 one did not (kimmknight/raweb's tests): an older signature lacks them honestly. */
const NEWER_SIGNED: ReadonlySet<string> = new Set(['enablerdsaadauth', 'redirectwebauthn']);

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
        message: NEWER_SIGNED.has(entry.key)
          ? `"${entry.key}" is a setting a current rdpsign signs but "signscope" does not cover it: it was added after signing, or the file was signed by an older rdpsign; either way the signature does not protect it.`
          : `"${entry.key}" is a secure setting but "signscope" does not cover it: it was added or changed after signing and the signature does not protect it.`,
        span: entry.nameSpan,
        subject: entry.key,
      });
    }
  },
};
