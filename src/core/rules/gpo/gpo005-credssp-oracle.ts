import { named, where } from './lookup';
import { valueRule } from './value-rule';

export const gpo005 = valueRule({
  id: 'GPO005',
  name: 'credssp-oracle',
  description: 'CredSSP AllowEncryptionOracle is 2 (Vulnerable), or 1 (Mitigated) as information.',
  defaultSeverity: 'error',
  tags: ['gpo', 'security', 'credssp'],
  checks: [
    {
      refs: 'encryptionOracle',
      test: (value, s) => {
        if (value === 2) return { message: `${named(s)} ${where(s)}: CredSSP falls back to versions open to CVE-2018-0886, and the server accepts unpatched clients.` };
        if (value === 1) return { message: `${named(s)} ${where(s)}: the server still accepts unpatched CredSSP clients; use 0 (Force Updated Clients) once every client is patched.`, severity: 'info' };
        return undefined;
      },
    },
  ],
});
