import { findFix, POWERSHELL_FIXES, renderFix, showValue } from '../core/fixes/index';

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
      title: f.title,
      cause: f.cause,
      description: f.description,
      runsOn: f.runsOn,
      fixes: f.fixes,
      params: f.params.map((p) => ({ key: p.key, label: p.label, kind: p.kind, required: p.required, choices: p.choices ?? null, default: p.default ?? null })),
      sources: f.sources,
    }));
    return JSON.stringify({ fixes }, null, 2) + '\n';
  }
  const width = Math.max(...POWERSHELL_FIXES.map((f) => f.id.length));
  const runsOnWidth = Math.max(...POWERSHELL_FIXES.map((f) => f.runsOn.length));
  return (
    POWERSHELL_FIXES.map((f) => {
      const params = f.params.map((p) => (p.required ? p.key : `[${p.key}]`)).join(' ');
      return `${f.id.padEnd(width)}  ${f.runsOn.padEnd(runsOnWidth)}  ${f.title}${params ? `  (${params})` : ''}`;
    }).join('\n') + '\n'
  );
}

/** Splits `--param` arguments into a record; a malformed or repeated one is a usage error. */
function parseParams(args: readonly string[]): { params: Record<string, string> } | { error: string } {
  const params: Record<string, string> = Object.create(null);
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq <= 0) return { error: `--param needs KEY=VALUE, not ${showValue(arg)}.` };
    const key = arg.slice(0, eq);
    if (Object.prototype.hasOwnProperty.call(params, key)) return { error: `--param ${showValue(key)} is given more than once.` };
    params[key] = arg.slice(eq + 1);
  }
  return { params };
}

/** Runs `fix`: the rendered script (exit 0), the list of fixes (exit 0), or one line on stderr (exit 2). */
export function runFix(options: FixCommandOptions): FixCommandResult {
  if (options.id === undefined) return { output: listFixes(options.format), exitCode: 0 };
  const fix = findFix(options.id);
  if (!fix) return { output: '', error: `Unknown fix ${showValue(options.id)}. Run "rdp-doctor fix --list" to see the fixes.`, exitCode: 2 };
  const parsed = parseParams(options.params);
  if ('error' in parsed) return { output: '', error: parsed.error, exitCode: 2 };
  const rendered = renderFix(fix, parsed.params);
  if (!rendered.ok) return { output: '', error: rendered.errors.join(' '), exitCode: 2 };
  const output = options.format === 'json' ? JSON.stringify({ id: fix.id, title: fix.title, runsOn: fix.runsOn, script: rendered.script }, null, 2) + '\n' : rendered.script;
  return { output, exitCode: 0 };
}
