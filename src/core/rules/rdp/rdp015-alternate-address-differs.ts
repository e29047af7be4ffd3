import { DEFAULT_RDP_PORT, parseAddress } from '../../text/address';
import { asciiHostName, punycodeBeside } from '../../text/host-name';
import { quote } from '../messages';
import type { RdpRule } from '../types';
import { targets, type Target } from '../../rdp/target';
import { effectiveEntry } from '../../rdp/parse';
import { textValue } from '../../rdp/values';

function endpoint(t: Target): string {
  return `${asciiHostName(t.address.host).toLowerCase().replace(/\.$/, '')}:${t.address.port ?? DEFAULT_RDP_PORT}`;
}

/** An address as the message shows it: a non-ASCII name with its Punycode form, where look-alike letters show. */
function shown(text: string, host: string | undefined): string {
  return `${quote(text)}${host === undefined ? '' : punycodeBeside(text, host)}`;
}

function hostOf(value: string): string | undefined {
  const parsed = parseAddress(value);
  return parsed.ok ? parsed.address.host : undefined;
}

export const rdp015: RdpRule = {
  id: 'RDP015',
  name: 'alternate-address-differs',
  description: '"alternate full address" differs from "full address", or is empty; clients connect to the alternate.',
  defaultSeverity: 'warning',
  fixable: false,
  tags: ['address'],
  check({ doc, report }) {
    const empty = effectiveEntry(doc, 'alternate full address');
    const fullText = textValue(effectiveEntry(doc, 'full address'));
    if (empty?.type === 's' && empty.value.trim() === '' && fullText !== undefined) {
      // FreeRDP takes the alternate whenever the line is there, "" included (file.c: the stored value is "", not
      // unset), and connects to host "". Microsoft lists only a host name or address as its value.
      report({
        message: `"alternate full address" is empty: FreeRDP-based clients take the alternate address whenever the line is present and connect to an empty host name, not to ${shown(fullText, hostOf(fullText))} in "full address"; Microsoft does not document what its clients do with an empty one.`,
        span: empty.span,
        subject: 'alternate full address',
        related: [{ message: '"full address" is set here.', span: effectiveEntry(doc, 'full address')!.span }],
      });
      return;
    }
    const found = targets(doc);
    const full = found.find((t) => t.entry.key === 'full address');
    const alternate = found.find((t) => t.entry.key === 'alternate full address');
    if (!full || !alternate || endpoint(full) === endpoint(alternate)) return;
    report({
      message: `Clients connect to the alternate address ${shown(alternate.entry.value.trim(), alternate.address.host)}, not to ${shown(full.entry.value.trim(), full.address.host)} in "full address".`,
      span: alternate.entry.valueSpan,
      subject: 'alternate full address',
      related: [{ message: '"full address" is set here.', span: full.entry.span }],
    });
  },
};
