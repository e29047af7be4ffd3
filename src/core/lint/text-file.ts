import { isSignedRdp } from '../rdp/parse';
import type { SeverityOverrides } from '../findings/severity';
import type { PolicyFinding } from '../rules/gpo/types';
import { fixAll, MAX_FIX_PASSES, unattendedFixes } from '../rules/fix-all';
import { MAX_FINDINGS_PER_RULE } from '../rules/engine';
import { encodeText, type DecodedText } from '../text/decode';
import { groupDigits } from '../text/group-digits';
import { DamagedFileError, writeFileAtomic } from './atomic-write';
import { rdpSummary } from './cross-check-inputs';
import { displayPath } from './display-path';
import type { FileFormat } from './formats';
import type { InputError, InputFile } from './inputs';
import { lintText } from './lint-file';
import { placeProblems, Placer, policyOutput, policySummary } from './policy-output';
import { positionsInRdp, toOutputFindings, type FileReport } from './output';
import { nameOf, templateFolder } from './path-parts';
import { describeFsError } from './read-file';

// One text file's lint as the CLI runs it: `--fix` first where the format has fixes, then the report. The session
// that picks the files and runs them is session.ts.

/** Whether encoding the decoded text again gives the file's bytes back, so a fix changes only what it edits. */
function roundTrips(decoded: DecodedText, bytes: Uint8Array): boolean {
  return Buffer.from(encodeText(decoded.text, decoded.encoding, decoded.bom)).equals(bytes);
}

/** Lints one text file: `.rdp`, config or a policy export read from text, with `--fix` for the formats that have fixes. */
export function lintTextFile(input: InputFile, format: TextFormat, decoded: DecodedText, severities: SeverityOverrides | undefined, fix: boolean, errors: InputError[], bytes: Uint8Array): FileReport {
  const path = displayPath(input.path);
  const fileName = nameOf(input.path);
  const lintOptions = { ...(severities && { severities }), bytes: decoded, fileName, folderName: templateFolder(input.path, fileName) };
  let text = decoded.text;
  let fixed = 0;
  let notFixed: string | undefined;
  if (fix && format === 'rdp' && isSignedRdp(text)) {
    notFixed = 'signed: any change invalidates the signature; fix it where it is signed (rdpsign)';
  } else if (fix && input.bytes === undefined && (format === 'rdp' || format === 'config')) {
    const result = fixAll(text, (t) => lintText(format, t, lintOptions).findings);
    if (result.text !== text && !roundTrips(decoded, bytes)) {
      // Writing the fixed text would change bytes besides the fix: an unpaired surrogate or an odd last byte of
      // UTF-16 (read as U+FFFD), a second byte-order mark. (Invalid UTF-8 is read as Latin-1, which writes each byte back.)
      notFixed = 'its bytes do not survive being read and written again (invalid or unpaired characters, an odd byte, a second byte-order mark), so a fix would change more than the fix';
    } else if (result.text !== text) {
      try {
        writeFileAtomic(input.path, encodeText(result.text, decoded.encoding, decoded.bom), bytes);
        text = result.text;
        fixed = result.applied;
      } catch (error) {
        // A file with several hard links is written in place: only when its original could not be put back is it not unchanged.
        errors.push({
          path,
          message:
            error instanceof DamagedFileError
              ? `Cannot write the fixes (${error.message}): the file may now hold part of the fixed text; compare it with a copy or version control.`
              : (error as NodeJS.ErrnoException).code === 'ECHANGED'
                ? 'Not fixed: another program wrote the file while it was being linted, and its content is kept as that program left it. Run lint --fix again.'
                : `Cannot write the fixes: ${describeFsError(error, 'write')} The file is unchanged.`,
        });
      }
    }
  }
  const linted = lintText(format, text, lintOptions);
  if (fixed > 0 && notFixed === undefined) {
    // Fixes a bounded run of passes left (a rule lists 1,000 findings a pass): said, not passed over in silence.
    const left = unattendedFixes(linted.findings).length;
    // Only fixes it would still apply count: findings past the list that --fix leaves anyway (unknown names) do not.
    const perRule = groupDigits(MAX_FINDINGS_PER_RULE);
    if (left > 0) notFixed = `${left >= MAX_FINDINGS_PER_RULE ? `at least ${perRule}` : left} left: --fix stops after ${MAX_FIX_PASSES} passes of at most ${perRule} fixes a rule; run it again`;
  }
  if (linted.policy) {
    const placer = new Placer();
    placer.add('', path, text, false);
    const problems = placeProblems(linted.problems ?? [], placer).get(path);
    return { path, format, findings: policyOutput(linted.findings as PolicyFinding[], placer).get(path) ?? [], ...(problems && { problems }), crossCheck: policySummary(linted.policy, placer) };
  }
  const summary = input.crossCheck === false ? undefined : rdpSummary(path, input.bytes === undefined ? input.path : undefined, text, linted);
  const positions = linted.rdp ? positionsInRdp(linted.rdp) : undefined;
  // The optional fields set one by one, in this order (the JSON's), rather than spread from objects made for it.
  const report: { -readonly [K in keyof FileReport]: FileReport[K] } = { path, format, findings: toOutputFindings(text, linted.findings, undefined, path, positions) };
  // --fix leaves a signed file alone (any edit breaks its signature): none of its findings is one --fix fixes.
  if (linted.rdp?.byKey.has('signature')) for (const f of report.findings) (f as { fixable: boolean }).fixable = false;
  // An .rdp text of too many lines: where the parser stopped reading (MAX_RDP_LINES).
  if (linted.problems?.length && positions) {
    report.problems = linted.problems.map((p) => {
      const { line, column } = positions(p.span);
      return { severity: p.severity, line, column, message: p.message };
    });
  }
  if (fixed > 0) report.fixed = fixed;
  if (notFixed !== undefined) report.notFixed = notFixed;
  if (summary) report.crossCheck = summary;
  if (linted.omitted) {
    report.omittedFindings = linted.omitted.findings;
    report.omittedErrors = linted.omitted.errors;
  }
  return report;
}

export type TextFormat = Exclude<FileFormat, 'registry-pol' | 'gpo-backup'>;
