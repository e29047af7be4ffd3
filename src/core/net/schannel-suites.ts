import type { CipherOffer } from './tls';
import type { TlsVersion } from './types';

/**
 * The Windows releases in support whose Schannel cipher suite defaults Microsoft publishes, each with its page
 * (learn.microsoft.com/windows/win32/secauthn/<page>; MicrosoftDocs/win32 desktop-src/SecAuthN/<page>.md, read at
 * 47e64c1 of 2026-08-21). Windows 10 1607 is Windows Server 2016's list, 1809 Windows Server 2019's (LTSC 2019),
 * 21H2 the LTSC 2021 one.
 */
export const SCHANNEL_RELEASES = {
  S2025: { name: 'Windows Server 2025', page: 'tls-cipher-suites-in-windows-server-2025' },
  W11_22H2: { name: 'Windows 11 22H2 and later', page: 'tls-cipher-suites-in-windows-11-v22h2' },
  W11: { name: 'Windows 11 21H2', page: 'tls-cipher-suites-in-windows-11' },
  S2022: { name: 'Windows Server 2022', page: 'tls-cipher-suites-in-windows-server-2022' },
  W10_22H2: { name: 'Windows 10 22H2', page: 'tls-cipher-suites-in-windows-10-v22h2' },
  W10_21H2: { name: 'Windows 10 21H2', page: 'tls-cipher-suites-in-windows-10-v20h2' },
  S2019: { name: 'Windows Server 2019 (Windows 10 1809)', page: 'tls-cipher-suites-in-windows-10-v1809' },
  S2016: { name: 'Windows Server 2016 (Windows 10 1607)', page: 'tls-cipher-suites-in-windows-10-v1607' },
} as const;

export type SchannelRelease = keyof typeof SCHANNEL_RELEASES;

/** The releases a current Windows client runs: the Schannel probe offers what any of them enables by default. */
export const CURRENT_RELEASES: readonly SchannelRelease[] = ['S2025', 'W11_22H2', 'W11', 'S2022'];

export interface SchannelSuite {
  /** The name Microsoft's tables use, which is the IANA name Node's `getCipher().standardName` gives. */
  readonly iana: string;
  /** OpenSSL's name for a TLS 1.2-and-older suite (`openssl ciphers -stdname`); a TLS 1.3 suite keeps its IANA name. */
  readonly openssl: string;
  /** The versions the table's "TLS/SSL Protocol versions" column gives (SSL 3.0 left out). */
  readonly versions: readonly TlsVersion[];
  /** The releases whose first table ("enabled and in this priority order by default") lists the suite. */
  readonly enabledBy: readonly SchannelRelease[];
}

const TLS13: readonly TlsVersion[] = ['TLSv1.3'];
const TLS12: readonly TlsVersion[] = ['TLSv1.2'];
const TLS10_12: readonly TlsVersion[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2'];
const ALL: readonly SchannelRelease[] = ['S2025', 'W11_22H2', 'W11', 'S2022', 'W10_22H2', 'W10_21H2', 'S2019', 'S2016'];
/** The releases whose defaults still have the DHE-RSA AES-GCM suites and 3DES (later ones moved them to the second table). */
const WITH_DHE_AND_3DES: readonly SchannelRelease[] = ['W11', 'S2022', 'W10_21H2', 'S2019', 'S2016'];

/**
 * Every suite some release enables by default, in Windows Server 2022's priority order. Left out, as the pages mark
 * them: the NULL suites ("Only used when application explicitly requests") and the PSK ones ("No PSK cipher suites
 * are enabled by default"). TLS_CHACHA20_POLY1305_SHA256 is in every page's second table (supported, TLS 1.3, not
 * enabled by default), and no page lists a ChaCha20 suite for TLS 1.2.
 */
export const SCHANNEL_SUITES: readonly SchannelSuite[] = [
  { iana: 'TLS_AES_256_GCM_SHA384', openssl: 'TLS_AES_256_GCM_SHA384', versions: TLS13, enabledBy: ['S2025', 'W11_22H2', 'W11', 'S2022'] },
  { iana: 'TLS_AES_128_GCM_SHA256', openssl: 'TLS_AES_128_GCM_SHA256', versions: TLS13, enabledBy: ['S2025', 'W11_22H2', 'W11', 'S2022'] },
  { iana: 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', openssl: 'ECDHE-ECDSA-AES256-GCM-SHA384', versions: TLS12, enabledBy: ALL },
  { iana: 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', openssl: 'ECDHE-ECDSA-AES128-GCM-SHA256', versions: TLS12, enabledBy: ALL },
  { iana: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', openssl: 'ECDHE-RSA-AES256-GCM-SHA384', versions: TLS12, enabledBy: ALL },
  { iana: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', openssl: 'ECDHE-RSA-AES128-GCM-SHA256', versions: TLS12, enabledBy: ALL },
  { iana: 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384', openssl: 'DHE-RSA-AES256-GCM-SHA384', versions: TLS12, enabledBy: WITH_DHE_AND_3DES },
  { iana: 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256', openssl: 'DHE-RSA-AES128-GCM-SHA256', versions: TLS12, enabledBy: WITH_DHE_AND_3DES },
  { iana: 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384', openssl: 'ECDHE-ECDSA-AES256-SHA384', versions: TLS12, enabledBy: ALL },
  { iana: 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256', openssl: 'ECDHE-ECDSA-AES128-SHA256', versions: TLS12, enabledBy: ALL },
  { iana: 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384', openssl: 'ECDHE-RSA-AES256-SHA384', versions: TLS12, enabledBy: ALL },
  { iana: 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256', openssl: 'ECDHE-RSA-AES128-SHA256', versions: TLS12, enabledBy: ALL },
  { iana: 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA', openssl: 'ECDHE-ECDSA-AES256-SHA', versions: TLS10_12, enabledBy: ALL },
  { iana: 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA', openssl: 'ECDHE-ECDSA-AES128-SHA', versions: TLS10_12, enabledBy: ALL },
  { iana: 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA', openssl: 'ECDHE-RSA-AES256-SHA', versions: TLS10_12, enabledBy: ALL },
  { iana: 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', openssl: 'ECDHE-RSA-AES128-SHA', versions: TLS10_12, enabledBy: ALL },
  { iana: 'TLS_DHE_RSA_WITH_AES_256_CBC_SHA', openssl: 'DHE-RSA-AES256-SHA', versions: TLS10_12, enabledBy: ['S2016'] },
  { iana: 'TLS_DHE_RSA_WITH_AES_128_CBC_SHA', openssl: 'DHE-RSA-AES128-SHA', versions: TLS10_12, enabledBy: ['S2016'] },
  { iana: 'TLS_RSA_WITH_AES_256_GCM_SHA384', openssl: 'AES256-GCM-SHA384', versions: TLS12, enabledBy: ALL },
  { iana: 'TLS_RSA_WITH_AES_128_GCM_SHA256', openssl: 'AES128-GCM-SHA256', versions: TLS12, enabledBy: ALL },
  { iana: 'TLS_RSA_WITH_AES_256_CBC_SHA256', openssl: 'AES256-SHA256', versions: TLS12, enabledBy: ALL },
  { iana: 'TLS_RSA_WITH_AES_128_CBC_SHA256', openssl: 'AES128-SHA256', versions: TLS12, enabledBy: ALL },
  { iana: 'TLS_RSA_WITH_AES_256_CBC_SHA', openssl: 'AES256-SHA', versions: TLS10_12, enabledBy: ALL },
  { iana: 'TLS_RSA_WITH_AES_128_CBC_SHA', openssl: 'AES128-SHA', versions: TLS10_12, enabledBy: ALL },
  { iana: 'TLS_RSA_WITH_3DES_EDE_CBC_SHA', openssl: 'DES-CBC3-SHA', versions: TLS10_12, enabledBy: WITH_DHE_AND_3DES },
  { iana: 'TLS_DHE_DSS_WITH_AES_256_CBC_SHA256', openssl: 'DHE-DSS-AES256-SHA256', versions: TLS12, enabledBy: ['S2016'] },
  { iana: 'TLS_DHE_DSS_WITH_AES_128_CBC_SHA256', openssl: 'DHE-DSS-AES128-SHA256', versions: TLS12, enabledBy: ['S2016'] },
  { iana: 'TLS_DHE_DSS_WITH_AES_256_CBC_SHA', openssl: 'DHE-DSS-AES256-SHA', versions: TLS10_12, enabledBy: ['S2016'] },
  { iana: 'TLS_DHE_DSS_WITH_AES_128_CBC_SHA', openssl: 'DHE-DSS-AES128-SHA', versions: TLS10_12, enabledBy: ['S2016'] },
  { iana: 'TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA', openssl: 'DHE-DSS-DES-CBC3-SHA', versions: TLS10_12, enabledBy: ['S2016'] },
  { iana: 'TLS_RSA_WITH_RC4_128_SHA', openssl: 'RC4-SHA', versions: TLS10_12, enabledBy: ['S2016'] },
  { iana: 'TLS_RSA_WITH_RC4_128_MD5', openssl: 'RC4-MD5', versions: TLS10_12, enabledBy: ['S2016'] },
];

const BY_NAME = new Map(SCHANNEL_SUITES.map((s) => [s.iana, s]));

/**
 * Whether some release in support enables the suite by default for that version: 'yes', 'no', or 'unknown' when the
 * name is not an IANA suite name (a runtime that gives none) or the version is not one Schannel has.
 */
export function schannelEnablesByDefault(suite: string, version: string): 'yes' | 'no' | 'unknown' {
  if (!/^TLS_[A-Z0-9_]+$/.test(suite) || !/^TLSv1(\.[123])?$/.test(version)) return 'unknown';
  return BY_NAME.get(suite)?.versions.includes(version as TlsVersion) ? 'yes' : 'no';
}

/** The suites any current release enables by default, in the table's order. */
export const CURRENT_SCHANNEL_SUITES: readonly SchannelSuite[] = SCHANNEL_SUITES.filter((s) => s.enabledBy.some((r) => CURRENT_RELEASES.includes(r)));

/** What a current Windows client offers by default, as OpenSSL takes it: TLS 1.2-and-older suites apart from TLS 1.3 ones. */
export const CURRENT_SCHANNEL_OFFER: CipherOffer = {
  ciphers: CURRENT_SCHANNEL_SUITES.filter((s) => !s.versions.includes('TLSv1.3')).map((s) => s.openssl).join(':'),
  ciphersuites: CURRENT_SCHANNEL_SUITES.filter((s) => s.versions.includes('TLSv1.3')).map((s) => s.openssl).join(':'),
};

/** Whether `suite` (an IANA name) is among the suites a current Windows client offers by default. */
export function offeredByCurrentWindows(suite: string): boolean {
  return CURRENT_SCHANNEL_SUITES.some((s) => s.iana === suite);
}
