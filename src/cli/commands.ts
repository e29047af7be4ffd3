import { runCheck } from './check-command';
import { writeSkippedConfig } from './config-notes';
import { formatHostVerdict } from './check-text';
import { colorEnabled, painter } from './output';
import { formatOption, runCommandWith, type CommandRunner, type Io, type Values } from './command-io';
import type { ErrorCodeFamily } from '../core/knowledge/error-code-types';
import { FAMILY_WORDS, parseErrorCode } from '../core/knowledge/error-codes/index';
import { terminalSafe } from '../core/text/terminal';
import { runExplain } from './explain-command';
import { runFix } from './fix-command';
import { runRules } from './rules-command';
import { errorLine, UsageError } from './usage';
import { isatty } from 'node:tty';

// `rdp-doctor check | explain | fix | rules`: dist/cli-commands.js, loaded by the small dist/cli.js only when one of
// them runs (issue 16, start-up). `lint` is a bundle of its own (lint-command.ts).

const FAMILIES: readonly ErrorCodeFamily[] = ['disconnect', 'extended', 'errinfo', 'neg-failure', 'logon'];

function familyOption(value: string | undefined): ErrorCodeFamily | undefined {
  if (value === undefined) return undefined;
  const family = FAMILY_WORDS[value.toLowerCase()];
  if (!family) throw new UsageError(`--family must be one of ${FAMILIES.join(', ')}.`);
  return family;
}

async function runCheckCommand(values: Values, positionals: string[], io: Io): Promise<number> {
  const format = formatOption(values.format, ['text', 'json', 'sarif']) as 'text' | 'json' | 'sarif';
  const controller = new AbortController();
  const onInterrupt = (): void => controller.abort();
  process.once('SIGINT', onInterrupt);
  // On a terminal, each host's verdict as it finishes; stderr, so stdout (JSON, SARIF) stays clean.
  // isatty, not process.stderr.isTTY: making the stderr stream loads Node's streams (~3 ms of a check) when nothing is written.
  const progress = isatty(2);
  const stderrPaint = painter(colorEnabled(io.colorFlag, process.env, progress));
  const result = await runCheck({
    targets: positionals,
    format,
    ca: (values.ca as string[] | undefined) ?? [],
    signal: controller.signal,
    paint: painter(io.color),
    ...(progress && { onHostDone: (host) => process.stderr.write(formatHostVerdict(host, stderrPaint)) }),
    onConfigSkipped: writeSkippedConfig,
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

/** The value of an option given at most once (`--extended 0x7 --extended 0x3` is refused, not read as 0x3). */
function onceOption(values: Values, name: string): string | undefined {
  const given = values[name] as string[] | undefined;
  if (given && given.length > 1) throw new UsageError(`explain takes --${name} once, not ${given.length} times.`);
  return given?.[0];
}

/** An extended code as written beside the error code in the dialog, `(0x7)`: the brackets are not part of it. */
function bareCode(text: string | undefined): string | undefined {
  return text?.trim().replace(/^[([](.*)[)\]]$/s, '$1').trim();
}

function runExplainCommand(values: Values, positionals: string[], io: Io): number {
  const format = formatOption(values.format, ['text', 'json']) as 'text' | 'json';
  if (positionals.length === 0) throw new UsageError('explain needs an error code, such as 0x904.');
  const extended = bareCode(onceOption(values, 'extended'));
  // Three codes are refused; three words that are not all codes are a line pasted unquoted (`explain Error code: 0x904`),
  // read as the quoted line is.
  if (positionals.length > 2 && (extended !== undefined || positionals.every((p) => parseErrorCode(p) !== undefined))) {
    throw new UsageError(`explain takes an error code and at most one extended code, not ${positionals.length} codes; explain each on its own.`);
  }
  if (positionals.length === 2 && extended !== undefined) throw new UsageError('explain takes the extended code once: as a second code or with --extended, not both.');
  const [code, second] = positionals;
  const family = familyOption(onceOption(values, 'family'));
  if (family && (extended !== undefined || second !== undefined)) throw new UsageError('--family reads one code on its own; it takes no extended code.');
  // Without --extended the words are read as the explainer reads what is typed: `errinfo 0xC` is a family and a code.
  const result = runExplain(extended === undefined ? positionals.join(' ') : code!, extended, format, family, painter(io.color));
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

const COMMANDS: Readonly<Record<string, CommandRunner>> = {
  check: runCheckCommand,
  explain: runExplainCommand,
  fix: runFixCommand,
  rules: (values, positionals, io) => {
    if (positionals.length) throw new UsageError(`rules takes no arguments, not "${positionals[0]}".`);
    io.emit(runRules(formatOption(values.format, ['text', 'json']) as 'text' | 'json'));
    return 0;
  },
};

/** Runs one of these commands (main.ts has checked the name and answered `--help`). */
export function runCommand(command: string, rest: string[]): Promise<number> {
  return runCommandWith(COMMANDS, command, rest);
}
