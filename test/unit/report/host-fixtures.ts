import type { ChainCertificate, HostCheckResult } from '../../../src/core/net/types';

const PEM_LEAF = '-----BEGIN CERTIFICATE-----\nMIIBleaf\n-----END CERTIFICATE-----\n';
const PEM_ROOT = '-----BEGIN CERTIFICATE-----\nMIIBroot\n-----END CERTIFICATE-----\n';

export const LEAF: ChainCertificate = {
  subject: 'CN=rdsh02.contoso.com',
  issuer: 'CN=Contoso Issuing CA, O=Contoso',
  serialNumber: '0A1B2C',
  notBefore: '2025-06-01T00:00:00.000Z',
  notAfter: '2026-06-01T00:00:00.000Z',
  sha1: '1111111111111111111111111111111111111111',
  sha256: '2222222222222222222222222222222222222222222222222222222222222222',
  dnsNames: ['rdsh02.contoso.com', 'rdsh02'],
  ipAddresses: [],
  extendedKeyUsage: ['1.3.6.1.5.5.7.3.1', '1.3.6.1.4.1.311.54.1.2', '1.2.3.4'],
  keyAlgorithm: 'RSA',
  keyBits: 2048,
  signatureAlgorithm: 'sha256WithRSAEncryption',
  selfSigned: false,
  pem: PEM_LEAF,
};

export const ROOT: ChainCertificate = {
  subject: 'CN=Contoso Issuing CA, O=Contoso',
  issuer: 'CN=Contoso Issuing CA, O=Contoso',
  serialNumber: '01',
  notBefore: '2020-01-01T00:00:00.000Z',
  notAfter: '2030-01-01T00:00:00.000Z',
  sha1: '3333333333333333333333333333333333333333',
  sha256: '4444444444444444444444444444444444444444444444444444444444444444',
  dnsNames: [],
  ipAddresses: [],
  extendedKeyUsage: null,
  keyAlgorithm: 'EC',
  keyBits: 384,
  signatureAlgorithm: 'ecdsa-with-SHA384',
  selfSigned: true,
  pem: PEM_ROOT,
};

/** A listener reached by IP whose certificate names the host: NLA required, untrusted CA, name mismatch. */
export const BY_IP: HostCheckResult = {
  target: '10.0.0.12',
  host: '10.0.0.12',
  port: 3389,
  name: '10.0.0.12',
  addresses: ['10.0.0.12'],
  timings: { totalMs: 42 },
  standardSecurity: null,
  negotiation: {
    rdp: false,
    ssl: false,
    hybrid: true,
    hybridEx: true,
    rdstls: null,
    nlaRequired: true,
    failures: { rdp: 'HYBRID_REQUIRED_BY_SERVER', ssl: 'HYBRID_REQUIRED_BY_SERVER' },
    unusable: {},
    selected: 'HYBRID_EX',
    legacy: false,
    flags: null,
    connections: 2,
  },
  tls: { protocol: 'TLSv1.2', cipher: 'ECDHE-RSA-AES256-GCM-SHA384' },
  certificate: {
    subject: LEAF.subject,
    issuer: LEAF.issuer,
    serialNumber: LEAF.serialNumber,
    notBefore: LEAF.notBefore,
    notAfter: LEAF.notAfter,
    sha1: LEAF.sha1,
    sha256: LEAF.sha256,
    dnsNames: LEAF.dnsNames,
    ipAddresses: LEAF.ipAddresses,
    extendedKeyUsage: ['1.3.6.1.5.5.7.3.1', '1.3.6.1.4.1.311.54.1.2', '1.2.3.4'],
    keyAlgorithm: 'RSA',
    keyBits: 2048,
    signatureAlgorithm: 'sha256WithRSAEncryption',
    selfSigned: false,
    trusted: false,
    nameMatches: false,
  },
  chain: [LEAF, ROOT],
  findings: [
    { ruleId: 'NET010', severity: 'info', message: 'The server requires Network Level Authentication: it answers requests without CredSSP with HYBRID_REQUIRED_BY_SERVER.' },
    { ruleId: 'NET023', severity: 'warning', message: 'The certificate does not match "10.0.0.12"; it names rdsh02.contoso.com, rdsh02.' },
    { ruleId: 'NET022', severity: 'warning', message: 'The certificate "CN=rdsh02.contoso.com" does not chain to a trusted root: unable to get local issuer certificate.' },
  ],
  steps: {
    dns: { status: 'ok', detail: '10.0.0.12.' },
    tcp: { status: 'ok', detail: 'Connected to port 3389.' },
    negotiation: { status: 'ok', detail: 'Selected CredSSP with early user authorization (NLA). NLA required.' },
    tls: { status: 'ok', detail: 'TLSv1.2, ECDHE-RSA-AES256-GCM-SHA384.' },
    certificate: { status: 'warning', detail: 'CN=rdsh02.contoso.com, issued by CN=Contoso Issuing CA, O=Contoso, valid until 2026-06-01, SHA-1 1111111111111111111111111111111111111111.' },
  },
};

/** A name that does not resolve: nothing after DNS. */
export const UNRESOLVED: HostCheckResult = {
  target: 'gone.contoso.com',
  host: 'gone.contoso.com',
  port: 3390,
  name: 'gone.contoso.com',
  addresses: [],
  timings: { totalMs: 3 },
  negotiation: null,
  standardSecurity: null,
  tls: null,
  certificate: null,
  chain: [],
  findings: [{ ruleId: 'NET001', severity: 'error', message: 'The name "gone.contoso.com" does not resolve (ENOTFOUND).' }],
  steps: {
    dns: { status: 'error', detail: 'Does not resolve.' },
    tcp: { status: 'skipped', detail: 'Not reached.' },
    negotiation: { status: 'skipped', detail: 'Not reached.' },
    tls: { status: 'skipped', detail: 'Not reached.' },
    certificate: { status: 'skipped', detail: 'Not reached.' },
  },
};

/** The server chose Standard RDP Security: no TLS, so no certificate. */
export const RDP_ONLY: HostCheckResult = {
  ...UNRESOLVED,
  target: 'legacy.contoso.com',
  host: 'legacy.contoso.com',
  port: 3389,
  name: 'legacy.contoso.com',
  addresses: ['10.0.0.9'],
  negotiation: { ...BY_IP.negotiation!, rdp: true, ssl: false, hybrid: false, hybridEx: false, nlaRequired: false, failures: {}, selected: 'RDP' },
  findings: [{ ruleId: 'NET012', severity: 'warning', message: 'The server selected Standard RDP Security although the client offered TLS and CredSSP.' }],
  steps: {
    dns: { status: 'ok', detail: '10.0.0.9.' },
    tcp: { status: 'ok', detail: 'Connected to port 3389.' },
    negotiation: { status: 'warning', detail: 'Selected Standard RDP Security.' },
    tls: { status: 'skipped', detail: 'Not used.' },
    certificate: { status: 'skipped', detail: 'Not reached.' },
  },
};
