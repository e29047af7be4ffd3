import { NET028 } from '../rules/net/index';
import { NET_MESSAGES as M } from '../rules/net/messages';
import type { CertificateFacts } from './certificate';
import { finding } from './certificate-findings';
import type { NetFinding } from './types';

/** EdDSA (RFC 8410): Ed25519 and Ed448, as the certificate's signature algorithm, by OID. */
const EDDSA_SIGNATURES: Readonly<Record<string, string>> = { '1.3.101.112': 'Ed25519', '1.3.101.113': 'Ed448' };
/** Keys FreeRDP cannot export with i2d_PublicKey (names as certificate.ts gives them): EdDSA, and RSA under the RSASSA-PSS key OID. */
const UNEXPORTABLE_KEYS = new Set(['Ed25519', 'Ed448', 'RSA-PSS']);
const EDDSA_KEYS = new Set(['Ed25519', 'Ed448']);

/**
 * NET028 for a listener certificate FreeRDP-based clients cannot use, whatever the TLS handshake says. With an EdDSA or
 * RSA-PSS key FreeRDP cannot export the public key CredSSP binds to (libfreerdp/crypto/certificate.c, 3.30.0:
 * i2d_PublicKey fails; tls.c "failed to return the server public key"); with an EdDSA signature it finds no hash for the
 * tls-server-end-point channel binding, which RFC 5929 §4.1 leaves undefined for such a signature (tls.c
 * tls_get_channel_bindings, tags 2.11.7 and 3.30.0: "unable to retrieve bindings"). Either ends the connection right
 * after the handshake with ERRCONNECT_TLS_CONNECT_FAILED, under TLS as under CredSSP (seen with xfreerdp 2.11.7 and
 * 3.30.0 against xrdp 0.10.1; an RSA key under an RSA-PSS signature connects).
 */
export function freerdpUnusableCertificateFinding(facts: Pick<CertificateFacts, 'keyAlgorithm' | 'signatureOid'>): NetFinding | undefined {
  const unusable = freerdpUnusableCertificate(facts);
  return unusable && finding(NET028, M.NET028FreeRdpCertificate(unusable.what, unusable.eddsa));
}

/**
 * The sentence for a server that ended the connection after the handshake (NET028Dropped, NET028Unexpected) with such a
 * certificate: FreeRDP's server side checks its own certificate the same way once the handshake is done (tls.c
 * tls_do_handshake with clientMode FALSE takes SSL_get_certificate, then the bindings and the public key, 2.11.7) and
 * fails the connection, as weston's RDP backend was seen to do with an RSA-PSS key.
 */
export function freerdpServerCertificateNote(facts: Pick<CertificateFacts, 'keyAlgorithm' | 'signatureOid'>): string | undefined {
  const unusable = freerdpUnusableCertificate(facts);
  return unusable && M.NET028FreeRdpServerCertificate(unusable.what);
}

/** What makes the certificate unusable to FreeRDP (`has an RSA-PSS key`, `is signed with Ed25519`), or nothing. */
function freerdpUnusableCertificate(facts: Pick<CertificateFacts, 'keyAlgorithm' | 'signatureOid'>): { what: string; eddsa: boolean } | undefined {
  const key = UNEXPORTABLE_KEYS.has(facts.keyAlgorithm) ? facts.keyAlgorithm : undefined;
  const signature = EDDSA_SIGNATURES[facts.signatureOid];
  if (!key && !signature) return undefined;
  const what = key && signature ? `has an ${key} key and is signed with ${signature}` : key ? `has an ${key} key` : `is signed with ${signature}`;
  return { what, eddsa: signature !== undefined || EDDSA_KEYS.has(key ?? '') };
}
