import * as vscode from 'vscode';
import { core } from './core';
import { hostKey } from './check-runner';
import type { CheckDiagnostics } from './check-diagnostics';
import type { CheckService } from './check-service';
import type { DocumentModel } from './document-model';
import type { HostRegistry } from './host-registry';
import { RDP_DOCUMENTS } from './document-selectors';

/** What the item says (the extension-host tests read it). */
export interface LanguageStatusState {
  readonly text: string;
  readonly detail: string | undefined;
  readonly severity: vscode.LanguageStatusSeverity;
}

/**
 * A language status item on `.rdp` files: the file's host and its last check, with a button to check it. It counts the
 * check diagnostics Problems shows for the file (`CheckDiagnostics.forFile`): the host's last result as this file's
 * client connects, which may not be how the file that was checked connects.
 */
export class LanguageStatusFeature implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('rdpDoctor.status', RDP_DOCUMENTS);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(
    private readonly checks: CheckService,
    private readonly registry: HostRegistry,
    private readonly diagnostics: CheckDiagnostics,
    documents: DocumentModel,
  ) {
    this.item.name = 'RDP Doctor';
    const update = (): void => this.update();
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(update),
      // After an edit, once the lint it scheduled has parsed the text (not at each keystroke: the target needs it whole).
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) void documents.settled(e.document).then(update);
      }),
      // The registry reads an edited file again after the lint: its target, and the check findings told for it, may change.
      registry.onDidChange(update),
      registry.onDidChangeFile(update),
      checks.onDidCheck(update),
      checks.onDidChangeRunning(update),
    );
    update();
  }

  private update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const file = document?.languageId === 'rdp' ? this.registry.fileOf(document) : undefined;
    if (!file) {
      this.item.text = 'RDP Doctor: no host';
      this.item.detail = 'The file has no valid full address.';
      this.item.severity = vscode.LanguageStatusSeverity.Information;
      this.item.command = undefined;
      return;
    }
    const key = hostKey(file.host, file.port);
    const target = core().displayTarget(file.host, file.port);
    const result = this.checks.latest(key);
    const shown = this.diagnostics.forFile(file);
    const errors = shown.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = shown.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    const state = this.checks.isRunning(key)
      ? 'checking…'
      : !result || result.cancelled
        ? 'not checked'
        : errors + warnings === 0
          ? 'check passed'
          : [errors && `${errors} error${errors > 1 ? 's' : ''}`, warnings && `${warnings} warning${warnings > 1 ? 's' : ''}`].filter(Boolean).join(', ');
    this.item.text = `$(remote) ${target}`;
    this.item.detail = state;
    this.item.severity = errors > 0 ? vscode.LanguageStatusSeverity.Error : warnings > 0 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    this.item.command = { command: 'rdpDoctor.checkFileHost', title: result ? 'Check Again' : 'Check Host', tooltip: `Check ${target}` };
  }

  state(): LanguageStatusState {
    return { text: this.item.text, detail: this.item.detail, severity: this.item.severity };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
