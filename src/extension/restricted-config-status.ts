import * as vscode from 'vscode';
import type { Logger } from './logger';
import { OptionalStatusItem } from './optional-status-item';
import type { WorkspaceConfigStore } from './workspace-config';
import { restrictedConfigDetail } from './restricted-config-detail';

/** What the item says while shown (the extension-host tests read it). */
export interface RestrictedConfigState {
  readonly text: string;
  readonly detail: string | undefined;
}

/**
 * A language status item on `.rdp` files while Restricted Mode keeps their `.rdpdoctor.yaml` from turning rules off or
 * lowering them (`WorkspaceConfigStore`, `notApplied`): which settings, and a button to manage workspace trust. The
 * workspace trust guide's advice for limited support: say what is off until trust is granted.
 */
export class RestrictedConfigStatus implements vscode.Disposable {
  private readonly item = new OptionalStatusItem('rdpDoctor.restrictedConfig', { name: 'RDP Doctor Restricted Mode', severity: vscode.LanguageStatusSeverity.Warning, text: 'Restricted Mode' });
  /** Each update's turn: an older config read that ends later does not overwrite a newer one's item. */
  private turn = 0;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly configs: WorkspaceConfigStore,
    private readonly log: Logger,
  ) {
    const update = (): void => void this.update();
    this.disposables = [vscode.window.onDidChangeActiveTextEditor(update), configs.onDidChange(update), vscode.workspace.onDidGrantWorkspaceTrust(update)];
    update();
  }

  private async update(): Promise<void> {
    const turn = ++this.turn;
    const document = vscode.window.activeTextEditor?.document;
    let notApplied: readonly string[] | undefined;
    let configName = '.rdpdoctor.yaml';
    try {
      if (document?.languageId === 'rdp' && !vscode.workspace.isTrusted) {
        const entry = await this.configs.entryFor(document.uri);
        notApplied = entry?.notApplied;
        configName = vscode.workspace.asRelativePath(entry?.uri ?? configName);
      }
    } catch (error) {
      this.log.debug(`Could not read the config for the Restricted Mode status: ${String(error)}`);
    }
    if (turn !== this.turn) return;
    if (!notApplied?.length) this.item.hide();
    else this.item.show(restrictedConfigDetail(configName, notApplied), { command: 'workbench.trust.manage', title: 'Manage Trust' });
  }

  state(): RestrictedConfigState | undefined {
    return this.item.state();
  }

  dispose(): void {
    this.item.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
