import { named, where } from './lookup';
import { valueRule } from './value-rule';

export const gpo002 = valueRule({
  id: 'GPO002',
  name: 'security-layer-rdp',
  description: 'SecurityLayer is 0: Standard RDP Security, with no TLS and no server authentication.',
  defaultSeverity: 'warning',
  tags: ['gpo', 'security', 'tls'],
  checks: [
    {
      refs: 'securityLayer',
      test: (value, s) =>
        value === 0
          ? { message: `${named(s)} ${where(s)}: the connection uses Standard RDP Security without TLS, so clients cannot authenticate the server, and clients that require TLS or NLA are refused (SSL_NOT_ALLOWED_BY_SERVER).` }
          : undefined,
    },
  ],
});
