import * as vscode from 'vscode';
import { core } from './core';
import type * as CrossFile from '../core/lint/cross-file';
import type { HostCheckResult, NetFinding } from '../core/net/index';
import { showHidden } from '../core/text/invisible';
import { LineIndex } from '../core/text/line-index';
import { hostKey } from './check-runner';
import type { CheckService } from './check-service';
import { checkedAt } from './checked-at';
import { crossDiagnostic, DIAGNOSTIC_SOURCE, ruleDocsUri } from './convert';
import type { FileTarget } from './document-model';
import type { HostRegistry } from './host-registry';
import type { PolicyIndex } from './policy-index';

const SEVERITY = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information } as const;

/** When the check that gave `result` finished, and the address it reached, for the messages. */
function time(result: HostCheckResult): string {
  const at = checkedAt(result);
  return at ? at.toTimeString().slice(0, 5) + (result.addresses[0] ? `, ${result.addresses[0]}` : '') : '';
}

/**
 * Check results as diagnostics: NET findings on the `full address` line of every `.rdp` file that targets
 * the host, XRF001 and XRF003 from the probe on those files, XRF004 on the policy exports. Kept apart from the lint
 * diagnostics (their own collection), replaced by each new check of the host. A file's are read from the file as it
 * is now (`forFile`): an edit (once it settles) or a save of an open file tells them again from the same result,
 * without connecting again.
 */
export class CheckDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('rdp-doctor-checks');
  /** Each file version's diagnostics and the result they were told from. */
  private readonly told = new WeakMap<FileTarget, { result: HostCheckResult; diagnostics: readonly vscode.Diagnostic[] }>();
  /** The policy exports' diagnostics (XRF004), by URI: an `.rdp` file read again keeps any there are. */
  private exportDiagnostics = new Map<string, vscode.Diagnostic[]>();
  private readonly disposables: vscode.Disposable[] = [this.collection];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly checks: CheckService,
    private readonly registry: HostRegistry,
    private readonly index: PolicyIndex,
  ) {
    this.disposables.push(
      checks.onDidCheck(() => this.publish()),
      registry.onDidChange(() => this.publish()),
      registry.onDidChangeFile((file) => this.publishFile(file)),
      index.onDidChange(() => this.publish()),
    );
  }

  private publish(): void {
    const byUri = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>();
    const add = (uri: vscode.Uri, diagnostic: vscode.Diagnostic): void => {
      const entry = byUri.get(uri.toString()) ?? { uri, diagnostics: [] };
      entry.diagnostics.push(diagnostic);
      byUri.set(uri.toString(), entry);
    };
    const probes: HostCheckResult[] = [];
    for (const host of this.registry.hosts()) {
      const result = this.checks.latest(host.key);
      if (!result || result.cancelled) continue;
      probes.push(result);
      for (const file of this.registry.filesFor(host.key)) for (const d of this.forFile(file)) add(file.uri, d);
    }
    const exports = new Map<string, vscode.Diagnostic[]>();
    if (probes.length > 0) {
      for (const x of core().crossCheckProbes([], this.index.all(), probes)) {
        const d = crossDiagnostic(x, this.extensionUri);
        add(x.at.uri, d);
        exports.set(x.at.uri.toString(), [...(exports.get(x.at.uri.toString()) ?? []), d]);
      }
    }
    this.exportDiagnostics = exports;
    this.collection.clear();
    for (const { uri, diagnostics } of byUri.values()) this.collection.set(uri, diagnostics);
  }

  /** One open file read again, of the same host: its diagnostics alone are told again. */
  private publishFile(file: FileTarget): void {
    const diagnostics = [...this.forFile(file), ...(this.exportDiagnostics.get(file.uri.toString()) ?? [])];
    if (diagnostics.length > 0) this.collection.set(file.uri, diagnostics);
    else if (this.collection.has(file.uri)) this.collection.delete(file.uri);
  }

  /**
   * The check diagnostics of one `.rdp` file as it reads now: its host's last result as the file's own client connects
   * (a check of another file of this host, through another RD Gateway or at another authentication level, reads
   * otherwise for it), and XRF001/XRF003 between the file and the probe. What Problems shows for the file, and what
   * the language status item counts. Told once per file version and result.
   */
  forFile(file: FileTarget): readonly vscode.Diagnostic[] {
    const result = this.checks.latest(hostKey(file.host, file.port));
    if (!result || result.cancelled) return [];
    const told = this.told.get(file);
    if (told?.result === result) return told.diagnostics;
    const own = core().resultForFile(result, core().fileCheckFacts([file.doc]));
    const diagnostics = [
      ...own.findings.map((f) => this.netDiagnostic(file, result, f)),
      ...this.probeCrossChecks(file, result).map((x) => crossDiagnostic(x, this.extensionUri)),
    ];
    this.told.set(file, { result, diagnostics });
    return diagnostics;
  }

  /** A NET finding as the file reads it, dated by the host's check that gave `result`. */
  private netDiagnostic(file: FileTarget, result: HostCheckResult, f: NetFinding): vscode.Diagnostic {
    const when = time(result);
    // The message and the target come from the server and the file: escaped as the lint's are (`showHidden`).
    const d = new vscode.Diagnostic(file.range, showHidden(`${f.message} (check of ${result.target}${when ? ` at ${when}` : ''})`), SEVERITY[f.severity]);
    d.source = DIAGNOSTIC_SOURCE;
    d.code = { value: f.ruleId, target: ruleDocsUri(this.extensionUri, f.ruleId) };
    return d;
  }

  private probeCrossChecks(file: FileTarget, result: HostCheckResult): ReturnType<typeof CrossFile.crossCheckProbes<vscode.Location>> {
    const lines = new LineIndex(file.doc.text);
    const locate = (span: { start: number; end: number }): vscode.Location => {
      const s = lines.positionAt(span.start);
      const e = lines.positionAt(span.end);
      return new vscode.Location(file.uri, new vscode.Range(s.line, s.character, e.line, e.character));
    };
    const facts = core().rdpFacts(file.doc, locate);
    return core().crossCheckProbes([{ path: file.uri.toString(), facts }], [], [result]);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
