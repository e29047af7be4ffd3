import * as vscode from 'vscode';
import { core } from './core';
import type * as CrossFile from '../core/lint/cross-file';
import type { HostCheckResult, NetFinding } from '../core/net/index';
import { showHidden } from '../core/text/invisible';
import { LineIndex } from '../core/text/line-index';
import { hostKey } from './check-runner';
import type { CheckService } from './check-service';
import { crossDiagnostic, DIAGNOSTIC_SOURCE, ruleDocsUri } from './convert';
import type { FileTarget } from './document-model';
import type { HostRegistry } from './host-registry';
import type { PolicyIndex } from './policy-index';

const SEVERITY = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information } as const;

function time(result: HostCheckResult): string {
  return new Date().toTimeString().slice(0, 5) + (result.addresses[0] ? `, ${result.addresses[0]}` : '');
}

/**
 * Check results as diagnostics: NET findings on the `full address` line of every `.rdp` file that targets
 * the host, XRF001 and XRF003 from the probe on those files, XRF004 on the policy exports. Kept apart from the lint
 * diagnostics (their own collection), replaced by each new check of the host.
 */
export class CheckDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('rdp-doctor-checks');
  private readonly checkedAt = new Map<string, string>();
  private readonly disposables: vscode.Disposable[] = [this.collection];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly checks: CheckService,
    private readonly registry: HostRegistry,
    private readonly index: PolicyIndex,
  ) {
    this.disposables.push(
      checks.onDidCheck((results) => {
        for (const r of results) if (!r.cancelled) this.checkedAt.set(hostKey(r.host, r.port), time(r));
        this.publish();
      }),
      registry.onDidChange(() => this.publish()),
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
      for (const file of this.registry.filesFor(host.key)) {
        // As the file's own client connects: a check of another file of this host (through another RD Gateway, at
        // another authentication level) reads otherwise for it.
        const own = core().resultForFile(result, core().fileCheckFacts([file.doc]));
        for (const f of own.findings) add(file.uri, this.netDiagnostic(file, own, f));
        for (const x of this.probeCrossChecks(file, result)) add(x.at.uri, crossDiagnostic(x, this.extensionUri));
      }
    }
    if (probes.length > 0) {
      for (const x of core().crossCheckProbes([], this.index.all(), probes)) add(x.at.uri, crossDiagnostic(x, this.extensionUri));
    }
    this.collection.clear();
    for (const { uri, diagnostics } of byUri.values()) this.collection.set(uri, diagnostics);
  }

  private netDiagnostic(file: FileTarget, result: HostCheckResult, f: NetFinding): vscode.Diagnostic {
    const when = this.checkedAt.get(hostKey(result.host, result.port)) ?? '';
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

  /** The diagnostics of a check for a file (tests and the language status item read them). */
  forUri(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.collection.get(uri) ?? [];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
