// Restricted Mode: a workspace's `.rdpdoctor.yaml` may raise a rule's findings, never turn the rule off or lower them
// (docs/restricted-mode.md). `raiseOnly` makes its rules floors; every reader of an override goes through resolveSeverity.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { applySeverities, isRuleOff, raiseOnly, resolveSeverity, rulesTurnedOff, type SeverityOverrides } from '../../../src/core/findings/severity';
import { lintReportInSlices } from '../../../src/core/lint/session';
import { untrustedConfig } from '../../../src/core/lint/untrusted-config';
import { parseConfig } from '../../../src/core/config/parse';
import { KNOWN_RULE_IDS } from '../../../src/core/rules/registry';
import { lintRdp } from '../../../src/core/rules/engine';

const severityOf = (text: string, id: string, severities?: SeverityOverrides): string[] =>
  lintRdp(text, severities ? { severities } : {})
    .findings.filter((f) => f.ruleId === id)
    .map((f) => f.severity);

describe('raiseOnly', () => {
  it('leaves out what turns a rule off and makes each severity a floor under the finding’s own', () => {
    const floors = raiseOnly({ RDP022: 'off', RDP012: 'info', RDP030: 'error' });
    assert.deepEqual(floors, { RDP012: { atLeast: 'info' }, RDP030: { atLeast: 'error' } });
    assert.equal(isRuleOff(floors, 'RDP022'), false);
    assert.deepEqual(rulesTurnedOff(raiseOnly({ NET022: 'off' }), /^NET/), []);
    assert.equal(resolveSeverity(floors, 'RDP012', 'warning'), 'warning');
    assert.equal(resolveSeverity(floors, 'RDP030', 'info'), 'error');
    assert.equal(resolveSeverity({ X: { atLeast: 'warning' } }, 'X', 'error'), 'error');
    assert.equal(resolveSeverity({ X: { atLeast: 'warning' } }, 'X', 'info'), 'warning');
    assert.deepEqual(raiseOnly(floors), floors);
    const findings = [{ ruleId: 'RDP012', severity: 'error' as const }];
    assert.deepEqual(applySeverities(findings, raiseOnly({ RDP012: 'info' })), findings);
  });

  it('keeps RDP022 on authentication level:i:0 a warning whatever a raise-only config says, and raises it to an error', () => {
    const text = 'full address:s:rdsh01.contoso.localhost\r\nauthentication level:i:0\r\n';
    assert.deepEqual(severityOf(text, 'RDP022'), ['warning']);
    assert.deepEqual(severityOf(text, 'RDP022', { RDP022: 'off' }), []);
    assert.deepEqual(severityOf(text, 'RDP022', raiseOnly({ RDP022: 'off' })), ['warning']);
    assert.deepEqual(severityOf(text, 'RDP022', raiseOnly({ RDP022: 'info' })), ['warning']);
    assert.deepEqual(severityOf(text, 'RDP022', raiseOnly({ RDP022: 'error' })), ['error']);
  });

  it('reads a folder’s configs raise-only for the report of an untrusted workspace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-raise-only-'));
    try {
      writeFileSync(join(dir, 'a.rdp'), 'full address:s:rdsh01.contoso.localhost\r\nauthentication level:i:0\r\n');
      writeFileSync(join(dir, '.rdpdoctor.yaml'), 'rules:\n  RDP022: off\n');
      const trust = { root: dir, uid: process.getuid?.() };
      const ids = async (raise: boolean): Promise<string[]> => {
        const report = await lintReportInSlices([dir], undefined, undefined, { trust, ...(raise && { raiseOnly: true }) });
        return report.files.filter((f) => f.path.endsWith('a.rdp')).flatMap((f) => f.findings.map((x) => `${x.ruleId} ${x.severity}`));
      };
      assert.ok(!(await ids(false)).some((x) => x.startsWith('RDP022')));
      assert.ok((await ids(true)).includes('RDP022 warning'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a config for an untrusted workspace: rules raised only, an earlier expiry warning only, and says what it sets aside', () => {
    const { config } = parseConfig('rules:\n  RDP022: off\n  RDP012: info\n  RDP030: error\n  NET027: warning\ntrust:\n  expiringSoonDays: 0\n', KNOWN_RULE_IDS);
    const read = untrustedConfig(config);
    assert.deepEqual(read.notApplied, ['RDP022: off', 'RDP012: info', 'trust.expiringSoonDays: 0']);
    assert.deepEqual(read.config.rules, { RDP012: { atLeast: 'info' }, RDP030: { atLeast: 'error' }, NET027: { atLeast: 'warning' } });
    assert.equal(read.config.trust.expiringSoonDays, 30);
    const later = untrustedConfig(parseConfig('trust:\n  expiringSoonDays: 90\n', KNOWN_RULE_IDS).config);
    assert.deepEqual(later.notApplied, []);
    assert.equal(later.config.trust.expiringSoonDays, 90);
  });

  it('adds no trust anchor of an untrusted workspace: a CA file inside the folder would make its own certificate trusted (security review)', () => {
    // A cloned folder with `trust.ca: [certs/ca.pem]` beside its .rdp files: a check of their host would call a
    // certificate from that CA trusted (no NET022), which the clients' own stores do not, as `RDP022: off` hid RDP022.
    const read = untrustedConfig(parseConfig('trust:\n  ca: [certs/ca.pem, ../other.pem]\n', KNOWN_RULE_IDS).config);
    assert.deepEqual(read.config.trust.ca, []);
    assert.deepEqual(read.notApplied, ['trust.ca: certs/ca.pem, ../other.pem']);
    assert.deepEqual(untrustedConfig(parseConfig('rules:\n  RDP030: error\n', KNOWN_RULE_IDS).config).notApplied, []);
  });

  it('checks an inventory host of an untrusted workspace against its own name: the folder\'s `name` would hide NET023 (security review)', () => {
    // `{ host: rdsh01.contoso.com, name: rdsh01.local }`: a certificate issued to rdsh01.local would pass the name check,
    // though the clients connect to rdsh01.contoso.com and warn.
    const yaml = 'hosts:\n  - { host: rdsh01.contoso.com, name: rdsh01.local }\n  - { host: 10.0.0.12, port: 3390, name: rdsh02.contoso.com }\n  - { host: rdsh03.contoso.com, name: RDSH03.contoso.com }\n  - rdsh04.contoso.com\n';
    const read = untrustedConfig(parseConfig(yaml, KNOWN_RULE_IDS).config);
    assert.deepEqual(read.config.hosts.map((h) => [h.host, h.port, h.name]), [
      ['rdsh01.contoso.com', undefined, undefined],
      ['10.0.0.12', 3390, undefined],
      ['rdsh03.contoso.com', undefined, 'RDSH03.contoso.com'],
      ['rdsh04.contoso.com', undefined, undefined],
    ]);
    assert.deepEqual(read.notApplied, ['name: rdsh01.local for rdsh01.contoso.com, rdsh02.contoso.com for 10.0.0.12']);
  });

  it('gives a check of an untrusted workspace no shorter timeout and no more hosts at once than the default (session 27)', () => {
    // `checks: { timeoutMs: 100 }` made a healthy host that answers in 0.3 s look timed out; 256 hosts at once queue their
    // lookups behind libuv's 4 threads. The value is not applied: the editor's own setting applies (`set` leaves it out).
    const read = untrustedConfig(parseConfig('checks:\n  timeoutMs: 100\n  concurrency: 256\n  ntlmInfo: false\n', KNOWN_RULE_IDS).config);
    assert.deepEqual(read.notApplied, ['checks.timeoutMs: 100', 'checks.concurrency: 256']);
    assert.deepEqual(read.config.checks, { timeoutMs: 5000, concurrency: 16, ntlmInfo: false, set: [] });
    // More time and fewer hosts at once are applied as written, and so is the default itself.
    const slower = untrustedConfig(parseConfig('checks:\n  timeoutMs: 20000\n  concurrency: 2\n', KNOWN_RULE_IDS).config);
    assert.deepEqual(slower.notApplied, []);
    assert.deepEqual(slower.config.checks, { timeoutMs: 20000, concurrency: 2, set: ['timeoutMs', 'concurrency'] });
    const defaults = untrustedConfig(parseConfig('checks:\n  timeoutMs: 5000\n  concurrency: 16\n', KNOWN_RULE_IDS).config);
    assert.deepEqual(defaults.notApplied, []);
    assert.deepEqual(defaults.config.checks.set, ['timeoutMs', 'concurrency']);
  });
});
