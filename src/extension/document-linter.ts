import * as vscode from 'vscode';
import { core } from './core';
import type { PolicyDocument, ReadProblem } from '../core/gpo/model';
import type { DetachedRdpLint, LintOptions } from '../core/lint/lint-file';
import type { PolicyFinding } from '../core/rules/gpo/types';
import { showHidden } from '../core/text/invisible';
import type { RdpDocument } from '../core/rdp/parse';
import type { Finding } from '../core/rules/types';
import { crossDiagnostic, problemDiagnostic, shownDiagnostics, toDiagnostic, toRange } from './convert';
import { exportFacts, type PolicyIndex } from './policy-index';
import type { DocumentLint, DocumentModel, DocumentState } from './document-model';
import type { OffThreadLinter } from './off-thread-lint';
import { polFileUri, type RegistryPolViews } from './registry-pol-view';

/** What linting one document produced: findings for code actions, the diagnostics to show, and its settings for hovers. */
export interface LintedDocument extends DocumentLint {
  readonly diagnostics: vscode.Diagnostic[];
}

type CrossFinding = Parameters<typeof crossDiagnostic>[0];

/** What an `.rdp` file's lint gives its diagnostics, in the extension host or from the lint worker. */
type RdpLint = Pick<DetachedRdpLint, 'findings' | 'problems' | 'omitted'>;

/** Lints documents of every format, and adds the cross-checks against the workspace's policy exports. */
export class DocumentLinter {
  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly index: PolicyIndex,
    private readonly polViews: RegistryPolViews,
  ) {}

  /** The document's findings, and the diagnostics VS Code is to show (at most its limit a file, `shownDiagnostics`). */
  lint(state: DocumentState, options: LintOptions): LintedDocument {
    return shown(this.lintAll(state, options));
  }

  private lintAll(state: DocumentState, options: LintOptions): LintedDocument & { omitted?: { readonly findings: number; readonly errors: number } } {
    const { document } = state;
    const format = state.formatOf;
    switch (format) {
      case undefined:
        return { findings: [], diagnostics: [] };
      case 'rdp':
        return this.rdpResult(document, core().lintParsedRdp(state.rdp, this.rdpOptions(document, options)), state.rdp, options);
      case 'config': {
        const linted = core().lintText('config', document.getText(), options);
        return { findings: linted.findings, diagnostics: this.diagnostics(document, linted.findings) };
      }
      case 'registry-pol': {
        const bytes = this.polViews.bytesFor(document.uri);
        if (!bytes) return { findings: [], diagnostics: [] };
        const file = polFileUri(document.uri);
        const linted = core().lintRegistryPol(bytes, { ...options, path: file.path });
        return this.exportResult(document, file, linted.findings, linted.problems, linted.policy, options);
      }
      case 'gpo-backup':
        return { findings: [], diagnostics: [] };
      default: {
        const linted = core().lintText(format, document.getText(), options);
        return this.exportResult(document, document.uri, linted.findings, linted.problems ?? [], linted.policy!, options);
      }
    }
  }

  /**
   * Lints a large `.rdp` version in the lint worker (`offThread`): the same findings and diagnostics as `lint`, the
   * worker's summary of the parse kept for its target; or a failure's message, or nothing when the version is gone.
   */
  async lintOffThread(state: DocumentState, options: LintOptions, worker: OffThreadLinter, documents: DocumentModel): Promise<LintedDocument | { failed: string } | undefined> {
    const { document, version } = state;
    const text = state.rdpText();
    const current = (): boolean => !document.isClosed && document.version === version;
    const result = await worker.lint(document.uri.toString(), text, this.rdpOptions(document, options), current);
    if ('stale' in result || !current()) return undefined;
    if ('failed' in result) return result;
    const summary = core().summaryDocument(text, result.lint.summary);
    documents.summarized(state, summary, result.lint.signed);
    return shown(this.rdpResult(document, result.lint, summary, options));
  }

  /** The options of an `.rdp` file's lint: the file's name, and what the policy exports near it say of publishers. */
  private rdpOptions(document: vscode.TextDocument, options: LintOptions): LintOptions {
    // Publishers trusted or blocked by policy in the folder's exports change what RDP043 says about a file.
    const exports = this.index.exportsNear(document.uri).map((e) => ({ path: e.path, values: e.facts.values }));
    const trusted = core().trustedPublishers(exports);
    const blockedBy = core().unknownPublishersBlockedBy(exports);
    const signedBlockedBy = core().validPublishersBlockedBy(exports);
    return {
      ...options,
      ...(trusted.size > 0 && { trustedPublishers: trusted }),
      ...(blockedBy !== undefined && { unknownPublishersBlockedBy: blockedBy }),
      ...(signedBlockedBy !== undefined && { validPublishersBlockedBy: signedBlockedBy }),
      // The file's name: RDP010 leaves mstsc's Default.rdp template alone.
      fileName: core().nameOf(document.uri.path),
      folderName: core().templateFolder(document.uri.path),
    };
  }

  /** An `.rdp` file's diagnostics: its findings, the cross-checks against the exports near it (read from `doc`), its reader problems. */
  private rdpResult(document: vscode.TextDocument, linted: RdpLint, doc: RdpDocument, options: LintOptions): LintedDocument & { omitted?: RdpLint['omitted'] } {
    const cross = this.rdpCrossChecks(document, doc, options);
    const problems = (linted.problems ?? []).map((p) => problemDiagnostic(document, p));
    const diagnostics = [...this.diagnostics(document, linted.findings), ...cross.map((f) => crossDiagnostic(f, this.extensionUri)), ...problems];
    return { findings: linted.findings, diagnostics, ...(linted.omitted && { omitted: linted.omitted }) };
  }

  private diagnostics(document: vscode.TextDocument, findings: readonly Finding[]): vscode.Diagnostic[] {
    return findings.map((f) => toDiagnostic(document, f, this.extensionUri));
  }

  /** An export's own findings and problems, plus GPO013 against the other exports of the workspace. */
  private exportResult(
    document: vscode.TextDocument,
    file: vscode.Uri,
    findings: readonly Finding[],
    problems: readonly ReadProblem[],
    policy: PolicyDocument,
    options: LintOptions,
  ): LintedDocument {
    const facts = exportFacts(policy, document.getText(), document.uri);
    this.index.set(file, facts);
    const self = vscode.workspace.asRelativePath(file);
    const others = this.index.exportsNear(file).filter((e) => e.path !== self);
    const conflicts = core().conflictsBetween([{ path: self, facts }, ...others], () => options.severities, self, (at) => vscode.workspace.asRelativePath(at.uri));
    // A listener or local value that the policy of another export, or of another GPO of this one, overrides: information, the policy value related.
    const overrides = core().policyOverridesOf(policy, findings as readonly PolicyFinding[], self, [{ path: self, facts }, ...others]);
    return {
      findings: overrides.map((o) => o.finding),
      policy,
      diagnostics: [
        ...overrides.map(({ finding, by }) => {
          const diagnostic = toDiagnostic(document, finding, this.extensionUri);
          if (by) diagnostic.relatedInformation = [...(diagnostic.relatedInformation ?? []), new vscode.DiagnosticRelatedInformation(by.fact.at, showHidden(core().overridingMessage(by)))];
          return diagnostic;
        }),
        ...problems.map((p) => problemDiagnostic(document, p)),
        ...conflicts.map((c) => crossDiagnostic(c, this.extensionUri)),
      ],
    };
  }

  /** XRF001–XRF003 for an `.rdp` document against the exports in its workspace folder. */
  private rdpCrossChecks(document: vscode.TextDocument, doc: RdpDocument, options: LintOptions): CrossFinding[] {
    const exports = this.index.exportsNear(document.uri);
    if (exports.length === 0) return [];
    const facts = core().rdpFacts(doc, (span) => new vscode.Location(document.uri, toRange(document, span)));
    return core().crossCheckFiles([{ path: document.uri.toString(), facts }], exports, () => options.severities);
  }
}

/** A lint with the diagnostics VS Code is to show (at most its limit a file, `shownDiagnostics`). */
function shown(linted: LintedDocument & { omitted?: RdpLint['omitted'] }): LintedDocument {
  const diagnostics = shownDiagnostics(linted.diagnostics, linted.omitted);
  return diagnostics === linted.diagnostics ? linted : { ...linted, diagnostics };
}
