import { named, where } from './lookup';
import { valueRule } from './value-rule';

export const gpo010 = valueRule({
  id: 'GPO010',
  name: 'rpc-not-encrypted',
  description: 'fEncryptRPCTraffic is 0: unsecured RPC to the Remote Desktop Services administration interface is still accepted.',
  defaultSeverity: 'info',
  tags: ['gpo', 'security'],
  checks: [
    {
      refs: 'encryptRpc',
      test: (value, s) =>
        value === 0
          ? { message: `${named(s)} ${where(s)}: the Remote Desktop Services administration interface does not require secure RPC.` }
          : undefined,
    },
  ],
});
