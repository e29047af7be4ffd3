import { parseArgs, type ParseArgsConfig } from 'node:util';
import { colorEnabled, isStandardOutput, writeOutputFile } from './output';
import { OutputClosed, stdoutIsTerminal, writeStdout } from './stdout';
import { errorLine, UsageError } from './usage';
import { recordReads } from '../core/lint/read-file';

// What every command shares: its options, its output (stdout or --output-file) and how it ends. The commands
// themselves are two bundles, each loaded only for its commands (load-commands.ts): lint-command.ts and commands.ts.

export type Format = 'text' | 'json' | 'sarif' | 'compact';
type Options = NonNullable<ParseArgsConfig['options']>;

/** The options every command takes (SPEC §3). */
const OUTPUT_OPTIONS: Options = {
  'output-file': { type: 'string', short: 'o' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

const COMMAND_OPTIONS: Readonly<Record<string, Options>> = {
  lint: {
    format: { type: 'string' },
    config: { type: 'string' },
    fix: { type: 'boolean' },
    quiet: { type: 'boolean' },
    'max-warnings': { type: 'string' },
    'no-ignore': { type: 'boolean' },
    'ignore-unknown': { type: 'boolean' },
    'stdin-filename': { type: 'string' },
  },
  check: {
    inventory: { type: 'string' },
    format: { type: 'string' },
    timeout: { type: 'string' },
    concurrency: { type: 'string' },
    ca: { type: 'string', multiple: true },
    name: { type: 'string' },
  },
  // Repeatable only to be refused when repeated: the last of two codes would be used without a word.
  explain: { extended: { type: 'string', multiple: true }, family: { type: 'string', multiple: true }, format: { type: 'string' } },
  fix: { param: { type: 'string', multiple: true }, list: { type: 'boolean' }, format: { type: 'string' } },
  rules: { format: { type: 'string' } },
};

/** The options whose value names a file. */
const FILE_OPTIONS = ['output-file', 'config', 'stdin-filename', 'inventory', 'ca'] as const;

export type Values = Record<string, string | boolean | string[] | undefined>;

export function formatOption(value: unknown, allowed: readonly Format[]): Format {
  const format = (value ?? 'text') as Format;
  if (!allowed.includes(format)) throw new UsageError(`--format must be one of ${allowed.join(', ')}.`);
  return format;
}

export interface Io {
  /** The report, whole or in pieces: to stdout, or to `--output-file` through a temporary file. */
  readonly emit: (text: string | Iterable<string>) => void;
  /** Whether to colour what goes to stdout (or the output file). */
  readonly color: boolean;
  readonly colorFlag: boolean | undefined;
}

export type CommandRunner = (values: Values, positionals: string[], io: Io) => number | Promise<number>;

/**
 * `explain`'s arguments with negative decimal numbers kept as what they are, codes: OnLogonError's -2, or an HRESULT
 * that .NET and PowerShell print signed (-2146893054 = 0x80090302). parseArgs reads "-2146893054" as a cluster of short
 * options and "--extended -7" as an option without its value; here the first stays a positional (`placeholders` maps
 * it back) and the second becomes "--extended=-7".
 */
export function negativeCodeArgs(args: readonly string[], options: Options): { args: string[]; placeholders: Map<string, string> } {
  const out: string[] = [];
  const placeholders = new Map<string, string>();
  for (const [i, arg] of args.entries()) {
    if (!/^-\d+$/.test(arg) || args.slice(0, i).includes('--')) {
      out.push(arg);
      continue;
    }
    const previous = out[out.length - 1];
    const option = previous?.startsWith('--') && !previous.includes('=') ? options[previous.slice(2)] : undefined;
    if (option?.type === 'string') out[out.length - 1] = `${previous}=${arg}`;
    else {
      const placeholder = `\u0000code${placeholders.size}`;
      placeholders.set(placeholder, arg);
      out.push(placeholder);
    }
  }
  return { args: out, placeholders };
}

/** Runs one of `commands` (its name already checked by main.ts, `--help` already answered there). */
export async function runCommandWith(commands: Readonly<Record<string, CommandRunner>>, command: string, rest: string[]): Promise<number> {
  const run = commands[command];
  if (!run) throw new UsageError(`Unknown command "${command}".`);
  const options = { ...COMMAND_OPTIONS[command], ...OUTPUT_OPTIONS };
  const given = command === 'explain' ? negativeCodeArgs(rest, options) : { args: rest, placeholders: new Map<string, string>() };
  const parsed = parseArgs({ args: given.args, allowPositionals: true, tokens: true, options });
  const { values, tokens } = parsed;
  const positionals = parsed.positionals.map((p) => given.placeholders.get(p) ?? p);
  // An empty name is no file: read as one, `--inventory ''` checked no hosts and `--stdin-filename ''` reported a file "".
  for (const name of FILE_OPTIONS) {
    const given = values[name] as string | string[] | undefined;
    if (given === '' || (Array.isArray(given) && given.includes(''))) throw new UsageError(`--${name} needs a file, not an empty name.`);
  }
  const outputFile = values['output-file'] as string | undefined;
  // The report must not replace a file the command reads: every read is recorded from here on.
  if (outputFile !== undefined) recordReads();
  const flag = colorFlag(tokens);
  let writeError: string | undefined;
  const io: Io = {
    color: colorEnabled(flag, process.env, outputFile === undefined && stdoutIsTerminal()),
    colorFlag: flag,
    emit: (text) => {
      const chunks = typeof text === 'string' ? [text] : text;
      if (outputFile === undefined || isStandardOutput(outputFile)) for (const chunk of chunks) writeStdout(chunk);
      else writeError = writeOutputFile(outputFile, chunks)?.error;
    },
  };
  let code: number;
  try {
    code = await run(values as Values, positionals, io);
  } catch (error) {
    if (!(error instanceof OutputClosed)) throw error;
    // The reader has gone (`| head`): stop now, lint threads and all, and say nothing; the report was not all written.
    process.exit(2);
  }
  if (writeError !== undefined) {
    process.stderr.write(errorLine(writeError));
    return 2;
  }
  return code;
}

/** `--color`/`--no-color`: the last one given, as a command line is read left to right. */
function colorFlag(tokens: readonly { kind: string; name?: string }[]): boolean | undefined {
  let flag: boolean | undefined;
  for (const t of tokens) if (t.kind === 'option' && (t.name === 'color' || t.name === 'no-color')) flag = t.name === 'color';
  return flag;
}

