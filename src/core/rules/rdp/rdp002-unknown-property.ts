import { findProperty, PROPERTY_NAMES } from '../../rdp/properties/index';
import { closest } from '../../text/distance';
import { quote } from '../messages';
import type { RdpRule } from '../types';
import { perEntry } from './per-entry';

export const rdp002: RdpRule = {
  id: 'RDP002',
  name: 'unknown-property',
  description: 'The name is not a known property.',
  defaultSeverity: 'warning',
  fixable: true,
  tags: ['syntax'],
  ...perEntry((entry, info, { report }) => {
    if (info) return;
    const suggestion = closest(entry.key, PROPERTY_NAMES);
    const known = suggestion && findProperty(suggestion);
    report({
      message: suggestion
        ? `Unknown property ${quote(entry.rawName.trim())}; did you mean ${quote(suggestion)}?`
        : `Unknown property ${quote(entry.rawName.trim())}: it is in no Microsoft property list, no client source and no service-issued file RDP Doctor knows, so what clients do with it is undocumented.`,
      span: entry.nameSpan,
      subject: entry.key,
      ...(suggestion && {
        fix: {
          title: `Change to "${suggestion}"`,
          reviewFirst: true,
          edits: [
            { span: entry.nameSpan, newText: suggestion },
            // The known name's own type letter, so the fix does not trade one finding for another.
            ...(known && known.type !== entry.type ? [{ span: entry.typeSpan, newText: known.type }] : []),
          ],
        },
      }),
    });
  }),
};
