import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { schannelKey } from '../../../src/core/gpo/well-known-keys';
import { readRsop } from '../../../src/core/gpo/read-rsop';
import { lintExport, TS } from './helpers';

/** A setting of a gpresult section: its element, GPO (by identifier), precedence and the element's own children. */
interface RsopEntry {
  readonly tag: 'RegistrySetting' | 'Policy';
  readonly gpo: string;
  readonly precedence?: number;
  readonly inner: string;
}

const origin = (e: RsopEntry): string =>
  `<GPO xmlns="http://www.microsoft.com/GroupPolicy/Settings/Base"><Identifier xmlns="http://www.microsoft.com/GroupPolicy/Types">{${e.gpo}}</Identifier></GPO><Precedence xmlns="http://www.microsoft.com/GroupPolicy/Settings/Base">${e.precedence ?? 1}</Precedence>`;

/** A raw registry value as gpresult lists it (`RegistrySetting`). */
const value = (gpo: string, key: string, name: string, n: number, precedence?: number): RsopEntry => ({
  gpo,
  ...(precedence !== undefined && { precedence }),
  tag: 'RegistrySetting',
  inner: `<q:KeyPath>${key}</q:KeyPath><q:AdmSetting>false</q:AdmSetting><q:Value><q:Name>${name}</q:Name><q:Number>${n}</q:Number></q:Value>`,
});

/** An Administrative Template policy with one drop-down list. */
const policy = (gpo: string, name: string, label: string, item: string): RsopEntry => ({
  gpo,
  tag: 'Policy',
  inner: `<q:Name>${name}</q:Name><q:State>Enabled</q:State><q:DropDownList><q:Name>${label}</q:Name><q:State>Enabled</q:State><q:Value><q:Name>${item}</q:Name></q:Value></q:DropDownList>`,
});

const section = (name: string, gpos: readonly string[], entries: readonly RsopEntry[]): string =>
  `  <${name}>
${gpos.map((g) => `    <GPO><Name>${g}</Name><Path><Identifier xmlns="http://www.microsoft.com/GroupPolicy/Types">{${g}}</Identifier></Path></GPO>`).join('\n')}
    <ExtensionData>
      <Extension xmlns:q="http://www.microsoft.com/GroupPolicy/Settings/Registry" xmlns="http://www.microsoft.com/GroupPolicy/Settings">
${entries.map((e) => `        <q:${e.tag}>${origin(e)}${e.inner}</q:${e.tag}>`).join('\n')}
      </Extension>
      <Name xmlns="http://www.microsoft.com/GroupPolicy/Settings">Registry</Name>
    </ExtensionData>
  </${name}>`;

/** A gpresult /x report of these computer and user settings; each GPO's name is its identifier. */
function rsopXml(computer: readonly RsopEntry[], user: readonly RsopEntry[] = []): string {
  const gpos = (entries: readonly RsopEntry[]) => [...new Set(entries.map((e) => e.gpo))];
  return `<?xml version="1.0" encoding="utf-16"?>
<Rsop xmlns="http://www.microsoft.com/GroupPolicy/Rsop">
${section('ComputerResults', gpos(computer), computer)}
${section('UserResults', gpos(user), user)}
</Rsop>
`;
}

const TLS12 = schannelKey('TLS 1.2', 'Server');
const TLS13 = schannelKey('TLS 1.3', 'Server');
const IDLE = 'Set time limit for active but idle Remote Desktop Services sessions';
const IDLE_LABEL = 'Idle session limit:';

const found = (text: string) => lintExport('rsop-xml', text).map((f) => `${f.ruleId} ${f.severity} ${f.line}`);
/** The 1-based line of the first setting that mentions `needle` (each setting is one line). */
const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('gpresult: the winning values of all GPOs are one scope', () => {
  it('GPO009: TLS 1.3 enabled by another winning GPO stands in for the TLS 1.2 one GPO disables', () => {
    const text = rsopXml([value('A', TLS12, 'Enabled', 0), value('B', TLS13, 'Enabled', 1), value('B', TLS13, 'DisabledByDefault', 0)]);
    assert.deepEqual(found(text), []);
  });

  it('GPO009: TLS 1.3 disabled by another winning GPO is related at that GPO\'s value', () => {
    const text = rsopXml([value('A', TLS12, 'Enabled', 0), value('B', TLS13, 'Enabled', 0)]);
    const findings = lintExport('rsop-xml', text);
    assert.deepEqual(findings.map((f) => `${f.ruleId} ${f.severity} ${f.line}`), [`GPO009 error ${lineOf(text, 'TLS 1.2')}`]);
    assert.match(findings[0]!.message, /, and TLS 1\.3 is disabled too .* Set by GPO "A"\.$/);
    assert.deepEqual(findings[0]!.finding.related?.map((r) => r.message), ['"Enabled" is 0 (Disabled) in the Schannel settings of GPO "B".']);
  });

  it('GPO009: a TLS 1.3 value that lost (precedence 2) does not count', () => {
    const text = rsopXml([value('A', TLS12, 'Enabled', 0), value('B', TLS13, 'Enabled', 1, 2)]);
    assert.deepEqual(found(text), [`GPO009 error ${lineOf(text, 'TLS 1.2')}`]);
  });

  it('GPO007: the computer idle limit of one GPO takes precedence over the user limit of another (TerminalServer.adml)', () => {
    const text = rsopXml([policy('C', IDLE, IDLE_LABEL, '2 hours')], [policy('U', IDLE, IDLE_LABEL, '1 minute')]);
    assert.deepEqual(found(text), []);
    const userOnly = rsopXml([], [policy('U', IDLE, IDLE_LABEL, '1 minute')]);
    assert.deepEqual(found(userOnly), [`GPO007 info ${lineOf(userOnly, '1 minute')}`]);
  });

  it('GPO007: fResetBroken from another winning GPO ends the session, and is related there', () => {
    const text = rsopXml([value('C', TS, 'MaxIdleTime', 60000), value('R', TS, 'fResetBroken', 1)]);
    const findings = lintExport('rsop-xml', text);
    assert.deepEqual(findings.map((f) => `${f.ruleId} ${f.line}`), [`GPO007 ${lineOf(text, 'MaxIdleTime')}`]);
    assert.match(findings[0]!.message, /an idle session is ended \(logged off, fResetBroken is 1\) after 1 minute\. Set by GPO "C"\.$/);
    assert.deepEqual(findings[0]!.finding.related?.map((r) => r.message), ['"fResetBroken" is 1 (End (log off) the session when a limit is reached) in the policy of GPO "R".']);
  });

  it('a localized gpresult report is advised to run gpresult in en-US or lint the applied GPOs, not "the GPO\'s Registry.pol"', () => {
    const text = rsopXml([policy('A', 'Sicherheitsebene für Remoteverbindungen (RDP) anfordern', 'Sicherheitsebene', 'SSL')]);
    const doc = readRsop(text);
    assert.equal(doc.problems.length, 1);
    assert.match(doc.problems[0]!.message, /the report looks localized, .* Run gpresult again under an en-US display language, or lint the backups \(or Registry\.pol files\) of the GPOs it lists instead\.$/);
    assert.doesNotMatch(doc.problems[0]!.message, /the GPO's Registry\.pol/);
  });
});
