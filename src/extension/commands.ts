import * as vscode from 'vscode';
import { core } from './core';
import type { CheckTarget } from '../core/net/index';
import { hostKey } from './check-runner';
import { ruleDocsUri } from './convert';
import type { ExplainerPanels } from './explainer-panel';
import type { LintFeature } from './lint-feature';
import type { RegistryPolViews } from './registry-pol-view';
import type { Logger } from './logger';
import { plainWorkbenchText } from '../core/text/terminal';

type Handler = (...args: never[]) => unknown;

interface CommandContext {
  readonly extensionUri: vscode.Uri;
  readonly explainer: ExplainerPanels;
  /** Commands that features own (hosts, checks, fixes, reports), added to the table. */
  readonly more: Readonly<Record<string, Handler>>;
  readonly lint: LintFeature;
  readonly log: Logger;
  /** Shows the Output view's RDP Doctor log. */
  readonly showLog: () => void;
  readonly polViews: RegistryPolViews;
  /** The check target of an `.rdp` document (the explainer chooses it when opened from that file). */
  readonly targetOf?: (document: vscode.TextDocument) => Promise<CheckTarget | undefined>;
}

async function showRuleDocs(ctx: CommandContext, ruleId?: string): Promise<void> {
  let id = ruleId;
  if (!id) {
    const pick = await vscode.window.showQuickPick(
      core().ALL_RULES.map((r) => ({ label: r.id, description: r.name, detail: r.description })),
      { title: 'RDP Doctor rules', matchOnDescription: true, matchOnDetail: true },
    );
    id = pick?.label;
  }
  if (!id || !core().ruleById(id)) return;
  await vscode.commands.executeCommand('markdown.showPreview', ruleDocsUri(ctx.extensionUri, id.toUpperCase()));
}

async function explainErrorCode(ctx: CommandContext, arg?: unknown): Promise<void> {
  // From the Explorer's or the editor's context menu the argument is a file: ask for the code.
  const code = typeof arg === 'string' ? arg : undefined;
  const input =
    code ??
    (await vscode.window.showInputBox({
      title: 'Explain a Remote Desktop error code',
      prompt: 'The error code, optionally followed by the extended error code; or a family and a code (errinfo 0x10C9)',
      placeHolder: '0x904 0x7',
      validateInput: (value) => {
        const result = core().explainInput(value);
        return 'error' in result ? result.error : undefined;
      },
    }));
  if (!input) return;
  const result = core().explainInput(input);
  if ('error' in result) {
    void vscode.window.showErrorMessage(plainWorkbenchText(result.error));
    return;
  }
  ctx.explainer.show(result, await hostOfFile(ctx, arg));
}

/** The host key of an `.rdp` file the explainer was opened from (its CodeLens or a context menu). */
async function hostOfFile(ctx: CommandContext, arg: unknown): Promise<string | undefined> {
  if (!(arg instanceof vscode.Uri) || !ctx.targetOf) return undefined;
  const document = await vscode.workspace.openTextDocument(arg);
  if (document.languageId !== 'rdp') return undefined;
  const target = await ctx.targetOf(document);
  return target && hostKey(target.host, target.port);
}

const SIGNED_NOT_FIXED =
  'This file is signed: any change invalidates its signature, so RDP Doctor fixes nothing in it at once. Fix it where it is signed (rdpsign), or apply single quick fixes and sign it again.';

async function fixAllInEditor(ctx: CommandContext): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'rdp') return;
  const document = editor.document;
  const options = await ctx.lint.lintOptions(document);
  const before = document.getText();
  if (core().isSignedRdp(before)) {
    void vscode.window.showWarningMessage(SIGNED_NOT_FIXED);
    return;
  }
  const result = core().fixAll(before, (text) => core().lintText('rdp', text, options).findings);
  if (result.text === before) {
    void vscode.window.showInformationMessage('RDP Doctor found nothing it can fix without your review; the light bulb on each problem offers the rest.');
    return;
  }
  const whole = new vscode.Range(document.positionAt(0), document.positionAt(before.length));
  await editor.edit((b) => b.replace(whole, result.text));
  ctx.log.info(`Applied ${result.applied} fixes to ${document.uri.toString()}`);
}

const ran = new vscode.EventEmitter<string>();
/** Fires with a command's ID before it runs, for commands that need the workspace (it is read once one does). */
export const commandRan = ran.event;
/** Commands that read nothing of the workspace: running them does not start its scan. */
const WORKSPACE_FREE = new Set(['rdpDoctor.showOutput', 'rdpDoctor.showRuleDocs', 'rdpDoctor.openRegistryPol']);

/** The command table: IDs to handlers, registered in one place. */
export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  const table: Record<string, Handler> = {
    ...ctx.more,
    'rdpDoctor.fixAll': () => fixAllInEditor(ctx),
    'rdpDoctor.showRuleDocs': (ruleId?: string) => showRuleDocs(ctx, ruleId),
    'rdpDoctor.explainErrorCode': (arg?: unknown) => explainErrorCode(ctx, arg),
    'rdpDoctor.showOutput': () => ctx.showLog(),
    'rdpDoctor.openRegistryPol': (uri?: vscode.Uri) => ctx.polViews.open(uri),
  };
  return Object.entries(table).map(([id, handler]) =>
    vscode.commands.registerCommand(id, async (...args: never[]) => {
      if (!WORKSPACE_FREE.has(id)) ran.fire(id);
      try {
        return await handler(...args);
      } catch (error) {
        ctx.log.error(`${id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        // An error may quote a path or a value from the workspace: a notification reads links and icons in it.
        void vscode.window.showErrorMessage(plainWorkbenchText(`RDP Doctor: ${error instanceof Error ? error.message : String(error)}`));
        return undefined;
      }
    }),
  );
}
