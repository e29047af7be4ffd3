import { settingRule } from './setting-rule';

export const rdp021 = settingRule({
  id: 'RDP021',
  name: 'negotiation-disabled',
  description: 'negotiate security layer:i:0 skips security negotiation.',
  defaultSeverity: 'warning',
  tags: ['security'],
  key: 'negotiate security layer',
  when: [0],
  fixTo: 1,
  message:
    'Security-layer negotiation is off: the client does not offer protocols in the X.224 request and goes straight to NLA, so servers that do not use NLA (older ones, or ones set to TLS or RDP security) fail.',
});
