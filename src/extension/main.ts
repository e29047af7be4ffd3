import * as vscode from 'vscode';
import { CodeActionFeature } from './code-action-feature';
import { PageProvider, registerCommands } from './commands';
import { CompletionFeature } from './completion-feature';
import { HoverFeature } from './hover-feature';
import { LintFeature } from './lint-feature';
import { PolicyHoverFeature } from './policy-hover-feature';
import { PolicyIndex } from './policy-index';
import { RegistryPolViews } from './registry-pol-view';
import { WorkspaceConfigStore } from './workspace-config';

/** What the extension exposes to its own tests through `vscode.extensions.getExtension(...).exports`. */
export interface RdpDoctorApi {
  readonly ready: true;
}

export function activate(context: vscode.ExtensionContext): RdpDoctorApi {
  const log = vscode.window.createOutputChannel('RDP Doctor', { log: true });
  context.subscriptions.push(log);
  try {
    const configs = new WorkspaceConfigStore(log);
    const polViews = new RegistryPolViews(log);
    const index = new PolicyIndex(log);
    const lint = new LintFeature(context.extensionUri, configs, log, index, polViews);
    const pages = new PageProvider();
    context.subscriptions.push(
      configs,
      polViews,
      index,
      lint,
      pages,
      new HoverFeature(),
      new PolicyHoverFeature(lint),
      new CompletionFeature(),
      new CodeActionFeature(lint),
      ...registerCommands({ extensionUri: context.extensionUri, lint, log, pages, polViews }),
    );
    log.info(`RDP Doctor ${String(context.extension.packageJSON.version)} activated.`);
  } catch (error) {
    log.error(error instanceof Error ? error : String(error));
    void vscode.window.showErrorMessage(`RDP Doctor could not start: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { ready: true };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
