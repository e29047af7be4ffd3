import { setting, type PolicyDocument, type PolicySetting, type ReadProblem, type RegData } from './model';
import { regTypeOf, splitHive } from './registry-path';
import { namesSecret, showLine } from './secret-names';
import { isStartType, serviceStartSetting } from './service-start';
import { splitLines } from './text-lines';
import { readPrivilegeRightLine } from './logon-rights-read';

/** `[Registry Values]` data: `4,1`, `1,"text"`, `7,a,b`, `3,hex`. */
function parseValue(type: number, data: string): RegData | undefined {
  switch (type) {
    case 4: {
      // A DWORD is 0 to 4294967295; a larger number is no value Windows writes (a hostile-input review: 4294967297
      // and a thousand digits were read as numbers, and compared as such).
      const text = data.trim();
      return /^\d+$/.test(text) && Number(text) <= 0xffffffff ? Number(text) : undefined;
    }
    case 1:
    case 2:
      return data.trim().replace(/^"(.*)"$/s, '$1');
    case 7:
      return data === '' ? [] : data.split(',');
    default:
      return data.replace(/[\s,]/g, '').toLowerCase();
  }
}

/**
 * A `[Service General Setting]` line, `"Name",start,"SDDL"` (gpo-formats.md §6): the service's name and its start type
 * (2 automatic, 3 manual, 4 disabled), with where the start type is in the line. The security descriptor is not read.
 */
function serviceLine(line: string): { name: string; start: number; at: number; end: number } | undefined {
  const lead = line.length - line.trimStart().length;
  let name: string;
  let after: number;
  if (line[lead] === '"') {
    const close = line.indexOf('"', lead + 1);
    if (close < 0) return undefined;
    name = line.slice(lead + 1, close);
    after = close + 1;
  } else {
    after = line.indexOf(',', lead);
    if (after < 0) return undefined;
    name = line.slice(lead, after).trim();
  }
  const comma = line.indexOf(',', after);
  // A service name is a registry key's name: never empty, never a backslash (CreateService).
  if (comma < 0 || line.slice(after, comma).trim() !== '' || name === '' || name.includes('\\')) return undefined;
  const next = line.indexOf(',', comma + 1);
  const field = line.slice(comma + 1, next < 0 ? line.length : next);
  const text = field.trim();
  const start = /^\d$/.test(text) ? Number(text) : NaN;
  if (!isStartType(start)) return undefined;
  const at = comma + 1 + field.indexOf(text);
  return { name, start, at, end: at + text.length };
}

/**
 * Reads a security template (`GptTmpl.inf`, gpo-formats.md §6): the `[Registry Values]` section, and the start types of
 * `[Service General Setting]`, each read as the `Start` value of the service's key (`service-start.ts`), and the two Remote
 * Desktop logon rights of `[Privilege Rights]` (`logon-rights.ts`). Never throws.
 */
export function readSecurityTemplate(text: string): PolicyDocument {
  const settings: PolicySetting[] = [];
  const problems: ReadProblem[] = [];
  let section = '';
  // After a secret's line whose quoted data is left open, the lines that follow may be the rest of it: until a line
  // reads again, none of them is quoted in a problem.
  let secretOpen = false;
  for (const { text: line, span: lineSpan } of splitLines(text)) {
    const pos = lineSpan.start;
    const trimmed = line.trim();
    if (trimmed.startsWith('[') && trimmed.endsWith(']')) section = trimmed.slice(1, -1).trim().toLowerCase();
    else if (section === 'privilege rights') {
      const right = readPrivilegeRightLine(line, lineSpan);
      if (right) settings.push(right);
    } else if (section === 'service general setting' && trimmed !== '' && !trimmed.startsWith(';')) {
      const service = serviceLine(line);
      if (service) settings.push(serviceStartSetting(service.name, service.start, { start: pos + service.at, end: pos + service.end }));
      else problems.push({ severity: 'warning', message: `The service line ${showLine(trimmed)} is not "name",start type,security descriptor, with a start type from 0 to 4.`, span: lineSpan });
    } else if (section === 'registry values' && trimmed !== '' && !trimmed.startsWith(';')) {
      const eq = line.indexOf('=');
      const comma = line.indexOf(',', eq + 1);
      const split = eq > 0 ? splitHive(line.slice(0, eq).trim()) : undefined;
      const cut = split?.key.lastIndexOf('\\') ?? -1;
      const typeNumber = comma > eq ? Number(line.slice(eq + 1, comma).trim()) : NaN;
      const type = Number.isInteger(typeNumber) ? regTypeOf(typeNumber) : undefined;
      const data = comma > eq ? parseValue(typeNumber, line.slice(comma + 1)) : undefined;
      const span = { start: pos + (comma > eq ? comma + 1 : 0), end: pos + line.trimEnd().length };
      if (!split || cut < 0 || !type || data === undefined) {
        const dword = typeNumber === 4 && split && cut >= 0 && comma > eq && /^\s*\d+\s*$/.test(line.slice(comma + 1));
        const shown = showLine(trimmed, secretOpen || namesSecret(trimmed));
        problems.push({ severity: 'warning', message: dword ? `The registry value line ${shown} holds a number past a DWORD's 4294967295.` : `The registry value line ${shown} is not MACHINE\\key\\name=type,data.`, span: lineSpan });
      } else {
        secretOpen = namesSecret(line.slice(0, eq)) && (line.slice(comma + 1).match(/"/g)?.length ?? 0) % 2 === 1;
        settings.push(setting({ hive: split.hive, key: split.key.slice(0, cut), valueName: split.key.slice(cut + 1), type, data, action: 'set', source: { span } }));
      }
    }
  }
  return { format: 'security-template', settings, problems };
}
