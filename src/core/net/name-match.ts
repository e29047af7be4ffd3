import { BlockList, isIP } from 'node:net';
import { asciiHostName } from '../text/host-name';

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
 * A wildcard is the whole left-most label and stands for exactly one label (RFC 6125 §6.4.3 rules 1 and 2; the partial
 * label `rd*` that rule 3 allows as a MAY is not matched). RFC 6125 sets no rule on how many labels follow it: `*.com`
 * is only among the ambiguities its §7.2 lists. Refusing a wildcard over a single-label domain (`*.com`, `*.localhost`)
 * is Node's policy (lib/tls.js `check`: "*.tld wildcards are not allowed") and browsers' (Chromium
 * x509_certificate.cc `VerifyHostname`: no wildcard over a registry-controlled or unknown top-level domain); Windows'
 * SSL chain policy (CertVerifyCertificateChainPolicy, CERT_CHAIN_POLICY_SSL) documents none. Such a match is not
 * counted, and NET023 says so apart (`singleLabelWildcard`): FreeRDP accepts it.
 */
export function dnsNameMatches(pattern: string, name: string): boolean {
  const p = normalizeName(pattern);
  const n = normalizeName(name);
  if (p === '' || n === '') return false;
  if (!p.startsWith('*.')) return p === n;
  const suffix = p.slice(2);
  if (suffix.split('.').length < 2 || suffix.includes('*')) return false;
  return oneLabelBefore(n, suffix);
}

/** `name` is one label, then a dot, then `suffix`. */
function oneLabelBefore(name: string, suffix: string): boolean {
  const dot = name.indexOf('.');
  return dot > 0 && name.slice(dot + 1) === suffix;
}

/**
 * The pattern, among `patterns`, of the form `*.label` that covers `name` with one label: a name that matches only by
 * a wildcard over a single-label domain. FreeRDP accepts it (libfreerdp/crypto/tls.c `tls_match_hostname` compares what
 * follows the `*` with the end of the host name); Node and browsers do not (see `dnsNameMatches`).
 */
export function singleLabelWildcard(patterns: readonly string[], name: string): string | undefined {
  const host = name.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host)) return undefined;
  const n = normalizeName(host);
  if (n === '') return undefined;
  return patterns.find((pattern) => {
    const p = normalizeName(pattern);
    return /^\*\.[^.*]+$/.test(p) && oneLabelBefore(n, p.slice(2));
  });
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
