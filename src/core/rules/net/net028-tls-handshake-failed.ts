import type { RuleMeta } from '../types';
import { TLS_VERSION_LABEL } from './net029-tls-legacy-protocol';

export const NET028: RuleMeta = {
  id: 'NET028',
  name: 'tls-handshake-failed',
  description: 'The server selected TLS or CredSSP but the TLS handshake failed.',
  defaultSeverity: 'error',
  fixable: false,
  tags: ['net', 'tls'],
};

/** The Schannel value that caps a handshake message's size on a client (Microsoft Learn, "TLS registry settings"). */
const MESSAGE_LIMIT_CLIENT = 'MessageLimitClient (HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Messaging)';

/** The messages of NET028 findings, each a small function of the offending value. */
export const NET028_MESSAGES = {
  NET028: (protocol: string, cause: string) => `The server selected ${protocol} but the TLS handshake failed (${cause}).`,
  NET028Timeout: (protocol: string, cause: string) =>
    `The server selected ${protocol} but the TLS handshake got no answer in time (${cause}): a client waiting as long fails the same way, and whether the server can complete TLS is not known.`,
  NET028Aborted: (protocol: string, seen: string) =>
    `The server closed the connection after selecting ${protocol}: it could not start TLS, most often because its certificate or private key could not be used, or because its TLS settings (protocols, ciphers) match nothing the client offers (${seen}).`,
  NET028Tls13Only: () =>
    'The server accepts only TLS 1.3: a handshake capped at TLS 1.2 was refused, so clients whose Schannel has no TLS 1.3 (Windows 10, Windows Server 2019 and older) cannot connect.',
  NET028NoSchannelSuite: (suite: string, version: string) =>
    `Windows clients (Remote Desktop Connection, which uses Schannel) cannot complete the TLS handshake: the server chose ${suite} with ${TLS_VERSION_LABEL[version] ?? version}, a suite Schannel does not enable, and accepts none of the suites Schannel enables by default (a handshake that offered only those of Windows 11 and Windows Server 2022 and 2025 was refused). Enable an AES-GCM suite on the server (for xrdp, add one such as ECDHE-RSA-AES128-GCM-SHA256, or ECDHE-ECDSA-AES128-GCM-SHA256 for an ECDSA key, to tls_ciphers in xrdp.ini).`,
  NET028CertificateMessage: (bytes: number, count: number) =>
    `Windows clients (Remote Desktop Connection, which uses Schannel) cannot complete the TLS handshake: the certificates the server sends (${count === 1 ? '1 certificate' : `${count} certificates`}) make a Certificate message of ${bytes.toLocaleString('en-US')} bytes, and Schannel accepts handshake messages of at most 32,768 bytes unless ${MESSAGE_LIMIT_CLIENT} is raised on every client. Send only the listener's certificate and its intermediates, or use a certificate with fewer names.`,
  NET028FreeRdpCertificate: (what: string, eddsa: boolean) =>
    `FreeRDP-based clients (xfreerdp, Remmina; FreeRDP 2.11 and 3) end the connection right after the TLS handshake with ERRCONNECT_TLS_CONNECT_FAILED: the certificate ${what}, which FreeRDP cannot use for CredSSP's binding to the certificate (it logs "unable to retrieve bindings" or "failed to return the server public key"), even under TLS alone.${eddsa ? " Microsoft documents no EdDSA signature algorithm for Windows' Schannel either (it names RSA, DSA and ECDSA)." : ''} Use a certificate with an RSA key (2048 bits or more, the usual rsaEncryption kind) or an ECDSA key (P-256 or P-384).`,
  NET028Dropped: (protocol: string, how: string) =>
    `The server completed the TLS handshake after selecting ${protocol}, then ${how} instead of answering the client's first RDP packet (the MCS Connect Initial): no client gets past this, so ${protocol} cannot be used.`,
  // Names only the server seen to do it. gnome-remote-desktop 43.3 with an Ed25519 or RSA-PSS certificate sends a Deactivate
  // All PDU and an MCS Disconnect Provider Ultimatum in the clear after the handshake (FreeRDP 2.11.7 peer.c
  // freerdp_peer_close, called by grd-session-rdp.c), not an orderly end; weston before 16 never selects CredSSP
  // (libweston/backend-rdp/rdp.c: NlaSecurity FALSE until the nla-ntlm-db option, after 15.0).
  NET028ClosedBeforeCredSsp: (protocol: string) =>
    `The server completed the TLS handshake after selecting ${protocol}, then closed the connection without waiting for the client's first CredSSP message (a connection that sent nothing after TLS was closed too): no client gets past this, whether it signs in with NTLM or Kerberos. FreeRDP's shadow server (freerdp-shadow-cli) does this when it cannot bind CredSSP to its certificate, as with an Ed25519, Ed448 or RSA-PSS key: give the server a certificate with an RSA (rsaEncryption) or ECDSA key, and look at its log.`,
  NET028FreeRdpServerCertificate: (what: string) =>
    `The certificate ${what}, which FreeRDP cannot use for CredSSP's binding to the certificate: a server built on FreeRDP (weston's RDP backend, for one) checks its own certificate so once the handshake is done and ends the connection, and FreeRDP-based clients fail with it too. Use a certificate with an RSA key (2048 bits or more, the usual rsaEncryption kind) or an ECDSA key (P-256 or P-384).`,
  NET028Unexpected: (protocol: string, what: string) =>
    `The server completed the TLS handshake after selecting ${protocol}, then answered the client's first RDP packet (the MCS Connect Initial) with ${what}, not an MCS Connect Response: no client gets past this.`,
  NET028OversizedMessage: (protocol: string, cause: string) =>
    `The server selected ${protocol} but sent a TLS handshake message longer than OpenSSL accepts (${cause}), so this check, like other OpenSSL-based clients, cannot complete the handshake. OpenSSL takes up to 100 KiB of certificates; Windows clients (Remote Desktop Connection, which uses Schannel) take handshake messages of at most 32,768 bytes unless ${MESSAGE_LIMIT_CLIENT} is raised on every client, so certificates that long fail there too. Which message was too long cannot be read here. Send only the listener's certificate and its intermediates, or use a certificate with fewer names.`,
  NET028DroppedOnce: (protocol: string, cause: string) =>
    `The server selected ${protocol} but dropped the first TLS handshake (${cause}); the same handshake on a second connection completed. A client that connects at such a moment fails as its connection closes, so connections to this server may fail now and then: look at its load and its event logs.`,
  NET028AskedTwice: () => 'The handshake was asked twice: this is the answer on a second connection, after the server dropped the first.',
  NET028RdpPdu: (protocol: string, pdu: string) => `The server selected ${protocol} but then sent ${pdu} instead of a TLS record.`,
} as const;
