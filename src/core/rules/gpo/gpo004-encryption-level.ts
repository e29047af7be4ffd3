import { named, where } from './lookup';
import { valueRule } from './value-rule';

export const gpo004 = valueRule({
  id: 'GPO004',
  name: 'encryption-level',
  description: 'MinEncryptionLevel is 1 (Low), or 4 (FIPS) as information.',
  defaultSeverity: 'warning',
  tags: ['gpo', 'security'],
  checks: [
    {
      refs: 'minEncryptionLevel',
      test: (value, s) => {
        if (value === 1) return { message: `${named(s)} ${where(s)}: Standard RDP Security encrypts only client-to-server data, with 56-bit keys.` };
        if (value === 4) return { message: `${named(s)} ${where(s)}: only FIPS 140 algorithms are used, and clients that cannot use them cannot connect.`, severity: 'info' };
        return undefined;
      },
    },
  ],
});
