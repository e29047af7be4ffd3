import { parseMember } from './logon-rights';
import { quote } from '../text/quote';

// Who a member of a Remote Desktop logon right stands for. SIDs and names from Microsoft Learn, "Security identifiers"
// (Well-known SIDs; the RIDs relative to each domain): every Remote Desktop sign-in's token carries Interactive
// (S-1-5-4) and Remote Interactive Logon (S-1-5-14); Network (S-1-5-2) is in no interactive token.

/**
 * What a member means for signing in over Remote Desktop:
 * - `everyone`: every user who could connect (Everyone, Authenticated Users, Users, Domain Users, and the groups every
 *   Remote Desktop sign-in's token carries);
 * - `rdp-users`: Remote Desktop Users, the group the allow right grants to users who are not administrators;
 * - `administrators`: the Administrators group (Domain Admins among its members on a domain member);
 * - `hardening`: what security baselines deny (Guests, local accounts, the domain's admin groups, operators);
 * - `other`: a SID or name RDP Doctor knows nothing about (a user, a group of the domain);
 * - `unresolved`: a name with no SID that is none of the names above;
 * - `no-effect`: Network, which no Remote Desktop sign-in's token carries.
 */
export type MemberClass = 'everyone' | 'rdp-users' | 'administrators' | 'hardening' | 'other' | 'unresolved' | 'no-effect';

interface WellKnown {
  readonly name: string;
  readonly cls: MemberClass;
}

/** Well-known SIDs the same on every Windows computer. */
const WELL_KNOWN: Readonly<Record<string, WellKnown>> = {
  'S-1-1-0': { name: 'Everyone', cls: 'everyone' },
  'S-1-5-11': { name: 'Authenticated Users', cls: 'everyone' },
  'S-1-5-32-545': { name: 'Users', cls: 'everyone' },
  'S-1-5-4': { name: 'Interactive', cls: 'everyone' },
  'S-1-5-14': { name: 'Remote Interactive Logon', cls: 'everyone' },
  'S-1-5-32-555': { name: 'Remote Desktop Users', cls: 'rdp-users' },
  'S-1-5-32-544': { name: 'Administrators', cls: 'administrators' },
  'S-1-5-32-546': { name: 'Guests', cls: 'hardening' },
  'S-1-5-113': { name: 'Local account', cls: 'hardening' },
  'S-1-5-114': { name: 'Local account and member of Administrators group', cls: 'hardening' },
  'S-1-5-7': { name: 'Anonymous Logon', cls: 'hardening' },
  'S-1-5-2': { name: 'Network', cls: 'no-effect' },
  'S-1-5-32-548': { name: 'Account Operators', cls: 'hardening' },
  'S-1-5-32-549': { name: 'Server Operators', cls: 'hardening' },
  'S-1-5-32-550': { name: 'Print Operators', cls: 'hardening' },
  'S-1-5-32-551': { name: 'Backup Operators', cls: 'hardening' },
};

/** Accounts and groups by their RID in a domain (S-1-5-21-…-RID). */
const DOMAIN_RIDS: Readonly<Record<string, WellKnown>> = {
  '500': { name: 'Administrator', cls: 'hardening' },
  '501': { name: 'Guest', cls: 'hardening' },
  '512': { name: 'Domain Admins', cls: 'hardening' },
  '513': { name: 'Domain Users', cls: 'everyone' },
  '514': { name: 'Domain Guests', cls: 'hardening' },
  '518': { name: 'Schema Admins', cls: 'hardening' },
  '519': { name: 'Enterprise Admins', cls: 'hardening' },
};

/** The English names of the well-known SIDs, as reports write them (`BUILTIN\Guests`, `NT AUTHORITY\Local account`, gpresult's bare `Administrators`). */
const BY_NAME = new Map(Object.entries(WELL_KNOWN).map(([sid, w]) => [w.name.toLowerCase(), sid]));
for (const [alias, sid] of [['world', 'S-1-1-0'], ['remote interactive', 'S-1-5-14'], ['anonymous', 'S-1-5-7']] as const) BY_NAME.set(alias, sid);
/** The domain groups by name, with or without their domain (`CONTOSO\Domain Admins`), and gpresult's bare `Domain Admins`. */
const DOMAIN_GROUP_BY_NAME = new Map(
  Object.entries(DOMAIN_RIDS)
    .filter(([rid]) => Number(rid) >= 512)
    .map(([rid, w]) => [w.name.toLowerCase(), rid]),
);

const DOMAIN_SID = /^S-1-5-21-\d+-\d+-\d+-(\d+)$/;

export interface MemberInfo {
  readonly cls: MemberClass;
  /** How a message names it: `Guests (S-1-5-32-546)`, `"CONTOSO\RDP Deny" (S-1-5-21-…)`, `"ADD YOUR DOMAIN ADMINS"`. */
  readonly label: string;
  /** What it is compared by: a SID, `RID-512` for a domain group known only by name or in some domain, or the name. */
  readonly id: string;
  /** The well-known SID (`S-1-5-113`), or `RID-512`, when it is one this file knows. */
  readonly known?: string;
}

/** Who a member token (`memberToken`) stands for. */
export function describeMember(token: string): MemberInfo {
  const { sid, name } = parseMember(token);
  const shownName = name !== undefined ? quote(name) : undefined;
  if (sid !== undefined) {
    const w = WELL_KNOWN[sid];
    if (w) return { cls: w.cls, label: `${w.name} (${sid})`, id: sid, known: sid };
    const rid = DOMAIN_SID.exec(sid)?.[1];
    const d = rid !== undefined ? DOMAIN_RIDS[rid] : undefined;
    if (d) return { cls: d.cls, label: `${shownName ?? d.name} (${sid})`, id: `RID-${rid}`, known: `RID-${rid}` };
    return { cls: 'other', label: shownName ? `${shownName} (${sid})` : sid, id: sid };
  }
  const raw = (name ?? '').trim();
  const lower = raw.toLowerCase();
  const bare = lower.replace(/^(?:builtin|nt authority)\\/, '');
  const wellKnownSid = BY_NAME.get(bare);
  if (wellKnownSid) {
    const w = WELL_KNOWN[wellKnownSid]!;
    return { cls: w.cls, label: `${w.name} (${wellKnownSid})`, id: wellKnownSid, known: wellKnownSid };
  }
  const groupRid = DOMAIN_GROUP_BY_NAME.get(lower.slice(lower.lastIndexOf('\\') + 1));
  if (groupRid !== undefined) {
    const d = DOMAIN_RIDS[groupRid]!;
    return { cls: d.cls, label: quote(raw), id: `RID-${groupRid}`, known: `RID-${groupRid}` };
  }
  return { cls: 'unresolved', label: quote(raw), id: `name:${lower}` };
}

/** A right's members as a comparable token: their ids, sorted, without repeats (the order of a list means nothing). */
export function membersMeaning(tokens: readonly string[]): string {
  return [...new Set(tokens.map((t) => describeMember(t).id))].sort().join(',');
}

/** `a`, `a and b`, `a, b and c`. */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A right's members as a message shows them: `[Guests (S-1-5-32-546), Local account (S-1-5-113)]`, `no one`. */
export function showMembers(tokens: readonly string[]): string {
  if (tokens.length === 0) return 'no one';
  // At most eight by name: a right may name thousands of accounts.
  const labels = tokens.slice(0, 8).map((t) => describeMember(t).label);
  return `[${labels.join(', ')}${tokens.length > 8 ? `, ${tokens.length - 8} more` : ''}]`;
}
