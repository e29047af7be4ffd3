import { asciiHostName, isIPv6, parseAddress } from '../../text/address';
import { quote } from '../messages';
import { entriesOf } from '../../rdp/entry-index';
import type { RdpRule } from '../types';
import { ADDRESS_KEYS } from '../../rdp/target';

/** Where a host name or address is written; empty values are left to RDP010 and the gateway rules. */
const CHECKED_KEYS = [...ADDRESS_KEYS, 'gatewayhostname'] as const;

export const rdp011: RdpRule = {
  id: 'RDP011',
  name: 'invalid-address',
  description: 'Malformed host, or port outside 1–65535; an IPv6 address, which clients read differently, is a warning.',
  defaultSeverity: 'error',
  fixable: false,
  tags: ['address'],
  check({ doc, report }) {
    // Looked up, not listed per key: a key met once has no list to make (issue 16). The engine orders findings.
    const entries = entriesOf(doc.byKey, CHECKED_KEYS);
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!;
      if (entry.type !== 's' || entry.value.trim() === '') continue;
      const parsed = parseAddress(entry.value);
      if (parsed.ok) {
        if (parsed.address.kind === 'ipv6' && entry.key !== 'gatewayhostname') report({ message: bracketed(entry.key), span: entry.valueSpan, subject: entry.key, severity: 'warning' });
        const { host, hostStart, hostEnd } = parsed.address;
        const ascii = asciiHostName(host);
        if (ascii !== host) {
          const start = entry.valueSpan.start;
          report({ message: internationalName(entry.key, host, ascii), span: { start: start + hostStart, end: start + hostEnd }, subject: entry.key, severity: 'info' });
        }
        continue;
      }
      const bare = isIPv6(entry.value.trim());
      report({ message: bare ? bareIPv6(entry.key) : `Invalid "${entry.key}": ${parsed.problem}.`, span: entry.valueSpan, subject: entry.key, ...(bare && { severity: 'warning' as const }) });
    }
  },
};

/**
 * An IPv6 address in an address line works in no client RDP Doctor can vouch for (a session 17 review): FreeRDP's
 * `.rdp` path (`freerdp_parse_hostname`, client/common/cmdline.c) splits at the last colon and keeps brackets in the
 * host it resolves, and Microsoft documents no IPv6 syntax for `full address` (reference §1.4). Client-dependent,
 * so a warning, not the rule's error: it may work in Microsoft's clients.
 */
function bareIPv6(key: string): string {
  return `"${key}" is an IPv6 address without brackets: FreeRDP splits it at the last colon into a host and a port and cannot connect, and Microsoft does not document how its clients read an IPv6 address here. Use a DNS name.`;
}

function bracketed(key: string): string {
  return `"${key}" is an IPv6 address in brackets: FreeRDP keeps the brackets in the host name it resolves from a .rdp file and cannot connect, and Microsoft does not document how its clients read an IPv6 address here. Use a DNS name.`;
}

/**
 * A name with non-ASCII letters: Windows' resolver looks it up by its Punycode form (GetAddrInfoW, unless
 * AI_DISABLE_IDN_ENCODING), but FreeRDP resolves with getaddrinfo and no AI_IDN flag (libfreerdp/core/tcp.c,
 * `freerdp_tcp_resolve_host`), and glibc then neither converts it nor asks DNS (glibc 2.36 answered "Name or
 * service not known" without a query). Client-dependent and often fine: information.
 */
function internationalName(key: string, host: string, ascii: string): string {
  return `"${key}" names ${quote(host)}, a host name with non-ASCII letters: Windows' GetAddrInfoW looks it up as ${quote(ascii)}, but FreeRDP passes it to getaddrinfo without the AI_IDN flag, which glibc needs to convert it, so FreeRDP-based clients on Linux may not resolve it. Writing ${quote(ascii)} reaches the same host from both.`;
}
