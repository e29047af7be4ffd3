import { readSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeFsError, MAX_FILE_BYTES, noteLinted, noteStandardInput } from '../core/lint/read-file';
import { lintChunk } from '../core/lint/lint-chunk';
import { lintPaths, STDIN_NAME } from '../core/lint/session';
import { terminalSafe } from '../core/text/terminal';
import { writeSkippedConfig } from './config-notes';
import { formatOption, runCommandWith, type Io, type Values } from './command-io';
import { lessInliningFor } from './compiler-budget';
import { painter } from './output';
import { lintInParallel, runAsLintWorker } from './parallel';
import { writeStdout } from './stdout';
import { LintOutput } from './text-format';
import { UsageError } from './usage';

// `rdp-doctor lint`: dist/cli-lint.js, a bundle of its own, so a lint loads and starts none of the other commands'
// code and tables (about 7 ms of every lint's start-up, issue 16). The other commands are commands.ts.

/**
 * Standard input, read up to the size limit the files have. One that cannot be read (too large, a folder given as
 * `< dir`) is an input not read, as a file would be (SPEC §3: exit 2, the others still linted and reported).
 */
function readStdin(): { bytes: Uint8Array } | { error: string } {
  noteStandardInput();
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
      return { error: `Standard input cannot be read: ${describeFsError(error)}` };
    }
    if (n === 0) break;
    total += n;
    if (total > MAX_FILE_BYTES) return { error: `Standard input is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB; it is not read.` };
    chunks.push(Buffer.from(buffer.subarray(0, n)));
  }
  return { bytes: Buffer.concat(chunks) };
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
  const stdinName = (values['stdin-filename'] as string | undefined) ?? STDIN_NAME;
  const unnamedStdin = readsStdin && values['stdin-filename'] === undefined ? STDIN_NAME : undefined;
  const output = new LintOutput(format, values.quiet === true, painter(io.color), toStdout, unnamedStdin);
  const notesInputs = values['output-file'] !== undefined;
  const { report, exitCode: lintExit } = await lintPaths(
    {
      paths,
      fix: values.fix === true,
      ignore: values['no-ignore'] !== true,
      ignoreUnknown: values['ignore-unknown'] === true,
      ...(values.config !== undefined && { configPath: values.config as string }),
      ...(readsStdin && { stdin: { ...readStdin(), filename: stdinName } }),
      skippedConfig: writeSkippedConfig,
    },
    (inputs, configPath, fix, onFile) => {
      // Hundreds of files: TurboFan inlines less while they are linted (compiler-budget.ts).
      const restore = lessInliningFor(inputs.length);
      return lintInParallel(inputs, configPath, fix, lintChunk, onFile).finally(() => restore?.());
    },
    (file) => {
      // Lint threads read in threads of their own: each file linted is noted here (by what its path leads to), so the
      // report cannot replace it. Standard input's name is no file read: standard input itself is noted when read.
      if (notesInputs && !(readsStdin && resolve(file.path) === resolve(stdinName))) noteLinted(file.path);
      output.add(file);
    },
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

/** Runs `lint` (main.ts has checked the name and answered `--help`). */
export function runCommand(command: string, rest: string[]): Promise<number> {
  return runCommandWith({ lint: runLint }, command, rest);
}

// A lint thread runs this same file (parallel.ts starts `__filename`): it lints its chunk here and posts it back.
runAsLintWorker(lintChunk);
