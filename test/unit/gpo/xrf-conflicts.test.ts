// XRF001 and XRF003 where the exports of a run disagree on the server value (GPO013's conflict): which export wins
// depends on link order and Enforced (between GPOs) or on how each was applied (a .reg file, LGPO text), which no export shows, so the failure is not certain (a review's repro: one
// .rdp without CredSSP, gpoA.reg UserAuthentication 1, gpoB.reg UserAuthentication 0 gave a certain error).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readGpoReport } from '../../../src/core/gpo/read-gpo-report';
import type { ProbeFacts } from '../../../src/core/rules/xrf/probe-facts';
import { crossCheck, MAX_RELATED } from '../../../src/core/rules/xrf/cross-check';
import { policyFacts } from '../../../src/core/rules/xrf/facts';
import { XRF_RULES } from '../../../src/core/rules/xrf/index';
import { LISTENER, TS, allReport, assertMessage, layerGpo, linksTo, rdpInput as rdp, regInput as reg } from './helpers';
import { workCounts } from '../../../src/core/work-counts';

const noCredssp = rdp('full address:s:rdsh01.contoso.com\nenablecredsspsupport:i:0\n');
const strict = rdp('full address:s:rdsh01.contoso.com\nauthentication level:i:1\n');
const policy = (name: string, n: number, path: string) => reg(`[HKEY_LOCAL_MACHINE\\${TS}]\r\n"${name}"=dword:0000000${n}\r\n`, path);
const summary = (found: ReturnType<typeof crossCheck<string>>) => found.map((f) => `${f.ruleId} ${f.severity} ${f.path}`);

const DC = 'contoso.com/domain controllers';
const RDS = 'contoso.com/servers/rds';

function report(...gpos: string[]) {
  const text = allReport(...gpos);
  return { path: 'all.xml', facts: policyFacts(readGpoReport(text), (s) => `all.xml:${s.source.span.start}`) };
}

describe('XRF001 when the exports disagree', () => {
  it('the review repro: a warning naming both exports and saying which one wins decides; the error without the other', () => {
    const found = crossCheck(XRF_RULES, { rdpFiles: [noCredssp], exports: [policy('UserAuthentication', 1, 'gpoA.reg'), policy('UserAuthentication', 0, 'gpoB.reg')] });
    assert.deepEqual(summary(found), ['XRF001 warning client.rdp']);
    assertMessage('XRF001', found[0]!.message);
    assert.match(found[0]!.message, /the server may require it \("UserAuthentication" is 1 in gpoA\.reg but 0 in gpoB\.reg, and which of them wins depends on how each was applied, which the exports do not show/);
    assert.match(found[0]!.message, /where the 1 applies, the connection fails with HYBRID_REQUIRED_BY_SERVER\.$/);
    assert.deepEqual(found[0]!.related.map((r) => r.path), ['gpoA.reg', 'gpoB.reg'], 'the conflicting value is related');
    const alone = crossCheck(XRF_RULES, { rdpFiles: [noCredssp], exports: [policy('UserAuthentication', 1, 'gpoA.reg')] });
    assert.deepEqual(summary(alone), ['XRF001 error client.rdp']);
    assert.match(alone[0]!.message, /but the server requires it \("UserAuthentication" is 1 in gpoA\.reg\)/);
  });

  it('no conflict, no change: two exports that agree, or a listener value the policy of another export overrides', () => {
    const agree = crossCheck(XRF_RULES, { rdpFiles: [noCredssp], exports: [policy('UserAuthentication', 1, 'a.reg'), policy('UserAuthentication', 1, 'b.reg')] });
    assert.deepEqual(summary(agree), ['XRF001 error client.rdp']);
    const listenerOff = reg(`[HKEY_LOCAL_MACHINE\\${LISTENER}]\r\n"UserAuthentication"=dword:00000000\r\n`, 'listener.reg');
    assert.deepEqual(summary(crossCheck(XRF_RULES, { rdpFiles: [noCredssp], exports: [policy('UserAuthentication', 1, 'a.reg'), listenerOff] })), ['XRF001 error client.rdp']);
  });

  it('a check that found NLA required keeps the error: the server answered for itself', () => {
    const probe: ProbeFacts = { target: 'rdsh01.contoso.com', host: 'rdsh01.contoso.com', port: 3389, negotiation: { nlaRequired: true } };
    const found = crossCheck(XRF_RULES, { rdpFiles: [noCredssp], exports: [policy('UserAuthentication', 1, 'gpoA.reg'), policy('UserAuthentication', 0, 'gpoB.reg')], probes: [probe] });
    assert.deepEqual(summary(found), ['XRF001 error client.rdp']);
    assert.match(found[0]!.message, /a check of rdsh01\.contoso\.com:3389 found that it requires NLA/);
  });
});

describe('XRF003 when the exports disagree', () => {
  it('SecurityLayer 0 in one export and 2 in another: a warning; 0 alone stays an error', () => {
    const found = crossCheck(XRF_RULES, { rdpFiles: [strict], exports: [policy('SecurityLayer', 0, 'rdp.reg'), policy('SecurityLayer', 2, 'tls.reg')] });
    assert.deepEqual(summary(found), ['XRF003 warning client.rdp']);
    assertMessage('XRF003', found[0]!.message);
    assert.match(found[0]!.message, /the server may use Standard RDP Security \("SecurityLayer" is 0 in rdp\.reg but 2 in tls\.reg, and which of them wins/);
    assert.deepEqual(summary(crossCheck(XRF_RULES, { rdpFiles: [strict], exports: [policy('SecurityLayer', 0, 'rdp.reg')] })), ['XRF003 error client.rdp']);
  });

  it('"AuthenticationLevel" 1 in one export and 0 in another: the client policy may not apply, so a warning', () => {
    const loose = rdp('full address:s:rdsh01.contoso.com\nauthentication level:i:2\n');
    const exports = [policy('SecurityLayer', 0, 'server.reg'), policy('AuthenticationLevel', 1, 'strict.reg'), policy('AuthenticationLevel', 0, 'lax.reg')];
    const found = crossCheck(XRF_RULES, { rdpFiles: [loose], exports });
    assert.deepEqual(summary(found), ['XRF003 warning client.rdp']);
    assert.match(found[0]!.message, /^The client policy "Configure server authentication for client" may set "AuthenticationLevel" to 1 \("AuthenticationLevel" is 1 in strict\.reg but 0 in lax\.reg, /);
    assert.deepEqual(summary(crossCheck(XRF_RULES, { rdpFiles: [loose], exports: exports.slice(0, 2) })), ['XRF003 error client.rdp']);
  });

  it('GPOs of one -All report: a conflict is one only where their links let both apply (as GPO013 decides)', () => {
    const apart = report(layerGpo('DC', 'SSL', linksTo(DC)), layerGpo('RDS', 'RDP', linksTo(RDS)));
    assert.deepEqual(summary(crossCheck(XRF_RULES, { rdpFiles: [strict], exports: [apart] })), ['XRF003 error client.rdp'], 'the RDS GPO alone sets the RDS servers');
    const together = report(layerGpo('Domain', 'SSL', linksTo('contoso.com')), layerGpo('RDS', 'RDP', linksTo(RDS)));
    const found = crossCheck(XRF_RULES, { rdpFiles: [strict], exports: [together] });
    assert.deepEqual(summary(found), ['XRF003 warning client.rdp']);
    assert.match(found[0]!.message, /"SecurityLayer" is 0 in all\.xml \(GPO "RDS"\) but 2 in all\.xml \(GPO "Domain"\), and which of them wins depends on link order and Enforced, /);
  });

  it('a .reg file, LGPO text or a bare Registry.pol names no GPO: link order is not said to decide against one', () => {
    const together = report(layerGpo('Domain', 'SSL', linksTo('contoso.com')));
    const found = crossCheck(XRF_RULES, { rdpFiles: [strict], exports: [together, policy('SecurityLayer', 0, 'local.reg')] });
    assert.deepEqual(summary(found), ['XRF003 warning client.rdp']);
    assert.match(found[0]!.message, /"SecurityLayer" is 0 in local\.reg but 2 in all\.xml \(GPO "Domain"\), and which of them wins depends on how each was applied, which the exports do not show/);
  });
});

describe('XRF001 over many files whose exports disagree (fuzz review)', () => {
  it('300 .rdp files against 300 exports: each fact\'s rivals are found once, not once per file and view (47 s for 400 and 400, cubic)', () => {
    const n = 300;
    const rdpFiles = Array.from({ length: n }, (_, i) => rdp(`full address:s:rdsh01.contoso.com\nenablecredsspsupport:i:${i % 3 === 0 ? 1 : 0}\n`, `c${i}.rdp`));
    const exports = Array.from({ length: n }, (_, i) => policy('UserAuthentication', i % 2, `g${i}.reg`));
    const before = workCounts.rivalComparisons;
    const found = crossCheck(XRF_RULES, { rdpFiles, exports });
    const comparisons = workCounts.rivalComparisons - before;
    assert.equal(found.filter((f) => f.ruleId === 'XRF001').length, n - n / 3);
    assert.ok(found.every((f) => f.severity === 'warning' && /which of them wins depends on how each was applied/.test(f.message)));
    // Each export's fact against each other's once (n²); every view searching every export for each file's question was n³.
    assert.ok(comparisons <= n * n, `${comparisons} comparisons`);
  });
});

describe('related places of a cross-check finding (fuzz review)', () => {
  it('lists at most MAX_RELATED and counts the rest in the message (400 .rdp files against 400 agreeing gpresults: 95 MB of JSON)', () => {
    const listener = (i: number) => reg(`[HKEY_LOCAL_MACHINE\\${LISTENER}]\r\n"PortNumber"=dword:00000d3e\r\n`, `l${i}.reg`);
    const found = crossCheck(XRF_RULES, { rdpFiles: [rdp('full address:s:rdsh01.contoso.com\n')], exports: Array.from({ length: 60 }, (_, i) => listener(i)) });
    assert.deepEqual(summary(found), ['XRF002 error client.rdp']);
    assert.equal(found[0]!.related.length, MAX_RELATED);
    assert.deepEqual(found[0]!.related.map((r) => r.path).slice(0, 2), ['l0.reg', 'l1.reg']);
    assert.match(found[0]!.message, /listens on 3390: the connection is refused or times out\. The first 50 of 60 related places are listed\.$/);
    // Up to the limit, nothing is added.
    const few = crossCheck(XRF_RULES, { rdpFiles: [rdp('full address:s:rdsh01.contoso.com\n')], exports: Array.from({ length: MAX_RELATED }, (_, i) => listener(i)) });
    assert.equal(few[0]!.related.length, MAX_RELATED);
    assert.match(few[0]!.message, /times out\.$/);
  });
});
