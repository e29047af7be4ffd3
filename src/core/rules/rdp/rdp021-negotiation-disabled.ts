import { effectiveEntry } from '../../rdp/parse';
import { intValue } from '../../rdp/values';
import { settingRule } from './setting-rule';

/**
 * With CredSSP off as well, the client has no NLA to go straight to: it uses one protocol without negotiating (FreeRDP
 * `libfreerdp/core/nego.c`: the highest one still enabled, TLS, else Standard RDP Security), so the servers that fail are
 * the ones that require NLA, the opposite of the usual case (a session 17 review).
 */
const WITHOUT_CREDSSP =
  'Security-layer negotiation is off and so is CredSSP ("enablecredsspsupport" is 0): the client does not negotiate and uses one protocol without NLA (FreeRDP: TLS, else Standard RDP Security), so servers that require NLA refuse the connection and the client cannot fall back.';

export const rdp021 = settingRule({
  id: 'RDP021',
  name: 'negotiation-disabled',
  description: 'negotiate security layer:i:0 skips security negotiation.',
  defaultSeverity: 'warning',
  tags: ['security'],
  key: 'negotiate security layer',
  when: [0],
  fixTo: 1,
  messageFor: (doc) => (intValue(effectiveEntry(doc, 'enablecredsspsupport')) === 0 ? WITHOUT_CREDSSP : undefined),
  message:
    'Security-layer negotiation is off: the client does not offer protocols in the X.224 request and goes straight to NLA (CredSSP), so servers that do not use NLA (older ones, or ones set to TLS or RDP security) fail.',
});
