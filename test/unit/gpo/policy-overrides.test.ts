// A policy set in one export of a run overrides the listener's or the computer's own value in another (TerminalServer.adml:
// the local setting is used only "if you do not configure this policy setting"). A review's repro: allow.xml allowing
// connections and requiring SSL, local.reg with fDenyTSConnections 1 and the listener's SecurityLayer 0 gave a GPO001
// error and a GPO002 warning, exit 1, while the cross-checks let the policy win.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readPolicyText } from '../../../src/core/gpo/read-export';
import { policyOverridesOf } from '../../../src/core/lint/cross-file';
import { lintText } from '../../../src/core/lint/lint-file';
import { lintPaths } from '../../../src/core/lint/session';
import type { PolicyFinding } from '../../../src/core/rules/gpo/types';
import { policyFacts } from '../../../src/core/rules/xrf/facts';
import { assertMessage, LISTENER, TS } from './helpers';

const ALLOW_XML = `<?xml version="1.0" encoding="utf-8"?>
<GPO xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://www.microsoft.com/GroupPolicy/Settings">
  <Name>RDS Allow</Name>
  <Computer>
    <Enabled>true</Enabled>
    <ExtensionData>
      <Extension xmlns:q1="http://www.microsoft.com/GroupPolicy/Settings/Registry" xsi:type="q1:RegistrySettings">
        <q1:Policy>
          <q1:Name>Allow users to connect remotely by using Remote Desktop Services</q1:Name>
          <q1:State>ALLOW</q1:State>
        </q1:Policy>
        <q1:Policy>
          <q1:Name>Require use of specific security layer for remote (RDP) connections</q1:Name>
          <q1:State>LAYER</q1:State>
          <q1:DropDownList><q1:Name>Security Layer</q1:Name><q1:State>Enabled</q1:State><q1:Value><q1:Name>SSL</q1:Name></q1:Value></q1:DropDownList>
        </q1:Policy>
      </Extension>
    </ExtensionData>
  </Computer>
</GPO>
`;
const allowXml = (allow: string, layer: string): string => ALLOW_XML.replace('ALLOW', allow).replace('LAYER', layer);

const LOCAL_REG = `Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server]\r\n"fDenyTSConnections"=dword:00000001\r\n\r\n[HKEY_LOCAL_MACHINE\\${LISTENER}]\r\n"SecurityLayer"=dword:00000000\r\n`;

describe('GPO rules: a policy in another export of the run overrides a listener or local value', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  async function run(files: Record<string, string>) {
    const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-override-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const { report, exitCode } = await lintPaths({ paths: [dir], fix: false, ignore: false });
    const local = report.files.find((f) => f.path.endsWith('local.reg'))!;
    // Paths outside the working folder are shown whole: the messages are compared by file name.
    const name = (text: string) => text.split(join(dir, '/')).join('');
    return { exitCode, local: local.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: name(f.message), related: (f.related ?? []).map((r) => `${r.path.slice(r.path.lastIndexOf('/') + 1)}:${r.line} ${name(r.message)}`) })) };
  }

  it('the review repro: information naming the export and the value its policy sets, exit 0', async () => {
    const { exitCode, local } = await run({ 'allow.xml': allowXml('Enabled', 'Enabled'), 'local.reg': LOCAL_REG, 'strict.rdp': 'full address:s:rdsh01.corp.invalid\nauthentication level:i:1\n' });
    assert.deepEqual(local.map((f) => `${f.ruleId} ${f.severity}`), ['GPO001 info', 'GPO002 info']);
    for (const f of local) assertMessage(f.ruleId, f.message);
    assert.equal(
      local[0]!.message,
      'A policy overrides this value: in allow.xml, "fDenyTSConnections" is 0 (Allowed) in the policy of GPO "RDS Allow". Where that policy does not apply: "fDenyTSConnections" is 1 (Denied) in the local Terminal Server settings: the server accepts no new Remote Desktop connections.',
    );
    assert.match(local[1]!.message, /^A policy overrides this value: in allow\.xml, "SecurityLayer" is 2 \(SSL\) in the policy of GPO "RDS Allow"\. Where that policy does not apply: "SecurityLayer" is 0 \(RDP\) in the RDP-Tcp listener's own settings: /);
    assert.deepEqual(local[0]!.related, ['allow.xml:10 The winning value: "fDenyTSConnections" is 0 (Allowed) in the policy of GPO "RDS Allow".']);
    assert.equal(exitCode, 0, 'no error: the cross-check too lets the policy win (no XRF003)');
  });

  it('no export sets the policy: the per-document error and warning stand', async () => {
    const { exitCode, local } = await run({ 'local.reg': LOCAL_REG, 'other.reg': `Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\${TS}]\r\n"fPromptForPassword"=dword:00000001\r\n` });
    assert.deepEqual(local.map((f) => `${f.ruleId} ${f.severity}`), ['GPO001 error', 'GPO002 warning']);
    assert.doesNotMatch(local[0]!.message, /overrides/);
    assert.equal(exitCode, 1);
  });

  it('a policy that is Not Configured, or that an export deletes, overrides nothing', async () => {
    // "Require use of specific security layer…" Disabled deletes SecurityLayer (the ADMX has no disabled value): the listener's 0 applies.
    const disabled = await run({ 'allow.xml': allowXml('Enabled', 'Disabled'), 'local.reg': LOCAL_REG });
    assert.deepEqual(disabled.local.map((f) => `${f.ruleId} ${f.severity}`), ['GPO001 info', 'GPO002 warning']);
    const deleted = `Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\${TS}]\r\n"fDenyTSConnections"=-\r\n"SecurityLayer"=-\r\n`;
    const { local, exitCode } = await run({ 'policy.reg': deleted, 'local.reg': LOCAL_REG });
    assert.deepEqual(local.map((f) => `${f.ruleId} ${f.severity}`), ['GPO001 error', 'GPO002 warning']);
    assert.equal(exitCode, 1);
  });

  it('a policy that denies too is named with its own value; the policy export keeps its own error', async () => {
    const { local, exitCode } = await run({ 'allow.xml': allowXml('Disabled', 'Enabled'), 'local.reg': LOCAL_REG });
    assert.match(local[0]!.message, /^A policy overrides this value: in allow\.xml, "fDenyTSConnections" is 1 \(Denied\) in the policy of GPO "RDS Allow"\./);
    assert.equal(local[0]!.severity, 'info');
    assert.equal(exitCode, 1, "allow.xml's GPO001 on its Disabled policy");
  });

  it('the editor: the same reading of one document against the exports of its folder', () => {
    const text = LOCAL_REG;
    const linted = lintText('reg', text);
    const policy = readPolicyText('gpo-report-xml', allowXml('Enabled', 'Enabled'));
    const others = [{ path: 'allow.xml', facts: policyFacts(policy, (s) => s.source) }];
    const got = policyOverridesOf(linted.policy!, linted.findings as PolicyFinding[], 'local.reg', others);
    assert.deepEqual(got.map((o) => `${o.finding.ruleId} ${o.finding.severity} ${o.by?.path}`), ['GPO001 info allow.xml', 'GPO002 info allow.xml']);
    const alone = policyOverridesOf(linted.policy!, linted.findings as PolicyFinding[], 'local.reg', []);
    assert.deepEqual(alone.map((o) => `${o.finding.ruleId} ${o.finding.severity}`), ['GPO001 error', 'GPO002 warning']);
  });
});
