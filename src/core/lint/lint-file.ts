import { parseConfig } from '../config/parse';
import type { RdpDoctorConfig } from '../config/types';
import type { PolicyDocument, ReadProblem } from '../gpo/model';
import { readGpoBackup, type BackupFile, type BackupPart } from '../gpo/read-gpo-backup';
import { polHiveFromPath, readPolicyText, type TextPolicyFormat } from '../gpo/read-export';
import { readRegistryPol, readRegistryPolRecords, type PolView } from '../gpo/read-registry-pol';
import { isSignedRdp, parseRdp, READ_UP_TO_MESSAGE, type RdpDocument } from '../rdp/parse';
import { summarizeRdp, type RdpSummary } from '../rdp/summary';
import { applySeverities, type SeverityOverrides } from '../findings/severity';
import { configFindings } from '../rules/cfg/index';
import { lintRdp, lintRdpDocument } from '../rules/engine';
import { lintPolicyDocument } from '../rules/gpo/engine';
import { GPO_RULES } from '../rules/gpo/index';
import type { PolicyFinding } from '../rules/gpo/types';
import { KNOWN_RULE_IDS } from '../rules/registry';
import type { ByteFacts, Finding } from '../rules/types';
import type { FileFormat } from './formats';

export interface LintedText {
  readonly format: FileFormat;
  readonly findings: readonly Finding[];
  /** The validated config, for `config` files. */
  readonly config?: RdpDoctorConfig;
  /** The parsed file, for `.rdp` files (the cross-checks read it). */
  readonly rdp?: RdpDocument;
  /** The normalized settings, for policy exports (hovers and cross-checks read them). */
  readonly policy?: PolicyDocument;
  /** What a policy export's reader could not read or map, with positions. */
  readonly problems?: readonly ReadProblem[];
  /** Findings the rules counted but did not make (`MAX_FINDINGS_PER_RULE`); `errors` of them are errors. */
  readonly omitted?: { readonly findings: number; readonly errors: number };
}

/** A linted Registry.pol: each finding's `location` has its record and byte offset; spans refer to `view.text` when it was rendered. */
export interface LintedPol extends LintedText {
  readonly format: 'registry-pol';
  readonly findings: readonly PolicyFinding[];
  readonly policy: PolicyDocument;
  readonly problems: readonly ReadProblem[];
  readonly view?: PolView;
}

export interface LintOptions {
  readonly severities?: SeverityOverrides;
  readonly bytes?: ByteFacts;
  /** Publishers trusted by policy in the exports found with the file (RDP043): thumbprint → the export that trusts it. */
  readonly trustedPublishers?: ReadonlyMap<string, string>;
  /** The export found with the file that disables "Allow .rdp files from unknown publishers" (RDP043). */
  readonly unknownPublishersBlockedBy?: string;
  /** The export found with the file that disables "Allow .rdp files from valid publishers…" (RDP043). */
  readonly validPublishersBlockedBy?: string;
  /** The file's name without its folder (RDP010: mstsc's `Default.rdp` is a template). */
  readonly fileName?: string;
  /** The name of the file's folder, for a `Default.rdp` (`templateFolder`). */
  readonly folderName?: string;
}


/** Runs the GPO rules over an export's normalized settings. */
export function lintPolicy(doc: PolicyDocument, options: LintOptions = {}): PolicyFinding[] {
  return lintPolicyDocument(doc, GPO_RULES, options.severities ? { severities: options.severities } : {});
}

/** Lints one decoded file of a known text format. The single entry point the CLI and the extension share. */
export function lintText(format: Exclude<FileFormat, 'registry-pol' | 'gpo-backup'>, text: string, options: LintOptions = {}): LintedText {
  switch (format) {
    case 'rdp': {
      const { doc, findings, omitted } = lintRdp(text, options);
      return { format, findings, rdp: doc, ...(omitted && { omitted }), ...rdpProblems(doc) };
    }
    case 'config': {
      const parsed = parseConfig(text, KNOWN_RULE_IDS);
      return { format, findings: applySeverities(configFindings(parsed.problems), options.severities), config: parsed.config };
    }
    default: {
      const policy = readPolicyText(format as TextPolicyFormat, text);
      return { format, findings: lintPolicy(policy, options), policy, problems: policy.problems };
    }
  }
}

/** Lints a parsed `.rdp` document (the editor's per-version parse). */
export function lintParsedRdp(doc: RdpDocument, options: LintOptions = {}): LintedText {
  const { findings, omitted } = lintRdpDocument(doc, options);
  return { format: 'rdp', findings, rdp: doc, ...(omitted && { omitted }), ...rdpProblems(doc) };
}

/** A reader problem where the parser stopped reading a text of too many lines (`MAX_RDP_LINES`). */
function rdpProblems(doc: RdpDocument): { problems?: ReadProblem[] } {
  if (doc.readUpTo === undefined) return {};
  return { problems: [{ severity: 'warning', message: READ_UP_TO_MESSAGE, span: { start: doc.readUpTo, end: doc.readUpTo } }] };
}

/**
 * Lints a binary Registry.pol. `path` tells a User policy file (HKCU) from a Machine one. `view: false`
 * skips rendering the LGPO-style text when findings are placed by record alone (the CLI).
 */
export function lintRegistryPol(bytes: Uint8Array, options: LintOptions & { path?: string; view?: boolean } = {}): LintedPol {
  const hive = polHiveFromPath(options.path);
  const { doc, view } = options.view === false ? readRegistryPolRecords(bytes, hive) : readRegistryPol(bytes, hive);
  return { format: 'registry-pol', findings: lintPolicy(doc, options), policy: doc, problems: doc.problems, ...(view && { view }) };
}

export interface LintedBackup {
  readonly format: 'gpo-backup';
  readonly gpoName?: string;
  readonly parts: readonly BackupPart[];
  /** bkupInfo.xml, Backup.xml or gpreport.xml read for what they say of the GPO, when they have problems. */
  readonly metadata: readonly BackupPart[];
  /** Findings and problems carry the part they are in: `location.file` / `file`. */
  readonly findings: readonly PolicyFinding[];
  readonly problems: readonly ReadProblem[];
  readonly policy: PolicyDocument;
}

/** Lints a GPO backup folder's files as one export. */
export function lintGpoBackup(files: readonly BackupFile[], options: LintOptions = {}): LintedBackup {
  const backup = readGpoBackup(files);
  return {
    format: 'gpo-backup',
    ...(backup.gpoName !== undefined && { gpoName: backup.gpoName }),
    parts: backup.parts,
    metadata: backup.metadata,
    findings: lintPolicy(backup.doc, options),
    problems: backup.doc.problems,
    policy: backup.doc,
  };
}

/**
 * The lint of an `.rdp` text as the editor's lint worker sends it back (lint-worker.ts): the findings and reader
 * problems of `lintParsedRdp`, the parse's summary in place of the parse (`summarizeRdp`), and whether it is signed.
 * Plain data, copied whole between threads: the findings are at most a few thousand (`omitted` counts the rest).
 */
export interface DetachedRdpLint {
  readonly findings: readonly Finding[];
  readonly problems?: readonly ReadProblem[];
  readonly omitted?: { readonly findings: number; readonly errors: number };
  readonly summary: RdpSummary;
  readonly signed: boolean;
}

/** Parses and lints an `.rdp` text for the lint worker. */
export function lintRdpDetached(text: string, options: LintOptions = {}): DetachedRdpLint {
  const doc = parseRdp(text);
  const { findings, omitted, problems } = lintParsedRdp(doc, options);
  return { findings, ...(problems && { problems }), ...(omitted && { omitted }), summary: summarizeRdp(doc), signed: isSignedRdp(text) };
}
