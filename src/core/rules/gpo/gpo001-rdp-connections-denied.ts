import { named, where } from './lookup';
import { REFS } from './refs';
import { valueRule } from './value-rule';

export const gpo001 = valueRule({
  id: 'GPO001',
  name: 'rdp-connections-denied',
  description: 'fDenyTSConnections is 1: the server accepts no Remote Desktop connections.',
  defaultSeverity: 'error',
  tags: ['gpo', 'connection'],
  checks: [
    {
      refs: REFS.denyConnections,
      test: (value, s) =>
        value === 1
          ? {
              message:
                s.policy !== undefined
                  ? `${named(s)} ${where(s)} ("${s.policy}" is Disabled): the server accepts no new Remote Desktop connections.`
                  : `${named(s)} ${where(s)}: the server accepts no new Remote Desktop connections.`,
            }
          : undefined,
    },
  ],
});
