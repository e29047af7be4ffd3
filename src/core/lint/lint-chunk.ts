/**
 * The lint of a list of inputs in this thread, one after another: each file or GPO backup folder read, sniffed and
 * linted with its config, or told apart as unreadable or no format RDP Doctor reads. The work of one chunk of a run.
 */
import { join } from 'node:path';
import { detectFormat } from './formats';
import { mergeOverrides, type SeverityOverrides } from '../findings/severity';
import { hasPolSignature } from '../gpo/registry-pol-records';
import { looksLikeGpmcHtmlReport } from '../gpo/sniff';
import { decodeBytes, type DecodedText } from '../text/decode';
import { ConfigResolver, type ConfigLookup } from './config-resolver';
import { displayPath } from './display-path';
import type { InputError, InputFile } from './inputs';
import { fileKey, forgetRead, readInput } from './read-file';
import { lintBackupFolder, lintPolFile } from './policy-output';
import { capFindings, type FileReport } from './output';
import { lintTextFile } from './text-file';
import { appendAll } from '../text/collections';

/**
 * The files read so far (device and inode), so that a later link to one of them is skipped. When every input was
 * found by the walk as a regular file (`onlyWalked`: no link followed, no file named), a file with one link can be
 * reached by one name only, and is not recorded: a 10,000-file walk keeps no key per file (issue 16).
 */
class ReadFiles extends Set<string> {
  constructor(readonly onlyWalked: boolean) {
    super();
  }
}

/**
 * Lints one input (a file or a GPO backup folder) into `files` and `errors`. `read` holds the files read so far
 * (device and inode) when the run has `unchecked` inputs: a later link to one of them is skipped, as the walk would.
 */
function lintInput(input: InputFile, configs: ConfigResolver, fix: boolean, overrides: SeverityOverrides | undefined, files: FileReport[], errors: InputError[], read?: ReadFiles, unread?: string[]): void {
  const severities = mergeOverrides(configs.forFile(input.kind === 'gpo-backup' ? join(input.path, 'bkupInfo.xml') : input.path)?.rules, overrides);
  if (input.kind === 'gpo-backup') {
    const backup = lintBackupFolder(input.path, displayPath, severities ? { severities } : {});
    appendAll(files, backup.reports);
    appendAll(errors, backup.errors);
    return;
  }
  // A lint that writes no fix may read a large UTF-16LE export straight into its text: no copy of its bytes is kept.
  const got = input.bytes !== undefined ? { bytes: Buffer.from(input.bytes) } : readInput(input.path, fix ? undefined : {});
  if ('error' in got) {
    errors.push({ path: displayPath(input.path), message: got.error });
    return;
  }
  if (read && 'info' in got && !(read.onlyWalked && got.info.nlink === 1)) {
    const key = fileKey(got.info);
    if (read.has(key)) return;
    read.add(key);
  }
  // The bytes of the file, or its first chunk when it was read into its text: only `--fix` needs them all.
  const bytes = 'narrowed' in got ? got.narrowed.head : got.bytes;
  // A Registry.pol is binary: recognize it before decoding its bytes as text.
  if (hasPolSignature(bytes)) {
    files.push(lintPolFile(input.path, displayPath(input.path), bytes, severities ? { severities } : {}));
    return;
  }
  const decoded: DecodedText = 'narrowed' in got ? got.narrowed.decoded : decodeBytes(bytes);
  const format = detectFormat(input.path, decoded, input.named, bytes);
  if (!format || format === 'gpo-backup' || format === 'registry-pol') {
    if (!input.named) unread?.push(input.path);
    // Only looked at: `lint . -o report.txt` may write over it the next time.
    if (!input.named && 'info' in got) forgetRead(got.info);
    if (input.named) {
      errors.push({
        path: displayPath(input.path),
        message: decoded.binary
          ? 'The file holds binary data, not text; it is not an .rdp file, a config file or a Registry.pol.'
          : looksLikeGpmcHtmlReport(decoded.text)
            ? GPMC_HTML
            : 'Not a format RDP Doctor reads (.rdp file, .rdpdoctor.yaml, or a Group Policy or registry export).',
      });
    }
    return;
  }
  if (decoded.binary) {
    errors.push({ path: displayPath(input.path), message: isUtf32(bytes) ? UTF32 : 'The file holds binary data, not text; it is not an .rdp file or a config file.' });
    return;
  }
  files.push(lintTextFile(input, format, decoded, severities, fix, errors, bytes));
}

/** A UTF-32 byte-order mark: text, in an encoding no Remote Desktop client reads (a session 16 review saw it called binary). */
function isUtf32(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && ((bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) || (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff));
}

const GPMC_HTML =
  'The file is a Group Policy report saved as HTML, which RDP Doctor does not read: export it as XML instead (Get-GPOReport -ReportType Xml -Path report.xml, or gpresult /x for the result on one computer).';

const UTF32 = 'The file is UTF-32 text (its byte-order mark says so), an encoding RDP Doctor does not read: save it as UTF-16 LE, as Remote Desktop Connection saves .rdp files, or as UTF-8.';

/** Takes each file's report as soon as it is linted (and then drops it), instead of a list of them all. */
export type OnFileReport = (file: FileReport) => void;

/**
 * Lints files one after another in this thread: the work of one chunk. With `onFile`, each report goes
 * there as soon as its file is linted and the returned `files` stay empty.
 */
export function lintChunk(
  inputs: readonly InputFile[],
  configPath: string | undefined,
  fix: boolean,
  overrides?: SeverityOverrides,
  onFile?: OnFileReport,
  lookup?: ConfigLookup,
): LintChunkResult {
  const errors: InputError[] = [];
  const unread: string[] = [];
  const configs = new ConfigResolver(configPath, errors, lookup);
  if (configPath) configs.forFile(configPath);
  const files: FileReport[] = [];
  const read = inputs.some((input) => input.unchecked) ? new ReadFiles(inputs.every((input) => input.unchecked === true)) : undefined;
  // Index loops on the per-file path: an iterator result per step, before V8 optimizes, is garbage for every file (issue 16).
  for (let n = 0; n < inputs.length; n++) {
    const input = inputs[n]!;
    try {
      const before = files.length;
      lintInput(input, configs, fix, overrides, files, errors, read, unread);
      for (let i = before; i < files.length; i++) files[i] = capFindings(files[i]!);
    } catch (error) {
      // One input never ends the run: whatever went wrong (a parser's stack, memory) is that input's problem.
      errors.push({ path: displayPath(input.path), message: `Could not be linted: ${error instanceof Error ? error.message : String(error)}` });
    }
    if (onFile && files.length > 0) {
      for (let i = 0; i < files.length; i++) onFile(files[i]!);
      files.length = 0;
    }
  }
  return unread.length > 0 ? { files, errors, unread } : { files, errors };
}

/** `unread`: the paths of files found in a folder or by a glob that are no format RDP Doctor reads (skipped). */
export type LintChunkResult = { files: FileReport[]; errors: InputError[]; unread?: string[] };
