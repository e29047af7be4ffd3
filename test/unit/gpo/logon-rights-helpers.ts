// The three shapes that carry a Remote Desktop logon right, built from one list of members, so a test can show the
// rights read (and GPO001 fire) the same way from each: a security template's [Privilege Rights] line (gpo-formats.md
// §6), a Get-GPOReport Security extension (§1.5, SID and Name per member) and a gpresult one (a winning GPO, a
// precedence, and members by Name only, as a real RSoP report writes them).

/** One member: a SID (with the name a report gives beside it), or a name alone. */
export interface M {
  readonly sid?: string;
  readonly name?: string;
}

export type RightsFormat = 'security-template' | 'gpo-report-xml' | 'rsop-xml';
export const RIGHTS_FORMATS: readonly RightsFormat[] = ['security-template', 'gpo-report-xml', 'rsop-xml'];

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A security template with these rights (name → members) under [Privilege Rights]. */
export function template(rights: Readonly<Record<string, readonly M[]>>): string {
  const lines = Object.entries(rights).map(([right, members]) => `${right} = ${members.map((m) => (m.sid ? `*${m.sid}` : m.name!)).join(',')}`.trimEnd());
  return ['[Unicode]', 'Unicode=yes', '[Version]', 'signature="$CHICAGO$"', 'Revision=1', '[Privilege Rights]', ...lines, ''].join('\r\n');
}

function memberXml(m: M, withSid: boolean): string {
  const sid = withSid && m.sid ? `<SID xmlns="http://www.microsoft.com/GroupPolicy/Types">${m.sid}</SID>` : '';
  const name = m.name !== undefined ? `<Name xmlns="http://www.microsoft.com/GroupPolicy/Types">${xmlEscape(m.name)}</Name>` : '';
  return `<q1:Member>${sid}${name}</q1:Member>`;
}

/** A Get-GPOReport of one GPO named "Rights" whose Security extension holds these rights. */
export function report(rights: Readonly<Record<string, readonly M[]>>): string {
  const body = Object.entries(rights)
    .map(([right, members]) => `<q1:UserRightsAssignment>\n<q1:Name>${right}</q1:Name>\n${members.map((m) => memberXml(m, true)).join('\n')}\n</q1:UserRightsAssignment>`)
    .join('\n');
  return `<?xml version="1.0" encoding="utf-16"?>
<GPO xmlns="http://www.microsoft.com/GroupPolicy/Settings" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<Name>Rights</Name>
<Computer>
<Enabled>true</Enabled>
<ExtensionData>
<Extension xmlns:q1="http://www.microsoft.com/GroupPolicy/Settings/Security" xsi:type="q1:SecuritySettings">
${body}
</Extension>
<Name>Security</Name>
</ExtensionData>
</Computer>
</GPO>
`;
}

const GPO_ID = '{6F1C2B3A-1111-4A4A-9B9B-0123456789AB}';

/** A gpresult report whose GPO "Rights" wins these rights; members by name only (a member with no name keeps its SID). */
export function rsop(rights: Readonly<Record<string, readonly M[]>>, precedence = 1): string {
  const body = Object.entries(rights)
    .map(
      ([right, members]) => `<q1:UserRightsAssignment>
<GPO xmlns="http://www.microsoft.com/GroupPolicy/Settings/Base"><Identifier xmlns="http://www.microsoft.com/GroupPolicy/Types">${GPO_ID}</Identifier><Domain xmlns="http://www.microsoft.com/GroupPolicy/Types">contoso.invalid</Domain></GPO>
<Precedence xmlns="http://www.microsoft.com/GroupPolicy/Settings/Base">${precedence}</Precedence>
<q1:Name>${right}</q1:Name>
${members.map((m) => memberXml(m, m.name === undefined)).join('\n')}
</q1:UserRightsAssignment>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-16"?>
<Rsop xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://www.microsoft.com/GroupPolicy/Rsop">
<ComputerResults>
<Name>CONTOSO\\RDSH01$</Name>
<GPO><Name>Rights</Name><Path><Identifier xmlns="http://www.microsoft.com/GroupPolicy/Types">${GPO_ID}</Identifier><Domain xmlns="http://www.microsoft.com/GroupPolicy/Types">contoso.invalid</Domain></Path></GPO>
<ExtensionData>
<Extension xmlns:q1="http://www.microsoft.com/GroupPolicy/Settings/Security" xsi:type="q1:SecuritySettings" xmlns="http://www.microsoft.com/GroupPolicy/Settings">
${body}
</Extension>
<Name xmlns="http://www.microsoft.com/GroupPolicy/Settings">Security</Name>
</ExtensionData>
</ComputerResults>
</Rsop>
`;
}

export function render(format: RightsFormat, rights: Readonly<Record<string, readonly M[]>>): string {
  return format === 'security-template' ? template(rights) : format === 'gpo-report-xml' ? report(rights) : rsop(rights);
}

export const EVERYONE: M = { sid: 'S-1-1-0', name: 'Everyone' };
export const AUTH_USERS: M = { sid: 'S-1-5-11', name: 'NT AUTHORITY\\Authenticated Users' };
export const USERS: M = { sid: 'S-1-5-32-545', name: 'BUILTIN\\Users' };
export const RDU: M = { sid: 'S-1-5-32-555', name: 'BUILTIN\\Remote Desktop Users' };
export const ADMINS: M = { sid: 'S-1-5-32-544', name: 'BUILTIN\\Administrators' };
export const GUESTS: M = { sid: 'S-1-5-32-546', name: 'BUILTIN\\Guests' };
export const LOCAL: M = { sid: 'S-1-5-113', name: 'NT AUTHORITY\\Local account' };
export const LOCAL_ADMIN: M = { sid: 'S-1-5-114', name: 'NT AUTHORITY\\Local account and member of Administrators group' };
export const NETWORK: M = { sid: 'S-1-5-2', name: 'NT AUTHORITY\\NETWORK' };
export const REMOTE_INTERACTIVE: M = { sid: 'S-1-5-14', name: 'NT AUTHORITY\\REMOTE INTERACTIVE LOGON' };
const DOMAIN = 'S-1-5-21-1004336348-1177238915-682003330';
export const DOMAIN_ADMINS: M = { sid: `${DOMAIN}-512`, name: 'CONTOSO\\Domain Admins' };
export const DOMAIN_USERS: M = { sid: `${DOMAIN}-513`, name: 'CONTOSO\\Domain Users' };
export const ENTERPRISE_ADMINS: M = { sid: `${DOMAIN}-519`, name: 'CONTOSO\\Enterprise Admins' };
export const JUMP_ADMINS: M = { sid: `${DOMAIN}-1107`, name: 'CONTOSO\\Jump Admins' };
/** A name GPMC could not resolve, as DISA's packages carry it (gpo-formats.md §6). */
export const PLACEHOLDER: M = { name: 'ADD YOUR DOMAIN ADMINS' };
