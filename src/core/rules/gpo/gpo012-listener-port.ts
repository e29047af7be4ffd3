import { DEFAULT_RDP_PORT } from '../../text/address';
import { where } from './lookup';
import { valueRule } from './value-rule';

export const gpo012 = valueRule({
  id: 'GPO012',
  name: 'listener-port',
  description: 'The listener PortNumber is not 3389.',
  defaultSeverity: 'info',
  tags: ['gpo', 'connection'],
  checks: [
    {
      refs: 'portNumber',
      test: (value, s) =>
        value !== DEFAULT_RDP_PORT
          ? { message: `"PortNumber" is ${value} ${where(s)}: clients must name port ${value} ("host:${value}"), and the firewall must allow it for TCP and UDP.` }
          : undefined,
    },
  ],
});
