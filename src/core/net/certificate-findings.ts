import { NET020, NET021, NET022, NET023, NET024, NET025, NET026, NET027 } from '../rules/net/index';
import { NET_MESSAGES as M } from '../rules/net/messages';
import type { RuleMeta } from '../rules/types';
import { calendarDays } from '../text/time-span';
import { isWeakSignature, type CertificateFacts } from './certificate';
import { subjectLabel } from './certificate-label';
import { certificateMatchesName, singleLabelWildcard } from './name-match';
import { EKU, EKU_NAMES, OPENSSL_SERVER_PURPOSE_EKUS } from './oids';
import { verifyChain, type TrustVerdict } from './trust';
import { NO_CHAIN_TO_DEFAULT_ROOTS, type TrustStore } from './trust-store';
import type { CertificateSummary, NetFinding } from './types';

export interface CertificateCheckOptions {
  /** The name the client connects to. */
  readonly name: string;
  readonly store: TrustStore;
  readonly now: Date;
  readonly expiringSoonDays: number;
  /** OpenSSL's verdict from the handshake, when there was one (a shortcut, never the answer on its own). */
  readonly authorizationError?: string | null;
}

const MIN_RSA_BITS = 2048;
const MIN_EC_BITS = 256;

export function finding(rule: RuleMeta, message: string): NetFinding {
  return { ruleId: rule.id, severity: rule.defaultSeverity, message };
}

function weakKeyBits(facts: CertificateFacts): boolean {
  if (facts.keyBits === null) return false;
  if (facts.keyAlgorithm === 'RSA' || facts.keyAlgorithm === 'RSA-PSS' || facts.keyAlgorithm === 'DSA') return facts.keyBits < MIN_RSA_BITS;
  if (facts.keyAlgorithm === 'EC') return facts.keyBits < MIN_EC_BITS;
  return false;
}

/** NET020–NET027 for the leaf the server presented, and the SPEC `certificate` object. */
export function checkCertificate(
  facts: CertificateFacts,
  chain: readonly Buffer[],
  options: CertificateCheckOptions,
): { summary: CertificateSummary; findings: NetFinding[] } {
  const findings: NetFinding[] = [];
  const now = options.now.getTime();
  if (facts.notAfter.getTime() < now) findings.push(finding(NET020, M.NET020(facts.notAfter)));
  // "Within N days" by the calendar days the message counts, so that the count it shows is never above N.
  else if (calendarDays(options.now, facts.notAfter) <= options.expiringSoonDays) findings.push(finding(NET027, M.NET027(facts.notAfter, options.now)));
  if (facts.notBefore.getTime() > now) findings.push(finding(NET021, M.NET021(facts.notBefore)));

  // Node verified the chain to its default roots: trusted. It found none: the system store and the configured CAs may.
  const hint = options.authorizationError;
  const trust: TrustVerdict =
    hint === null
      ? { trusted: true }
      : verifyChain(chain, hint !== undefined && NO_CHAIN_TO_DEFAULT_ROOTS.has(hint) ? options.store.withoutBundled() : options.store, { now: options.now });
  const subject = subjectLabel(facts);
  if (!trust.trusted) {
    const reason = trust.reason ?? 'no chain was found';
    const message = trust.leafInvalid ? M.NET022Invalid(subject, reason) : facts.selfSigned ? M.NET022SelfSigned(subject) : M.NET022Untrusted(subject, reason);
    findings.push(finding(NET022, trust.freeRdpRejects ? `${message} ${M.NET022FreeRdpAlso(trust.freeRdpRejects)}` : message));
  } else if (trust.freeRdpRejects) {
    // Trusted by Windows clients: a note, not a warning, that FreeRDP-based clients are not.
    findings.push({ ...finding(NET022, M.NET022FreeRdpOnly(subject, trust.freeRdpRejects)), severity: 'info' });
  }

  const nameMatches = certificateMatchesName(facts, options.name);
  if (!nameMatches) {
    const wildcard = singleLabelWildcard([...facts.dnsNames, ...facts.commonNames], options.name);
    const names = [...new Set([...facts.commonNames, ...facts.dnsNames, ...facts.ipAddresses])];
    findings.push(finding(NET023, wildcard ? M.NET023SingleLabelWildcard(options.name, wildcard) : M.NET023(options.name, names)));
  }

  const eku = facts.extendedKeyUsage;
  const named = (ekus: readonly string[]): string[] => ekus.map((oid) => (EKU_NAMES[oid] ? `${EKU_NAMES[oid]} ${oid}` : oid));
  // anyExtendedKeyUsage alone does not do: RFC 5280 §4.2.1.12 lets an application that needs a purpose reject it, and the listener's documented requirement names only these two.
  if (eku !== null && !eku.some((oid) => oid === EKU.SERVER_AUTH || oid === EKU.REMOTE_DESKTOP_AUTH)) {
    findings.push(finding(NET024, eku.includes(EKU.ANY) ? M.NET024AnyPurpose(named(eku)) : M.NET024(named(eku))));
  } else if (trust.caUsage) {
    findings.push(finding(NET024, M.NET024Issuer(trust.caUsage.ca, named(trust.caUsage.extendedKeyUsage))));
  } else if (trust.trusted && eku !== null && !eku.some((oid) => OPENSSL_SERVER_PURPOSE_EKUS.has(oid))) {
    // Fit for Windows, yet FreeRDP 3.29+ prompts: a note, as for NET022's critical Application Policies. An untrusted
    // certificate gets its prompt from NET022 already.
    findings.push({ ...finding(NET024, M.NET024FreeRdpServerPurpose(named(eku))), severity: 'info' });
  }
  if (weakKeyBits(facts)) findings.push(finding(NET025, M.NET025(facts.keyAlgorithm, facts.keyBits!)));
  if (isWeakSignature(facts.signatureOid)) findings.push(finding(NET026, M.NET026(facts.signatureAlgorithm)));

  return {
    summary: {
      subject: facts.subject,
      issuer: facts.issuer,
      serialNumber: facts.serialNumber,
      notBefore: facts.notBefore.toISOString(),
      notAfter: facts.notAfter.toISOString(),
      sha1: facts.sha1,
      sha256: facts.sha256,
      dnsNames: facts.dnsNames,
      ipAddresses: facts.ipAddresses,
      extendedKeyUsage: eku ?? [],
      keyAlgorithm: facts.keyAlgorithm,
      keyBits: facts.keyBits,
      signatureAlgorithm: facts.signatureAlgorithm,
      selfSigned: facts.selfSigned,
      trusted: trust.trusted,
      nameMatches,
    },
    findings,
  };
}
