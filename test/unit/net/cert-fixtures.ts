import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';

export interface Fixture {
  readonly der: Buffer;
  readonly pem: string;
  readonly key: forge.pki.rsa.PrivateKey;
  readonly cert: forge.pki.Certificate;
}

const keys = new Map<number, { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey }>();

/** RSA keys made by Node (fast), used by node-forge to build test certificates in memory. */
function rsaKey(bits: number) {
  let k = keys.get(bits);
  if (!k) {
    const pair = generateKeyPairSync('rsa', { modulusLength: bits });
    const privateKey = forge.pki.privateKeyFromPem(pair.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()) as forge.pki.rsa.PrivateKey;
    const publicKey = forge.pki.setRsaPublicKey(privateKey.n, privateKey.e);
    keys.set(bits, (k = { privateKey, publicKey }));
  }
  return k;
}

export interface FixtureOptions {
  readonly cn?: string;
  /** An empty subject (`openssl req -subj "/"`), for a certificate named by its alternative names alone. */
  readonly emptySubject?: boolean;
  readonly dns?: readonly string[];
  readonly ips?: readonly string[];
  readonly eku?: readonly string[] | null;
  readonly bits?: number;
  readonly md?: 'sha256' | 'sha1' | 'md5';
  readonly notBefore?: Date;
  readonly notAfter?: Date;
  readonly issuer?: Fixture;
  readonly ca?: boolean;
  readonly serial?: string;
  /** More extensions, by OID, with their DER value (a binary string). */
  readonly extra?: readonly { readonly id: string; readonly critical?: boolean; readonly value: string }[];
}

export function makeCert(options: FixtureOptions = {}): Fixture {
  const own = rsaKey(options.bits ?? 2048);
  const cert = forge.pki.createCertificate();
  cert.publicKey = own.publicKey;
  cert.serialNumber = options.serial ?? '0a1b2c';
  cert.validity.notBefore = options.notBefore ?? new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = options.notAfter ?? new Date(Date.now() + 365 * 86_400_000);
  const subject = options.emptySubject ? [] : [{ shortName: 'CN', value: options.cn ?? 'rdsh01.contoso.test' }, { shortName: 'O', value: 'Contoso, Ltd' }];
  cert.setSubject(subject);
  cert.setIssuer(options.issuer ? options.issuer.cert.subject.attributes : subject);
  const extensions: object[] = [];
  if (options.ca) extensions.push({ name: 'basicConstraints', cA: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true });
  const alt = [...(options.dns ?? []).map((value) => ({ type: 2, value })), ...(options.ips ?? []).map((ip) => ({ type: 7, ip }))];
  if (alt.length) extensions.push({ name: 'subjectAltName', altNames: alt });
  const eku = options.eku === undefined ? ['1.3.6.1.5.5.7.3.1'] : options.eku;
  if (eku) {
    // node-forge writes only EKUs it knows by name; write the raw sequence so any OID can be used.
    const value = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SEQUENCE, true,
      eku.map((oid) => forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.OID, false, forge.asn1.oidToDer(oid).getBytes())));
    extensions.push({ id: '2.5.29.37', value: forge.asn1.toDer(value).getBytes() });
  }
  extensions.push(...(options.extra ?? []));
  cert.setExtensions(extensions);
  const signer = options.issuer ? options.issuer.key : own.privateKey;
  cert.sign(signer, forge.md[options.md ?? 'sha256'].create());
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  return { der, pem: forge.pki.certificateToPem(cert), key: own.privateKey, cert };
}

/** The fixture's DER with its notAfter replaced by a time of `type` written `text` (its signature no longer verifies). */
export function withNotAfter(fixture: Fixture, type: number, text: string): Buffer {
  const asn = forge.pki.certificateToAsn1(fixture.cert);
  const tbs = (asn.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
  (tbs[4]!.value as forge.asn1.Asn1[])[1] = forge.asn1.create(forge.asn1.Class.UNIVERSAL, type, false, text);
  return Buffer.from(forge.asn1.toDer(asn).getBytes(), 'binary');
}
