import { isIPv4, isIPv6 } from '../text/host-name';
import type { BackupIdentity, GpoIdentity, RsopSubject } from './model';

/**
 * What an export says of where its values apply, beside the values themselves: the computer a gpresult was run for,
 * and the GPOs an export holds, by name, GUID and domain.
 */
export interface ExportScope {
  readonly rsop?: RsopSubject;
  readonly gpos?: readonly GpoIdentity[];
  readonly backup?: BackupIdentity;
}

/**
 * The longest NetBIOS computer name: a DNS host name's first label longer than this becomes a NetBIOS name cut to it
 * (Win32 "Computer Names"; `DnsHostnameToComputerName`: "the leftmost label of the DNS name is truncated to 15").
 */
const MAX_COMPUTERNAME_LENGTH = 15;

/** A gpresult's computer as a NetBIOS name in lower case: `CORP\RDSH01$` (`ComputerResults/Name`) is `rdsh01`. */
export function netbiosName(computer: string): string | undefined {
  const account = computer.slice(computer.lastIndexOf('\\') + 1).replace(/\$$/, '');
  const name = account.split('.')[0]!.trim().toLowerCase().slice(0, MAX_COMPUTERNAME_LENGTH);
  return name === '' ? undefined : name;
}

/**
 * Whether a gpresult describes the server a client connects to: `is` when the host's first label (as a NetBIOS name)
 * is the report's computer, `may` when the host is an IP address, or the report or the client names no computer, and
 * `other-name` when the host is another name. gpresult reports the resultant policy of one computer (gpresult, Windows
 * Commands), but another name may still reach it: a DNS alias (a CNAME, or an alternate computer name, `netdom
 * computername /add`) or an RD Connection Broker farm name, which no export shows. The run's views settle it where
 * they can: a name that is the computer of another gpresult of the run is that computer, not this one.
 */
export function rsopDescribes(rsop: RsopSubject, host: string | undefined): 'is' | 'may' | 'other-name' {
  const computer = rsop.computer !== undefined ? netbiosName(rsop.computer) : undefined;
  if (computer === undefined || host === undefined || isIPv4(host) || isIPv6(host)) return 'may';
  return netbiosName(host) === computer ? 'is' : 'other-name';
}

/** A GUID as written with or without braces, for comparing. */
const guid = (id: string): string => id.replace(/^\{|\}$/g, '').toUpperCase();

/** The GPO a value of an export comes from, as far as the export identifies it. */
function gpoOf(scope: ExportScope, gpo: string | undefined): GpoIdentity | undefined {
  if (scope.backup) return scope.backup.gpo;
  if (gpo === undefined) return undefined;
  const list = scope.rsop?.gpos ?? scope.gpos ?? [];
  const lower = gpo.toLowerCase();
  // gpresult names a GPO that is not in its list by its identifier.
  return list.find((g) => g.name?.toLowerCase() === lower) ?? list.find((g) => g.id !== undefined && guid(g.id) === guid(gpo)) ?? { name: gpo };
}

/**
 * Whether two identities are known to be different GPOs: by GUID and domain when both have a GUID (Default Domain
 * Policy has the same GUID in every domain), else by display name, which GPMC keeps unique in a domain.
 */
function differentGpos(a: GpoIdentity, b: GpoIdentity): boolean {
  if (a.id !== undefined && b.id !== undefined) {
    return guid(a.id) !== guid(b.id) || (a.domain !== undefined && b.domain !== undefined && a.domain.toLowerCase() !== b.domain.toLowerCase());
  }
  return a.name !== undefined && b.name !== undefined && a.name.toLowerCase() !== b.name.toLowerCase();
}

/** A value of an export, with what the export says of its scope. */
export interface ScopedValue {
  readonly scope: ExportScope;
  readonly fact: { readonly gpo?: string };
}

/**
 * Whether a gpresult's winning value `winner` settles another export's value `other` of the same registry value on
 * the gpresult's computer: `other` comes from a GPO the export names that is not the winner's, so on that computer it
 * lost (gpresult lists it with a higher precedence) or does not apply (the GPO is not among those the report lists).
 * RSoP's precedence 1 is the setting in effect there (RSOP_PolicySetting). A value of the winner's own GPO (an export
 * made at another time), or of an export that names no GPO (a .reg of the registry), is not settled.
 */
export function settledOnComputer(winner: ScopedValue, other: ScopedValue): boolean {
  if (!winner.scope.rsop || other.scope.rsop) return false;
  const a = gpoOf(winner.scope, winner.fact.gpo);
  const b = gpoOf(other.scope, other.fact.gpo);
  return a !== undefined && b !== undefined && differentGpos(a, b);
}
