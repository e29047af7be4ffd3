import { buildSteps } from '../../../src/core/net/ladder';
import type { HostCheckResult, NegotiationSummary, NetFinding } from '../../../src/core/net/types';

const NEGOTIATION: NegotiationSummary = {
  rdp: false,
  ssl: true,
  hybrid: true,
  hybridEx: true,
  rdstls: null,
  nlaRequired: false,
  failures: {},
  unusable: {},
  selected: 'HYBRID_EX',
  legacy: false,
  flags: null,
  connections: 2,
};

type Facts = Parameters<typeof buildSteps>[0];

/** A check result whose steps come from the real ladder builder, so "skipped" means what it means in a check. */
export function hostResult(facts: Partial<Facts> & { findings?: readonly NetFinding[] }): HostCheckResult {
  const full: Facts = {
    stoppedAt: null,
    cancelled: false,
    addresses: ['10.0.0.5'],
    port: 3389,
    negotiation: null,
    tls: null,
    certificate: null,
    findings: [],
    ...facts,
  };
  return {
    target: 'rdsh01.contoso.com',
    host: 'rdsh01.contoso.com',
    port: full.port,
    name: 'rdsh01.contoso.com',
    addresses: full.addresses,
    timings: { totalMs: 12 },
    negotiation: full.negotiation,
    standardSecurity: null,
    tls: full.tls,
    certificate: full.certificate,
    chain: [],
    findings: full.findings,
    steps: buildSteps(full),
    ...(full.cancelled && { cancelled: true }),
  };
}

/** The port refuses connections: DNS and TCP ran, the rest did not. */
export const REFUSED = hostResult({
  stoppedAt: 'tcp',
  findings: [{ ruleId: 'NET002', severity: 'error', message: 'The connection to 10.0.0.5:3389 was refused.' }],
});

/** The listener negotiates CredSSP but the TLS handshake fails: no certificate. */
export const TLS_FAILED = hostResult({
  negotiation: NEGOTIATION,
  findings: [{ ruleId: 'NET028', severity: 'error', message: 'The TLS handshake failed.' }],
});

/** Everything ran and passed, with an expired certificate. */
export const EXPIRED = hostResult({
  negotiation: NEGOTIATION,
  tls: { protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384' },
  certificate: {
    subject: 'CN=rdsh01.contoso.com',
    issuer: 'CN=rdsh01.contoso.com',
    serialNumber: '01',
    notBefore: '2020-01-01T00:00:00.000Z',
    notAfter: '2021-01-01T00:00:00.000Z',
    sha1: 'AB',
    sha256: 'CD',
    dnsNames: ['rdsh01.contoso.com'],
    ipAddresses: [],
    extendedKeyUsage: [],
    keyAlgorithm: 'RSA',
    keyBits: 2048,
    signatureAlgorithm: 'sha256WithRSAEncryption',
    selfSigned: true,
    trusted: false,
    nameMatches: true,
  },
  findings: [
    { ruleId: 'NET020', severity: 'error', message: 'The certificate expired on 2021-01-01.' },
    { ruleId: 'NET022', severity: 'warning', message: 'The certificate is self-signed.' },
  ],
});

/** Cancelled while resolving. */
export const CANCELLED = hostResult({ stoppedAt: 'dns', cancelled: true, addresses: [] });
