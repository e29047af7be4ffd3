import type { ErrorCodeInfo } from '../error-code-types';
import { rowsOf } from './row';

const row = rowsOf('client', ['THIRD-PARTY']);

/**
 * Codes admins paste that are none of the ActiveX families: HRESULTs in "An authentication error has occurred
 * (Code: …)" and the 0x3000000 family of the Windows App and mobile clients. Windows names the HRESULTs; what they
 * mean for Remote Desktop is reported only, so every cause here is marked so.
 */
export const CLIENT_CODES: readonly ErrorCodeInfo[] = [
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
