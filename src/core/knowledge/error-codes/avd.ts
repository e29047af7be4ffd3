// The connection errors Azure Virtual Desktop records in Log Analytics (the WVDErrors table: CodeSymbolic and Code), as
// Microsoft's "Identify and diagnose Azure Virtual Desktop issues" lists them under "Connection error codes"
// (MicrosoftDocs/azure-docs articles/virtual-desktop/troubleshoot-set-up-overview.md, ms.date 06/19/2021; the 2020
// "diagnostics-role-service" page has the same ten). The page names each error and gives a numeric code and a suggested
// solution, nothing more: the meanings and causes below are the page's, and no rule of RDP Doctor checks them.
//
// The numeric codes are no key: -2146233088 (0x80131500) stands for four of the errors, and 2, 3, 8, 14 and 24 are
// other families' numbers too. So these entries are found by name only (`explain ConnectionFailedNoHealthyRdshAvailable`);
// a number typed is read in the other families, and one only this table has is refused with the names that carry it.
// The page says the list holds the most common errors only; the Windows App's own codes (0x3000046 …) are not on it.
import type { ErrorCodeInfo } from '../error-code-types';
import { rowsOf } from './row';

const row = rowsOf('avd', ['AVD-DIAGNOSE']);

/** The page's suggested solution, said as Microsoft's. */
const suggested = (text: string): string => `Microsoft's suggested solution: ${text}`;

export const AVD_CONNECTION_CODES: readonly ErrorCodeInfo[] = [
  row(-2147467259, 'ConnectionFailedAdTrustedRelationshipFailure', 'The connection failed: the session host is not correctly joined to the Active Directory.', {
    likelyCauses: ['The session host is not correctly joined to the Active Directory.'],
  }),
  row(-2146233088, 'ConnectionFailedUserHasValidSessionButRdshIsUnhealthy', 'The connection failed because the session host is unavailable.', {
    likelyCauses: [suggested("check the session host's health.")],
  }),
  row(-2146233088, 'ConnectionFailedClientDisconnect', 'The connection failed: the client disconnected.', {
    likelyCauses: [suggested("if you see this error frequently, make sure the user's computer is connected to the network.")],
  }),
  row(-2146233088, 'ConnectionFailedNoHealthyRdshAvailable', "The session host the user tried to connect to isn't healthy.", {
    likelyCauses: [suggested('debug the virtual machine.')],
  }),
  row(-2146233088, 'ConnectionFailedUserNotAuthorized', "The user doesn't have permission to access the published app or desktop.", {
    likelyCauses: [
      'The error might appear after the admin removed published resources.',
      suggested('ask the user to refresh the feed in the Remote Desktop application.'),
    ],
  }),
  row(2, 'FileNotFound', 'The application the user tried to access is either incorrectly installed or set to an incorrect path.', {
    likelyCauses: [
      'The application is incorrectly installed, or published with an incorrect path.',
      "An app published while the user has an active session: the user can't access it until the session is shut down and restarted.",
    ],
  }),
  row(3, 'InvalidCredentials', "The user name or password the user entered doesn't match any existing user name or password.", {
    likelyCauses: [suggested('review the credentials for typos and try again.')],
  }),
  row(8, 'ConnectionBroken', 'The connection between the client and the gateway or the server dropped.', {
    likelyCauses: [suggested('no action is needed unless it happens unexpectedly.')],
  }),
  row(14, 'UnexpectedNetworkDisconnect', 'The connection to the network dropped.', {
    likelyCauses: [suggested('ask the user to connect again.')],
  }),
  row(24, 'ReverseConnectFailed', 'The host virtual machine has no direct line of sight to RD Gateway.', {
    likelyCauses: [suggested('ensure the gateway IP address can be resolved.')],
  }),
];

/** The names the WVDErrors table gives a number that no other table has, for the refusal of that number. */
export function avdNamesOf(value: number): string[] {
  return AVD_CONNECTION_CODES.filter((e) => e.code >>> 0 === value >>> 0).map((e) => e.name);
}

