import { BlockList, isIP } from 'node:net';
import { asciiHostName } from '../text/address';

export interface CertificateNames {
  readonly commonNames: readonly string[];
  readonly dnsNames: readonly string[];
  readonly ipAddresses: readonly string[];
}

/** Lower case, no trailing dot, and U-labels as A-labels (RFC 6125 §6.4.2), so münchen.example and xn--mnchen-3ya.example compare equal. */
function normalizeName(name: string): string {
  return asciiHostName(name.trim().replace(/\.$/, '').toLowerCase());
}

function sameAddress(a: string, b: string): boolean {
  const family = isIP(a);
  if (family === 0 || family !== isIP(b)) return false;
  // BlockList compares the binary addresses, so ::1 and 0:0:0:0:0:0:0:1 are the same.
  const list = new BlockList();
  list.addAddress(a, family === 6 ? 'ipv6' : 'ipv4');
  return list.check(b, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * RFC 6125 wildcards: `*` is the whole left-most label, matches exactly one label, and needs at
 * least two labels after it (`*.com` matches nothing).
 */
export function dnsNameMatches(pattern: string, name: string): boolean {
  const p = normalizeName(pattern);
  const n = normalizeName(name);
  if (p === '' || n === '') return false;
  if (!p.startsWith('*.')) return p === n;
  const suffix = p.slice(2);
  if (suffix.split('.').length < 2 || suffix.includes('*')) return false;
  const dot = n.indexOf('.');
  return dot > 0 && n.slice(dot + 1) === suffix;
}

/**
 * Whether the certificate names what the client connects to. A host name matches a DNS
 * alternative name or the common name (FreeRDP and Windows both read the CN); an IP address
 * matches an IP alternative name, or a common name that spells the same address.
 */
export function certificateMatchesName(names: CertificateNames, target: string): boolean {
  const host = target.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host)) {
    return names.ipAddresses.some((ip) => sameAddress(ip, host)) || names.commonNames.some((cn) => sameAddress(cn.trim(), host));
  }
  return [...names.dnsNames, ...names.commonNames].some((pattern) => !isIP(pattern) && dnsNameMatches(pattern, host));
}
