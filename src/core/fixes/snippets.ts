import { POWERSHELL_FIXES } from './catalogue/index';
import { expandLines } from './render';
import type { PowerShellFix, PowerShellSnippet } from './types';

/** VS Code snippet syntax gives `$`, `}` and `\` a meaning; a backslash makes each literal. */
function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}

/** A fix as a snippet: every parameter is a tab stop inside its quotes (a choice list for choices). */
export function fixSnippet(fix: PowerShellFix): PowerShellSnippet {
  const stop = new Map(fix.params.map((p, i) => [p.key, i + 1]));
  const slot = (key: string): string => {
    const param = fix.params.find((p) => p.key === key)!;
    const n = stop.get(key)!;
    const inner = param.kind === 'choice' && param.choices?.length ? `\${${n}|${param.choices.join(',')}|}` : `\${${n}:${escapeSnippet(param.placeholder)}}`;
    return `'${inner}'`;
  };
  return {
    prefix: `rdp-${fix.id}`,
    description: `${fix.title}. ${fix.description}`,
    // The value is typed into the snippet later: it gets the lines for a host name, the form the parameter asks for.
    body: expandLines(fix, { has: (_key, form) => form !== 'ip', slot, literal: escapeSnippet }),
  };
}

/** The content of snippets/powershell.json. */
export function snippetsJson(): Record<string, PowerShellSnippet> {
  return Object.fromEntries(POWERSHELL_FIXES.map((fix) => [`rdp-${fix.id}`, fixSnippet(fix)]));
}
