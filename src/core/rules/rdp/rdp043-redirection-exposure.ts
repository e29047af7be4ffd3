import type { RdpEntry } from '../../rdp/parse';
import type { RdpRule } from '../types';
import { intValue, textValue } from '../../rdp/values';
import { isSigned } from './signing';

/** Redirections the April 2026 client prompts for when a file is unsigned, and what each hands over. */
const REDIRECTIONS: ReadonlyMap<string, { what: string; on: (e: RdpEntry) => boolean }> = new Map(Object.entries({
  redirectdrives: { what: 'local drives', on: (e: RdpEntry) => intValue(e) === 1 },
  drivestoredirect: { what: 'local drives', on: (e: RdpEntry) => textValue(e) !== undefined },
  devicestoredirect: { what: 'plug and play devices', on: (e: RdpEntry) => textValue(e) !== undefined },
  usbdevicestoredirect: { what: 'USB devices', on: (e: RdpEntry) => textValue(e) !== undefined },
  camerastoredirect: { what: 'cameras', on: (e: RdpEntry) => textValue(e) !== undefined },
  redirectclipboard: { what: 'the clipboard', on: (e: RdpEntry) => intValue(e) === 1 },
  redirectsmartcards: { what: 'smart cards', on: (e: RdpEntry) => intValue(e) === 1 },
}));

function list(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export const rdp043: RdpRule = {
  id: 'RDP043',
  name: 'redirection-exposure',
  description: 'An unsigned file redirects drives, devices, clipboard or smart cards.',
  defaultSeverity: 'info',
  fixable: false,
  tags: ['security', 'signing'],
  check({ doc, report }) {
    if (isSigned(doc)) return;
    const lines = doc.entries.filter((e) => REDIRECTIONS.get(e.key)?.on(e));
    const [first, ...others] = lines;
    if (!first) return;
    const what = [...new Set(lines.map((e) => REDIRECTIONS.get(e.key)!.what))];
    report({
      message: `This unsigned file redirects ${list(what)}: clients updated since April 2026 warn about the unknown publisher and turn these redirections off until the user allows them. Sign the file to keep them.`,
      span: first.span,
      subject: first.key,
      ...(others.length > 0 && { related: others.map((e) => ({ message: `"${e.key}" also redirects.`, span: e.span })) }),
    });
  },
};
