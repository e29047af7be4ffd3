import { effectiveEntry } from '../../rdp/parse';
import type { RdpRule } from '../types';
import { intValue, textValue } from '../../rdp/values';

export const rdp035: RdpRule = {
  id: 'RDP035',
  name: 'remoteapp-missing-program',
  description: 'remoteapplicationmode:i:1 without remoteapplicationprogram.',
  defaultSeverity: 'error',
  fixable: false,
  tags: ['remoteapp'],
  check({ doc, report }) {
    const mode = effectiveEntry(doc, 'remoteapplicationmode');
    if (!mode || intValue(mode) !== 1) return;
    if (textValue(effectiveEntry(doc, 'remoteapplicationprogram'))) return;
    report({
      message: 'RemoteApp mode is on but "remoteapplicationprogram" is missing or empty, so there is no program to start.',
      span: mode.valueSpan,
      subject: 'remoteapplicationprogram',
    });
  },
};
