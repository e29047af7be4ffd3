import type { ErrorCodeInfo } from '../error-code-types';
import { ERRINFO_CODES } from './errinfo';
import { rowsOf } from './row';

// FreeRDP's own error codes, as xfreerdp, the SDL client and Remmina log them ("ERRCONNECT_CONNECT_TRANSPORT_FAILED
// [0x0002000D]", freerdp.c freerdp_set_last_error_ex). include/freerdp/error.h makes each one as
// MAKE_FREERDP_ERROR(class, code) = class << 16 | code: class 1 holds the server's Set Error Info codes, class 2
// FreeRDP's connection errors. The meanings are FreeRDP's own strings (libfreerdp/core/errconnect.c); the causes
// say where FreeRDP sets each code (libfreerdp/core at commit 9626564, checked against the 2.11.8 and 3.30.0 tags),
// in the words of what went wrong.

const row = rowsOf('client', ['FREERDP-ERRCONNECT']);

/** `ERRCONNECT_…` at `0x0002xxxx`, with error.h's `FREERDP_ERROR_…` name of the same code as an alias. */
function connect(code: number, name: string, alias: string, meaning: string, extra: Parameters<typeof row>[3] = {}): ErrorCodeInfo {
  return row(0x20000 | code, `ERRCONNECT_${name}`, meaning, { aliases: [`FREERDP_ERROR_${alias}`], ...extra });
}

/** FreeRDP 3 sets a code nowhere; FreeRDP 2 built with Kerberos (WITH_GSSAPI, experimental there) did, from the KDC's answer. */
const gssapi = (when: string): string =>
  `FreeRDP 3 sets this code nowhere (its clients only map it to an exit code). FreeRDP 2 built with Kerberos (WITH_GSSAPI) set it when the TLS connection ended with an internal-error alert during Network Level Authentication and the KDC answered ${when} (transport.c transport_krb5_check_account).`;

/** An NTSTATUS a Windows server returns in CredSSP's TSRequest errorCode, which FreeRDP maps to this code (nla.c). */
const credssp = (status: string): string => `The server's Network Level Authentication (CredSSP) answered ${status}: FreeRDP maps it to this code (nla.c).`;

/** RDSTLS: the logon after a server redirection that carries an encrypted password (FreeRDP 3, rdstls.c). */
const rdstls = (result: string): string => `FreeRDP 3: an RDSTLS logon (after a server redirection that carries an encrypted password) answered ${result}.`;

// Versions: the mirror's commit 9626564 is 260 commits after FreeRDP 3.30.0. Causes that no release has yet, or that
// only FreeRDP 3 (or 2) has, say so: admins run Debian's and Ubuntu's freerdp2 as well as FreeRDP 3 releases.
export const FREERDP_CONNECT_CODES: readonly ErrorCodeInfo[] = [
  connect(0x01, 'PRE_CONNECT_FAILED', 'PRE_CONNECT_FAILED', 'A configuration error prevented a connection to be established.', {
    likelyCauses: ['The client\'s own pre-connect step failed before anything was sent: a channel that would not load, or (FreeRDP 3) an inconsistent setting or a monitor that does not exist.'],
  }),
  connect(0x02, 'CONNECT_UNDEFINED', 'CONNECT_UNDEFINED', 'A undefined connection error occurred.', {
    likelyCauses: [rdstls('with a result code FreeRDP does not know')],
  }),
  connect(0x03, 'POST_CONNECT_FAILED', 'POST_CONNECT_FAILED', 'The connection attempt was aborted due to post connect configuration errors.', {
    likelyCauses: [
      'The client\'s own post-connect step failed after the connection was made (a channel or the display could not be set up).',
      'After a transport failure FreeRDP retries once: this code appears when the retry fails without a more precise code.',
    ],
  }),
  connect(0x04, 'DNS_ERROR', 'DNS_ERROR', 'The DNS entry could not be resolved.', {
    likelyCauses: ['FreeRDP defines this code but sets it nowhere (its clients only map it to an exit code): a name that does not resolve is 0x00020005.'],
    checks: ['NET001'],
  }),
  connect(0x05, 'DNS_NAME_NOT_FOUND', 'DNS_NAME_NOT_FOUND', 'The DNS host name was not found.', {
    likelyCauses: ['The host name does not resolve (getaddrinfo failed), or (FreeRDP 3) it resolves only to addresses of the family /ipv4:force or /ipv6:force excludes.'],
    checks: ['NET001'],
  }),
  connect(0x06, 'CONNECT_FAILED', 'CONNECT_FAILED', 'The connection failed.', {
    likelyCauses: [
      'No TCP connection to the host: refused, or no answer within the timeout, on every address it resolves to (FreeRDP 2 tries only the first).',
      'FreeRDP 3, through a WebSocket gateway URL (/gateway:url:…, Azure Virtual Desktop): the gateway could not be reached, the HTTP request got no answer, or it answered a status FreeRDP does not map.',
    ],
    checks: ['NET002', 'NET003'],
  }),
  // FreeRDP's string has no final period; the table's meanings end with one.
  connect(0x07, 'MCS_CONNECT_INITIAL_ERROR', 'MCS_CONNECT_INITIAL_ERROR', 'The connection failed at initial MCS connect.', {
    likelyCauses: ['The client could not build or send its MCS Connect Initial (the client data blocks) after the security negotiation.'],
  }),
  connect(0x08, 'TLS_CONNECT_FAILED', 'TLS_CONNECT_FAILED', 'The connection failed at TLS connect.', {
    likelyCauses: [
      'The TLS handshake with the server (or the RD Gateway) failed, or its certificate was not trusted and not accepted: FreeRDP reports a rejected certificate with this code.',
      'FreeRDP after 3.30 only: the server answered the negotiation with SSL_CERT_NOT_ON_SERVER (it has no certificate) and the client may not fall back to Standard RDP Security (/sec:tls or /sec:nla); released versions report this as 0x0002000C.',
      'The handshake completed, but the server\'s certificate has an Ed25519, Ed448 or RSA-PSS key, or an Ed25519 or Ed448 signature, which FreeRDP 2.11 and 3 cannot use for CredSSP\'s binding to the certificate, under TLS alone too (the client logs "unable to retrieve bindings" or "failed to return the server public key", crypto/tls.c freerdp_tls_handshake).',
    ],
    checks: ['NET028', 'NET022', 'NET023', 'NET020', 'NET013'],
  }),
  connect(0x09, 'AUTHENTICATION_FAILED', 'AUTHENTICATION_FAILED', 'An authentication failure aborted the connection.', {
    likelyCauses: [
      'Network Level Authentication (CredSSP) could not start, or the server answered it with an NTSTATUS FreeRDP does not map to a more precise code.',
      'The server sent a TLS "access denied" alert, or (with /sec:ext) refused the early user authorization: any refusal in FreeRDP 3 releases, only unusual results after 3.30.',
      'FreeRDP 3: the RDSTLS or Azure AD logon failed.',
    ],
    checks: ['NET010', 'GPO005'],
  }),
  connect(0x0a, 'INSUFFICIENT_PRIVILEGES', 'INSUFFICIENT_PRIVILEGES', 'Insufficient privileges to establish a connection.', {
    likelyCauses: [
      'The server sent the error info ERRINFO_SERVER_INSUFFICIENT_PRIVILEGES (0x9) and the connection still completed: the user may not log on through Remote Desktop Services there (not in Remote Desktop Users, or denied the logon right). When the server then closes the connection, FreeRDP logs 0x00010009 instead.',
    ],
  }),
  connect(0x0b, 'CONNECT_CANCELLED', 'CONNECT_CANCELLED', 'The connection was cancelled.', {
    likelyCauses: [
      'The user closed the window, cancelled a credentials prompt or stopped the client (a signal).',
      'None of the addresses of a server redirection or a Remote Assistance invitation (TargetNetAddresses) could be reached.',
    ],
  }),
  connect(0x0c, 'SECURITY_NEGO_CONNECT_FAILED', 'SECURITY_NEGO_CONNECT_FAILED', 'The connection failed at negotiating security settings.', {
    likelyCauses: [
      'The security negotiation (X.224) failed and nothing more precise was reported: the server refused every protocol the client was allowed to offer (RDP_NEG_FAILURE SSL_REQUIRED_BY_SERVER, SSL_NOT_ALLOWED_BY_SERVER, INCONSISTENT_FLAGS, SSL_WITH_USER_AUTH_REQUIRED_BY_SERVER), or its answer was no valid negotiation response.',
      'In every released FreeRDP (2.x and 3.x up to 3.30): also HYBRID_REQUIRED_BY_SERVER, the server requiring Network Level Authentication while the client has it off (/sec:tls, /sec:rdp, enablecredsspsupport:i:0), and SSL_CERT_NOT_ON_SERVER.',
    ],
    checks: ['NET013', 'NET010', 'NET004', 'NET012', 'XRF001', 'RDP020', 'RDP021'],
  }),
  connect(0x0d, 'CONNECT_TRANSPORT_FAILED', 'CONNECT_TRANSPORT_FAILED', 'The connection transport layer failed.', {
    likelyCauses: [
      'The server or the network closed the connection, or a read or write on it failed, during the connection or later in the session, without the server giving a reason (FreeRDP: "A write error indicates that the peer has dropped the connection"): what mstsc reports as 0x904, the socket closed.',
      'FreeRDP 2 (seen with Debian\'s 2.11.7): a port nothing listens on, the connection refused, shows as this code too: its first write after the connect fails with a broken pipe.',
      'FreeRDP 3, through a WebSocket gateway URL: the gateway answered HTTP 301, 305, 400, 404, 410, 500, 501, 502, 503 or 505.',
    ],
    checks: ['NET004', 'NET002', 'NET010', 'NET011', 'NET028'],
  }),
  connect(0x0e, 'PASSWORD_EXPIRED', 'CONNECT_PASSWORD_EXPIRED', 'The password has expired and must be changed.', {
    likelyCauses: [credssp('STATUS_PASSWORD_EXPIRED (0xC0000071)'), rdstls('ERROR_PASSWORD_EXPIRED (0x532)')],
  }),
  connect(0x0f, 'PASSWORD_CERTAINLY_EXPIRED', 'CONNECT_PASSWORD_CERTAINLY_EXPIRED', 'The password has certainly expired and must be changed.', {
    likelyCauses: [
      'During Network Level Authentication the TLS connection ended with a fatal internal-error alert and the server gave no CredSSP error code: FreeRDP guesses an expired password (transport.c transport_ssl_cb). In FreeRDP 2 only when no domain was given; with a domain, builds with Kerberos asked the KDC instead.',
    ],
  }),
  connect(0x10, 'CLIENT_REVOKED', 'CONNECT_CLIENT_REVOKED', 'The client has been revoked.', { likelyCauses: [gssapi('KRB5KDC_ERR_CLIENT_REVOKED (the account is disabled, locked or expired)')] }),
  connect(0x11, 'KDC_UNREACHABLE', 'CONNECT_KDC_UNREACHABLE', 'The KDC is unreachable.', { likelyCauses: [gssapi('nothing (KRB5_KDC_UNREACH: no domain controller reachable)')] }),
  connect(0x12, 'ACCOUNT_DISABLED', 'CONNECT_ACCOUNT_DISABLED', 'The account is disabled.', {
    likelyCauses: [credssp('STATUS_ACCOUNT_DISABLED (0xC0000072)'), rdstls('ERROR_ACCOUNT_DISABLED (0x533)')],
  }),
  connect(0x13, 'PASSWORD_MUST_CHANGE', 'CONNECT_PASSWORD_MUST_CHANGE', 'The password must be changed.', {
    likelyCauses: [credssp('STATUS_PASSWORD_MUST_CHANGE (0xC0000224)'), rdstls('ERROR_PASSWORD_MUST_CHANGE (0x773)')],
  }),
  connect(0x14, 'LOGON_FAILURE', 'CONNECT_LOGON_FAILURE', 'Logon failed.', {
    likelyCauses: [
      credssp('STATUS_LOGON_FAILURE (0xC000006D): a wrong user name or password'),
      'FreeRDP 3.6 and later: the client\'s own Kerberos package failed before anything reached the server (no ticket could be obtained, or the target is an IP address) while NTLM is not allowed (/auth-pkg-list:!ntlm, FIPS mode).',
      rdstls('ERROR_LOGON_FAILURE (0x52E)'),
    ],
    checks: ['NET010', 'RDP012'],
  }),
  connect(0x15, 'WRONG_PASSWORD', 'CONNECT_WRONG_PASSWORD', 'Wrong password supplied.', { likelyCauses: [credssp('STATUS_WRONG_PASSWORD (0xC000006A)')] }),
  connect(0x16, 'ACCESS_DENIED', 'CONNECT_ACCESS_DENIED', 'Access denied.', {
    likelyCauses: [
      credssp('STATUS_ACCESS_DENIED (0xC0000022)'),
      'An RD Gateway answered HTTP 401 (FreeRDP 3 through a WebSocket gateway URL: also 402 or 403).',
      rdstls('ERROR_ACCESS_DENIED (0x5)'),
      'FreeRDP 3: an Azure AD or Azure Virtual Desktop access token could not be obtained.',
      'FreeRDP after 3.30 only, with /sec:ext: the user authenticated but the server\'s early user authorization refused a session on this host (FreeRDP: "e.g. it lacks the \'Allow log on through Remote Desktop Services\' right"); earlier versions report 0x00020009.',
    ],
  }),
  connect(0x17, 'ACCOUNT_RESTRICTION', 'CONNECT_ACCOUNT_RESTRICTION', 'Account restriction.', {
    likelyCauses: [credssp('STATUS_ACCOUNT_RESTRICTION (0xC000006E)'), rdstls('ERROR_INVALID_LOGON_HOURS (0x530)')],
  }),
  connect(0x18, 'ACCOUNT_LOCKED_OUT', 'CONNECT_ACCOUNT_LOCKED_OUT', 'Account locked out.', {
    likelyCauses: [credssp('STATUS_ACCOUNT_LOCKED_OUT (0xC0000234)'), rdstls('ERROR_ACCOUNT_LOCKED_OUT (0x775)')],
  }),
  connect(0x19, 'ACCOUNT_EXPIRED', 'CONNECT_ACCOUNT_EXPIRED', 'Account expired.', { likelyCauses: [credssp('STATUS_ACCOUNT_EXPIRED (0xC0000193)')] }),
  connect(0x1a, 'LOGON_TYPE_NOT_GRANTED', 'CONNECT_LOGON_TYPE_NOT_GRANTED', 'Logon type not granted.', {
    likelyCauses: [credssp('STATUS_LOGON_TYPE_NOT_GRANTED (0xC000015B): the account lacks the logon right this logon needs')],
  }),
  connect(0x1b, 'NO_OR_MISSING_CREDENTIALS', 'CONNECT_NO_OR_MISSING_CREDENTIALS', 'Credentials invalid or missing.', {
    likelyCauses: ['FreeRDP 3 sets this code nowhere (the same case is 0x0002000B there). FreeRDP 2: the credentials prompt for Network Level Authentication or the gateway was cancelled or could not be shown.'],
  }),
  connect(0x1c, 'ACTIVATION_TIMEOUT', 'CONNECT_ACTIVATION_TIMEOUT', 'Timeout waiting for activation.', {
    likelyCauses: [
      'FreeRDP 3: the connection sequence did not finish within the client\'s timeout (/timeout, 9,000 ms by default), a slow or stalled server or logon; FreeRDP 2 has no such code and only logs the timeout.',
      'FreeRDP 3, through a WebSocket gateway URL: the gateway answered HTTP 504.',
    ],
  }),
  connect(0x1d, 'TARGET_BOOTING', 'CONNECT_TARGET_BOOTING', 'Starting your VM. It may take up to 5 minutes.', {
    likelyCauses: ['FreeRDP 3.18 and later: the Azure gateway reported the session host deallocated (E_PROXY_ORCHESTRATION_LB_SESSIONHOST_DEALLOCATED) and is starting it.'],
  }),
  connect(0x1e, 'HYBRID_REQUIRED_BY_SERVER', 'CONNECT_HYBRID_REQUIRED_BY_SERVER', 'The server requires Network Level Authentication, but it is not enabled.', {
    likelyCauses: [
      'FreeRDP after 3.30 only (released versions, 2.x included, report this case as 0x0002000C): the server answered the negotiation with HYBRID_REQUIRED_BY_SERVER and the client may not use NLA (/sec:tls or /sec:rdp, or the file\'s enablecredsspsupport:i:0).',
    ],
    checks: ['NET010', 'RDP020', 'XRF001'],
  }),
];

/** What FreeRDP makes up when the server ends the connection with a Disconnect Provider Ultimatum and no error info (rdp.c rdp_read_header). */
const ULTIMATUM: Readonly<Record<number, string>> = {
  0x1: 'FreeRDP also reports this code when the server closed the connection without giving a reason (a Disconnect Provider Ultimatum without error info; FreeRDP 2 only when the ultimatum says the provider initiated it).',
  0xc: 'FreeRDP also reports this code when the server closed the connection with a Disconnect Provider Ultimatum "user requested" and no error info.',
};

/**
 * The server's Set Error Info codes as FreeRDP reports them: rdp.c rdp_set_error_info sets
 * MAKE_FREERDP_ERROR(ERRINFO, code), 0x0001xxxx ("ERRINFO_LOGOFF_BY_USER [0x0001000C]"). One row per ERRINFO code,
 * with its meaning, causes and checks.
 */
export const FREERDP_ERRINFO_CODES: readonly ErrorCodeInfo[] = ERRINFO_CODES.filter((e) => e.code > 0 && e.code <= 0xffff).map((e) => ({
  ...e,
  family: 'client',
  code: 0x10000 | e.code,
  meaning: `FreeRDP's form of the server's error info 0x${e.code.toString(16).toUpperCase()}: ${e.meaning}`,
  likelyCauses: ULTIMATUM[e.code] === undefined ? e.likelyCauses : [...e.likelyCauses, ULTIMATUM[e.code]!],
  sources: [...e.sources, 'FREERDP-ERRCONNECT'],
}));
