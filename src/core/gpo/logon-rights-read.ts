import { logonRightSetting, memberToken, rdpLogonRight } from './logon-rights';
import type { PolicySetting } from './model';
import { NS } from './namespaces';
import type { Span } from '../text/line-index';
import { childrenNamed, childText, type XmlElement } from './xml-tree';

/**
 * A Security extension's `UserRightsAssignment` (gpo-formats.md §1.5), when it is one of the two Remote Desktop logon
 * rights: `Name` and one `Member` per account. Get-GPOReport gives each member's `SID` and `Name`; a gpresult report
 * gives only the `Name` (`Administrators`, `Authenticated Users`: a real RSoP report, index file 5988122670). A right
 * with no `Member` is defined with no one (GPMC writes `SeTcbPrivilege` so in the t0x01 and nsacyber baselines).
 * `origin.localizedNames`: the report is in another display language, so a name may be a well-known group translated.
 */
export function readUserRightElement(text: string, element: XmlElement, origin: { gpo?: string; precedence?: number; localizedNames?: boolean }): PolicySetting | undefined {
  const name = childText(text, element, NS.security, 'Name');
  const right = name ? rdpLogonRight(name.value) : undefined;
  if (!name || !right) return undefined;
  const members: string[] = [];
  for (const member of childrenNamed(element, NS.security, 'Member')) {
    const sid = childText(text, member, NS.types, 'SID')?.value;
    const account = childText(text, member, NS.types, 'Name')?.value;
    const token = memberToken(sid, account);
    if (token !== undefined) members.push(token);
  }
  return logonRightSetting(right, members, name.span, origin);
}

/**
 * A security template's `[Privilege Rights]` line (gpo-formats.md §6), when it sets one of the two Remote Desktop
 * logon rights: `SeDenyRemoteInteractiveLogonRight = *S-1-5-113,*S-1-5-32-546`, a SID after `*`, an account name
 * written as is when it was not resolved (`ADD YOUR DOMAIN ADMINS` in DISA's packages), nothing after `=` for a right
 * defined with no one (`SeTcbPrivilege =` in the t0x01 baselines). The setting spans the line.
 */
export function readPrivilegeRightLine(line: string, lineSpan: Span): PolicySetting | undefined {
  const eq = line.indexOf('=');
  if (eq < 0) return undefined;
  const right = rdpLogonRight(line.slice(0, eq));
  if (!right) return undefined;
  const members: string[] = [];
  for (const part of line.slice(eq + 1).split(',')) {
    const entry = part.trim();
    const token = entry.startsWith('*') ? memberToken(entry.slice(1), undefined) : memberToken(undefined, entry);
    if (token !== undefined) members.push(token);
  }
  const lead = line.length - line.trimStart().length;
  return logonRightSetting(right, members, { start: lineSpan.start + lead, end: lineSpan.start + line.trimEnd().length });
}
