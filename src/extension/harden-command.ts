import * as vscode from 'vscode';
import { core } from './core';
import { toRange } from './convert';
import type { Logger } from './logger';
import { plainWorkbenchText, terminalSafe } from '../core/text/terminal';

/** Test and automation arguments: the host name to use instead of an IP target, and whether to preview. */
export interface HardenRequest {
  readonly hostName?: string;
  readonly preview?: boolean;
}

/**
 * "Harden Connection File…" (SPEC §6): one undoable edit, summarized in a modal first, that requires server
 * authentication and NLA, negotiates the security layer, removes saved passwords, and can replace an IP target.
 */
export async function hardenActiveFile(log: Logger, arg: HardenRequest | vscode.Uri = {}): Promise<boolean> {
  // From the Explorer's context menu the argument is the file: open it, so the edit is seen and can be undone.
  if (arg instanceof vscode.Uri) await vscode.window.showTextDocument(arg);
  const request: HardenRequest = arg instanceof vscode.Uri ? {} : arg;
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'rdp') {
    void vscode.window.showInformationMessage('Open an .rdp file to harden it.');
    return false;
  }
  const document = editor.document;
  let hostName = request.hostName;
  const ip = core().ipAddressTarget(document.getText());
  if (hostName === undefined && ip !== undefined) {
    hostName = await vscode.window.showInputBox({
      title: 'Harden Connection File',
      prompt: `The file connects to the IP address ${ip}, which no certificate names. Type the server's host name to use instead, or leave this empty to keep the address.`,
      placeHolder: 'rdsh01.contoso.com',
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() === '' || core().isHostName(v.trim()) ? undefined : `"${v.trim()}" is not a host name.`),
    });
    if (hostName === undefined) return false; // Escape cancels the whole command
    hostName = hostName.trim() || undefined;
  }
  const version = document.version;
  const result = core().hardenConnectionFile(document.getText(), hostName ? { hostName } : {});
  if ('error' in result) {
    void vscode.window.showErrorMessage(plainWorkbenchText(`RDP Doctor: ${result.error}`));
    return false;
  }
  if (result.edits.length === 0) {
    void vscode.window.showInformationMessage('This connection file is already hardened.');
    return false;
  }
  if (request.preview !== false) {
    // A modal summary, then one edit: the refactor preview needs `needsConfirmation`, which shows every edit
    // unticked, so "Apply" there changed nothing.
    // A modal dialog shows its message and detail as plain text (VS Code's Dialog, vs/base/browser/ui/dialog/dialog.ts,
    // sets both with innerText; only `custom.markdownDetails`, which no extension can pass, is rendered, and the native
    // dialog is plain text too), so the file's name is shown as it is: `plainWorkbenchText` would add backslashes to
    // `[x](y).rdp` there. Controls and bidi are still shown escaped.
    const apply = 'Harden';
    const answer = await vscode.window.showWarningMessage(
      terminalSafe(`Harden ${basename(document.uri.path)}: ${result.changes.length} change${result.changes.length === 1 ? '' : 's'}`),
      { modal: true, detail: core().hardeningSummary(result) },
      apply,
    );
    if (answer !== apply) return false;
  }
  if (document.version !== version) {
    void vscode.window.showWarningMessage('The file changed while RDP Doctor asked: run Harden Connection File… again.');
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  const metadata: vscode.WorkspaceEditEntryMetadata = { needsConfirmation: false, label: 'Harden connection file', description: result.changes.join(' ') };
  for (const e of result.edits) edit.replace(document.uri, toRange(document, e.span), e.newText, metadata);
  const applied = await vscode.workspace.applyEdit(edit);
  log.info(`Harden Connection File on ${document.uri.toString()}: ${applied ? [...result.changes, ...result.warnings].join(' ') : 'not applied'}`);
  if (!applied) void vscode.window.showErrorMessage('RDP Doctor could not apply the hardening edit.');
  // Without the confirmation, what it would have said is said now (a signature the edit broke).
  else if (request.preview === false && result.warnings.length > 0) void vscode.window.showWarningMessage(plainWorkbenchText(`RDP Doctor: ${result.warnings.join(' ')}`));
  return applied;
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
