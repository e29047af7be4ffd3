import type { ErrorCodeInfo } from '../error-code-types';
import { ERRINFO_CLIENT_DATA_CODES } from './errinfo-client-data';
import { ERRINFO_BROKER_CODES, ERRINFO_ENCRYPTION_CODES, ERRINFO_PROTOCOL_CODES } from './errinfo-protocol';
import { DENIED_AFTER_NEGOTIATION, FRESH_CREDENTIALS_POLICY, LICENSING_POLICIES } from './guidance';
import { rowsOf } from './row';

const row = rowsOf('errinfo', ['ERRINFO']);

const LICENSING = { likelyCauses: [LICENSING_POLICIES], sources: ['ERRINFO', 'ADMX'] } as const;

/** Protocol-independent codes (MS-RDPBCGR 2.2.5.1.1). */
const GENERAL: readonly ErrorCodeInfo[] = [
  // FreeRDP calls 0 ERRINFO_SUCCESS and uses ERRINFO_NONE for 0xFFFFFFFF, its own end-of-table marker.
  row(0x0, 'ERRINFO_NONE', 'No error has occurred. This code SHOULD be ignored.', { notAnError: true, aliases: ['ERRINFO_SUCCESS'] }),
  row(
    0x1,
    'ERRINFO_RPC_INITIATED_DISCONNECT',
    'The disconnection was initiated by an administrative tool on the server in another session.',
  ),
  row(
    0x2,
    'ERRINFO_RPC_INITIATED_LOGOFF',
    'The disconnection was due to a forced logoff initiated by an administrative tool on the server in another session.',
  ),
  row(0x3, 'ERRINFO_IDLE_TIMEOUT', 'The idle session limit timer on the server has elapsed.', { checks: ['GPO007'] }),
  row(0x4, 'ERRINFO_LOGON_TIMEOUT', 'The active session limit timer on the server has elapsed.', { checks: ['GPO007'] }),
  row(
    0x5,
    'ERRINFO_DISCONNECTED_BY_OTHERCONNECTION',
    'Another user connected to the server, forcing the disconnection of the current connection.',
    { aliases: ['ERRINFO_DISCONNECTED_BY_OTHER_CONNECTION'] },
  ),
  row(0x6, 'ERRINFO_OUT_OF_MEMORY', 'The server ran out of available memory resources.'),
  row(0x7, 'ERRINFO_SERVER_DENIED_CONNECTION', 'The server denied the connection.', {
    // Read as this family (FreeRDP's 0x00010007, `explain errinfo 0x7`), the server sent the code in a Set Error Info
    // PDU, so the listener answered and the security negotiation had worked; extended 0x7 says the same when it is this
    // code passed through, which is inferred. Microsoft names no cause.
    likelyCauses: [DENIED_AFTER_NEGOTIATION],
    sources: ['ERRINFO', 'MS-RDPBCGR'],
  }),
  row(
    0x9,
    'ERRINFO_SERVER_INSUFFICIENT_PRIVILEGES',
    'The user cannot connect to the server due to insufficient access privileges.',
  ),
  row(
    0xa,
    'ERRINFO_SERVER_FRESH_CREDENTIALS_REQUIRED',
    'The server does not accept saved user credentials and requires that the user enter their credentials for each connection.',
    { likelyCauses: [FRESH_CREDENTIALS_POLICY], checks: ['GPO011', 'RDP040'] },
  ),
  row(
    0xb,
    'ERRINFO_RPC_INITIATED_DISCONNECT_BYUSER',
    "The disconnection was initiated by an administrative tool on the server running in the user's session.",
    { aliases: ['ERRINFO_RPC_INITIATED_DISCONNECT_BY_USER'] },
  ),
  row(
    0xc,
    'ERRINFO_LOGOFF_BY_USER',
    'The disconnection was initiated by the user logging off their session on the server.',
  ),
  row(
    0xf,
    'ERRINFO_CLOSE_STACK_ON_DRIVER_NOT_READY',
    'The display driver in the remote session did not report any status within the time allotted for startup.',
  ),
  row(0x10, 'ERRINFO_SERVER_DWM_CRASH', 'The DWM process running in the remote session terminated unexpectedly.'),
  row(
    0x11,
    'ERRINFO_CLOSE_STACK_ON_DRIVER_FAILURE',
    'The display driver in the remote session was unable to complete all the tasks required for startup.',
  ),
  row(
    0x12,
    'ERRINFO_CLOSE_STACK_ON_DRIVER_IFACE_FAILURE',
    'The display driver in the remote session started up successfully, but due to internal failures was not usable by the remoting stack.',
  ),
  row(
    0x17,
    'ERRINFO_SERVER_WINLOGON_CRASH',
    'The Winlogon process running in the remote session terminated unexpectedly.',
  ),
  row(0x18, 'ERRINFO_SERVER_CSRSS_CRASH', 'The CSRSS process running in the remote session terminated unexpectedly.'),
  // NOTE: FreeRDP's and IronRDP's tables stop at 0x18; the wording is the spec's as other implementers quote it.
  row(0x19, 'ERRINFO_SERVER_SHUTDOWN', 'The remote server is busy shutting down.', {
    likelyCauses: ['The server is shutting down: the session ends with it; connect again once it is back.'],
    sources: ['ERRINFO', 'THIRD-PARTY'],
    unverified: true,
  }),
  row(0x1a, 'ERRINFO_SERVER_REBOOT', 'The remote server is busy rebooting.', {
    likelyCauses: ['The server is restarting (often for updates): connect again once it is back.'],
    sources: ['ERRINFO', 'THIRD-PARTY'],
    unverified: true,
  }),
];

/** Protocol-independent licensing codes (see also MS-RDPELE). */
const LICENSE: readonly ErrorCodeInfo[] = [
  row(
    0x100,
    'ERRINFO_LICENSE_INTERNAL',
    'An internal error has occurred in the Terminal Services licensing component.',
  ),
  row(
    0x101,
    'ERRINFO_LICENSE_NO_LICENSE_SERVER',
    'A Remote Desktop License Server could not be found to provide a license.',
    LICENSING,
  ),
  row(
    0x102,
    'ERRINFO_LICENSE_NO_LICENSE',
    'There are no Client Access Licenses available for the target remote computer.',
    LICENSING,
  ),
  row(
    0x103,
    'ERRINFO_LICENSE_BAD_CLIENT_MSG',
    'The remote computer received an invalid licensing message from the client.',
  ),
  row(
    0x104,
    'ERRINFO_LICENSE_HWID_DOESNT_MATCH_LICENSE',
    'The Client Access License stored by the client has been modified.',
  ),
  row(
    0x105,
    'ERRINFO_LICENSE_BAD_CLIENT_LICENSE',
    'The Client Access License stored by the client is in an invalid format.',
  ),
  row(
    0x106,
    'ERRINFO_LICENSE_CANT_FINISH_PROTOCOL',
    'Network problems have caused the licensing protocol to be terminated.',
  ),
  row(0x107, 'ERRINFO_LICENSE_CLIENT_ENDED_PROTOCOL', 'The client prematurely ended the licensing protocol.'),
  row(0x108, 'ERRINFO_LICENSE_BAD_CLIENT_ENCRYPTION', 'A licensing message was incorrectly encrypted.'),
  row(
    0x109,
    'ERRINFO_LICENSE_CANT_UPGRADE_LICENSE',
    'The Client Access License stored by the client could not be upgraded or renewed.',
  ),
  row(
    0x10a,
    'ERRINFO_LICENSE_NO_REMOTE_CONNECTIONS',
    'The remote computer is not licensed to accept remote connections.',
    LICENSING,
  ),
];

/**
 * `errorInfo` of the Server Set Error Info PDU. The server sends it on a connection or
 * disconnection failure and then must disconnect, so the client sees it with a closed socket.
 */
export const ERRINFO_CODES: readonly ErrorCodeInfo[] = [
  ...GENERAL,
  ...LICENSE,
  ...ERRINFO_BROKER_CODES,
  ...ERRINFO_PROTOCOL_CODES,
  ...ERRINFO_CLIENT_DATA_CODES,
  ...ERRINFO_ENCRYPTION_CODES,
];
