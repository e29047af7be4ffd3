import { quote } from '../../text/quote';
import { NET001_MESSAGES } from './net001-dns-failure';
import { NET002_MESSAGES } from './net002-tcp-refused';
import { NET003_MESSAGES } from './net003-tcp-timeout';
import { NET004_MESSAGES } from './net004-not-rdp';
import { NET010_MESSAGES } from './net010-nla-required';
import { NET011_MESSAGES } from './net011-nla-not-enforced';
import { NET012_MESSAGES } from './net012-standard-security-only';
import { NET013_MESSAGES } from './net013-negotiation-failure';
import { NET020_MESSAGES } from './net020-cert-expired';
import { NET021_MESSAGES } from './net021-cert-not-yet-valid';
import { NET022_MESSAGES } from './net022-cert-untrusted';
import { NET023_MESSAGES } from './net023-cert-name-mismatch';
import { NET024_MESSAGES } from './net024-cert-eku';
import { NET025_MESSAGES } from './net025-cert-weak-key';
import { NET026_MESSAGES } from './net026-cert-weak-signature';
import { NET027_MESSAGES } from './net027-cert-expiring-soon';
import { NET028_MESSAGES } from './net028-tls-handshake-failed';

/** The messages of the probe's findings, gathered from the rule files for the code that reports them (`M.NET028(…)`). */
export const NET_MESSAGES = {
  ...NET001_MESSAGES,
  ...NET002_MESSAGES,
  ...NET003_MESSAGES,
  ...NET004_MESSAGES,
  ...NET010_MESSAGES,
  ...NET011_MESSAGES,
  ...NET012_MESSAGES,
  ...NET013_MESSAGES,
  ...NET020_MESSAGES,
  ...NET021_MESSAGES,
  ...NET022_MESSAGES,
  ...NET023_MESSAGES,
  ...NET024_MESSAGES,
  ...NET025_MESSAGES,
  ...NET026_MESSAGES,
  ...NET027_MESSAGES,
  ...NET028_MESSAGES,
} as const;

/**
 * What NET001–NET003 add when the target came from a `.rdp` file that goes through an RD Gateway: the client's
 * path is not the one probed (docs/rules/NET002.md, "Through an RD Gateway").
 */
export const GATEWAY_NOTES = {
  always: (gateway: string) =>
    `The client does not connect here directly: the file sends every connection through the RD Gateway ${gateway} (gatewayusagemethod 1), which reaches the session host from its own network. This check probed the session host directly and did not check the gateway path.`,
  fallback: (gateway: string) =>
    `The client tries this direct connection first and, when it fails, goes through the RD Gateway ${gateway} (gatewayusagemethod 2); this check did not check the gateway path.`,
} as const;

/**
 * What in a server's NTLM CHALLENGE shows a computer in no domain: its NetBIOS domain name is its own computer name,
 * and whether it also answers for itself rather than for a domain (NTLMSSP_TARGET_TYPE_SERVER, [MS-NLMP] 2.2.2.5).
 */
export interface WorkgroupEvidence {
  readonly name: string;
}

/**
 * Why Kerberos cannot authenticate the server for a client at `authentication level:i:1`: the certificate is all it
 * has. A workgroup carries what in the server's NTLM CHALLENGE shows it.
 */
export type NoKerberosReason = 'server-tls' | 'file-credssp-off' | 'ip-target' | { readonly workgroup: WorkgroupEvidence };

const NO_KERBEROS: Readonly<Record<Exclude<NoKerberosReason, object>, string>> = {
  'server-tls': 'the server selected TLS without CredSSP, so no Kerberos sign-in can authenticate it instead',
  'file-credssp-off': 'the file turns CredSSP off (enablecredsspsupport:i:0), so no Kerberos sign-in can authenticate the server instead',
  'ip-target': 'the target is an IP address, for which Windows does not try Kerberos unless TryIPSPN is set, so the certificate is the only proof of the server',
};

const WORKGROUP_EVIDENCE = (evidence: WorkgroupEvidence): string =>
  `it answers for itself rather than for a domain, its NetBIOS domain is its own name, ${quote(evidence.name)}, and it names no forest`;

const noKerberos = (reason: NoKerberosReason): string =>
  typeof reason === 'object'
    ? `the server's NTLM challenge shows a computer in no domain (${WORKGROUP_EVIDENCE(reason.workgroup)}), which no Kerberos sign-in can authenticate, so the certificate is the only proof of the server`
    : NO_KERBEROS[reason];

export const STRICT_AUTH_NOTES = {
  refuses: (reason: NoKerberosReason) => `The file sets authentication level:i:1, so the client refuses to connect: ${noKerberos(reason)}.`,
  kerberos: () =>
    'The file sets authentication level:i:1: the client connects only when Kerberos authenticates the server in the certificate\'s stead (a domain sign-in through CredSSP to a name with a TERMSRV SPN) and refuses otherwise.',
  negotiationFirst: () =>
    'The file sets authentication level:i:1, but its client does not get as far as the certificate: the file turns CredSSP off (enablecredsspsupport:i:0) and the server requires NLA, so the negotiation fails first (HYBRID_REQUIRED_BY_SERVER).',
  entra: () =>
    'The file sets authentication level:i:1 and signs in with Microsoft Entra ID (enablerdsaadauth:i:1): the client refuses to connect unless the server is authenticated some other way, and whether an Entra ID sign-in does that in the certificate\'s stead is not documented.',
} as const;

