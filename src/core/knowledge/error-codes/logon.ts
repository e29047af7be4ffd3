import type { ErrorCodeInfo } from '../error-code-types';
import { rowsOf } from './row';

const row = rowsOf('logon', ['ONLOGONERROR']);

/**
 * `lError` of IMsTscAxEvents::OnLogonError. Microsoft: "This list of codes is not exhaustive."
 * Negative values are stored signed; lookups also match their unsigned form (-2 = 0xFFFFFFFE).
 */
export const LOGON_CODES: readonly ErrorCodeInfo[] = [
  row(-7, 'ARBITRATION_CODE_REFUSED_DIALOG', 'Winlogon is displaying the Disconnect Refused dialog box.'),
  row(-6, 'ARBITRATION_CODE_NOPERM_DIALOG', 'Winlogon is displaying the No Permissions dialog box.'),
  row(-5, 'ARBITRATION_CODE_BUMP_OPTIONS', 'Winlogon is displaying the Session Contention dialog box.'),
  row(-4, 'ARBITRATION_CODE_RECONN_OPTIONS', 'Winlogon is displaying the Reconnect dialog box.'),
  row(-3, 'ARBITRATION_CODE_CONTINUE_TERMINATE', 'Winlogon is ending silently.'),
  row(-2, 'ARBITRATION_CODE_CONTINUE_LOGON', 'Winlogon is continuing with the logon process.'),
  row(-1, 'ERROR_CODE_ACCESS_DENIED', 'The user was denied access.'),
  row(0, 'LOGON_FAILED_BAD_PASSWORD', 'The logon credentials are not valid.'),
  row(1, 'LOGON_FAILED_UPDATE_PASSWORD', 'The password is expired; the user must update it.'),
  row(2, 'LOGON_FAILED_OTHER', 'Another logon or post-logon error occurred.'),
  row(3, 'LOGON_WARNING', 'The client displays a dialog box with important information.'),
  row(0xc000006d, 'STATUS_LOGON_FAILURE', 'Incorrect user name or authentication information.'),
  row(
    0xc000006e,
    'STATUS_ACCOUNT_RESTRICTION',
    'The credentials are valid, but the logon is blocked by account restrictions (for example, time of day).',
  ),
  row(0xc0000224, 'STATUS_PASSWORD_MUST_CHANGE', 'The password is expired; the user must update it.'),
];
