import { named, where } from './lookup';
import { valueRule } from './value-rule';

export const gpo003 = valueRule({
  id: 'GPO003',
  name: 'nla-not-required',
  description: 'UserAuthentication is 0: Network Level Authentication is not required.',
  defaultSeverity: 'warning',
  tags: ['gpo', 'security', 'nla'],
  checks: [
    {
      refs: 'userAuthentication',
      test: (value, s) =>
        value === 0
          ? { message: `${named(s)} ${where(s)}: users reach the logon screen before they authenticate, which exposes the server to unauthenticated sessions.` }
          : undefined,
    },
  ],
});
