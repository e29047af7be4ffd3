import type { X509Fields } from './x509-fields';

/**
 * The extensions whose criticality this check honours: a certificate with another extension marked critical is
 * invalid, as RFC 5280 §4.2 requires ("A certificate-using system MUST reject the certificate if it encounters a
 * critical extension it does not recognize"; Windows CERT_E_CRITICAL, OpenSSL X509_V_ERR_UNHANDLED_CRITICAL_EXTENSION).
 * Evaluated by the chain check (trust.ts): basic constraints, key usage, extended key usage (NET024, and each CA's below), the alternative
 * names (NET023, name constraints) and name constraints. The certificate-policy extensions (policies, policy mappings,
 * policy constraints, inhibitAnyPolicy) are understood without being enforced: CAs of some PKIs mark them critical, as
 * RFC 5280 allows, and Windows and OpenSSL both process them (OpenSSL's X509_supported_extension lists all four), so
 * rejecting them would make such chains untrusted by mistake; a path that needs an explicit policy is then trusted here
 * where a client may still refuse it.
 */
const UNDERSTOOD_CRITICAL: ReadonlySet<string> = new Set([
  '2.5.29.15', // keyUsage
  '2.5.29.17', // subjectAltName
  '2.5.29.19', // basicConstraints
  '2.5.29.30', // nameConstraints
  '2.5.29.37', // extKeyUsage
  '2.5.29.32', // certificatePolicies, not enforced
  '2.5.29.33', // policyMappings, not enforced
  '2.5.29.36', // policyConstraints, not enforced
  '2.5.29.54', // inhibitAnyPolicy, not enforced
]);

/**
 * Microsoft extensions Windows processes that OpenSSL does not recognize (its X509_supported_extension list has none):
 * marked critical, they are understood here, as Windows clients trust the path, and noted, as FreeRDP-based clients
 * (OpenSSL's X509_V_ERR_UNHANDLED_CRITICAL_EXTENSION) reject it. Application Policies ([MS-WCCE] 2.2.2.7.7.3, "encoded
 * as a Certificate Policies extension") is what Windows builds each chain element's application usage from
 * (CERT_CHAIN_ELEMENT pApplicationUsage), and the Certificate Templates snap-in offers "Make this extension critical"
 * for it. The template extensions are not here: certificate template name 1.3.6.1.4.1.311.20.2 "MUST" be non-critical
 * and certificate template information 1.3.6.1.4.1.311.21.7 "SHOULD" ([MS-WCCE] 2.2.2.7.7.1, 2.2.2.7.7.2), so no
 * Windows CA marks them critical, and one marked critical stays an extension this check does not recognize.
 */
const WINDOWS_CRITICAL: Readonly<Record<string, string>> = {
  '1.3.6.1.4.1.311.21.10': 'Application Policies',
};

/** Why the certificate is invalid for an extension marked critical that this check does not recognize, as a clause after its name. */
export function criticalProblem(f: X509Fields): string | undefined {
  const oid = f.criticalExtensions.find((o) => !UNDERSTOOD_CRITICAL.has(o) && WINDOWS_CRITICAL[o] === undefined);
  return oid === undefined
    ? undefined
    : `marks the extension ${oid} critical, which this check does not recognize, and a client rejects a certificate with a critical extension it does not recognize (RFC 5280 §4.2)`;
}

/** The first extension of the certificate marked critical that only Windows processes (see `WINDOWS_CRITICAL`), with its name. */
export function windowsOnlyCritical(f: X509Fields): { readonly oid: string; readonly name: string } | undefined {
  const oid = f.criticalExtensions.find((o) => WINDOWS_CRITICAL[o] !== undefined);
  return oid === undefined ? undefined : { oid, name: WINDOWS_CRITICAL[oid]! };
}
