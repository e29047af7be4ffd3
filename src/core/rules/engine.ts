/** Runs the `.rdp` rules over a document: which rules, in one pass over the entries, with severity overrides and a cap per rule. */
import { parseRdp, propertyOf, rememberClean, type RdpDocument } from '../rdp/parse';
import { RDP_RULES } from './registry';
import { isRuleOff, resolveSeverity, type SeverityOverrides } from '../findings/severity';
import { redact } from './redact-secrets';
import type { ByteFacts, Finding, RdpRule, RdpRuleContext, Report, Severity } from './types';

export type { SeverityOverrides } from '../findings/severity';

export interface RdpLintOptions {
  readonly severities?: SeverityOverrides;
  readonly bytes?: ByteFacts;
  /** Only these rules (all `.rdp` rules when absent). */
  readonly rules?: readonly RdpRule[];
  /** Publishers trusted by policy in the workspace's exports (see `trustedPublishers` in gpo/trusted-publishers). */
  readonly trustedPublishers?: ReadonlyMap<string, string>;
  /** The export that disables "Allow .rdp files from unknown publishers" (see `unknownPublishersBlockedBy` there). */
  readonly unknownPublishersBlockedBy?: string;
  /** The export that disables "Allow .rdp files from valid publishers…" (see `validPublishersBlockedBy` there). */
  readonly validPublishersBlockedBy?: string;
  /** The file's name without its folder, when the text is a file's (RDP010: mstsc's `Default.rdp` is a template). */
  readonly fileName?: string;
  /** The name of the file's folder, for a `Default.rdp` (RDP043: `isMstscTemplateInPlace`). */
  readonly folderName?: string;
  /** The time verdicts that depend on it are made at (a signer certificate's validity); now when absent. */
  readonly now?: Date;
}

export interface RdpLintResult {
  readonly doc: RdpDocument;
  readonly findings: readonly Finding[];
  /** Findings past `MAX_FINDINGS_PER_RULE` of a rule, counted, not made; `errors` of them are errors. */
  readonly omitted?: { readonly findings: number; readonly errors: number };
}

/**
 * Findings one rule keeps per lint; later ones are counted, not made. A hostile file of a million duplicate or
 * unknown lines made two million findings (3 s and 1.2 GB in the engine alone); the CLI lists 1,000 a file, and
 * each rule reports in file order, so the findings listed are the same.
 */
export const MAX_FINDINGS_PER_RULE = 1000;

interface RuleSets {
  /** Rules with `checkEntry`, run in one pass over the entries. */
  readonly perEntry: readonly RdpRule[];
  /** Their `checkEntry` functions, in the same order. */
  readonly entryChecks: readonly NonNullable<RdpRule['checkEntry']>[];
  /** The other rules, each over the whole document. */
  readonly whole: readonly RdpRule[];
  /** Whether every per-entry rule is `lineLocal`: only then may a line they found clean before be passed over. */
  readonly lineLocal: boolean;
}

/** The split of a rule list without severity overrides, made once per list. */
const splits = new WeakMap<readonly RdpRule[], RuleSets>();

function ruleSets(rules: readonly RdpRule[], severities: SeverityOverrides | undefined): RuleSets {
  const cached = severities ? undefined : splits.get(rules);
  if (cached) return cached;
  const active = severities ? rules.filter((r) => !isRuleOff(severities, r.id)) : rules;
  const perEntry = active.filter((r) => r.checkEntry);
  const sets = { perEntry, entryChecks: perEntry.map((r) => r.checkEntry!), whole: active.filter((r) => !r.checkEntry), lineLocal: perEntry.every((r) => r.lineLocal === true) };
  if (!severities) splits.set(rules, sets);
  return sets;
}

/** Lints an `.rdp` text with every rule (or the given ones), honouring severity overrides. */
export function lintRdp(text: string, options: RdpLintOptions = {}): RdpLintResult {
  return lintRdpDocument(parseRdp(text), options);
}

/** Lints an already parsed `.rdp` document (the editor parses each version once and shares it). */
export function lintRdpDocument(doc: RdpDocument, options: RdpLintOptions = {}): RdpLintResult {
  const findings: Finding[] = [];
  let rule: RdpRule | undefined;
  // Counted per rule only once the lint holds MAX_FINDINGS_PER_RULE findings: before that no rule can have reached it.
  let perRule: Map<string, number> | undefined;
  let omittedFindings = 0;
  let omittedErrors = 0;
  const counts = (): Map<string, number> => {
    if (perRule === undefined) {
      perRule = new Map();
      for (const f of findings) perRule.set(f.ruleId, (perRule.get(f.ruleId) ?? 0) + 1);
    }
    return perRule;
  };
  const context: RdpRuleContext = {
    doc,
    // Each entry knows its property, or looks it up once (rdp/parse.ts).
    property: propertyOf,
    // Always set (undefined when absent), not spread in: a spread per file cost ~1 ms of a 1,000-file lint in
    // CPU profiles, and one object layout serves every file (issue 16).
    bytes: options.bytes,
    trustedPublishers: options.trustedPublishers,
    unknownPublishersBlockedBy: options.unknownPublishersBlockedBy,
    validPublishersBlockedBy: options.validPublishersBlockedBy,
    fileName: options.fileName,
    folderName: options.folderName,
    now: options.now,
    full(): boolean {
      return findings.length >= MAX_FINDINGS_PER_RULE && (counts().get(rule!.id) ?? 0) >= MAX_FINDINGS_PER_RULE;
    },
    countOnly(count: number, severity?: Severity): void {
      omittedFindings += count;
      if (resolveSeverity(options.severities, rule!.id, severity ?? rule!.defaultSeverity) === 'error') omittedErrors += count;
    },
    report(r: Report): void {
      const severity = resolveSeverity(options.severities, rule!.id, r.severity ?? rule!.defaultSeverity)!;
      if (findings.length >= MAX_FINDINGS_PER_RULE) {
        const perRule = counts();
        const count = perRule.get(rule!.id) ?? 0;
        if (count >= MAX_FINDINGS_PER_RULE) {
          omittedFindings++;
          if (severity === 'error') omittedErrors++;
          return;
        }
        perRule.set(rule!.id, count + 1);
      }
      const finding: { -readonly [K in keyof Finding]: Finding[K] } = {
        ruleId: rule!.id,
        severity,
        message: r.message,
        span: r.span,
      };
      if (r.subject !== undefined) finding.subject = r.subject;
      if (r.fix) finding.fix = r.fix;
      if (r.related) finding.related = r.related;
      findings.push(finding);
    },
  };
  const rules = options.rules ?? RDP_RULES;
  const { perEntry, entryChecks, whole, lineLocal } = ruleSets(rules, options.severities);
  // The per-entry rules in one pass over the entries, each entry's property looked up once. A line they all found
  // clean before (the same name, type letter and value) is passed over when every one of them is `lineLocal`
  // (decides from the line alone), and the parser lists the others (`unchecked`). Clean means clean to the
  // project's own rules: only their list uses the memo, and a line is remembered only when every one of them ran.
  if (perEntry.length > 0) {
    const own = rules === RDP_RULES && lineLocal;
    const every = own && perEntry.length === ruleSets(RDP_RULES, undefined).perEntry.length;
    const entries = own ? (doc.unchecked ?? doc.entries) : doc.entries;
    for (let e = 0; e < entries.length; e++) {
      const entry = entries[e]!;
      const before = findings.length + omittedFindings;
      const info = context.property(entry);
      for (let r = 0; r < entryChecks.length; r++) {
        rule = perEntry[r];
        entryChecks[r]!(entry, info, context);
      }
      if (every && findings.length + omittedFindings === before) rememberClean(entry);
    }
  }
  for (let r = 0; r < whole.length; r++) {
    rule = whole[r]!;
    rule.check(context);
  }
  if (findings.length > 1) findings.sort((a, b) => a.span.start - b.span.start || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  return { doc, findings: redact(doc, findings, context.property), ...(omittedFindings > 0 && { omitted: { findings: omittedFindings, errors: omittedErrors } }) };
}
