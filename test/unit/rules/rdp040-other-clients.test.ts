import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintText } from '../../../src/core/lint/lint-file';
import { rdp040 } from '../../../src/core/rules/rdp/rdp040-stored-password';
import { testRule } from '../rule-harness';

// Devolutions' MsRdpEx (the mstsc extension Remote Desktop Manager loads) reads `ClearTextPassword:s:` as the target's
// password and `GatewayPassword:s:` as the RD Gateway's, by names compared without regard to case (README's option
// table; dll/RdpSettings.cpp, MsRdpEx_RdpFileEntry_IsMatch in dll/RdpFile.c, at 5a64c5d); IronRDP's client reads the
// same two (crates/ironrdp-cfg, at 18e259c). IronRDP's own test file carries `ClearTextPassword:s:Devolutions123!`
// (crates/ironrdp-testsuite-core/tests/propertyset.rs).
describe('RDP040 stored-password: the plain-text password names MsRdpEx and IronRDP read', () => {
  testRule(rdp040, {
    accept: ['full address:s:h', 'cleartextpassword:i:1', 'GatewayPasswordHint:s:x'],
    reject: [
      { text: 'full address:s:h\r\nClearTextPassword:s:Hunter2\r\n', ranges: [[2, 1, 2, 18]], severity: 'error', message: /plain text under "ClearTextPassword".*MsRdpEx.*IronRDP.*computer's account/, fixed: 'full address:s:h\r\n' },
      // IronRDP looks the names up as written (crates/ironrdp-cfg: "ClearTextPassword"; "GatewayPassword" or
      // "gatewaypassword"), and neither client trims a name (MsRdpEx_RdpFile_Load; ironrdp-rdpfile's load).
      { text: 'cleartextpassword:s:Hunter2', ranges: [[1, 1, 1, 18]], severity: 'error', message: /^The file holds a saved password in plain text under "cleartextpassword" \(Devolutions' MsRdpEx reads it as the password of the remote computer's account; IronRDP reads the name only as "ClearTextPassword"\)/, title: 'lower case: MsRdpEx compares names without regard to case, IronRDP does not' },
      { text: 'GATEWAYPASSWORD:s:Hunter2', ranges: [[1, 1, 1, 16]], severity: 'error', message: /MsRdpEx reads it as the RD Gateway's password; IronRDP reads the name only as "GatewayPassword" or "gatewaypassword"\)/, title: 'upper case' },
      { text: 'gatewaypassword:s:Hunter2', ranges: [[1, 1, 1, 16]], severity: 'error', message: /\(Devolutions' MsRdpEx and IronRDP read it as the RD Gateway's password\)/, title: 'the lower-case name IronRDP reads too' },
      { text: 'ClearTextPassword :s:Hunter2', ranges: [[1, 1, 1, 18]], severity: 'error', message: /\(Devolutions' MsRdpEx and IronRDP read it as the password of the remote computer's account, though not on this line while blanks surround its name\)/, title: 'a blank before the colon: neither client reads the line' },
      { text: 'GatewayPassword:s:Hunter2', ranges: [[1, 1, 1, 16]], severity: 'error', message: /plain text under "GatewayPassword".*RD Gateway/ },
    ],
  });

  it('knows both names, so RDP002 does not call them unknown, and never shows the value', () => {
    const secret = 'Sup3rSecretValue';
    const findings = lintText('rdp', `full address:s:rdsh.example.invalid\r\nClearTextPassword:s:${secret}\r\nGatewayPassword:s:${secret}\r\n`).findings;
    assert.deepEqual(findings.map((f) => f.ruleId), ['RDP040', 'RDP040']);
    for (const f of findings) assert.ok(!f.message.includes(secret), f.message);
  });
});

// FreeRDP sets an empty `password:s:` as an empty password (client/common/file.c freerdp_client_rdp_file_set_string;
// libfreerdp/common/settings_getters.c keeps "" as ""), and asks for credentials only when the user name is empty or no
// password is set (libfreerdp/core/utils.c, utils_authenticate): with a user name it signs in with the empty password.
describe('RDP040 stored-password: an empty plain-text password line', () => {
  testRule(rdp040, {
    accept: [],
    reject: [
      { text: 'username:s:alice\r\npassword:s:\r\n', ranges: [[2, 1, 2, 9]], severity: 'warning', message: /^The "password" line is empty, so the file stores no password; FreeRDP still sets an empty password from it and, as the file names a user, signs in with it instead of asking/, fixed: 'username:s:alice\r\n' },
      // Without a user name FreeRDP prompts for both (utils_authenticate; client_cli_authenticate_raw reads a password
      // whenever it prompts): the line matters only with a /u: on the command line.
      { text: 'password:s:\r\n', ranges: [[1, 1, 1, 9]], severity: 'info', message: /^The "password" line is empty, so the file stores no password; FreeRDP still sets an empty password from it .*once a user name is given on its command line \(\/u:\)/, title: 'no user name in the file: info' },
      { text: 'username:s: \r\npassword:s:\r\n', ranges: [[2, 1, 2, 9]], severity: 'info', title: 'an empty username line names no user' },
      { text: 'clear password:s:', ranges: [[1, 1, 1, 15]], severity: 'info', message: /^The "clear password" line is empty, so the file stores no password/ },
    ],
  });

  it('is no "saved password in plain text" error', () => {
    const findings = lintText('rdp', 'full address:s:rdsh.example.invalid\r\nusername:s:alice\r\npassword:s:\r\n').findings.filter((f) => f.ruleId === 'RDP040');
    assert.equal(findings.length, 1);
    assert.doesNotMatch(findings[0]!.message, /holds a saved password/);
    assert.equal(findings[0]!.severity, 'warning');
  });
});
