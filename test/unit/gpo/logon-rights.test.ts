// GPO001 on the two user rights that decide who may sign in over Remote Desktop ("a known gap since session 9"):
// SeDenyRemoteInteractiveLogonRight and SeRemoteInteractiveLogonRight, read from a security template, a Get-GPOReport
// and a gpresult report into one setting each, judged the same way from each.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeMember, membersMeaning, showMembers } from '../../../src/core/gpo/logon-rights-members';
import { memberToken } from '../../../src/core/gpo/logon-rights';
import { assertMessage, lintExport, type Located } from './helpers';
import {
  ADMINS, AUTH_USERS, DOMAIN_ADMINS, DOMAIN_USERS, ENTERPRISE_ADMINS, EVERYONE, GUESTS, JUMP_ADMINS, LOCAL, LOCAL_ADMIN, NETWORK, PLACEHOLDER, RDU, REMOTE_INTERACTIVE,
  RIGHTS_FORMATS, USERS, render, type M, type RightsFormat,
} from './logon-rights-helpers';

const DENY = 'SeDenyRemoteInteractiveLogonRight';
const ALLOW = 'SeRemoteInteractiveLogonRight';
const REFUSED = / A user refused this way sees "The connection was denied because the user account is not authorized for remote login\." \(through an RDS deployment, "To sign in remotely, you need the right to sign in through Remote Desktop Services\."\)\./;

/** GPO001's findings on the two rights, without the "Set by GPO" the engine adds (the template names no GPO). */
function rights(format: RightsFormat, r: Readonly<Record<string, readonly M[]>>): Located[] {
  return lintExport(format, render(format, r)).filter((f) => f.ruleId === 'GPO001');
}
const bare = (m: string) => m.replace(/ Set by GPO "Rights"\.$/, '');

describe('who a member of a logon right stands for (Microsoft Learn, "Security identifiers")', () => {
  const cases: [sid: string | undefined, name: string | undefined, cls: string, label: string][] = [
    ['S-1-1-0', undefined, 'everyone', 'Everyone (S-1-1-0)'],
    ['s-1-5-11', 'NT AUTHORITY\\Authenticated Users', 'everyone', 'Authenticated Users (S-1-5-11)'],
    ['S-1-5-32-545', undefined, 'everyone', 'Users (S-1-5-32-545)'],
    ['S-1-5-4', undefined, 'everyone', 'Interactive (S-1-5-4)'],
    ['S-1-5-14', undefined, 'everyone', 'Remote Interactive Logon (S-1-5-14)'],
    ['S-1-5-21-1-2-3-513', undefined, 'everyone', 'Domain Users (S-1-5-21-1-2-3-513)'],
    ['S-1-5-32-555', undefined, 'rdp-users', 'Remote Desktop Users (S-1-5-32-555)'],
    ['S-1-5-32-544', undefined, 'administrators', 'Administrators (S-1-5-32-544)'],
    ['S-1-5-32-546', undefined, 'hardening', 'Guests (S-1-5-32-546)'],
    ['S-1-5-113', undefined, 'hardening', 'Local account (S-1-5-113)'],
    ['S-1-5-114', undefined, 'hardening', 'Local account and member of Administrators group (S-1-5-114)'],
    ['S-1-5-21-1-2-3-512', 'CONTOSO\\Domain Admins', 'hardening', '"CONTOSO\\Domain Admins" (S-1-5-21-1-2-3-512)'],
    ['S-1-5-21-1-2-3-518', undefined, 'hardening', 'Schema Admins (S-1-5-21-1-2-3-518)'],
    ['S-1-5-21-1-2-3-519', undefined, 'hardening', 'Enterprise Admins (S-1-5-21-1-2-3-519)'],
    ['S-1-5-2', undefined, 'no-effect', 'Network (S-1-5-2)'],
    ['S-1-5-21-1-2-3-1107', 'CONTOSO\\Jump Admins', 'other', '"CONTOSO\\Jump Admins" (S-1-5-21-1-2-3-1107)'],
    ['S-1-5-21-1-2-3-1108', undefined, 'other', 'S-1-5-21-1-2-3-1108'],
    // gpresult writes names only; English well-known names resolve, with or without BUILTIN\ or NT AUTHORITY\.
    [undefined, 'Authenticated Users', 'everyone', 'Authenticated Users (S-1-5-11)'],
    [undefined, 'BUILTIN\\Remote Desktop Users', 'rdp-users', 'Remote Desktop Users (S-1-5-32-555)'],
    [undefined, 'administrators', 'administrators', 'Administrators (S-1-5-32-544)'],
    [undefined, 'NT AUTHORITY\\Local account', 'hardening', 'Local account (S-1-5-113)'],
    [undefined, 'Domain Admins', 'hardening', '"Domain Admins"'],
    [undefined, 'CONTOSO\\Enterprise Admins', 'hardening', '"CONTOSO\\Enterprise Admins"'],
    [undefined, 'ADD YOUR DOMAIN ADMINS', 'unresolved', '"ADD YOUR DOMAIN ADMINS"'],
    [undefined, 'Administratoren', 'unresolved', '"Administratoren"'],
    // A domain's Administrators is not BUILTIN's.
    [undefined, 'CONTOSO\\Administrators', 'unresolved', '"CONTOSO\\Administrators"'],
  ];
  for (const [sid, name, cls, label] of cases) {
    it(`${sid ?? name} is ${cls}`, () => {
      const m = describeMember(memberToken(sid, name)!);
      assert.equal(m.cls, cls);
      assert.equal(m.label, label);
    });
  }
  it('members compare as a set, a SID as its name, a domain group by its RID', () => {
    const t = (sid?: string, name?: string) => memberToken(sid, name)!;
    assert.equal(membersMeaning([t('S-1-5-32-546'), t('S-1-5-113')]), membersMeaning([t(undefined, 'NT AUTHORITY\\Local account'), t('S-1-5-32-546', 'BUILTIN\\Guests'), t('S-1-5-113')]));
    assert.equal(membersMeaning([t('S-1-5-21-1-2-3-512')]), membersMeaning([t(undefined, 'Domain Admins')]));
    assert.notEqual(membersMeaning([t('S-1-5-32-546')]), membersMeaning([t('S-1-5-32-546'), t('S-1-5-113')]));
    assert.equal(memberToken(undefined, '  '), undefined);
  });
});

describe('GPO001 on "Deny log on through Remote Desktop Services", from every format', () => {
  const cases: [title: string, members: M[], severity: string, says: RegExp][] = [
    ['Everyone', [EVERYONE, GUESTS], 'error', /^"Deny log on through Remote Desktop Services" \(SeDenyRemoteInteractiveLogonRight\) names Everyone \(S-1-1-0\) and Guests \(S-1-5-32-546\) in the User Rights Assignment\. Everyone \(S-1-1-0\) covers every user who could sign in, and the deny right wins over "Allow log on through Remote Desktop Services", so nobody can sign in over Remote Desktop on the computers this applies to\./],
    ['Authenticated Users', [AUTH_USERS], 'error', /Authenticated Users \(S-1-5-11\) covers every user who could sign in/],
    ['Users', [USERS], 'error', /Users \(S-1-5-32-545\) covers every user/],
    ['Domain Users', [DOMAIN_USERS], 'error', /covers every user who could sign in/],
    ['Remote Interactive Logon, which every Remote Desktop sign-in carries', [REMOTE_INTERACTIVE], 'error', /Remote Interactive Logon \(S-1-5-14\) covers every user/],
    ['Remote Desktop Users', [RDU], 'error', /Members of Remote Desktop Users, the group that gives users who are not administrators the right to sign in, cannot sign in over Remote Desktop; only administrators outside that group still can\./],
    ['Administrators', [ADMINS, GUESTS], 'warning', /Members of Administrators \(on a domain member, Domain Admins among them\) cannot sign in over Remote Desktop/],
    ['the CIS member-server entries', [GUESTS, LOCAL], 'info', /Guests \(S-1-5-32-546\) and Local account \(S-1-5-113\) cannot sign in over Remote Desktop on the computers this applies to, whatever the allow right says \(the deny right wins\)\. "Local account" is every account of the computer's own: a \.rdp file whose user name is a local account \("\.\\name", or the computer's own name before the backslash\) is refused; sign in with a domain account\./],
    ['the STIG member-server entries', [ENTERPRISE_ADMINS, DOMAIN_ADMINS, LOCAL_ADMIN, GUESTS], 'info', /"Local account and member of Administrators group" is every local administrator, such as "\.\\Administrator": a \.rdp file that signs in with one is refused/],
    ['a group of the domain', [JUMP_ADMINS], 'info', /cannot sign in over Remote Desktop on the computers this applies to/],
  ];
  for (const [title, members, severity, says] of cases) {
    it(`${title}: ${severity}`, () => {
      for (const format of RIGHTS_FORMATS) {
        const found = rights(format, { [DENY]: members });
        assert.deepEqual(found.map((f) => f.severity), [severity], format);
        assert.match(found[0]!.message, says, format);
        assert.match(found[0]!.message, REFUSED, format);
        assertMessage('GPO001', found[0]!.message);
        assert.equal(found[0]!.finding.subject, `Security Settings\\Local Policies\\User Rights Assignment\\${DENY}`);
      }
    });
  }

  it('the same message from each format when the members are well-known', () => {
    const messages = RIGHTS_FORMATS.map((format) => bare(rights(format, { [DENY]: [EVERYONE, LOCAL, ADMINS] })[0]!.message));
    assert.equal(new Set(messages).size, 1, messages.join('\n'));
  });

  it('a name that is not resolved, and Network, which no Remote Desktop sign-in carries, are said as such', () => {
    const found = rights('security-template', { [DENY]: [PLACEHOLDER, NETWORK] });
    assert.deepEqual(found.map((f) => f.severity), ['info']);
    assert.match(found[0]!.message, /"ADD YOUR DOMAIN ADMINS" cannot sign in over Remote Desktop on the computers this applies to if it names an account: RDP Doctor could not resolve the name to a SID \(a name in another language, or one no account has, such as a template's placeholder\), so it cannot tell whom it covers; Windows looks a name up when it applies the policy\. Network \(S-1-5-2\) is in no Remote Desktop sign-in's token, so it denies no one here\./);
    assert.match(found[0]!.message, REFUSED);
    assert.deepEqual(rights('security-template', { [DENY]: [NETWORK] })[0]!.message.match(REFUSED), null, 'Network alone refuses no one');
  });

  it('a deny right defined with no one, and the rights that are not Remote Desktop\'s, give nothing', () => {
    for (const format of RIGHTS_FORMATS) {
      assert.deepEqual(rights(format, { [DENY]: [] }), [], format);
      assert.deepEqual(rights(format, { SeDenyNetworkLogonRight: [EVERYONE], SeDenyInteractiveLogonRight: [EVERYONE], SeInteractiveLogonRight: [], SeNetworkLogonRight: [GUESTS] }), [], format);
    }
  });
});

describe('GPO001 on "Allow log on through Remote Desktop Services", from every format', () => {
  it('defined with no one: error, nobody may sign in', () => {
    for (const format of RIGHTS_FORMATS) {
      const found = rights(format, { [ALLOW]: [] });
      assert.deepEqual(found.map((f) => f.severity), ['error'], format);
      assert.match(found[0]!.message, /^"Allow log on through Remote Desktop Services" \(SeRemoteInteractiveLogonRight\) is defined with no one in the User Rights Assignment: the GPO's list replaces the computer's own \(by default Administrators, and Remote Desktop Users on workstations and member servers\), so nobody can sign in over Remote Desktop on the computers this applies to\. Add Administrators and Remote Desktop Users, or leave the right Not Defined\./);
      assertMessage('GPO001', found[0]!.message);
    }
  });

  it('only Network, which no Remote Desktop sign-in carries: error, nobody may sign in (not "only members of it")', () => {
    for (const format of RIGHTS_FORMATS) {
      const found = rights(format, { [ALLOW]: [NETWORK] });
      assert.deepEqual(found.map((f) => f.severity), ['error'], format);
      assert.match(found[0]!.message, /grants the right only to Network \(S-1-5-2\), which is in no Remote Desktop sign-in's token: .* so nobody can sign in over Remote Desktop on the computers this applies to\./, format);
      assertMessage('GPO001', found[0]!.message);
    }
  });

  it('neither Administrators nor Remote Desktop Users: a warning naming who still may', () => {
    for (const format of RIGHTS_FORMATS) {
      const found = rights(format, { [ALLOW]: [JUMP_ADMINS] });
      assert.deepEqual(found.map((f) => f.severity), ['warning'], format);
      assert.match(found[0]!.message, /grants the right only to ("CONTOSO\\Jump Admins"|"CONTOSO\\Jump Admins" \(S-1-5-21-1004336348-1177238915-682003330-1107\)|S-1-5-21-1004336348-1177238915-682003330-1107), neither to Administrators nor to Remote Desktop Users: .* so only members of it can sign in over Remote Desktop on the computers this applies to; others, administrators included, are refused\./, format);
    }
  });

  it('Administrators without Remote Desktop Users: info, adding a user to that group does not help', () => {
    for (const format of RIGHTS_FORMATS) {
      const found = rights(format, { [ALLOW]: [ADMINS] });
      assert.deepEqual(found.map((f) => f.severity), ['info'], format);
      assert.match(found[0]!.message, /grants the right only to Administrators \(S-1-5-32-544\), not to Remote Desktop Users: .* so adding a user to Remote Desktop Users does not let them sign in over Remote Desktop/);
    }
  });

  it('Remote Desktop Users without Administrators: info, administrators outside that group are refused', () => {
    for (const format of RIGHTS_FORMATS) {
      const found = rights(format, { [ALLOW]: [RDU] });
      assert.deepEqual(found.map((f) => f.severity), ['info'], format);
      assert.match(found[0]!.message, /grants the right to Remote Desktop Users \(S-1-5-32-555\), not to Administrators: .* so an administrator who is not also a member of Remote Desktop Users cannot sign in over Remote Desktop/);
    }
  });

  it('with Administrators and Remote Desktop Users, or a group covering every user: nothing', () => {
    for (const format of RIGHTS_FORMATS) {
      assert.deepEqual(rights(format, { [ALLOW]: [ADMINS, RDU] }), [], format);
      assert.deepEqual(rights(format, { [ALLOW]: [AUTH_USERS] }), [], format);
    }
  });
});

describe('a right that names many accounts', () => {
  const many: M[] = Array.from({ length: 2000 }, (_, i) => ({ sid: `S-1-5-21-1-2-3-${2000 + i}`, name: `CONTOSO\\user${i}` }));
  it('names eight of them and counts the rest, in GPO001 and GPO013 alike; a SID and its name are one member', () => {
    const found = rights('security-template', { [DENY]: [GUESTS, ...many, { name: 'BUILTIN\\Guests' }] });
    assert.deepEqual(found.map((f) => f.severity), ['info']);
    assert.match(found[0]!.message, /^"Deny log on through Remote Desktop Services" \(SeDenyRemoteInteractiveLogonRight\) names Guests \(S-1-5-32-546\), S-1-5-21-1-2-3-2000, .*, S-1-5-21-1-2-3-2006 and 1993 more in the User Rights Assignment\./);
    assert.ok(found[0]!.message.length < 2000);
    const tokens = many.map((m) => memberToken(m.sid, m.name)!);
    assert.match(showMembers(tokens), /^\["CONTOSO\\user0" \(S-1-5-21-1-2-3-2000\), .*"CONTOSO\\user7" \(S-1-5-21-1-2-3-2007\), 1992 more\]$/);
  });
});
