// GPO001 on "Allow log on through Remote Desktop Services" in a gpresult report made in another display language. A
// gpresult names a right's members by name only (logon-rights-read.ts), in the display language of the computer it ran
// on (here German-looking names such as "VORDEFINIERT\Administratoren", an illustration, not a sourced list). The Security
// extension's own name is translated too (gpo-formats.md §2: extension names are localized), which is how the reader
// tells such a report from an English one whose unresolved names can only be groups of the domain.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertMessage, lintExport, type Located } from './helpers';
import { JUMP_ADMINS, RDU, rsop, type M } from './logon-rights-helpers';

const ALLOW = 'SeRemoteInteractiveLogonRight';
const DENY = 'SeDenyRemoteInteractiveLogonRight';

/** A gpresult whose Security extension has a name other than "Security" (here "Sicherheit", as a German one might). */
function germanRsop(rights: Readonly<Record<string, readonly M[]>>): string {
  const english = rsop(rights);
  const german = english.replace('>Security</Name>', '>Sicherheit</Name>');
  assert.notEqual(german, english);
  return german;
}

function gpo001(text: string): Located[] {
  return lintExport('rsop-xml', text).filter((f) => f.ruleId === 'GPO001');
}

const ADMINISTRATOREN: M = { name: 'VORDEFINIERT\\Administratoren' };
const RDBENUTZER: M = { name: 'VORDEFINIERT\\Remotedesktopbenutzer' };

describe('GPO001 on the allow right of a gpresult in another language', () => {
  it('the default list under translated names is not said to refuse administrators (info, saying why it cannot tell)', () => {
    const found = gpo001(germanRsop({ [ALLOW]: [ADMINISTRATOREN, RDBENUTZER] }));
    assert.deepEqual(found.map((f) => f.severity), ['info']);
    assert.match(found[0]!.message, /grants the right only to "VORDEFINIERT\\Administratoren" and "VORDEFINIERT\\Remotedesktopbenutzer"\. The report is in another language than English and names members by name only, so RDP Doctor could not resolve "VORDEFINIERT\\Administratoren" and "VORDEFINIERT\\Remotedesktopbenutzer" to a SID: if they are Administrators or Remote Desktop Users under their name in that language \(the default list is those two\), nothing is wrong;/);
    assert.match(found[0]!.message, /lint the GPO's backup or its Get-GPOReport, which give each member's SID\./);
    assertMessage('GPO001', found[0]!.message);
  });

  it('Remote Desktop Users beside an untranslatable name: info that says the name may be Administrators', () => {
    const found = gpo001(germanRsop({ [ALLOW]: [ADMINISTRATOREN, { name: 'Remote Desktop Users' }] }));
    assert.deepEqual(found.map((f) => f.severity), ['info']);
    assert.match(found[0]!.message, /not to Administrators \(unless "VORDEFINIERT\\Administratoren" is Administrators under its name in the report's language\):/);
  });

  it('the same members in an English gpresult stay a warning: an unresolved name there is no built-in group', () => {
    const found = gpo001(rsop({ [ALLOW]: [ADMINISTRATOREN, RDBENUTZER] }));
    assert.deepEqual(found.map((f) => f.severity), ['warning']);
    assert.match(found[0]!.message, /neither to Administrators nor to Remote Desktop Users: .* others, administrators included, are refused\./);
    assert.deepEqual(gpo001(rsop({ [ALLOW]: [{ name: JUMP_ADMINS.name! }] })).map((f) => f.severity), ['warning']);
  });

  it('resolved members are judged as in English whatever the language (a SID, an English name)', () => {
    assert.deepEqual(gpo001(germanRsop({ [ALLOW]: [{ sid: JUMP_ADMINS.sid! }] })).map((f) => f.severity), ['warning']);
    assert.deepEqual(gpo001(germanRsop({ [ALLOW]: [RDU, { name: 'Administrators' }] })), []);
    assert.deepEqual(gpo001(germanRsop({ [ALLOW]: [] })).map((f) => f.severity), ['error']);
    assert.deepEqual(gpo001(germanRsop({ [DENY]: [{ name: 'Everyone' }] })).map((f) => f.severity), ['error']);
  });
});
