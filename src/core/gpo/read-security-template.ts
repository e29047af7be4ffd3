import { setting, type PolicyDocument, type PolicySetting, type ReadProblem, type RegData } from './model';
import { regTypeOf, splitHive } from './registry-path';
import { namesSecret, showLine } from './secret-names';
import { splitLines } from './text-lines';

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
 * Reads a security template (`GptTmpl.inf`, gpo-formats.md §6): only the `[Registry Values]` section maps to
 * registry values. Never throws.
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
    else if (section === 'registry values' && trimmed !== '' && !trimmed.startsWith(';')) {
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
