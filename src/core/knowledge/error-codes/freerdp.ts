import type { ErrorCodeInfo } from '../error-code-types';
import { ERRINFO_CODES } from './errinfo';
import { rowsOf } from './row';

// FreeRDP's own error codes, as xfreerdp, the SDL client and Remmina log them ("ERRCONNECT_CONNECT_TRANSPORT_FAILED
// [0x0002000D]", freerdp.c freerdp_set_last_error_ex). include/freerdp/error.h makes each one as
// MAKE_FREERDP_ERROR(class, code) = class << 16 | code: class 1 holds the server's Set Error Info codes, class 2
// FreeRDP's connection errors. The meanings are FreeRDP's own strings (libfreerdp/core/errconnect.c); the causes
// say where FreeRDP sets each code (libfreerdp/core, commit 9626564), in the words of what went wrong.

const row = rowsOf('client', ['FREERDP-ERRCONNECT']);

/** `ERRCONNECT_…` at `0x0002xxxx`, with error.h's `FREERDP_ERROR_…` name of the same code as an alias. */
function connect(code: number, name: string, alias: string, meaning: string, extra: Parameters<typeof row>[3] = {}): ErrorCodeInfo {
  return row(0x20000 | code, `ERRCONNECT_${name}`, meaning, { aliases: [`FREERDP_ERROR_${alias}`], ...extra });
}

const NEVER_SET = 'FreeRDP defines this code but sets it nowhere in its own code (its clients only map it to an exit code); another program built on FreeRDP may.';

/** An NTSTATUS a Windows server returns in CredSSP's TSRequest errorCode, which FreeRDP maps to this code (nla.c). */
const credssp = (status: string): string => `The server's Network Level Authentication (CredSSP) answered ${status}: FreeRDP maps it to this code (nla.c).`;

export const FREERDP_CONNECT_CODES: readonly ErrorCodeInfo[] = [
  connect(0x01, 'PRE_CONNECT_FAILED', 'PRE_CONNECT_FAILED', 'A configuration error prevented a connection to be established.', {
    likelyCauses: ['The client\'s settings or its own pre-connect step failed before anything was sent (an inconsistent setting, a monitor that does not exist, a channel that would not load).'],
  }),
  connect(0x02, 'CONNECT_UNDEFINED', 'CONNECT_UNDEFINED', 'A undefined connection error occurred.', {
    likelyCauses: ['An RDSTLS authentication (the server-redirection logon Azure Virtual Desktop and RD Connection Broker use) came back with a result code FreeRDP does not know.'],
  }),
  connect(0x03, 'POST_CONNECT_FAILED', 'POST_CONNECT_FAILED', 'The connection attempt was aborted due to post connect configuration errors.', {
    likelyCauses: ['The client\'s own post-connect step failed after the connection was made (a channel or the display could not be set up); a connection that broke and could not be made again ends here too.'],
  }),
  connect(0x04, 'DNS_ERROR', 'DNS_ERROR', 'The DNS entry could not be resolved.', { likelyCauses: [NEVER_SET], checks: ['NET001'] }),
  connect(0x05, 'DNS_NAME_NOT_FOUND', 'DNS_NAME_NOT_FOUND', 'The DNS host name was not found.', {
    likelyCauses: ['The host name does not resolve (getaddrinfo failed), or it resolves only to addresses of the family /ipv4 or /ipv6 excludes.'],
    checks: ['NET001'],
  }),
  connect(0x06, 'CONNECT_FAILED', 'CONNECT_FAILED', 'The connection failed.', {
    likelyCauses: [
      'No TCP connection to any address of the host: refused, or no answer within the timeout.',
      'Through an RD Gateway over WebSocket: the gateway\'s TLS connection or its HTTP upgrade failed, or it answered with a status FreeRDP does not expect.',
    ],
    checks: ['NET002', 'NET003'],
  }),
  connect(0x07, 'MCS_CONNECT_INITIAL_ERROR', 'MCS_CONNECT_INITIAL_ERROR', 'The connection failed at initial MCS connect.', {
    likelyCauses: ['The client could not build or send its MCS Connect Initial (the client data blocks) after the security negotiation.'],
  }),
  connect(0x08, 'TLS_CONNECT_FAILED', 'TLS_CONNECT_FAILED', 'The connection failed at TLS connect.', {
    likelyCauses: [
      'The TLS handshake failed, or the server\'s certificate was not trusted and not accepted (FreeRDP reports a rejected certificate with this code).',
      'The server answered the negotiation with SSL_CERT_NOT_ON_SERVER: it has no certificate, so neither TLS nor NLA can be used (nego.c, recent FreeRDP).',
    ],
    checks: ['NET028', 'NET022', 'NET023', 'NET020', 'NET013'],
  }),
  connect(0x09, 'AUTHENTICATION_FAILED', 'AUTHENTICATION_FAILED', 'An authentication failure aborted the connection.', {
    likelyCauses: [
      'Network Level Authentication (CredSSP) could not start, or the server answered it with an NTSTATUS FreeRDP does not map to a more precise code.',
      'The server sent a TLS "access denied" alert, or refused the early user authorization (RDP with HYBRID_EX).',
    ],
    checks: ['NET010', 'RDP020', 'GPO005'],
  }),
  connect(0x0a, 'INSUFFICIENT_PRIVILEGES', 'INSUFFICIENT_PRIVILEGES', 'Insufficient privileges to establish a connection.', {
    likelyCauses: ['The server sent the error info ERRINFO_SERVER_INSUFFICIENT_PRIVILEGES (0x9): the user may not log on through Remote Desktop Services there (not in Remote Desktop Users, or denied the logon right).'],
  }),
  connect(0x0b, 'CONNECT_CANCELLED', 'CONNECT_CANCELLED', 'The connection was cancelled.', {
    likelyCauses: [
      'The user closed the window, cancelled the credentials prompt or stopped the client (a signal) while it connected.',
      'None of the addresses of a server redirection (TargetNetAddresses) could be reached.',
    ],
  }),
  connect(0x0c, 'SECURITY_NEGO_CONNECT_FAILED', 'SECURITY_NEGO_CONNECT_FAILED', 'The connection failed at negotiating security settings.', {
    likelyCauses: [
      'The security negotiation (X.224) failed: the server refused every protocol the client was allowed to offer (RDP_NEG_FAILURE SSL_REQUIRED_BY_SERVER, SSL_NOT_ALLOWED_BY_SERVER, INCONSISTENT_FLAGS or SSL_WITH_USER_AUTH_REQUIRED_BY_SERVER), or the listener answered no negotiation at all.',
    ],
    checks: ['NET013', 'NET004', 'NET010', 'NET012', 'RDP021'],
  }),
  connect(0x0d, 'CONNECT_TRANSPORT_FAILED', 'CONNECT_TRANSPORT_FAILED', 'The connection transport layer failed.', {
    likelyCauses: [
      'The server closed the connection, or a read or write on it failed, during the connection sequence (FreeRDP: "A write error indicates that the peer has dropped the connection"): what mstsc reports as 0x904, the socket closed.',
      'Through an RD Gateway over WebSocket: the gateway answered 301, 305, 400, 404, 410 or a 5xx status other than 504.',
    ],
    checks: ['NET010', 'NET011', 'NET028', 'XRF001'],
  }),
  connect(0x0e, 'PASSWORD_EXPIRED', 'CONNECT_PASSWORD_EXPIRED', 'The password has expired and must be changed.', {
    likelyCauses: [credssp('STATUS_PASSWORD_EXPIRED (0xC0000071)'), 'An RDSTLS logon answered ERROR_PASSWORD_EXPIRED (0x532).'],
  }),
  connect(0x0f, 'PASSWORD_CERTAINLY_EXPIRED', 'CONNECT_PASSWORD_CERTAINLY_EXPIRED', 'The password has certainly expired and must be changed.', {
    likelyCauses: ['The server ended the TLS connection with an internal-error alert during Network Level Authentication without saying why (error.h: "for non-domain workstation where we can\'t contact a kerberos server").'],
  }),
  connect(0x10, 'CLIENT_REVOKED', 'CONNECT_CLIENT_REVOKED', 'The client has been revoked.', { likelyCauses: [NEVER_SET] }),
  connect(0x11, 'KDC_UNREACHABLE', 'CONNECT_KDC_UNREACHABLE', 'The KDC is unreachable.', { likelyCauses: [NEVER_SET] }),
  connect(0x12, 'ACCOUNT_DISABLED', 'CONNECT_ACCOUNT_DISABLED', 'The account is disabled.', {
    likelyCauses: [credssp('STATUS_ACCOUNT_DISABLED (0xC0000072)'), 'An RDSTLS logon answered ERROR_ACCOUNT_DISABLED (0x533).'],
  }),
  connect(0x13, 'PASSWORD_MUST_CHANGE', 'CONNECT_PASSWORD_MUST_CHANGE', 'The password must be changed.', {
    likelyCauses: [credssp('STATUS_PASSWORD_MUST_CHANGE (0xC0000224)'), 'An RDSTLS logon answered ERROR_PASSWORD_MUST_CHANGE (0x773).'],
  }),
  connect(0x14, 'LOGON_FAILURE', 'CONNECT_LOGON_FAILURE', 'Logon failed.', {
    likelyCauses: [
      credssp('STATUS_LOGON_FAILURE (0xC000006D): a wrong user name or password'),
      'The client\'s own security package refused before the server answered (SEC_E_LOGON_DENIED or SEC_E_NO_CREDENTIALS): no usable credentials, or Kerberos asked for a target given as an IP address.',
      'An RDSTLS logon answered ERROR_LOGON_FAILURE (0x52E).',
    ],
    checks: ['RDP012', 'NET010'],
  }),
  connect(0x15, 'WRONG_PASSWORD', 'CONNECT_WRONG_PASSWORD', 'Wrong password supplied.', { likelyCauses: [credssp('STATUS_WRONG_PASSWORD (0xC000006A)')] }),
  connect(0x16, 'ACCESS_DENIED', 'CONNECT_ACCESS_DENIED', 'Access denied.', {
    likelyCauses: [
      'The user authenticated but may not open a session on this host: the server\'s early user authorization answered ACCESS_DENIED (FreeRDP: "e.g. it lacks the \'Allow log on through Remote Desktop Services\' right").',
      credssp('STATUS_ACCESS_DENIED (0xC0000022)'),
      'An RD Gateway answered HTTP 401, 402 or 403, or an Azure AD / Azure Virtual Desktop access token could not be obtained.',
    ],
  }),
  connect(0x17, 'ACCOUNT_RESTRICTION', 'CONNECT_ACCOUNT_RESTRICTION', 'Account restriction.', {
    likelyCauses: [credssp('STATUS_ACCOUNT_RESTRICTION (0xC000006E)'), 'An RDSTLS logon answered ERROR_INVALID_LOGON_HOURS (0x530).'],
  }),
  connect(0x18, 'ACCOUNT_LOCKED_OUT', 'CONNECT_ACCOUNT_LOCKED_OUT', 'Account locked out.', {
    likelyCauses: [credssp('STATUS_ACCOUNT_LOCKED_OUT (0xC0000234)'), 'An RDSTLS logon answered ERROR_ACCOUNT_LOCKED_OUT (0x775).'],
  }),
  connect(0x19, 'ACCOUNT_EXPIRED', 'CONNECT_ACCOUNT_EXPIRED', 'Account expired.', { likelyCauses: [credssp('STATUS_ACCOUNT_EXPIRED (0xC0000193)')] }),
  connect(0x1a, 'LOGON_TYPE_NOT_GRANTED', 'CONNECT_LOGON_TYPE_NOT_GRANTED', 'Logon type not granted.', {
    likelyCauses: [credssp('STATUS_LOGON_TYPE_NOT_GRANTED (0xC000015B): the account lacks the logon right this logon needs')],
  }),
  connect(0x1b, 'NO_OR_MISSING_CREDENTIALS', 'CONNECT_NO_OR_MISSING_CREDENTIALS', 'Credentials invalid or missing.', { likelyCauses: [NEVER_SET] }),
  connect(0x1c, 'ACTIVATION_TIMEOUT', 'CONNECT_ACTIVATION_TIMEOUT', 'Timeout waiting for activation.', {
    likelyCauses: [
      'The connection sequence did not finish within the client\'s timeout (/timeout, 9,000 ms by default): a slow or stalled server or logon.',
      'An RD Gateway over WebSocket answered HTTP 504.',
    ],
  }),
  connect(0x1d, 'TARGET_BOOTING', 'CONNECT_TARGET_BOOTING', 'Starting your VM. It may take up to 5 minutes.', {
    likelyCauses: ['The Azure gateway reported the session host deallocated (E_PROXY_ORCHESTRATION_LB_SESSIONHOST_DEALLOCATED) and is starting it.'],
  }),
  connect(0x1e, 'HYBRID_REQUIRED_BY_SERVER', 'CONNECT_HYBRID_REQUIRED_BY_SERVER', 'The server requires Network Level Authentication, but it is not enabled.', {
    likelyCauses: ['The server answered the negotiation with HYBRID_REQUIRED_BY_SERVER and the client may not use NLA (/sec:tls or /sec:rdp, or the file\'s enablecredsspsupport:i:0).'],
    checks: ['NET010', 'RDP020', 'XRF001'],
  }),
];

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
  sources: [...e.sources, 'FREERDP-ERRCONNECT'],
}));
