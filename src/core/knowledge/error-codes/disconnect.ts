import type { ErrorCodeInfo } from '../error-code-types';
import { rowsOf } from './row';
import { FRESH_CREDENTIALS_POLICY, SOCKET_CLOSED_CAUSES, SOCKET_CLOSED_CHECKS } from './guidance';

const row = rowsOf('disconnect', ['ONDISCONNECTED']);

const DNS_CHECKS = ['NET001', 'RDP011'];
const ADDRESS_CHECKS = ['RDP011'];
const TIMEOUT_CHECKS = ['NET003', 'NET002'];

/**
 * `discReason` values, shown by mstsc as "Error code: 0x…" (IMsTscAxEvents::OnDisconnected).
 * Some ActiveX hosts print the decimal form instead (516 = 0x204, 2056 = 0x808).
 */
export const DISCONNECT_CODES: readonly ErrorCodeInfo[] = [
  row(0x0, 'disconnectReasonNoInfo', 'No information is available.'),
  row(0x1, 'disconnectReasonLocalNotError', 'Local disconnection. Not an error code.', { notAnError: true }),
  row(0x2, 'disconnectReasonRemoteByUser', 'Remote disconnection by user. Not an error code.', { notAnError: true }),
  row(0x3, 'disconnectReasonByServer', 'Remote disconnection by server. Not an error code.', { notAnError: true }),
  row(0x104, 'disconnectReasonDNSLookupFailed', 'DNS name lookup failure.', { checks: DNS_CHECKS }),
  row(0x106, 'disconnectReasonOutOfMemory', 'Out of memory.'),
  row(0x108, 'disconnectReasonConnectionTimedOut', 'Connection timed out.', { checks: TIMEOUT_CHECKS }),
  row(0x204, 'disconnectReasonSocketConnectFailed', 'Windows Sockets connect failed.', {
    likelyCauses: [
      'Reported (unverified): the dialog shown with it (printed as decimal 516 by mRemoteNG) names three reasons: remote access to the server is not enabled, the remote computer is turned off, or it is not available on the network.',
    ],
    checks: ['NET002', 'NET003', 'GPO001', 'GPO012', 'XRF002', 'RDP014', 'RDP015'],
    sources: ['ONDISCONNECTED', 'THIRD-PARTY'],
  }),
  row(0x206, 'disconnectReasonOutOfMemory2', 'Out of memory.'),
  row(0x208, 'disconnectReasonHostNotFound', 'Host not found error.', { checks: DNS_CHECKS }),
  row(0x304, 'disconnectReasonWinsockSendFailed', 'Windows Sockets send call failed.'),
  row(0x306, 'disconnectReasonOutOfMemory3', 'Out of memory.'),
  row(0x308, 'disconnectReasonInvalidIPAddr', 'The IP address specified is not valid.', { checks: ADDRESS_CHECKS }),
  row(0x404, 'disconnectReasonSocketRecvFailed', 'Windows Sockets recv call failed.'),
  row(0x406, 'disconnectReasonInvalidSecurityData', 'Security data is not valid.'),
  row(0x408, 'disconnectReasonInternalError', 'Internal error.'),
  row(0x506, 'disconnectReasonInvalidEncryption', 'The encryption method specified is not valid.'),
  row(0x508, 'disconnectReasonDNSLookupFailed2', 'DNS lookup failed.', { checks: DNS_CHECKS }),
  row(0x604, 'disconnectReasonGetHostByNameFailed', 'Windows Sockets gethostbyname call failed.', { checks: DNS_CHECKS }),
  row(0x606, 'disconnectReasonInvalidServerSecurityInfo', 'Server security data is not valid.'),
  row(0x608, 'disconnectReasonTimerError', 'Internal timer error.'),
  row(0x704, 'disconnectReasonTimeoutOccurred', 'Time-out occurred.', { checks: TIMEOUT_CHECKS }),
  row(0x706, 'disconnectReasonServerCertificateUnpackErr', 'Failed to unpack server certificate.'),
  row(0x804, 'disconnectReasonInvalidIP', 'Bad IP address specified.', { checks: ADDRESS_CHECKS }),
  row(0x807, 'SSL_ERR_LOGON_FAILURE', 'Login failed.'),
  row(0x808, 'disconnectReasonLicensingFailed', 'License negotiation failed.'),
  row(
    0x904,
    'disconnectReasonAtClientWinsockFDCLOSE',
    'Socket closed: the client\'s Winsock connection received FD_CLOSE, so the TCP connection was closed underneath the client. The code says who noticed (the client socket), not why, and Microsoft documents no single root cause; an extended error code, when the client shows one, says more.',
    {
      likelyCauses: SOCKET_CLOSED_CAUSES,
      checks: SOCKET_CLOSED_CHECKS,
      sources: ['ONDISCONNECTED', 'CANT-CONNECT', 'INTERNAL-ERROR'],
    },
  ),
  row(0x906, 'disconnectReasonInternalSecurityError', 'Internal security error.'),
  row(0x908, 'disconnectReasonLicensingTimeout', 'Licensing time-out.'),
  row(0xa06, 'disconnectReasonInternalSecurityError2', 'Internal security error.'),
  row(0xa07, 'SSL_ERR_NO_SUCH_USER', 'The specified user has no account.'),
  row(0xb06, 'disconnectReasonEncryptionError', 'Encryption error.'),
  row(0xb07, 'SSL_ERR_ACCOUNT_DISABLED', 'The account is disabled.'),
  row(0xc06, 'disconnectReasonDecryptionError', 'Decryption error.'),
  row(0xc07, 'SSL_ERR_ACCOUNT_RESTRICTION', 'The account is restricted.'),
  row(0xc08, 'disconnectReasonClientDecompressionError', 'Decompression error.'),
  row(0xd07, 'SSL_ERR_ACCOUNT_LOCKED_OUT', 'The account is locked out.'),
  row(0xe07, 'SSL_ERR_ACCOUNT_EXPIRED', 'The account is expired.'),
  row(0xf07, 'SSL_ERR_PASSWORD_EXPIRED', 'The password is expired.'),
  row(0x1207, 'SSL_ERR_PASSWORD_MUST_CHANGE', 'The user password must be changed before logging on for the first time.'),
  row(0x1607, 'SSL_ERR_DELEGATION_POLICY', 'The policy does not support delegation of credentials to the target server.'),
  row(
    0x1707,
    'SSL_ERR_POLICY_NTLM_ONLY',
    'Delegation of credentials to the target server is not allowed unless mutual authentication has been achieved.',
  ),
  row(
    0x1807,
    'SSL_ERR_NO_AUTHENTICATING_AUTHORITY',
    'No authority could be contacted for authentication (domain name wrong, domain unreachable, or trust failure).',
    {
      likelyCauses: [
        'The domain name is wrong.',
        'The domain is unreachable.',
        'A trust failure.',
      ],
    },
  ),
  row(0x1b07, 'SSL_ERR_CERT_EXPIRED', 'The received certificate is expired.', { checks: ['NET020'] }),
  row(0x1c07, 'SSL_ERR_SMARTCARD_WRONG_PIN', 'An incorrect PIN was presented to the smart card.'),
  row(
    0x2107,
    'SSL_ERR_FRESH_CRED_REQUIRED_BY_SERVER',
    'The server authentication policy does not allow connection requests using saved credentials. The user must enter new credentials.',
    { likelyCauses: [FRESH_CREDENTIALS_POLICY], checks: ['GPO011', 'RDP040'] },
  ),
  row(0x2207, 'SSL_ERR_SMARTCARD_CARD_BLOCKED', 'The smart card is blocked.'),

  // Seen in the wild, absent from Microsoft's table: meanings come from the text shown beside them.
  row(
    0x207,
    'undocumented',
    'Not in Microsoft\'s OnDisconnected table. The Remote Desktop for Mac 10.1.8 release notes mention "the 0x207 error that could occur when connecting to servers not patched with the CredSSP encryption oracle remediation update (CVE-2018-0886)".',
    {
      likelyCauses: [
        'The server is not patched with the CredSSP encryption oracle remediation update (CVE-2018-0886) (Remote Desktop for Mac release notes).',
        'On a Mac: the client is older than Remote Desktop for Mac 10.1.8, whose release notes say it resolved this error; update the client (or patch the server).',
      ],
      checks: ['GPO005'],
      sources: ['MAC-WHATSNEW', 'THIRD-PARTY'],
      unverified: true,
    },
  ),
  row(
    0x708,
    'undocumented',
    'Not in Microsoft\'s OnDisconnected table. Observed with the text "Your computer could not connect to another console session of the remote computer because you already have a console session in progress".',
    {
      likelyCauses: [
        'Reported (unverified): the connection goes to the computer the client runs on (localhost, 127.0.0.1 or its own address), whose console session the client is itself part of: the public reports found (rdpwrap, docker-remote-desktop and SuperRDP issue trackers) were such loopback connections.',
      ],
      sources: ['THIRD-PARTY'],
      unverified: true,
    },
  ),
  row(
    0x1104,
    'undocumented',
    'Not in Microsoft\'s OnDisconnected table. Observed with the text "Because of a protocol error detected at the client (code 0x1104), this session will be disconnected".',
    { sources: ['THIRD-PARTY'], unverified: true },
  ),
  // ActiveX hosts such as mRemoteNG print these in decimal: 3334 and 4360.
  row(
    0xd06,
    'undocumented',
    'Not in Microsoft\'s OnDisconnected table. ActiveX hosts report it as 3334 with the text "Because of a protocol error, this session will be disconnected. Please try connecting to the remote computer again."',
    {
      likelyCauses: [
        'Reported (unverified): many sessions open in one client process (mRemoteNG) exhaust the memory the Remote Desktop ActiveX control can get; a new client process connects (mRemoteNG issues 824 and 1194).',
      ],
      sources: ['THIRD-PARTY'],
      unverified: true,
    },
  ),
  row(
    0x1108,
    'undocumented',
    'Not in Microsoft\'s OnDisconnected table. ActiveX hosts report it as 4360 after a black screen, intermittently, when connecting to Windows 10 and Windows Server 2012 R2 hosts.',
    {
      likelyCauses: [
        'Reported (unverified): a reported workaround is a generic credential for TERMSRV/* in Credential Manager (mRemoteNG issues 328 and 1843).',
      ],
      sources: ['THIRD-PARTY'],
      unverified: true,
    },
  ),
];
