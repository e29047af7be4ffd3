import { settingRule } from './setting-rule';

export const rdp022 = settingRule({
  id: 'RDP022',
  name: 'server-auth-disabled',
  description: 'authentication level:i:0 accepts certificate problems silently.',
  defaultSeverity: 'warning',
  tags: ['security', 'certificate'],
  key: 'authentication level',
  when: [0],
  fixTo: 2,
  message:
    'Server authentication failures are accepted without a warning: an expired, self-signed or impostor certificate goes unnoticed (man-in-the-middle risk).',
});
