import { NS, REPORT_SKIP } from './namespaces';
import { sameMeaning, type ValueData } from './value-meaning';
import { childrenNamed, childText, type XmlElement } from './xml-tree';

/**
 * Where a GPO applies, as its Get-GPOReport XML says: each `LinksTo` (gpo-formats.md §1: "only when the GPO is
 * linked") names a scope of management by its path, `contoso.com` for the domain and `contoso.com/Servers/RDS` for
 * an OU, and whether the link is enabled. The enabled links' paths, in lower case (directory names compare without
 * case); none when the report lists no enabled link.
 */
export function linksOf(text: string, gpo: XmlElement): readonly string[] {
  const links: string[] = [];
  for (const link of childrenNamed(gpo, NS.settings, 'LinksTo')) {
    const path = childText(text, link, NS.settings, 'SOMPath')?.value;
    const enabled = childText(text, link, NS.settings, 'Enabled')?.value;
    if (path && enabled?.toLowerCase() !== 'false') links.push(path.toLowerCase());
  }
  return links;
}

/** Everything of a report but its links: a backup's settings are read from its other parts. */
export const ALL_BUT_LINKS: ReadonlySet<string> = new Set([...REPORT_SKIP, 'Computer', 'User', 'Identifier']);

/**
 * Whether two GPOs can apply to one computer, by their links: a computer gets the GPOs linked to its domain and to
 * each OU above it ("Group Policy Precedence", cc783171), so two GPOs meet when a link of one is the other's, or
 * above or below it. Unknown links (an export that names none: Registry.pol, .reg, LGPO text, gpresult, an unlinked
 * GPO) meet everything, and so does a path that may not be a domain's: one whose first part is no DNS name, or with
 * a part named Sites or Configuration (a link to an AD site applies by where the computer is, not by its OU), so
 * that a conflict is dropped only when the links rule it out. WMI and security filtering are not read.
 */
export function mayApplyTogether(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (!a?.length || !b?.length) return true;
  for (const p of a) {
    if (!isDomainPath(p)) return true;
    for (const q of b) {
      if (!isDomainPath(q)) return true;
      if (p === q || q.startsWith(`${p}/`) || p.startsWith(`${q}/`)) return true;
    }
  }
  return false;
}

function isDomainPath(path: string): boolean {
  const parts = path.split('/');
  return parts[0]!.includes('.') && !parts.some((part) => part === 'sites' || part === 'configuration');
}

/**
 * Whether two values of one registry value conflict as GPO013 reports it: they mean different things and their GPOs
 * may apply to one computer, so which of them is in effect depends on link order and Enforced, which no export shows.
 */
export function conflicting(a: ValueData & { readonly links?: readonly string[] }, b: ValueData & { readonly links?: readonly string[] }): boolean {
  return !sameMeaning(a, b) && mayApplyTogether(a.links, b.links);
}
