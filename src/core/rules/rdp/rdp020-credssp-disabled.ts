import { settingRule } from './setting-rule';

export const rdp020 = settingRule({
  id: 'RDP020',
  name: 'credssp-disabled',
  description: 'enablecredsspsupport:i:0 turns Network Level Authentication off on the client.',
  defaultSeverity: 'warning',
  tags: ['security', 'nla'],
  key: 'enablecredsspsupport',
  when: [0],
  fixTo: 1,
  // With CredSSP on, the client asks for credentials before it connects: a file written without it on purpose (a
  // broker that signs users in with a one-time token in "username") stops working. The user decides (session 16 review).
  reviewFirst: true,
  message:
    'CredSSP is turned off, so the client cannot use Network Level Authentication: a server that requires NLA refuses the connection (HYBRID_REQUIRED_BY_SERVER).',
});
