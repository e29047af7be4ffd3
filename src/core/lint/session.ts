/**
 * A lint run over paths: expand them into inputs, lint them a chunk at a time (`lint-chunk.ts`), run the cross-file
 * checks, and say which exit code of SPEC §3 the result means; the CLI's run and the extension's report.
 */
import { SNIFFED_EXTENSIONS } from './formats';
import { mergeOverrides, type SeverityOverrides } from '../findings/severity';
import { ConfigResolver, configReports, tellOnce, type ConfigLookup } from './config-resolver';
import { markCrossCheck, withTrustedPublishers } from './cross-check-inputs';
import { crossFilePass } from './cross-file';
import { displayPath } from './display-path';
import { collectInputs, type InputFile } from './inputs';
import { lintChunk, type LintChunkResult, type OnFileReport } from './lint-chunk';
import type { SkippedConfig } from './read-file';
import { fileHasError, fileHasReadError, hasErrorFinding, type FileReport, type LintReport } from './output';
import { inputSize, slices } from './slices';
import { appendAll } from '../text/collections';

export interface LintCommandOptions {
  readonly paths: readonly string[];
  readonly configPath?: string;
  readonly fix: boolean;
  /** Honour `.gitignore` and `.rdpdoctorignore` (default true). */
  readonly ignore?: boolean;
  /** Skip named files that are not a format RDP Doctor reads, instead of reporting them (a pre-commit hook's file list). */
  readonly ignoreUnknown?: boolean;
  /** Standard input, for a `-` among the paths: its bytes (or why it could not be read) and the name it is detected and reported by. */
  readonly stdin?: ({ readonly bytes: Uint8Array } | { readonly error: string }) & { readonly filename: string };
  /** Told of each config the search passed over (another user's, outside the working folder), once. */
  readonly skippedConfig?: (config: SkippedConfig) => void;
}

/** The name standard input is reported by when `--stdin-filename` is not given. */
export const STDIN_NAME = '<stdin>';

/** What an argument that found nothing to lint gets (the sentence ends where the caller says). */
const NO_FILE_TO_LINT = `No file to lint matches it: RDP Doctor lints .rdp files, .rdpdoctor.yaml and Group Policy or registry exports (${SNIFFED_EXTENSIONS.join(', ')})`;

/**
 * The CLI's lint of these paths in this thread, a slice of files at a time with a yield to the event loop in
 * between (the extension's reports; a slice is bounded by files and by bytes, `slices`). Stops early, with what it
 * has, when `isCancelled` says so (asked before each slice). `lookup` says whose configs are used (the extension's:
 * those in its workspace folder; the extension host's working folder is no project's).
 */
export async function lintReportInSlices(paths: readonly string[], overrides?: SeverityOverrides, isCancelled?: () => boolean, lookup?: ConfigLookup): Promise<LintReport> {
  const collected = collectInputs(paths);
  const inputs = markCrossCheck(collected.files);
  const errors = collected.errors;
  const linted: FileReport[] = [];
  // Each slice looks for configs anew: a config passed over is told of once in all.
  const once: ConfigLookup = { ...lookup, ...(lookup?.skipped && { skipped: tellOnce(lookup.skipped) }) };
  for (const [start, end] of slices(inputs.length, (i) => inputSize(inputs[i]!))) {
    if (isCancelled?.()) break;
    const chunk = lintChunk(inputs.slice(start, end), undefined, false, overrides, undefined, once);
    appendAll(linted, chunk.files);
    for (const e of chunk.errors) if (!errors.some((x) => x.path === e.path && x.message === e.message)) errors.push(e);
    await new Promise((resolve) => setImmediate(resolve));
  }
  const configs = new ConfigResolver(undefined, [], once);
  const severitiesFor = (path: string): SeverityOverrides | undefined => mergeOverrides(configs.forFile(path)?.rules, overrides);
  const files = crossFilePass(withTrustedPublishers(linted, severitiesFor), severitiesFor);
  return { files, errors };
}

/** Lints chunks of inputs, in order: in this thread by default, or spread over worker threads (the CLI); `onFile` as `lintChunk` takes it. */
export type ChunkRunner = (inputs: readonly InputFile[], configPath: string | undefined, fix: boolean, onFile?: OnFileReport) => Promise<LintChunkResult[]>;


const inThisThread: ChunkRunner = async (inputs, configPath, fix, onFile) => [lintChunk(inputs, configPath, fix, undefined, onFile)];

/**
 * The lint session `rdp-doctor lint` runs: expand the paths, lint every input (with its config), run the
 * cross-file checks, and say which exit code of SPEC §3 the result means.
 *
 * With `onFile`, every file's report goes there, in the same order, and the returned report's `files` is
 * empty: when no input of the run can be a policy export (no cross-file pass), each one as soon as it is
 * linted, so a run of 10,000 files never holds them all (issue 16); else after the cross-file pass.
 */
export async function lintPaths(options: LintCommandOptions, runChunks: ChunkRunner = inThisThread, onFile?: OnFileReport): Promise<{ report: LintReport; exitCode: number }> {
  const named = options.paths.filter((p) => p !== '-');
  const { files: inputs, errors, unmatched, found } = collectInputs(named, { ignore: options.ignore ?? true, ignoreUnknown: options.ignoreUnknown ?? false, deferFileStat: true });
  // With the ignore files off (--no-ignore), they are not why nothing matched: what is there is no format RDP Doctor reads.
  const noMatch = options.ignore === false ? `${NO_FILE_TO_LINT}.` : `${NO_FILE_TO_LINT}, or see .gitignore, .rdpdoctorignore and --no-ignore.`;
  for (const path of unmatched) errors.push({ path, message: noMatch });
  if (options.stdin && named.length < options.paths.length) {
    if ('error' in options.stdin) errors.push({ path: options.stdin.filename, message: options.stdin.error });
    else inputs.push({ path: options.stdin.filename, named: true, bytes: options.stdin.bytes });
  }
  const marked = markCrossCheck(inputs);
  let hasError = false;
  let readError = false;
  const take = onFile && ((file: FileReport): void => {
    if (!hasError) hasError = fileHasError(file);
    if (!readError) readError = fileHasReadError(file);
    if (file.crossCheck === undefined) onFile(file);
    else {
      const { crossCheck: _summary, ...printed } = file; // for the cross-file pass only, never printed
      onFile(printed);
    }
  });
  // No input marked for the cross-checks: no cross-file pass, so each report can leave as soon as it is made.
  const streaming = take !== undefined && marked.every((input) => input.crossCheck === false);
  // The configs' own mistakes first: they say how the files after them were linted.
  // Every input's config is looked for here first: a config passed over is told of once, from this thread.
  const fromConfigs = configReports(marked, options.configPath, { ...(options.skippedConfig && { skipped: options.skippedConfig }) });
  if (streaming) for (const file of fromConfigs) take(file);
  const chunks = await runChunks(marked, options.configPath, options.fix, streaming ? take : undefined);
  const seen = new Set<string>();
  for (const chunk of chunks) {
    for (const e of chunk.errors) {
      const key = `${e.path}\0${e.message}`;
      if (!seen.has(key)) errors.push(e); // each thread reports an unreadable config once
      seen.add(key);
    }
  }
  let files: FileReport[];
  if (streaming) {
    // Chunks linted in worker threads come back whole (the first chunk, this thread's, went out already).
    for (const chunk of chunks) for (const file of chunk.files) take(file);
    files = [];
  } else {
    // Cross-checks compare files that different threads read, so they run here, from each file's small summary.
    const configs = new ConfigResolver(options.configPath, []);
    const severitiesFor = (path: string): SeverityOverrides | undefined => configs.forFile(path)?.rules;
    files = crossFilePass(withTrustedPublishers([...fromConfigs, ...chunks.flatMap((c) => c.files)], severitiesFor), severitiesFor);
    if (take) {
      for (const file of files) take(file);
      files = [];
    }
  }
  // A folder or glob whose files are none RDP Doctor reads (notes, unrelated XML): SPEC §3's "inputs that match
  // nothing exit 2", as an empty folder does, not "0 files checked, no problems" and exit 0. Judged per argument.
  const unread = chunks.flatMap((c) => c.unread ?? []);
  // A pre-commit hook's file list (`ignoreUnknown`) may hold no such file at all: that is no error there.
  if (unread.length > 0 && options.ignoreUnknown !== true) {
    const skipped = new Set(unread);
    for (const { path, start, end } of found) {
      let all = true;
      for (let i = start; i < end && all; i++) all = skipped.has(inputs[i]!.path);
      if (all) errors.push({ path, message: 'Nothing in it is a format RDP Doctor reads (.rdp files, .rdpdoctor.yaml, Group Policy and registry exports).' });
    }
  }
  const report: LintReport = {
    files,
    errors: errors.map((e) => ({ ...e, path: displayPath(e.path) })),
  };
  const exitCode = report.errors.length > 0 || readError || report.files.some(fileHasReadError) ? 2 : hasError || hasErrorFinding(report) ? 1 : 0;
  return { report, exitCode };
}
