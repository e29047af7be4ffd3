import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readGpoReport } from '../../../src/core/gpo/read-gpo-report';
import { readReg } from '../../../src/core/gpo/read-reg';
import { readRegistryPol } from '../../../src/core/gpo/read-registry-pol';
import { readRsop } from '../../../src/core/gpo/read-rsop';
import { unknownPublishersBlockedBy } from '../../../src/core/gpo/trusted-publishers';
import { lintRdp } from '../../../src/core/rules/engine';
import { rdp043 } from '../../../src/core/rules/rdp/rdp043-redirection-exposure';
import { policyFacts } from '../../../src/core/rules/xrf/facts';
import { writeRegistryPol } from '../../support/registry-pol-writer';
import { fixtureText, policyXml, reportXml, ROOT, TS } from './helpers';

const CLI = join(ROOT, 'dist/cli.js');
const CONTOSO = readFileSync(join(ROOT, 'test/fixtures/rdp/signed-by-contoso.rdp'), 'utf8');

/**
 * The Terminal Services records of a real machine policy, in their order: Braedach/GPO `registry.pol` at
 * c044e86a2d62cd6c5fc7524e12b64db3aa2ec964 (a workstation baseline applied with LGPO). "Allow .rdp files from
 * unknown publishers" is Disabled there; a session 28 review found RDP043 promising the April 2026 dialog for an
 * unsigned file beside it, which Remote Desktop Connection does not open at all.
 */
const REAL_POLICY = writeRegistryPol([
  { key: TS, valueName: 'AllowUnsignedFiles', type: 'REG_DWORD', data: 0 },
  { key: TS, valueName: 'DisablePasswordSaving', type: 'REG_DWORD', data: 1 },
  { key: TS, valueName: 'UserAuthentication', type: 'REG_DWORD', data: 1 },
  { key: TS, valueName: 'fDisableCdm', type: 'REG_DWORD', data: 1 },
  { key: TS, valueName: 'fEncryptRPCTraffic', type: 'REG_DWORD', data: 1 },
  { key: TS, valueName: 'fPromptForPassword', type: 'REG_DWORD', data: 1 },
  { key: TS, valueName: 'MinEncryptionLevel', type: 'REG_DWORD', data: 3 },
]);

const UNSIGNED = 'full address:s:rdsh01.corp.invalid\r\nredirectclipboard:i:1\r\ndrivestoredirect:s:*\r\n';

const facts = (path: string, doc: Parameters<typeof policyFacts>[0]) => ({ path, values: policyFacts(doc, () => path).values });
const reg = (hive: string, value: string) => readReg(`Windows Registry Editor Version 5.00\r\n\r\n[${hive}\\${TS}]\r\n"AllowUnsignedFiles"=${value}\r\n`);

describe('.rdp files from unknown publishers blocked by policy (AllowUnsignedFiles)', () => {
  it('the real Registry.pol blocks them; an export that allows them leaves the question open; none, nothing', () => {
    const real = facts('registry.pol', readRegistryPol(REAL_POLICY).doc);
    assert.equal(unknownPublishersBlockedBy([real]), 'registry.pol');
    assert.equal(unknownPublishersBlockedBy([facts('user.reg', reg('HKEY_CURRENT_USER', 'dword:00000000'))]), 'user.reg');
    assert.equal(unknownPublishersBlockedBy([real, facts('allow.reg', reg('HKEY_LOCAL_MACHINE', 'dword:00000001'))]), undefined);
    assert.equal(unknownPublishersBlockedBy([facts('gone.reg', reg('HKEY_LOCAL_MACHINE', '-'))]), undefined);
    // The computer's setting decides where both are set ("all users on the computer are affected", TerminalServer.adml):
    // a user policy that allows them does not lift the computer's block, nor does a user block override the computer's allow.
    assert.equal(unknownPublishersBlockedBy([real, facts('user-allow.reg', reg('HKEY_CURRENT_USER', 'dword:00000001'))]), 'registry.pol');
    assert.equal(unknownPublishersBlockedBy([facts('user.reg', reg('HKEY_CURRENT_USER', 'dword:00000000')), facts('allow.reg', reg('HKEY_LOCAL_MACHINE', 'dword:00000001'))]), undefined);
    assert.equal(unknownPublishersBlockedBy([]), undefined);
  });

  it('a report or a gpresult that shows the policy Disabled blocks them (its display name was not mapped: RDP043 promised the dialog)', () => {
    const UNKNOWN = 'Allow .rdp files from unknown publishers';
    const report = (state: 'Enabled' | 'Disabled', section: 'Computer' | 'User') => facts('gpreport.xml', readGpoReport(reportXml(policyXml(UNKNOWN, state), { section })));
    assert.equal(unknownPublishersBlockedBy([report('Disabled', 'Computer')]), 'gpreport.xml');
    assert.equal(unknownPublishersBlockedBy([report('Disabled', 'User')]), 'gpreport.xml');
    assert.equal(unknownPublishersBlockedBy([report('Enabled', 'Computer')]), undefined);
    // The policy as a real Windows 11 24H2 gpresult shows its Remote Desktop Connection Client policies: its GPO and
    // precedence first, then name, state and category (raandree/GpoReport at d936866,
    // tests/TestData/Win11-24H2-MSFT-BaselineTest on Win11-24H2-MSFT-BaselineTest.xml).
    const text = fixtureText('gpresult-no-bom.xml');
    const at = text.indexOf('<q7:Policy>');
    assert.ok(at > 0, 'the fixture has policies to stand beside');
    const base = 'xmlns="http://www.microsoft.com/GroupPolicy/Settings/Base"';
    const policy = `<q7:Policy>
          <GPO ${base}><Identifier xmlns="http://www.microsoft.com/GroupPolicy/Types">{AAAA}</Identifier></GPO>
          <Precedence ${base}>1</Precedence>
          <q7:Name>${UNKNOWN}</q7:Name>
          <q7:State>Disabled</q7:State>
          <q7:Category>Windows Components/Remote Desktop Services/Remote Desktop Connection Client</q7:Category>
        </q7:Policy>
        `;
    assert.equal(unknownPublishersBlockedBy([facts('gpresult.xml', readRsop(text.slice(0, at) + policy + text.slice(at)))]), 'gpresult.xml');
  });

  it('RDP043: an unsigned file, or one whose signature cannot verify, gets no dialog where the policy blocks it', () => {
    const blocked = (text: string) => lintRdp(text, { rules: [rdp043], unknownPublishersBlockedBy: 'registry.pol' }).findings[0]!.message;
    const expected =
      '"Allow .rdp files from unknown publishers" is disabled ("AllowUnsignedFiles" is 0 in registry.pol): where that policy applies, Remote Desktop Connection does not open the file at all but says the publisher has been blocked, so no dialog offers them.';
    assert.ok(blocked(UNSIGNED).startsWith(`The file requests 2 redirections (the clipboard and drives): it is unsigned, and ${expected}`), blocked(UNSIGNED));
    const edited = CONTOSO.replace('full address:s:rdsh01.contoso.com', 'full address:s:other.contoso.com');
    assert.ok(blocked(edited).includes(`its signature cannot verify, so it is from an unknown publisher, and ${expected}`), blocked(edited));
    // A signature that verifies names its publisher: the policy does not block it.
    assert.match(blocked(CONTOSO), /^The file requests 2 redirections \(the clipboard and drives\): it is signed, so clients updated since April 2026 name the publisher/);
    assert.match(lintRdp(UNSIGNED, { rules: [rdp043] }).findings[0]!.message, /it is unsigned, so clients updated since April 2026 show "Caution: Unknown remote connection"/);
  });

  it('RDP043: a file the policy blocks is a warning (no connection starts from it), the dialog verdicts stay info', () => {
    const severity = (text: string, blockedBy?: string) =>
      lintRdp(text, { rules: [rdp043], ...(blockedBy !== undefined && { unknownPublishersBlockedBy: blockedBy }) }).findings[0]!.severity;
    assert.equal(severity(UNSIGNED, 'registry.pol'), 'warning');
    assert.equal(severity(CONTOSO.replace('full address:s:rdsh01.contoso.com', 'full address:s:other.contoso.com'), 'registry.pol'), 'warning');
    assert.equal(severity(CONTOSO, 'registry.pol'), 'info');
    assert.equal(severity(UNSIGNED), 'info');
  });

  it('the CLI reads the policy from an export of the run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-unknown-publishers-'));
    try {
      writeFileSync(join(dir, 'client.rdp'), UNSIGNED);
      const lint = (): string => {
        const r = spawnSync(process.execPath, [CLI, 'lint', dir, '--format', 'json'], { encoding: 'utf8' });
        const json = JSON.parse(r.stdout) as { files: { path: string; findings: { ruleId: string; message: string }[] }[] };
        return json.files.find((f) => f.path.endsWith('client.rdp'))!.findings.find((f) => f.ruleId === 'RDP043')!.message;
      };
      assert.match(lint(), /it is unsigned, so clients updated since April 2026 show/);
      const report = reportXml(policyXml('Allow .rdp files from unknown publishers', 'Disabled'));
      writeFileSync(join(dir, 'gpreport.xml'), Buffer.from(`\ufeff${report}`, 'utf16le'));
      assert.match(lint(), /it is unsigned, and "Allow \.rdp files from unknown publishers" is disabled \("AllowUnsignedFiles" is 0 in .*gpreport\.xml\)/);
      rmSync(join(dir, 'gpreport.xml'));
      writeFileSync(join(dir, 'registry.pol'), REAL_POLICY);
      assert.match(lint(), /it is unsigned, and "Allow \.rdp files from unknown publishers" is disabled \("AllowUnsignedFiles" is 0 in .*registry\.pol\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
