import type { PolicySetting } from '../../gpo/model';
import { ALLOW_RDP_LOGON, DENY_RDP_LOGON, USER_RIGHTS_KEY } from '../../gpo/logon-rights';
import { describeMember, listOf, type MemberClass, type MemberInfo } from '../../gpo/logon-rights-members';
import { live } from '../../gpo/scopes';
import type { Severity } from '../types';
import type { PolicyRuleContext } from './types';

// GPO001's findings on the two Remote Desktop logon rights (docs/rules/GPO001.md, "Who may sign in over Remote
// Desktop"). Sources: Microsoft Learn, "Deny log on through Remote Desktop Services" ("supersedes the Allow log on through
// Remote Desktop Services policy setting if a user account is subject to both policies"; Group Policy settings
// "overwrite settings on the local device"), "Allow log on through Remote Desktop Services" (defaults: Administrators,
// and Remote Desktop Users on workstations and servers), "Troubleshooting access denied and user not authorized issues
// in Microsoft Remote Desktop Services" (the client's messages), "Security identifiers" (the well-known SIDs).

/** What the client shows a user without the right (Microsoft Learn's troubleshooting article). */
const REFUSED =
  'A user refused this way sees "The connection was denied because the user account is not authorized for remote login." (through an RDS deployment, "To sign in remotely, you need the right to sign in through Remote Desktop Services.").';

const DENY = '"Deny log on through Remote Desktop Services" (SeDenyRemoteInteractiveLogonRight)';
const ALLOW = '"Allow log on through Remote Desktop Services" (SeRemoteInteractiveLogonRight)';

interface Finding {
  readonly message: string;
  readonly severity: Severity;
}

/** At most this many members are named in one list; the rest are counted (a right may name thousands). */
const MAX_NAMED = 8;

function capped(labels: readonly string[]): string[] {
  return labels.length <= MAX_NAMED ? [...labels] : [...labels.slice(0, MAX_NAMED), `${labels.length - MAX_NAMED} more`];
}

function byClass(members: readonly MemberInfo[], ...classes: MemberClass[]): string[] {
  return capped(members.filter((m) => classes.includes(m.cls)).map((m) => m.label));
}

/** The members of a right, each once (a SID and its name are one member). */
function membersOf(s: PolicySetting): MemberInfo[] {
  const tokens = Array.isArray(s.data) ? (s.data as readonly string[]) : [];
  const seen = new Map<string, MemberInfo>();
  for (const t of tokens) {
    const m = describeMember(t);
    if (!seen.has(m.id)) seen.set(m.id, m);
  }
  return [...seen.values()];
}

/** What the deny right's members mean, worst first; undefined when it names no one. */
export function denyFinding(s: PolicySetting): Finding | undefined {
  const members = membersOf(s);
  if (members.length === 0) return undefined;
  const everyone = byClass(members, 'everyone');
  const rdpUsers = byClass(members, 'rdp-users');
  const admins = byClass(members, 'administrators');
  const named = byClass(members, 'hardening', 'other');
  const unresolved = byClass(members, 'unresolved');
  const noEffect = byClass(members, 'no-effect');
  const parts = [`${DENY} names ${listOf(capped(members.map((m) => m.label)))} in the User Rights Assignment.`];
  let severity: Severity = 'info';
  if (everyone.length > 0) {
    severity = 'error';
    parts.push(`${listOf(everyone)} ${everyone.length === 1 ? 'covers' : 'cover'} every user who could sign in, and the deny right wins over "Allow log on through Remote Desktop Services", so nobody can sign in over Remote Desktop on the computers this applies to. Remove ${everyone.length === 1 ? 'it' : 'them'} from the deny right unless Remote Desktop is meant to be closed to everyone.`);
  }
  if (rdpUsers.length > 0) {
    if (severity === 'info') severity = 'error';
    parts.push(`Members of Remote Desktop Users, the group that gives users who are not administrators the right to sign in, cannot sign in over Remote Desktop; only administrators outside that group still can. To keep a user out, name the user or a group of their own instead.`);
  }
  if (admins.length > 0) {
    if (severity === 'info') severity = 'warning';
    parts.push(`Members of Administrators (on a domain member, Domain Admins among them) cannot sign in over Remote Desktop, so the computers cannot be administered over Remote Desktop with those accounts.`);
  }
  const local = members.some((m) => m.known === 'S-1-5-113');
  const localAdmin = members.some((m) => m.known === 'S-1-5-114');
  if (named.length > 0) {
    parts.push(`${listOf(named)} cannot sign in over Remote Desktop on the computers this applies to, whatever the allow right says (the deny right wins).`);
  }
  if (local) parts.push(`"Local account" is every account of the computer's own: a .rdp file whose user name is a local account (".\\name", or the computer's own name before the backslash) is refused; sign in with a domain account.`);
  else if (localAdmin) parts.push(`"Local account and member of Administrators group" is every local administrator, such as ".\\Administrator": a .rdp file that signs in with one is refused; sign in with a domain account.`);
  if (unresolved.length > 0) {
    const one = unresolved.length === 1;
    parts.push(
      `${listOf(unresolved)} cannot sign in over Remote Desktop on the computers this applies to if ${one ? 'it names an account' : 'they name accounts'}: RDP Doctor could not resolve ${one ? 'the name' : 'the names'} to a SID (a name in another language, or one no account has, such as a template's placeholder), so it cannot tell whom ${one ? 'it covers' : 'they cover'}; Windows looks a name up when it applies the policy.`,
    );
  }
  if (noEffect.length > 0) parts.push(`${listOf(noEffect)} is in no Remote Desktop sign-in's token, so it denies no one here.`);
  if (everyone.length + rdpUsers.length + admins.length + named.length + unresolved.length > 0) parts.push(REFUSED);
  return { message: parts.join(' '), severity };
}

/**
 * The members of a right read from a report in another display language whose names RDP Doctor could not resolve: they
 * may be well-known groups under translated names (`isLocalizedExtensionName`). Undefined when there are none.
 */
function translatedNames(s: PolicySetting, members: readonly MemberInfo[]): { readonly names: string; readonly one: boolean } | undefined {
  if (s.localizedNames !== true) return undefined;
  const unresolved = byClass(members, 'unresolved');
  return unresolved.length === 0 ? undefined : { names: listOf(unresolved), one: unresolved.length === 1 };
}

/** What the allow right's members leave out; undefined when Administrators and Remote Desktop Users, or a group covering everyone, are in it. */
export function allowFinding(s: PolicySetting): Finding | undefined {
  const members = membersOf(s);
  const replaces = `the GPO's list replaces the computer's own (by default Administrators, and Remote Desktop Users on workstations and member servers)`;
  if (members.length === 0) {
    return {
      severity: 'error',
      message: `${ALLOW} is defined with no one in the User Rights Assignment: ${replaces}, so nobody can sign in over Remote Desktop on the computers this applies to. Add Administrators and Remote Desktop Users, or leave the right Not Defined. ${REFUSED}`,
    };
  }
  if (members.some((m) => m.cls === 'everyone')) return undefined;
  const who = listOf(capped(members.map((m) => m.label)));
  const translated = translatedNames(s, members);
  if (members.some((m) => m.cls === 'rdp-users')) {
    if (members.some((m) => m.cls === 'administrators')) return undefined;
    // Administrators sign in over Remote Desktop through this right, by their group, not through Remote Desktop Users.
    return {
      severity: 'info',
      message: `${ALLOW} grants the right to ${who}, not to Administrators${translated ? ` (unless ${translated.names} ${translated.one ? 'is' : 'are'} Administrators under ${translated.one ? 'its' : 'their'} name in the report's language)` : ''}: ${replaces}, so an administrator who is not also a member of Remote Desktop Users cannot sign in over Remote Desktop on the computers this applies to. Add Administrators unless that is meant. ${REFUSED}`,
    };
  }
  if (members.every((m) => m.cls === 'no-effect')) {
    // Network (S-1-5-2) is in no Remote Desktop sign-in's token ("Security identifiers"): granting it grants no one.
    return {
      severity: 'error',
      message: `${ALLOW} grants the right only to ${who}, which is in no Remote Desktop sign-in's token: ${replaces}, so nobody can sign in over Remote Desktop on the computers this applies to. Add Administrators and Remote Desktop Users, or leave the right Not Defined. ${REFUSED}`,
    };
  }
  if (members.some((m) => m.cls === 'administrators')) {
    return {
      severity: 'info',
      message: `${ALLOW} grants the right only to ${who}, not to Remote Desktop Users${translated ? ` (unless ${translated.names} ${translated.one ? 'is' : 'are'} Remote Desktop Users under ${translated.one ? 'its' : 'their'} name in the report's language)` : ''}: ${replaces}, so adding a user to Remote Desktop Users does not let them sign in over Remote Desktop on the computers this applies to. ${REFUSED}`,
    };
  }
  if (translated) {
    // A gpresult in another display language names the built-in groups in that language (German, for instance,
    // "VORDEFINIERT\Administratoren"): names only, so whether Administrators are left out cannot be told from it.
    return {
      severity: 'info',
      message: `${ALLOW} grants the right only to ${who}. The report is in another language than English and names members by name only, so RDP Doctor could not resolve ${translated.names} to a SID: if ${translated.one ? 'it is' : 'they are'} Administrators or Remote Desktop Users under ${translated.one ? 'its' : 'their'} name in that language (the default list is those two), nothing is wrong; otherwise ${replaces}, so only the members named can sign in over Remote Desktop on the computers this applies to, and others, administrators included, are refused. To check, lint the GPO's backup or its Get-GPOReport, which give each member's SID. ${REFUSED}`,
    };
  }
  return {
    severity: 'warning',
    message: `${ALLOW} grants the right only to ${who}, neither to Administrators nor to Remote Desktop Users: ${replaces}, so only members of ${members.length === 1 ? 'it' : 'those'} can sign in over Remote Desktop on the computers this applies to; others, administrators included, are refused. ${REFUSED}`,
  };
}

/** GPO001's check of the two rights in effect in each scope (one GPO, a GPO-less file, or a gpresult's winners). */
export function checkLogonRights({ scopes, report }: PolicyRuleContext): void {
  for (const scope of scopes) {
    for (const [right, judge] of [
      [DENY_RDP_LOGON, denyFinding],
      [ALLOW_RDP_LOGON, allowFinding],
    ] as const) {
      const s = live(scope.get('HKLM', USER_RIGHTS_KEY, right));
      const found = s ? judge(s) : undefined;
      if (s && found) report({ message: found.message, at: s, severity: found.severity });
    }
  }
}
