import { settingRule } from './setting-rule';

export const rdp032 = settingRule({
  id: 'RDP032',
  name: 'gateway-basic-auth',
  description: 'gatewaycredentialssource:i:3 uses HTTP Basic authentication to the gateway.',
  defaultSeverity: 'info',
  tags: ['gateway', 'security'],
  key: 'gatewaycredentialssource',
  when: [3],
  message:
    'The gateway is reached with HTTP Basic authentication: the password travels inside the HTTPS connection, and the "Set RD Gateway authentication method" policy may override it.',
});
