import { parseAddress } from '../../text/address';
import { asciiHostName, isIPv6 } from '../../text/host-name';
import { idnaReading, type IdnaReading } from '../../text/idna-reading';
import { codePoint } from '../../text/invisible';
import { mixedScripts, scriptName, type MixedScripts } from '../../text/unicode-scripts';
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
          const span = { start: start + hostStart, end: start + hostEnd };
          // A name that reads as another, or mixes scripts, may be made to pass for a known one (UTS #39): a warning.
          const reading = idnaReading(host);
          const mixed = mixedScripts(host);
          if (reading) report({ message: readAsAnother(entry.key, host, ascii, reading), span, subject: entry.key, severity: 'warning' });
          if (mixed) report({ message: mixesScripts(entry.key, host, ascii, mixed), span, subject: entry.key, severity: 'warning' });
          if (!reading && !mixed) report({ message: internationalName(entry.key, host, ascii), span, subject: entry.key, severity: 'info' });
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

/** Up to three items, then how many more: `a, b, c and 2 more`. */
function firstFew(items: readonly string[]): string {
  const shown = items.slice(0, 3);
  const last = items.length > 3 ? `${items.length - 3} more` : shown.pop()!;
  return shown.length ? `${shown.join(', ')} and ${last}` : last;
}

/**
 * A name the IDNA mapping (UTS #46) turns into another before the Punycode conversion: compatibility characters become
 * the letters they stand for (U+217C, a Roman numeral, is "l"), so the name shown is not the one looked up.
 */
function readAsAnother(key: string, host: string, ascii: string, reading: IdnaReading): string {
  const name = ascii === reading.name ? quote(ascii) : `${quote(reading.name)} (${ascii})`;
  const changes = reading.changed.map((c) => `${codePoint(c.char)} becomes ${quote(c.becomes)}`);
  return `"${key}" names ${quote(host)}, which the IDNA mapping (UTS #46) reads as ${name} before it is looked up${changes.length ? `: ${firstFew(changes)}` : ''}. The name shown is not the name clients ask for, which is how a host passes for another; write ${quote(ascii)} if that is the host meant.`;
}

/** A label that mixes scripts beyond UTS #39 §5.2 "Highly Restrictive": the way look-alike names are made. */
function mixesScripts(key: string, host: string, ascii: string, mixed: MixedScripts): string {
  const byScript = new Map<string, string[]>();
  for (const c of mixed.odd) {
    const script = scriptName(c) ?? '';
    byScript.set(script, [...(byScript.get(script) ?? []), codePoint(c)]);
  }
  const odd = [...byScript].map(([script, chars]) => `${firstFew(chars)} ${chars.length === 1 ? 'is' : 'are'} ${script}`).join('; ');
  return `"${key}" names ${quote(host)} (${ascii}): its label ${quote(mixed.label)} mixes ${firstFew(mixed.scripts)} letters (${odd}), which is how a name is made to look like another. If this is the host meant, write its Punycode form, which shows what clients look up; if not, correct the name.`;
}
