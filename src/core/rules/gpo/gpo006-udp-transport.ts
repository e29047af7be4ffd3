import { named, where } from './lookup';
import { valueRule } from './value-rule';

export const gpo006 = valueRule({
  id: 'GPO006',
  name: 'udp-transport',
  description: 'SelectTransport or the client fClientDisableUDP is set: record the known UDP workaround.',
  defaultSeverity: 'info',
  tags: ['gpo', 'transport'],
  checks: [
    {
      refs: 'selectTransport',
      test: (value, s) =>
        value === 1
          ? { message: `${named(s)} ${where(s)}: RDP runs over TCP only, the known workaround for UDP trouble (freezes, black screens); note why it is set and remove it once the cause is fixed.` }
          : { message: `${named(s)} ${where(s)}: the server offers UDP; if sessions freeze or drop, setting it to 1 (Use only TCP) is the known workaround.` },
    },
    {
      refs: 'clientDisableUdp',
      test: (value, s) =>
        value === 1
          ? { message: `${named(s)} ${where(s)}: this computer's Remote Desktop client uses TCP only, the known UDP workaround; note why it is set.` }
          : undefined,
    },
  ],
});
