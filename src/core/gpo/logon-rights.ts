import { setting, type PolicySetting } from './model';
import type { Span } from '../text/line-index';

// The two user rights that decide who may sign in over Remote Desktop (Microsoft Learn, "Allow log on through Remote
// Desktop Services" and "Deny log on through Remote Desktop Services", security policy settings reference). They live
// in no registry value: a GPO's security template (`[Privilege Rights]`) and its report's Security extension
// (`UserRightsAssignment`) carry them, and Windows keeps them in the LSA policy database. So that every reader and every
// rule (GPO001, GPO013 within and across exports, the GPO scopes) handles them as one value, each is read as a
// REG_MULTI_SZ at a key of its own that names where GPMC shows it; `displayPath` shows it without a hive.

/** "Allow log on through Remote Desktop Services". */
export const ALLOW_RDP_LOGON = 'SeRemoteInteractiveLogonRight';
/** "Deny log on through Remote Desktop Services": supersedes the allow right for an account subject to both. */
export const DENY_RDP_LOGON = 'SeDenyRemoteInteractiveLogonRight';

/** The key the two rights are read at: GPMC's Computer Configuration > … > Local Policies > User Rights Assignment. */
export const USER_RIGHTS_KEY = 'Security Settings\\Local Policies\\User Rights Assignment';

/** The display names of the two rights, as GPMC and Microsoft Learn give them. */
export const LOGON_RIGHT_TITLES: Readonly<Record<string, string>> = {
  [ALLOW_RDP_LOGON.toLowerCase()]: 'Allow log on through Remote Desktop Services',
  [DENY_RDP_LOGON.toLowerCase()]: 'Deny log on through Remote Desktop Services',
};

/** The right's constant as Windows spells it, when it is one of the two (matched without regard to case). */
export function rdpLogonRight(name: string): string | undefined {
  const n = name.trim().toLowerCase();
  return n === ALLOW_RDP_LOGON.toLowerCase() ? ALLOW_RDP_LOGON : n === DENY_RDP_LOGON.toLowerCase() ? DENY_RDP_LOGON : undefined;
}

/** Whether a key is the one the user rights are read at. */
export function isUserRightsKey(key: string): boolean {
  return key.toLowerCase() === USER_RIGHTS_KEY.toLowerCase();
}

/**
 * One member of a right as the model keeps it: `*S-1-5-32-546` for a SID (a security template's form), followed by
 * `|` and the name a report gives beside it (`*S-1-5-21-…-1107|CONTOSO\RDP Deny`); a name alone when no SID is known
 * (a security template's unresolved name, a gpresult member). `|` is in no account or domain name (sAMAccountName
 * excludes it), so the split is unambiguous.
 */
export function memberToken(sid: string | undefined, name: string | undefined): string | undefined {
  const s = sid?.trim();
  const n = name?.trim();
  if (s) return `*${s.toUpperCase()}${n ? `|${n}` : ''}`;
  return n || undefined;
}

export interface MemberRef {
  /** The SID, upper case, when the export gives one. */
  readonly sid?: string;
  /** The name as written (a report's `Name`, a template's unresolved name). */
  readonly name?: string;
}

/** A member token read back (`memberToken`). */
export function parseMember(token: string): MemberRef {
  if (!token.startsWith('*')) return { name: token };
  const bar = token.indexOf('|');
  const sid = (bar < 0 ? token.slice(1) : token.slice(1, bar)).trim().toUpperCase();
  const name = bar < 0 ? undefined : token.slice(bar + 1);
  return { ...(sid && { sid }), ...(name && { name }) };
}

/** The setting a right makes: its members (tokens) at `USER_RIGHTS_KEY`, in the computer's hive. */
export function logonRightSetting(right: string, members: readonly string[], span: Span, origin: { gpo?: string; precedence?: number; localizedNames?: boolean } = {}): PolicySetting {
  return setting({ hive: 'HKLM', key: USER_RIGHTS_KEY, valueName: right, type: 'REG_MULTI_SZ', data: [...members], action: 'set', ...origin, source: { span } });
}
