import { readSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { runCheck } from './check-command';
import { formatHostVerdict } from './check-text';
import type { ErrorCodeFamily } from '../core/knowledge/error-code-types';
import { FAMILY_WORDS } from '../core/knowledge/error-codes/index';
import { MAX_FILE_BYTES } from '../core/lint/read-file';
import { terminalSafe } from '../core/text/terminal';
import { runExplain } from './explain-command';
import { runFix } from './fix-command';
import { lintChunk, lintPaths, STDIN_NAME } from '../core/lint/session';
import { lessInliningFor } from './compiler-budget';
import { lintInParallel, runAsLintWorker } from './parallel';
import { colorEnabled, isStandardOutput, painter, refuseOutputOverInput, writeOutputFile } from './output';
import { runRules } from './rules-command';
import { OutputClosed, stdoutIsTerminal, writeStdout } from './stdout';
import { LintOutput } from './text-format';
import { errorLine, UsageError } from './usage';

type Format = 'text' | 'json' | 'sarif' | 'compact';
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
  explain: { extended: { type: 'string' }, family: { type: 'string' }, format: { type: 'string' } },
  fix: { param: { type: 'string', multiple: true }, list: { type: 'boolean' }, format: { type: 'string' } },
  rules: { format: { type: 'string' } },
};

type Values = Record<string, string | boolean | string[] | undefined>;

function formatOption(value: unknown, allowed: readonly Format[]): Format {
  const format = (value ?? 'text') as Format;
  if (!allowed.includes(format)) throw new UsageError(`--format must be one of ${allowed.join(', ')}.`);
  return format;
}

const FAMILIES: readonly ErrorCodeFamily[] = ['disconnect', 'extended', 'errinfo', 'neg-failure', 'logon'];

function familyOption(value: string | undefined): ErrorCodeFamily | undefined {
  if (value === undefined) return undefined;
  const family = FAMILY_WORDS[value.toLowerCase()];
  if (!family) throw new UsageError(`--family must be one of ${FAMILIES.join(', ')}.`);
  return family;
}

/** `--color`/`--no-color`: the last one given, as a command line is read left to right. */
function colorFlag(tokens: readonly { kind: string; name?: string }[]): boolean | undefined {
  let flag: boolean | undefined;
  for (const t of tokens) if (t.kind === 'option' && (t.name === 'color' || t.name === 'no-color')) flag = t.name === 'color';
  return flag;
}

/** Standard input, read up to the size limit the files have. */
function readStdin(): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  const buffer = Buffer.alloc(65536);
  for (;;) {
    let n: number;
    try {
      n = readSync(0, buffer, 0, buffer.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue; // a non-blocking standard input with nothing yet
      if (code === 'EOF') break;
      throw error;
    }
    if (n === 0) break;
    total += n;
    if (total > MAX_FILE_BYTES) throw new UsageError(`Standard input is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB.`);
    chunks.push(Buffer.from(buffer.subarray(0, n)));
  }
  return Buffer.concat(chunks);
}

interface Io {
  /** The report, whole or in pieces: to stdout, or to `--output-file` through a temporary file. */
  readonly emit: (text: string | Iterable<string>) => void;
  /** Whether to colour what goes to stdout (or the output file). */
  readonly color: boolean;
  readonly colorFlag: boolean | undefined;
}

async function runLint(values: Values, positionals: string[], io: Io): Promise<number> {
  const format = formatOption(values.format, ['text', 'json', 'sarif', 'compact']);
  const maxWarningsText = values['max-warnings'] as string | undefined;
  if (maxWarningsText !== undefined && !/^\d+$/.test(maxWarningsText)) throw new UsageError(`--max-warnings must be a whole number, not "${maxWarningsText}".`);
  const paths = positionals.length ? positionals : ['.'];
  const readsStdin = paths.includes('-');
  if (readsStdin && values.fix) throw new UsageError('--fix cannot write to standard input; lint a file to fix it.');
  if (!readsStdin && values['stdin-filename'] !== undefined) throw new UsageError('--stdin-filename names standard input: add "-" to the paths.');
  // Each file's report is written into the output as soon as it is linted, then dropped (issue 16); to standard
  // output, each full piece of ~64 KB goes out at once (an --output-file is written whole, through a temporary file).
  const toStdout = values['output-file'] === undefined ? writeStdout : undefined;
  const output = new LintOutput(format, values.quiet === true, painter(io.color), toStdout);
  const { report, exitCode: lintExit } = await lintPaths(
    {
      paths,
      fix: values.fix === true,
      ignore: values['no-ignore'] !== true,
      ignoreUnknown: values['ignore-unknown'] === true,
      ...(values.config !== undefined && { configPath: values.config as string }),
      ...(readsStdin && { stdin: { bytes: readStdin(), filename: (values['stdin-filename'] as string | undefined) ?? STDIN_NAME } }),
    },
    (inputs, configPath, fix, onFile) => {
      // Hundreds of files: TurboFan inlines less while they are linted (compiler-budget.ts).
      const restore = lessInliningFor(inputs.length);
      return lintInParallel(inputs, configPath, fix, lintChunk, onFile).finally(() => restore?.());
    },
    (file) => output.add(file),
  );
  io.emit(output.output(report.errors));
  if (format !== 'text') for (const e of report.errors) process.stderr.write(`rdp-doctor: ${terminalSafe(e.path)}: ${terminalSafe(e.message)}\n`);
  for (const line of output.readErrors) process.stderr.write(`rdp-doctor: ${line}\n`);
  const warnings = output.counts.warning;
  if (lintExit === 0 && maxWarningsText !== undefined && warnings > Number(maxWarningsText)) {
    process.stderr.write(`rdp-doctor: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarningsText} allows.\n`);
    return 1;
  }
  return lintExit;
}

async function runCheckCommand(values: Values, positionals: string[], io: Io): Promise<number> {
  const format = formatOption(values.format, ['text', 'json', 'sarif']) as 'text' | 'json' | 'sarif';
  const controller = new AbortController();
  const onInterrupt = (): void => controller.abort();
  process.once('SIGINT', onInterrupt);
  // On a terminal, each host's verdict as it finishes; stderr, so stdout (JSON, SARIF) stays clean.
  const progress = process.stderr.isTTY === true;
  const stderrPaint = painter(colorEnabled(io.colorFlag, process.env, process.stderr.isTTY === true));
  const result = await runCheck({
    targets: positionals,
    format,
    ca: (values.ca as string[] | undefined) ?? [],
    signal: controller.signal,
    paint: painter(io.color),
    ...(progress && { onHostDone: (host) => process.stderr.write(formatHostVerdict(host, stderrPaint)) }),
    ...(values.inventory !== undefined && { inventory: values.inventory as string }),
    ...(values.timeout !== undefined && { timeout: values.timeout as string }),
    ...(values.concurrency !== undefined && { concurrency: values.concurrency as string }),
    ...(values.name !== undefined && { name: values.name as string }),
  }).finally(() => process.off('SIGINT', onInterrupt));
  if ('usage' in result) throw new UsageError(result.usage);
  io.emit(result.output);
  if (format !== 'text') for (const e of result.errors) process.stderr.write(`rdp-doctor: ${terminalSafe(e.path)}: ${terminalSafe(e.message)}\n`);
  return result.exitCode;
}

function runExplainCommand(values: Values, positionals: string[], io: Io): number {
  const format = formatOption(values.format, ['text', 'json']) as 'text' | 'json';
  if (positionals.length === 0) throw new UsageError('explain needs an error code, such as 0x904.');
  const [code, second] = positionals;
  const family = familyOption(values.family as string | undefined);
  if (family && (values.extended !== undefined || second !== undefined)) throw new UsageError('--family reads one code on its own; it takes no extended code.');
  const result = runExplain(code!, (values.extended as string | undefined) ?? second, format, family, painter(io.color));
  if (result.error) process.stderr.write(errorLine(result.error));
  if (result.output) io.emit(result.output);
  return result.exitCode;
}

function runFixCommand(values: Values, positionals: string[], io: Io): number {
  const format = formatOption(values.format, ['text', 'json']) as 'text' | 'json';
  if (positionals.length > 1) throw new UsageError(`fix takes one fix ID, not ${positionals.length}.`);
  if (values.list && positionals.length) throw new UsageError('fix --list takes no fix ID.');
  // SPEC §3: `fix FIX_ID`; the list is asked for by name.
  if (!values.list && positionals.length === 0) throw new UsageError('fix needs a FIX_ID; "rdp-doctor fix --list" lists them.');
  const result = runFix({ params: (values.param as string[] | undefined) ?? [], format, ...(positionals[0] !== undefined && { id: positionals[0] }) });
  if (result.error) process.stderr.write(errorLine(result.error));
  if (result.output) io.emit(result.output);
  return result.exitCode;
}

const COMMANDS: Readonly<Record<string, (values: Values, positionals: string[], io: Io) => number | Promise<number>>> = {
  lint: runLint,
  check: runCheckCommand,
  explain: runExplainCommand,
  fix: runFixCommand,
  rules: (values, positionals, io) => {
    if (positionals.length) throw new UsageError(`rules takes no arguments, not "${positionals[0]}".`);
    io.emit(runRules(formatOption(values.format, ['text', 'json']) as 'text' | 'json'));
    return 0;
  },
};

/**
 * Runs one command (its name already checked by main.ts, `--help` already answered there). This module is
 * dist/cli-commands.js, loaded by the small dist/cli.js only when a command runs (issue 16, start-up).
 */
export async function runCommand(command: string, rest: string[]): Promise<number> {
  const run = COMMANDS[command];
  if (!run) throw new UsageError(`Unknown command "${command}".`);
  const { values, positionals, tokens } = parseArgs({ args: rest, allowPositionals: true, tokens: true, options: { ...COMMAND_OPTIONS[command], ...OUTPUT_OPTIONS } });
  const outputFile = values['output-file'] as string | undefined;
  if (command === 'lint' && outputFile !== undefined) refuseOutputOverInput(outputFile, positionals);
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

// A lint thread runs this same file (parallel.ts starts `__filename`): it lints its chunk here and posts it back.
runAsLintWorker(lintChunk);
