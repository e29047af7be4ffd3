import { NET022, NET023 } from '../rules/net/index';
import { STRICT_AUTH_NOTES, type NoKerberosReason, type WorkgroupEvidence } from '../rules/net/messages';
import type { StrictServerAuthentication } from '../rdp/target';
import { isIPv4, isIPv6 } from '../text/host-name';
import type { NetFinding } from './types';

/** The certificate findings that are warnings because the client only warns of them, at the default level (2). */
const SERVER_AUTHENTICATION: ReadonlySet<string> = new Set([NET022.id, NET023.id]);

/** Selections whose CredSSP exchange can authenticate the server by Kerberos. */
const CREDSSP: ReadonlySet<string> = new Set(['HYBRID', 'HYBRID_EX']);

/** What the probe saw that decides whether Kerberos can stand in for the certificate. */
export interface StrictAuthContext {
  /** What the server selected for a request that offered TLS and CredSSP. */
  readonly selected: string | null;
  /** The host the file names. */
  readonly host: string;
  /** The server's NTLM CHALLENGE shows a computer in no domain. */
  readonly workgroup?: WorkgroupEvidence | undefined;
  /** The probe's `nlaRequired`: the server refuses every request that does not offer CredSSP. */
  readonly nlaRequired?: boolean | null;
}

/**
 * A probe's certificate findings for a target whose `.rdp` file sets `authentication level:i:1`: the client does not
 * connect to a server it cannot authenticate (Supported RDP properties: "don't establish a connection"; reference
 * certificates.md §7 and §6's table). Server authentication is the certificate's trust and name, or Kerberos through
 * CredSSP. When Kerberos cannot stand in (the server selected TLS alone, the file turns CredSSP off, the target is an
 * IP address, or the server's NTLM CHALLENGE shows a computer in no domain, which no KDC knows, and the file does not
 * sign in with Microsoft Entra ID instead) an untrusted certificate or a name mismatch is an error; otherwise the finding says on what the
 * connection then depends. A file that turns CredSSP off against a server that requires NLA never reaches the
 * certificate: the findings stay warnings and say the negotiation fails first. Expired or not-yet-valid certificates
 * and a wrong EKU are errors already. A configured severity still wins.
 */
export function atStrictServerAuthentication(findings: readonly NetFinding[], strict: StrictServerAuthentication, seen: StrictAuthContext): NetFinding[] {
  if (!findings.some((f) => SERVER_AUTHENTICATION.has(f.ruleId) && f.severity !== 'info')) return [...findings];
  const { selected, host, workgroup } = seen;
  // A client that does not offer CredSSP never meets the certificate of a server that requires NLA: the negotiation
  // fails first with HYBRID_REQUIRED_BY_SERVER [MS-RDPBCGR 2.2.1.2.2] (XRF001), so the certificate is not why it fails.
  const stopsAtNegotiation = !strict.credssp && seen.nlaRequired === true;
  const reason: NoKerberosReason | undefined = !strict.credssp
    ? 'file-credssp-off'
    : isIPv4(host) || isIPv6(host)
      ? 'ip-target'
      : selected !== null && !CREDSSP.has(selected)
        ? 'server-tls'
        : workgroup && !strict.entraAuth
          ? { workgroup }
          : undefined;
  return findings.map((f) => {
    // A note (NET022 for a path only FreeRDP-based clients reject) is not a failed server authentication.
    if (!SERVER_AUTHENTICATION.has(f.ruleId) || f.severity === 'info') return f;
    if (stopsAtNegotiation) return { ...f, message: `${f.message} ${STRICT_AUTH_NOTES.negotiationFirst()}` };
    if (!reason) return { ...f, message: `${f.message} ${strict.entraAuth ? STRICT_AUTH_NOTES.entra() : STRICT_AUTH_NOTES.kerberos()}` };
    return { ...f, severity: 'error', message: `${f.message} ${STRICT_AUTH_NOTES.refuses(reason)}` };
  });
}
