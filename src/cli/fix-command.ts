import { findFix, POWERSHELL_FIXES, renderFix, showValue } from '../core/fixes/index';
import { fixSnippet } from '../core/fixes/snippets';
import type { PowerShellFix } from '../core/fixes/types';
import { terminalSafe } from '../core/text/terminal';
import { toJsonOutput } from './version';

export interface FixCommandOptions {
  /** Absent: list the fixes. */
  readonly id?: string;
  /** The `--param KEY=VALUE` arguments as given. */
  readonly params: readonly string[];
  readonly format: 'text' | 'json';
}

export interface FixCommandResult {
  readonly output: string;
  /** One line for stderr; set exactly when exitCode is 2. */
  readonly error?: string;
  readonly exitCode: number;
}

function listFixes(format: 'text' | 'json'): string {
  if (format === 'json') {
    const fixes = POWERSHELL_FIXES.map((f) => ({
      id: f.id,
      snippetPrefix: snippetPrefix(f),
      title: f.title,
      cause: f.cause,
      description: f.description,
      runsOn: f.runsOn,
      fixes: f.fixes,
      params: f.params.map((p) => ({ key: p.key, label: p.label, kind: p.kind, required: p.required, choices: p.choices ?? null, default: p.default ?? null })),
      sources: f.sources,
    }));
    return toJsonOutput({ fixes });
  }
  const width = Math.max(...POWERSHELL_FIXES.map((f) => f.id.length));
  const prefixWidth = Math.max(...POWERSHELL_FIXES.map((f) => snippetPrefix(f).length));
  const runsOnWidth = Math.max(...POWERSHELL_FIXES.map((f) => f.runsOn.length));
  const header = `${'ID'.padEnd(width)}  ${'SNIPPET'.padEnd(prefixWidth)}  ${'RUNS ON'.padEnd(runsOnWidth)}  WHAT IT DOES`;
  return (
    [header]
      .concat(
        POWERSHELL_FIXES.map((f) => {
          const params = f.params.map((p) => (p.required ? p.key : `[${p.key}]`)).join(' ');
          return `${f.id.padEnd(width)}  ${snippetPrefix(f).padEnd(prefixWidth)}  ${f.runsOn.padEnd(runsOnWidth)}  ${f.title}${params ? `  (${params})` : ''}`;
        }),
      )
      .join('\n') + '\n'
  );
}

/** The prefix that inserts this fix as a PowerShell snippet in the editor (`snippets/powershell.json`). */
function snippetPrefix(fix: PowerShellFix): string {
  return fixSnippet(fix).prefix;
}

/** A fix by its ID or its snippet prefix (`rdp-…`), in any case: the Fixes view and the light bulb show the prefix. */
function findFixByName(name: string): PowerShellFix | undefined {
  return findFix(name) ?? (/^rdp-/i.test(name) ? findFix(name.slice(4)) : undefined);
}

/**
 * Splits `--param` arguments into a record keyed by the fix's own parameter names (matched in any case);
 * a malformed or repeated one is a usage error, an unknown one is left for the renderer to name.
 */
function parseParams(fix: PowerShellFix, args: readonly string[]): { params: Record<string, string> } | { error: string } {
  const params: Record<string, string> = Object.create(null);
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq <= 0) return { error: `--param needs KEY=VALUE, not ${showValue(arg)}.` };
    const given = arg.slice(0, eq);
    const key = fix.params.find((p) => p.key.toLowerCase() === given.toLowerCase())?.key ?? given;
    if (Object.prototype.hasOwnProperty.call(params, key)) return { error: `--param ${showValue(key)} is given more than once.` };
    params[key] = arg.slice(eq + 1);
  }
  return { params };
}

/** Runs `fix`: the rendered script (exit 0), the list of fixes (exit 0), or one line on stderr (exit 2). */
export function runFix(options: FixCommandOptions): FixCommandResult {
  if (options.id === undefined) return { output: listFixes(options.format), exitCode: 0 };
  const fix = findFixByName(options.id);
  if (!fix) return { output: '', error: `Unknown fix ${terminalSafe(showValue(options.id))}. Run "rdp-doctor fix --list" to see the fixes.`, exitCode: 2 };
  const parsed = parseParams(fix, options.params);
  if ('error' in parsed) return { output: '', error: parsed.error, exitCode: 2 };
  const rendered = renderFix(fix, parsed.params);
  if (!rendered.ok) return { output: '', error: rendered.errors.join(' '), exitCode: 2 };
  const output = options.format === 'json' ? toJsonOutput({ id: fix.id, title: fix.title, runsOn: fix.runsOn, script: rendered.script }) : rendered.script;
  return { output, exitCode: 0 };
}
