/** Object identifiers the certificate checks name, with the words Windows shows for them. */
export const EKU = {
  SERVER_AUTH: '1.3.6.1.5.5.7.3.1',
  CLIENT_AUTH: '1.3.6.1.5.5.7.3.2',
  /** Remote Desktop Authentication: Windows accepts it for the listener; Node's own verification does not. */
  REMOTE_DESKTOP_AUTH: '1.3.6.1.4.1.311.54.1.2',
  /** anyExtendedKeyUsage: alone it does not satisfy the listener (NET024; RFC 5280 §4.2.1.12). */
  ANY: '2.5.29.37.0',
} as const;

/**
 * The usages OpenSSL's TLS server purpose takes from a certificate's Extended Key Usage: Server Authentication and the
 * two Server Gated Crypto OIDs (crypto/x509/v3_purp.c `check_purpose_ssl_server`: `xku_reject(x, XKU_SSL_SERVER | XKU_SGC)`).
 * FreeRDP verifies with that purpose alone from 3.29 (libfreerdp/crypto/x509_utils.c `x509_utils_verify`, commit c5a7325f1).
 */
export const OPENSSL_SERVER_PURPOSE_EKUS: ReadonlySet<string> = new Set([EKU.SERVER_AUTH, '2.16.840.1.113730.4.1', '1.3.6.1.4.1.311.10.3.3']);

export const EKU_NAMES: Readonly<Record<string, string>> = {
  [EKU.SERVER_AUTH]: 'Server Authentication',
  [EKU.CLIENT_AUTH]: 'Client Authentication',
  [EKU.REMOTE_DESKTOP_AUTH]: 'Remote Desktop Authentication',
  [EKU.ANY]: 'Any Purpose',
  '1.3.6.1.5.5.7.3.3': 'Code Signing',
  '1.3.6.1.5.5.7.3.4': 'Secure Email',
  '1.3.6.1.5.5.7.3.8': 'Time Stamping',
  '1.3.6.1.5.5.7.3.9': 'OCSP Signing',
  '1.3.6.1.4.1.311.20.2.2': 'Smart Card Logon',
};

export interface SignatureAlgorithm {
  readonly name: string;
  /** The digest is broken for certificate signatures (SHA-1, MD5, MD2). */
  readonly weak: boolean;
}

export const SIGNATURE_ALGORITHMS: Readonly<Record<string, SignatureAlgorithm>> = {
  '1.2.840.113549.1.1.2': { name: 'md2WithRSAEncryption', weak: true },
  '1.2.840.113549.1.1.4': { name: 'md5WithRSAEncryption', weak: true },
  '1.2.840.113549.1.1.5': { name: 'sha1WithRSAEncryption', weak: true },
  '1.3.14.3.2.29': { name: 'sha1WithRSASignature', weak: true },
  '1.2.840.10045.4.1': { name: 'ecdsa-with-SHA1', weak: true },
  '1.2.840.10040.4.3': { name: 'dsa-with-sha1', weak: true },
  '1.2.840.113549.1.1.11': { name: 'sha256WithRSAEncryption', weak: false },
  '1.2.840.113549.1.1.12': { name: 'sha384WithRSAEncryption', weak: false },
  '1.2.840.113549.1.1.13': { name: 'sha512WithRSAEncryption', weak: false },
  '1.2.840.113549.1.1.14': { name: 'sha224WithRSAEncryption', weak: false },
  '1.2.840.113549.1.1.10': { name: 'RSASSA-PSS', weak: false },
  '1.2.840.10045.4.3.2': { name: 'ecdsa-with-SHA256', weak: false },
  '1.2.840.10045.4.3.3': { name: 'ecdsa-with-SHA384', weak: false },
  '1.2.840.10045.4.3.4': { name: 'ecdsa-with-SHA512', weak: false },
  '1.3.101.112': { name: 'Ed25519', weak: false },
  '1.3.101.113': { name: 'Ed448', weak: false },
};

export const KEY_ALGORITHMS: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.1': 'RSA',
  '1.2.840.113549.1.1.10': 'RSA-PSS',
  '1.2.840.10045.2.1': 'EC',
  '1.2.840.10040.4.1': 'DSA',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
};

/** Named curves and their size in bits. */
export const EC_CURVE_BITS: Readonly<Record<string, number>> = {
  '1.2.840.10045.3.1.7': 256, // P-256
  '1.3.132.0.34': 384, // P-384
  '1.3.132.0.35': 521, // P-521
  '1.3.132.0.10': 256, // secp256k1
  '1.3.36.3.3.2.8.1.1.7': 256, // brainpoolP256r1
  '1.3.36.3.3.2.8.1.1.11': 384, // brainpoolP384r1
  '1.3.36.3.3.2.8.1.1.13': 512, // brainpoolP512r1
  '1.2.840.10045.3.1.1': 192, // P-192
  '1.3.132.0.33': 224, // P-224
};

export const ED_KEY_BITS: Readonly<Record<string, number>> = { '1.3.101.112': 256, '1.3.101.113': 456 };

/** Short names for distinguished-name attributes, as Windows and OpenSSL print them. */
export const DN_SHORT_NAMES: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'S',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.5': 'SERIALNUMBER',
  '2.5.4.9': 'STREET',
  '0.9.2342.19200300.100.1.25': 'DC',
  '1.2.840.113549.1.9.1': 'E',
};
