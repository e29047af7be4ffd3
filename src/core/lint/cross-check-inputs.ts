import { basename } from 'node:path';
import { CONFIG_FILE_NAMES } from '../config/types';
import type { SeverityOverrides } from '../findings/severity';
import { currentExports } from '../gpo/backup-history';
import { trustedPublishers, unknownPublishersBlockedBy, validPublishersBlockedBy } from '../gpo/trusted-publishers';
import { isSignedRdp } from '../rdp/parse';
import { rdpFacts } from '../rules/xrf/facts';
import { decodeBytes } from '../text/decode';
import { type InputFile } from './inputs';
import { readInput } from './read-file';
import { lintText, type LintedText } from './lint-file';
import { positionsInRdp, sortFindings, toOutputFindings, type FileReport } from './output';

// What the cross-checks of a run need from its files: whether any input can be an export, each `.rdp` file's facts,
// and RDP043 again where an export of the run trusts or blocks publishers.

/** The `.rdp` facts the cross-checks compare, located in the file. */
export function rdpSummary(path: string, source: string | undefined, text: string, linted: LintedText): FileReport['crossCheck'] {
  if (!linted.rdp) return undefined;
  const at = positionsInRdp(linted.rdp);
  // Standard input has no file to read again: its RDP043 stays as linted.
  const again = source !== undefined && linted.findings.some((f) => f.ruleId === 'RDP043');
  const signed = again && isSignedRdp(text);
  return { rdp: rdpFacts(linted.rdp, (span) => ({ path, ...at(span) })), ...(signed && { signedRdp: source! }), ...(again && !signed && { unsignedRdp: source! }) };
}

/**
 * RDP043 of `.rdp` files again, when an export of the run sets a policy on `.rdp` publishers: what the security
 * dialog shows of a signed file depends on whether it trusts the signer (`TrustedCertThumbprints`), and a file gets no
 * dialog where the policy blocks its kind: unknown publishers (`AllowUnsignedFiles` = 0), valid ones (`AllowSignedFiles` = 0).
 */
export function withTrustedPublishers(files: readonly FileReport[], severitiesFor: (path: string) => SeverityOverrides | undefined): FileReport[] {
  // A backup that a newer backup of its GPO supersedes no longer says what the GPO trusts.
  const exports = currentExports(files.flatMap((f) => (f.crossCheck?.policy ? [{ path: f.path, values: f.crossCheck.policy.values, facts: f.crossCheck.policy }] : [])));
  const trusted = trustedPublishers(exports);
  const blockedBy = unknownPublishersBlockedBy(exports);
  const signedBlockedBy = validPublishersBlockedBy(exports);
  if (trusted.size === 0 && blockedBy === undefined && signedBlockedBy === undefined) return [...files];
  return files.map((file) => {
    const source = file.crossCheck?.signedRdp ?? (blockedBy !== undefined ? file.crossCheck?.unsignedRdp : undefined);
    if (source === undefined) return file;
    const read = readInput(source);
    if ('error' in read) return file;
    const decoded = decodeBytes(read.bytes);
    const linted = lintText('rdp', decoded.text, {
      ...(severitiesFor(source) && { severities: severitiesFor(source) }),
      bytes: decoded,
      trustedPublishers: trusted,
      ...(blockedBy !== undefined && { unknownPublishersBlockedBy: blockedBy }),
      ...(signedBlockedBy !== undefined && { validPublishersBlockedBy: signedBlockedBy }),
    });
    const fresh = toOutputFindings(decoded.text, linted.findings.filter((f) => f.ruleId === 'RDP043'), undefined, file.path);
    return { ...file, findings: sortFindings([...file.findings.filter((f) => f.ruleId !== 'RDP043'), ...fresh]) };
  });
}

/** Whether an input can be a policy export: anything but an `.rdp` file or a config file by its name. */
function mayBeExport(input: InputFile): boolean {
  if (input.kind === 'gpo-backup') return true;
  const path = input.path;
  // The extension from the last dot (a folder's dot gives a tail with a separator, never ".rdp"): no basename().
  if (path.length > 4 && path.charCodeAt(path.length - 4) === 46 /* . */ && path.slice(-3).toLowerCase() === 'rdp') return false;
  return !(CONFIG_FILE_NAMES as readonly string[]).includes(basename(path).toLowerCase());
}

/**
 * The cross-checks compare `.rdp` files with the policy exports of the same run: when no input can be an
 * export, the files are marked so that nobody gathers facts that nothing will compare. The inputs are the
 * collection's own objects, marked in place (a copy of each was ~15 ms of a 10,000-file lint, issue 16).
 */
export function markCrossCheck(inputs: readonly InputFile[]): readonly InputFile[] {
  for (let i = 0; i < inputs.length; i++) if (mayBeExport(inputs[i]!)) return inputs;
  for (let i = 0; i < inputs.length; i++) (inputs[i] as { crossCheck?: false }).crossCheck = false;
  return inputs;
}
