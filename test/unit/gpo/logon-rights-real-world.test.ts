// The Remote Desktop logon rights as real baselines carry them (the lines are typed here from the files named, not
// copied): only the two rights give findings, and the usual hardening entries are info, never a warning or an error.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintExport } from './helpers';

const template = (...lines: string[]) => ['[Unicode]', 'Unicode=yes', '[Version]', 'signature="$CHICAGO$"', 'Revision=1', '[Privilege Rights]', ...lines, ''].join('\r\n');
const found = (text: string) => lintExport('security-template', text).map((f) => `${f.ruleId} ${f.severity} ${f.line}`);

describe('security baselines', () => {
  it('t0x01/group-policy-objects {BCC33A6A-…} (Server 2022 member server): only the deny right, as info', () => {
    // GptTmpl.inf @ b362ef7, [Privilege Rights] in part, with rights that are not Remote Desktop's around the two.
    const text = template(
      'SeDenyNetworkLogonRight = *S-1-5-114,*S-1-5-32-546',
      'SeDenyInteractiveLogonRight = *S-1-5-32-546',
      'SeDenyRemoteInteractiveLogonRight = *S-1-5-113,*S-1-5-32-546',
      'SeRemoteInteractiveLogonRight = *S-1-5-32-555,*S-1-5-32-544',
      'SeTcbPrivilege =',
    );
    assert.deepEqual(found(text), ['GPO001 info 9']);
  });

  it('t0x01/group-policy-objects {72A90472-…} (Server 2022 domain controller): Guests denied, the allow right only to Administrators, both info', () => {
    const text = template('SeDenyRemoteInteractiveLogonRight = *S-1-5-32-546', 'SeRemoteInteractiveLogonRight = *S-1-5-32-544', 'SeCreateTokenPrivilege =');
    assert.deepEqual(found(text), ['GPO001 info 7', 'GPO001 info 8']);
  });

  it('nsacyber/Windows-Secure-Host-Baseline {AC662460-…} (history, d686f587): Everyone denied beside the admin groups and local accounts is an error', () => {
    const text = template('SeDenyRemoteInteractiveLogonRight = Domain Admins,Enterprise Admins,*S-1-1-0,*S-1-5-113');
    const [f] = lintExport('security-template', text);
    assert.equal(f!.severity, 'error');
    assert.match(f!.message, /names "Domain Admins", "Enterprise Admins", Everyone \(S-1-1-0\) and Local account \(S-1-5-113\) in the User Rights Assignment\. Everyone \(S-1-1-0\) covers every user who could sign in/);
    // Its gpreport.xml writes the two names GPMC could not resolve with a Name and no SID, and says the same.
    const report = `<?xml version="1.0" encoding="utf-16"?>
<GPO xmlns="http://www.microsoft.com/GroupPolicy/Settings" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <Name>DoD Windows 10 STIG - Computer</Name>
  <Computer>
    <Enabled>true</Enabled>
    <ExtensionData>
      <Extension xmlns:q1="http://www.microsoft.com/GroupPolicy/Settings/Security" xsi:type="q1:SecuritySettings">
        <q1:UserRightsAssignment>
          <q1:Name>SeDenyRemoteInteractiveLogonRight</q1:Name>
          <q1:Member>
            <Name xmlns="http://www.microsoft.com/GroupPolicy/Types">Domain Admins</Name>
          </q1:Member>
          <q1:Member>
            <Name xmlns="http://www.microsoft.com/GroupPolicy/Types">Enterprise Admins</Name>
          </q1:Member>
          <q1:Member>
            <SID xmlns="http://www.microsoft.com/GroupPolicy/Types">S-1-1-0</SID>
            <Name xmlns="http://www.microsoft.com/GroupPolicy/Types">Everyone</Name>
          </q1:Member>
          <q1:Member>
            <SID xmlns="http://www.microsoft.com/GroupPolicy/Types">S-1-5-113</SID>
            <Name xmlns="http://www.microsoft.com/GroupPolicy/Types">NT AUTHORITY\\Local account</Name>
          </q1:Member>
        </q1:UserRightsAssignment>
      </Extension>
      <Name>Security</Name>
    </ExtensionData>
  </Computer>
</GPO>
`;
    const [r] = lintExport('gpo-report-xml', report);
    assert.equal(r!.message, `${f!.message} Set by GPO "DoD Windows 10 STIG - Computer".`);
  });
});
