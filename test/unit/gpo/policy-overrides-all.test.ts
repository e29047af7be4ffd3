// A `Get-GPOReport -All` report holds several GPOs: a policy one of them sets overrides the listener's or the
// computer's own value that another GPO of the same report sets (TerminalServer.adml: the local setting is used only
// "if you do not configure this policy setting"), as a policy in another export of the run already did. Session 22's
// gap: only other exports were honoured, so one report gave a GPO002 warning on a listener 0 under a policy 2.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { policyOverridesOf } from '../../../src/core/lint/cross-file';
import { lintText } from '../../../src/core/lint/lint-file';
import { lintPaths } from '../../../src/core/lint/session';
import type { PolicyFinding } from '../../../src/core/rules/gpo/types';
import { crossCheck } from '../../../src/core/rules/xrf/cross-check';
import { policyFacts } from '../../../src/core/rules/xrf/facts';
import { XRF_RULES } from '../../../src/core/rules/xrf/index';
import { allReport, dropDown, LISTENER, linksTo, policyXml, rdpInput } from './helpers';

const REGISTRY_NS = 'xmlns:q1="http://www.microsoft.com/GroupPolicy/Settings/Registry" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="q1:RegistrySettings"';

/** One GPO of a report whose Computer half holds these Registry-extension children (prefix `q:`). */
function gpo(name: string, inner: string, links = ''): string {
  return `  <GPO>
    <Name>${name}</Name>
    <Computer>
      <Enabled>true</Enabled>
      <ExtensionData>
        <Extension ${REGISTRY_NS}>
${inner.replace(/\bq:/g, 'q1:')}
        </Extension>
        <Name>Registry</Name>
      </ExtensionData>
    </Computer>
${links}  </GPO>
`;
}

/** The listener's own SecurityLayer 0, as a raw registry setting of a GPO. */
const LISTENER_RDP = `<q:RegistrySetting><q:KeyPath>${LISTENER}</q:KeyPath><q:AdmSetting>false</q:AdmSetting><q:Value><q:Name>SecurityLayer</q:Name><q:Number>0</q:Number></q:Value></q:RegistrySetting>`;
const POLICY_SSL = policyXml('Require use of specific security layer for remote (RDP) connections', 'Enabled', dropDown('Security Layer', 'SSL'));

const summary = (findings: readonly { ruleId: string; severity: string }[]) => findings.map((f) => `${f.ruleId} ${f.severity}`);

describe('GPO rules: a policy in another GPO of the same -All report overrides a listener value', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  async function lint(text: string) {
    const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-override-all-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'all.xml'), text);
    const { report, exitCode } = await lintPaths({ paths: [join(dir, 'all.xml')], fix: false, ignore: false });
    return { exitCode, findings: report.files[0]!.findings };
  }

  it('the listener 0 of one GPO under the policy 2 of another: information naming that GPO, the policy related, exit 0', async () => {
    const { exitCode, findings } = await lint(allReport(gpo('Listener Tweaks', LISTENER_RDP), gpo('RDS Security', POLICY_SSL)));
    assert.deepEqual(summary(findings), ['GPO002 info']);
    assert.match(findings[0]!.message, /^A policy overrides this value: in .*all\.xml, "SecurityLayer" is 2 \(SSL\) in the policy of GPO "RDS Security"\. Where that policy does not apply: "SecurityLayer" is 0 \(RDP\) in the RDP-Tcp listener's own settings/);
    assert.match(findings[0]!.message, /Set by GPO "Listener Tweaks"\.$/);
    assert.deepEqual(findings[0]!.related?.map((r) => r.message), ['The winning value: "SecurityLayer" is 2 (SSL) in the policy of GPO "RDS Security".']);
    assert.equal(exitCode, 0);
  });

  it('GPOs whose links keep them apart never meet: the listener value stays a warning', async () => {
    const apart = allReport(gpo('Listener Tweaks', LISTENER_RDP, linksTo('corp.invalid/Labs')), gpo('RDS Security', POLICY_SSL, linksTo('corp.invalid/Servers')));
    assert.deepEqual(summary((await lint(apart)).findings), ['GPO002 warning']);
    const nested = allReport(gpo('Listener Tweaks', LISTENER_RDP, linksTo('corp.invalid/Servers/RDS')), gpo('RDS Security', POLICY_SSL, linksTo('corp.invalid/Servers')));
    assert.deepEqual(summary((await lint(nested)).findings), ['GPO002 info'], 'a GPO linked above the other applies with it');
  });

  it('one GPO alone, or a policy of the same GPO: unchanged (the rule reads the policy first there)', async () => {
    assert.deepEqual(summary((await lint(allReport(gpo('Listener Tweaks', LISTENER_RDP)))).findings), ['GPO002 warning']);
    assert.deepEqual(summary((await lint(allReport(gpo('Both', `${LISTENER_RDP}\n${POLICY_SSL}`)))).findings), []);
  });

  it('the editor: the document is among the exports of its folder, and another GPO of it overrides', () => {
    const text = allReport(gpo('Listener Tweaks', LISTENER_RDP), gpo('RDS Security', POLICY_SSL));
    const linted = lintText('gpo-report-xml', text);
    const self = [{ path: 'all.xml', facts: policyFacts(linted.policy!, (s) => s.source) }];
    const got = policyOverridesOf(linted.policy!, linted.findings as PolicyFinding[], 'all.xml', self);
    assert.deepEqual(got.map((o) => `${o.finding.ruleId} ${o.finding.severity} ${o.by?.fact.gpo}`), ['GPO002 info RDS Security']);
  });

  it('the cross-checks read links the same way: a policy whose GPO never meets the listener value\'s leaves it in effect', () => {
    const strict = rdpInput('full address:s:rdsh01.corp.invalid\nauthentication level:i:1\n');
    const xrf = (text: string) => {
      const doc = lintText('gpo-report-xml', text).policy!;
      return summary(crossCheck(XRF_RULES, { rdpFiles: [strict], exports: [{ path: 'all.xml', facts: policyFacts(doc, (s) => `all.xml:${s.source.span.start}`) }] }));
    };
    assert.deepEqual(xrf(allReport(gpo('Listener Tweaks', LISTENER_RDP, linksTo('corp.invalid/Labs')), gpo('RDS Security', POLICY_SSL, linksTo('corp.invalid/Servers')))), ['XRF003 error']);
    assert.deepEqual(xrf(allReport(gpo('Listener Tweaks', LISTENER_RDP, linksTo('corp.invalid/Servers/RDS')), gpo('RDS Security', POLICY_SSL, linksTo('corp.invalid/Servers')))), []);
  });
});
