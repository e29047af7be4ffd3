import * as vscode from 'vscode';
import { hostKey } from './check-runner';
import type { CheckService } from './check-service';
import type { HostRegistry } from './host-registry';
import { RDP_DOCUMENTS } from './document-selectors';

/** A language status item on `.rdp` files: the file's host and its last check, with a button to check it. */
export class LanguageStatusFeature implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('rdpDoctor.status', RDP_DOCUMENTS);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(
    private readonly checks: CheckService,
    private readonly registry: HostRegistry,
  ) {
    this.item.name = 'RDP Doctor';
    const update = (): void => this.update();
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(update),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) update();
      }),
      checks.onDidCheck(update),
      checks.onDidChangeRunning(update),
    );
    update();
  }

  private update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const target = document?.languageId === 'rdp' ? this.registry.targetOf(document) : undefined;
    if (!target) {
      this.item.text = 'RDP Doctor: no host';
      this.item.detail = 'The file has no valid full address.';
      this.item.severity = vscode.LanguageStatusSeverity.Information;
      this.item.command = undefined;
      return;
    }
    const key = hostKey(target.host, target.port);
    const result = this.checks.latest(key);
    const errors = result?.findings.filter((f) => f.severity === 'error').length ?? 0;
    const warnings = result?.findings.filter((f) => f.severity === 'warning').length ?? 0;
    const state = this.checks.isRunning(key)
      ? 'checking…'
      : !result || result.cancelled
        ? 'not checked'
        : errors + warnings === 0
          ? 'check passed'
          : [errors && `${errors} error${errors > 1 ? 's' : ''}`, warnings && `${warnings} warning${warnings > 1 ? 's' : ''}`].filter(Boolean).join(', ');
    this.item.text = `$(remote) ${target.target}`;
    this.item.detail = state;
    this.item.severity = errors > 0 ? vscode.LanguageStatusSeverity.Error : warnings > 0 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    this.item.command = { command: 'rdpDoctor.checkFileHost', title: result ? 'Check Again' : 'Check Host', tooltip: `Check ${target.target}` };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
