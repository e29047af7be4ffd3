import { named, where } from './lookup';
import { valueRule } from './value-rule';

export const gpo011 = valueRule({
  id: 'GPO011',
  name: 'password-prompt',
  description: 'fPromptForPassword is 0 or DisablePasswordSaving is 0, a deviation from the security baselines.',
  defaultSeverity: 'info',
  tags: ['gpo', 'security', 'baseline'],
  checks: [
    {
      refs: 'promptForPassword',
      test: (value, s) =>
        value === 0 ? { message: `${named(s)} ${where(s)}: the server logs users on with the credentials the client sends, where the security baselines ask for a prompt.` } : undefined,
    },
    {
      refs: 'disablePasswordSaving',
      test: (value, s) =>
        value === 0 ? { message: `${named(s)} ${where(s)}: the Remote Desktop client may save passwords, which the security baselines turn off.` } : undefined,
    },
  ],
});
