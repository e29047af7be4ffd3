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
  message:
    'CredSSP is turned off, so the client cannot use Network Level Authentication: a server that requires NLA refuses the connection (HYBRID_REQUIRED_BY_SERVER).',
});
