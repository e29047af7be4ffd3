// The Remote Desktop logon rights as each export format carries them (fixtures in test/fixtures/gpo/logon-rights,
// UTF-16LE with BOM as real exports are; made by make-logon-rights-fixtures.ts), GPO013 on them, and the shared samples.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PolicyDocument } from '../../../src/core/gpo/model';
import { readGpoReport } from '../../../src/core/gpo/read-gpo-report';
import { readRsop } from '../../../src/core/gpo/read-rsop';
import { readSecurityTemplate } from '../../../src/core/gpo/read-security-template';
import { isUserRightsKey } from '../../../src/core/gpo/logon-rights';
import { lintGpoBackup } from '../../../src/core/lint/lint-file';
import { crossFileConflicts } from '../../../src/core/rules/gpo/gpo013-conflicting-policy';
import { policyFacts } from '../../../src/core/rules/xrf/facts';
import { assertMessage, backupFiles, fixture, fixtureText, lintExport } from './helpers';
import { ADMINS, GUESTS, LOCAL, RDU, report, rsop, template } from './logon-rights-helpers';

const DENY = 'SeDenyRemoteInteractiveLogonRight';
const ALLOW = 'SeRemoteInteractiveLogonRight';
const rightsOf = (doc: PolicyDocument) => doc.settings.filter((s) => isUserRightsKey(s.key)).map((s) => `${s.valueName}=${JSON.stringify(s.data)}${s.precedence ? `@${s.precedence}` : ''}`);
const gpo001 = (format: Parameters<typeof lintExport>[0], text: string) => lintExport(format, text).filter((f) => f.ruleId !== 'GPO013').map((f) => `${f.ruleId} ${f.severity} ${f.line}`);

describe('the logon-rights fixtures, one per format', () => {
  it('are UTF-16LE with BOM and CRLF, as GPMC, gpresult and secedit write them', () => {
    for (const name of ['GptTmpl.inf', 'gpreport-all.xml', 'gpresult.xml']) {
      const bytes = fixture('logon-rights', name);
      assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe], name);
      assert.ok(bytes.toString('utf16le').includes('\r\n'), name);
    }
  });

  it('GptTmpl.inf: SIDs after "*", a name written as is, an empty right; the rights not Remote Desktop\'s are not read', () => {
    const text = fixtureText('logon-rights', 'GptTmpl.inf');
    const doc = readSecurityTemplate(text);
    assert.deepEqual(doc.problems, []);
    assert.deepEqual(rightsOf(doc), [`${DENY}=["*S-1-1-0","ADD YOUR DOMAIN ADMINS","*S-1-5-2"]`, `${ALLOW}=[]`]);
    const span = doc.settings[0]!.source.span;
    assert.equal(text.slice(span.start, span.end), `${DENY} = *S-1-1-0,ADD YOUR DOMAIN ADMINS,*S-1-5-2`);
    assert.deepEqual(gpo001('security-template', text), ['GPO001 error 8', 'GPO001 error 9']);
  });

  it('Get-GPOReport -All: SID and name per member, each GPO its own scope, and GPO013 between the two deny lists', () => {
    const text = fixtureText('logon-rights', 'gpreport-all.xml');
    const doc = readGpoReport(text);
    assert.deepEqual(doc.problems, []);
    assert.deepEqual(rightsOf(doc), [
      `${DENY}=["*S-1-5-32-546|BUILTIN\\\\Guests","*S-1-5-113|NT AUTHORITY\\\\Local account","*S-1-5-21-1004336348-1177238915-682003330-512|CONTOSO\\\\Domain Admins"]`,
      `${DENY}=["*S-1-5-32-544|BUILTIN\\\\Administrators"]`,
      `${ALLOW}=["*S-1-5-21-1004336348-1177238915-682003330-1107|CONTOSO\\\\Jump <Admins> & Co"]`,
    ]);
    const found = lintExport('gpo-report-xml', text);
    assert.deepEqual(found.map((f) => `${f.ruleId} ${f.severity} ${f.line}`), ['GPO001 info 17', 'GPO001 warning 46', 'GPO013 warning 46', 'GPO001 warning 53']);
    assert.match(found[0]!.message, / Set by GPO "Member Server Hardening"\.$/);
    assert.match(found[3]!.message, /only to "CONTOSO\\Jump <Admins> & Co" \(S-1-5-21-1004336348-1177238915-682003330-1107\)/, 'the name as written, its references resolved');
    assert.match(found[2]!.message, /^"SeDenyRemoteInteractiveLogonRight" is \[Administrators \(S-1-5-32-544\)\] in GPO "Jump Hosts Only" but \[Guests \(S-1-5-32-546\), Local account \(S-1-5-113\), "CONTOSO\\Domain Admins" \(S-1-5-21-1004336348-1177238915-682003330-512\)\] in GPO "Member Server Hardening"; which one applies depends on link order and precedence\.$/);
    for (const f of found) assertMessage(f.ruleId, f.message);
  });

  it('gpresult: names only, the winner judged, the loser a GPO013 warning and nothing else', () => {
    const text = fixtureText('logon-rights', 'gpresult.xml');
    const doc = readRsop(text);
    assert.deepEqual(doc.problems, []);
    assert.deepEqual(rightsOf(doc), [
      `${DENY}=["Authenticated Users","Local account and member of Administrators group"]@1`,
      `${DENY}=["BUILTIN\\\\Guests"]@2`,
      `${ALLOW}=["Administrators","Remote Desktop Users"]@1`,
    ]);
    const found = lintExport('rsop-xml', text);
    assert.deepEqual(found.map((f) => `${f.ruleId} ${f.severity} ${f.line}`), ['GPO001 error 27', 'GPO013 warning 41']);
    assert.match(found[0]!.message, /Authenticated Users \(S-1-5-11\) covers every user who could sign in.* Set by GPO "Tier 1 Lockdown"\.$/);
    assert.match(found[1]!.message, /^"SeDenyRemoteInteractiveLogonRight" is \[Guests \(S-1-5-32-546\)\] in GPO "Default Hardening", which lost \(precedence 2\): GPO "Tier 1 Lockdown" wins with \[Authenticated Users \(S-1-5-11\), Local account and member of Administrators group \(S-1-5-114\)\]\.$/);
  });

  it('a GPO backup: the finding is in its GptTmpl.inf', () => {
    const inf = template({ [DENY]: [RDU, LOCAL] });
    const files = backupFiles('backup', '{40144D25-C0AB-42E5-B1FB-D89261259A27}').map((f) => (/gpttmpl\.inf$/i.test(f.path) ? { ...f, bytes: Buffer.from(`\ufeff${inf}`, 'utf16le') } : f));
    const found = lintGpoBackup(files).findings.filter((f) => f.subject?.endsWith(DENY));
    assert.deepEqual(found.map((f) => `${f.ruleId} ${f.severity}`), ['GPO001 error']);
    assert.match(found[0]!.location.file!.replace(/\\/g, '/'), /SecEdit\/GptTmpl\.inf$/);
    assert.match(found[0]!.message, /Members of Remote Desktop Users/);
  });
});

describe('GPO013 on the logon rights across exports', () => {
  const facts = (path: string, doc: PolicyDocument) => ({ path, values: policyFacts(doc, (s) => `${path}:${s.source.span.start}`).values });

  it('the same members in another order, by SID or by name, are no conflict', () => {
    const inf = facts('GptTmpl.inf', readSecurityTemplate(template({ [DENY]: [GUESTS, LOCAL], [ALLOW]: [ADMINS, RDU] })));
    const xml = facts('gpreport.xml', readGpoReport(report({ [DENY]: [LOCAL, GUESTS], [ALLOW]: [RDU, ADMINS] })));
    const rsopFacts = facts('gpresult.xml', readRsop(rsop({ [DENY]: [LOCAL, GUESTS, GUESTS], [ALLOW]: [RDU, ADMINS] })));
    assert.deepEqual(crossFileConflicts([inf, xml, rsopFacts]), []);
  });

  it('a different list is a conflict: a GPO\'s list replaces the others, so which one applies decides who may sign in', () => {
    const a = facts('a/GptTmpl.inf', readSecurityTemplate(template({ [DENY]: [GUESTS, LOCAL] })));
    const b = facts('b/GptTmpl.inf', readSecurityTemplate(template({ [DENY]: [GUESTS] })));
    const found = crossFileConflicts([a, b]);
    assert.deepEqual(found.map((f) => f.path), ['a/GptTmpl.inf', 'b/GptTmpl.inf']);
    assert.equal(found[0]!.message, `"${DENY}" is [Guests (S-1-5-32-546), Local account (S-1-5-113)] here but [Guests (S-1-5-32-546)] in b/GptTmpl.inf; the two exports disagree.`);
    assert.equal(found[0]!.subject, `Security Settings\\Local Policies\\User Rights Assignment\\${DENY}`);
  });
});

describe('the shared samples', () => {
  it('GptTmpl.inf, gpreport-rdp.xml and gpresult-rdp.xml each deny Remote Desktop Users: an error', () => {
    for (const [format, name] of [['security-template', 'GptTmpl.inf'], ['gpo-report-xml', 'gpreport-rdp.xml'], ['rsop-xml', 'gpresult-rdp.xml']] as const) {
      const found = lintExport(format, fixtureText('samples', name)).filter((f) => f.finding.subject?.endsWith(DENY));
      assert.deepEqual(found.map((f) => `${f.ruleId} ${f.severity}`), ['GPO001 error'], name);
      assert.match(found[0]!.message, /names Remote Desktop Users \(S-1-5-32-555\)/, name);
    }
  });
});
