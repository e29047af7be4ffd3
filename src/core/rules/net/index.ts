import type { RuleMeta, Severity } from '../types';
import { NET005 } from './net005-protocol-not-requested';
import { NET014 } from './net014-rdp-encryption-weak';

export { NET005 } from './net005-protocol-not-requested';
export { NET014 };
import { NET029 } from './net029-tls-legacy-protocol';
import { NET040 } from './net040-server-name-not-in-certificate';
import { NET041 } from './net041-clock-skew';

function rule(id: string, name: string, defaultSeverity: Severity, description: string, tags: readonly string[]): RuleMeta {
  return { id, name, description, defaultSeverity, fixable: false, tags: ['net', ...tags] };
}

export const NET001 = rule('NET001', 'dns-failure', 'error', 'The host name does not resolve.', ['dns']);
export const NET002 = rule('NET002', 'tcp-refused', 'error', 'The connection to the port is refused.', ['tcp']);
export const NET003 = rule('NET003', 'tcp-timeout', 'error', 'The port does not answer within the timeout.', ['tcp']);
export const NET004 = rule('NET004', 'not-rdp', 'error', 'The peer does not answer the X.224 Connection Request correctly.', ['negotiation']);
export const NET010 = rule('NET010', 'nla-required', 'info', 'The server requires Network Level Authentication (CredSSP).', ['negotiation', 'nla']);
export const NET011 = rule('NET011', 'nla-not-enforced', 'warning', 'The server accepts TLS or Standard RDP Security without Network Level Authentication.', ['negotiation', 'nla']);
export const NET012 = rule('NET012', 'standard-security-only', 'warning', 'The server selects or only allows Standard RDP Security (no TLS, no server authentication).', ['negotiation']);
export const NET013 = rule('NET013', 'negotiation-failure', 'error', 'The server refuses the negotiation with a failure such as SSL_CERT_NOT_ON_SERVER.', ['negotiation']);
export const NET020 = rule('NET020', 'cert-expired', 'error', 'The server certificate has expired.', ['certificate']);
export const NET021 = rule('NET021', 'cert-not-yet-valid', 'error', 'The server certificate is not valid yet.', ['certificate']);
export const NET022 = rule('NET022', 'cert-untrusted', 'warning', 'The server certificate is self-signed or does not chain to a trusted root.', ['certificate']);
export const NET023 = rule('NET023', 'cert-name-mismatch', 'warning', 'No common name or alternative name of the certificate matches the name the client uses.', ['certificate']);
export const NET024 = rule('NET024', 'cert-eku', 'error', 'The certificate allows neither Server Authentication nor Remote Desktop Authentication.', ['certificate']);
export const NET025 = rule('NET025', 'cert-weak-key', 'warning', 'The certificate key is weak: RSA below 2048 bits or EC below 256 bits.', ['certificate']);
export const NET026 = rule('NET026', 'cert-weak-signature', 'warning', 'The certificate is signed with SHA-1 or MD5.', ['certificate']);
export const NET027 = rule('NET027', 'cert-expiring-soon', 'warning', 'The server certificate expires within 30 days (configurable).', ['certificate']);
export const NET028 = rule('NET028', 'tls-handshake-failed', 'error', 'The server selected TLS or CredSSP but the TLS handshake failed.', ['tls']);
export { NET029 } from './net029-tls-legacy-protocol';
export { NET040 } from './net040-server-name-not-in-certificate';
export { NET041 } from './net041-clock-skew';

/** The NET rules of SPEC §2. Their findings come from the probe (`src/core/net`), not from text. */
export const NET_RULES: readonly RuleMeta[] = [
  NET001, NET002, NET003, NET004, NET005,
  NET010, NET011, NET012, NET013, NET014,
  NET020, NET021, NET022, NET023, NET024, NET025, NET026, NET027, NET028, NET029,
  NET040, NET041,
];
