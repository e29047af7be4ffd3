import type { ErrorCodeInfo } from '../error-code-types';
import { rowsOf } from './row';

const row = rowsOf('client', ['THIRD-PARTY']);
const sspi = rowsOf('client', ['MS-ERREF', 'SSPI-STATUS']);

/**
 * Codes admins paste that are none of the ActiveX families: HRESULTs in "An authentication error has occurred
 * (Code: …)" and the 0x3000000 family of the Windows App and mobile clients. Windows names the HRESULTs; what they
 * mean for Remote Desktop is reported only, so every cause here is marked so.
 */
export const CLIENT_CODES: readonly ErrorCodeInfo[] = [
  // SSPI status codes (winerror.h) that Network Level Authentication (CredSSP) passes up; the meaning is the system
  // message for the code. Only KB4093492 ties one of them to a Remote Desktop cause.
  sspi(0x80090302, 'SEC_E_UNSUPPORTED_FUNCTION', 'The function requested is not supported.', {
    likelyCauses: [
      'The CredSSP encryption oracle remediation (CVE-2018-0886): client and server are at CredSSP patch levels, or AllowEncryptionOracle policies ("Encryption Oracle Remediation"), that refuse each other; the client shows "An authentication error has occurred. The function requested is not supported … This could be due to CredSSP encryption oracle remediation."',
    ],
    checks: ['GPO005', 'NET010'],
    sources: ['MS-ERREF', 'SSPI-STATUS', 'KB4093492'],
  }),
  sspi(0x80090304, 'SEC_E_INTERNAL_ERROR', 'The Local Security Authority cannot be contacted.', { checks: ['NET010', 'RDP020'] }),
  sspi(0x80090308, 'SEC_E_INVALID_TOKEN', 'The token supplied to the function is invalid.', { checks: ['NET010'] }),
  sspi(0x8009030c, 'SEC_E_LOGON_DENIED', 'The logon attempt failed.', { checks: ['NET010'] }),
  sspi(0x80090311, 'SEC_E_NO_AUTHENTICATING_AUTHORITY', 'No authority could be contacted for authentication.', { checks: ['NET010', 'RDP012'] }),
  sspi(0x80090322, 'SEC_E_WRONG_PRINCIPAL', 'The target principal name is incorrect.', { checks: ['NET023', 'RDP012', 'RDP013'] }),
  sspi(0x80090327, 'SEC_E_CERT_UNKNOWN', 'An unknown error occurred while processing the certificate.', { checks: ['NET022', 'NET024', 'NET028'] }),
  row(0x80004005, 'E_FAIL', 'Unspecified failure (a generic HRESULT; mstsc shows it as "An authentication error has occurred (Code: 0x80004005)").', {
    likelyCauses: [
      'Reported (unverified): shown with "The Local Security Authority cannot be contacted" when the client could not complete CredSSP/NLA with the server (mRemote3G issue 55).',
    ],
    checks: ['NET010', 'NET011', 'RDP020', 'GPO005'],
    sources: ['HRESULT-COMMON', 'THIRD-PARTY'],
    unverified: true,
  }),
  row(
    0x80080005,
    'CO_E_SERVER_EXEC_FAILURE',
    'Server execution failed: a COM server the client needed did not start (mstsc and the Windows App show it as "An authentication error has occurred (Code: 0x80080005)").',
    {
      likelyCauses: [
        'Reported (unverified): seen in January 2026 with mstsc, mRemoteNG and the Windows App after the Windows update KB5074109, with error code 0x0 and extended error code 0x0 (mRemoteNG issue 3088).',
      ],
      sources: ['MS-ERREF', 'THIRD-PARTY'],
      unverified: true,
    },
  ),
  row(
    0x300001b,
    'Windows App / mobile client code 0x300001B',
    'A code of the 0x3000000 family that the Windows App and the Remote Desktop clients for macOS, iOS and Android show; Microsoft documents no table for this family, so its meaning is not known here.',
    // No cause: the one said to come with it (an RD Gateway) has no public report to cite.
    { unverified: true },
  ),
];
