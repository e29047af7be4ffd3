import type { ErrorCodeInfo } from '../error-code-types';
import { rowsOf } from './row';
import { DENIED_CAUSES, FRESH_CREDENTIALS_POLICY, LICENSING_POLICIES, SERVER_DENIED_CHECKS } from './guidance';

const row = rowsOf('extended', ['EXTENDED-REASON']);

const LICENSING = { likelyCauses: [LICENSING_POLICIES], sources: ['EXTENDED-REASON', 'ADMX'] } as const;

/**
 * `ExtendedDisconnectReason`, shown by mstsc as "Extended error code". Values 1–12 and
 * 256–266 share their numbers with ERRINFO_*, so the code is very likely the server's
 * errorInfo passed through; Microsoft does not say so (inferred from the numbering).
 */
export const EXTENDED_CODES: readonly ErrorCodeInfo[] = [
  row(0x0, 'exDiscReasonNoInfo', 'No additional information is available.'),
  row(0x1, 'exDiscReasonAPIInitiatedDisconnect', 'An application initiated the disconnection.'),
  row(0x2, 'exDiscReasonAPIInitiatedLogoff', 'An application logged off the client.'),
  row(0x3, 'exDiscReasonServerIdleTimeout', 'Server disconnected the client because it was idle longer than the time-out.', {
    checks: ['GPO007'],
  }),
  row(
    0x4,
    'exDiscReasonServerLogonTimeout',
    'Server disconnected the client because it exceeded the period designated for connection.',
    { checks: ['GPO007'] },
  ),
  row(0x5, 'exDiscReasonReplacedByOtherConnection', "The client's connection was replaced by another connection."),
  row(0x6, 'exDiscReasonOutOfMemory', 'No memory is available.'),
  row(0x7, 'exDiscReasonServerDeniedConnection', 'The server denied the connection.', {
    // Microsoft documents no root cause. Each cause says how sure it is: the reading as the server's error info (an
    // inference, with what the spec says it implies), the reference's suggestions, then Microsoft's "can't connect"
    // checks, which fit a connection refused before the server could send its error info.
    likelyCauses: DENIED_CAUSES,
    checks: SERVER_DENIED_CHECKS,
    sources: ['EXTENDED-REASON', 'ERRINFO', 'MS-RDPBCGR', 'CANT-CONNECT', 'INTERNAL-ERROR'],
  }),
  row(0x8, 'exDiscReasonServerDeniedConnectionFips', 'The server denied the connection for security reasons.', {
    checks: ['GPO004'],
  }),
  row(0x9, 'exDiscReasonServerInsufficientPrivileges', 'The server denied the connection for security reasons.', {
    likelyCauses: [
      'The user lacks the access privileges to connect (ERRINFO_SERVER_INSUFFICIENT_PRIVILEGES has the same number).',
    ],
    sources: ['EXTENDED-REASON', 'ERRINFO'],
  }),
  row(0xa, 'exDiscReasonServerFreshCredsRequired', 'Fresh credentials are required.', {
    likelyCauses: [FRESH_CREDENTIALS_POLICY],
    checks: ['GPO011', 'RDP040'],
    sources: ['EXTENDED-REASON', 'ERRINFO'],
  }),
  row(0xb, 'exDiscReasonRpcInitiatedDisconnectByUser', 'User activity has initiated the disconnect.'),
  // 12, as Learn's page says now and as mstscax.dll's type library has it (headers generated from it print 12); an older
  // revision of the page's source (MicrosoftDocs/win32) wrote "= 2", a typo that repeated exDiscReasonAPIInitiatedLogoff.
  // The type library also has exDiscReasonShutdown = 25 and exDiscReasonReboot = 26, which no Microsoft page lists: they
  // are read through ERRINFO 0x19 and 0x1A, with the note that says so.
  row(0xc, 'exDiscReasonLogoffByUser', 'The user logged off, disconnecting the session.'),
  row(0x100, 'exDiscReasonLicenseInternal', 'Internal licensing error.'),
  row(0x101, 'exDiscReasonLicenseNoLicenseServer', 'No license server was available.', LICENSING),
  row(0x102, 'exDiscReasonLicenseNoLicense', 'No valid software license was available.', LICENSING),
  row(0x103, 'exDiscReasonLicenseErrClientMsg', 'The remote computer received a licensing message that was not valid.'),
  row(
    0x104,
    'exDiscReasonLicenseHwidDoesntMatchLicense',
    'The hardware ID does not match the one designated on the license.',
  ),
  row(0x105, 'exDiscReasonLicenseErrClientLicense', 'Client license error.'),
  row(0x106, 'exDiscReasonLicenseCantFinishProtocol', 'Network problems occurred during the licensing protocol.'),
  row(0x107, 'exDiscReasonLicenseClientEndedProtocol', 'The client ended the licensing protocol prematurely.'),
  row(0x108, 'exDiscReasonLicenseErrClientEncryption', 'A licensing message was encrypted incorrectly.'),
  row(
    0x109,
    'exDiscReasonLicenseCantUpgradeLicense',
    "The local computer's client access license could not be upgraded or renewed.",
  ),
  row(
    0x10a,
    'exDiscReasonLicenseNoRemoteConnections',
    'The remote computer is not licensed to accept remote connections.',
    LICENSING,
  ),
  row(
    0x10b,
    'exDiscReasonLicenseCreatingLicStoreAccDenied',
    'Access denied while creating a registry key for the license store.',
  ),
  row(0x300, 'exDiscReasonRdpEncInvalidCredentials', 'Invalid credentials were encountered.'),
  row(
    0x1000,
    'exDiscReasonProtocolRangeStart',
    'Beginning of the range of internal protocol errors. Check the server event log for additional details.',
  ),
  row(0x7fff, 'exDiscReasonProtocolRangeEnd', 'End of the range of internal protocol errors.'),
];

/** Extended codes in this range are RDP protocol errors, decoded with the ERRINFO table. */
export const PROTOCOL_RANGE = { start: 0x1000, end: 0x7fff } as const;
