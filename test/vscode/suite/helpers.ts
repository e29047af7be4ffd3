import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'rdp-doctor.rdp-doctor';
export const SOURCE = 'RDP Doctor';
const DEADLINE_MS = 10_000;

/**
 * Resolves with the first truthy value of `check`, evaluated now and after each `event`;
 * rejects naming `what` (built when the deadline passes) otherwise. Tests wait on events like this, never on sleeps.
 */
export function waitFor<T>(what: string | (() => string), check: () => T | undefined | false, event: vscode.Event<unknown>, ms = DEADLINE_MS): Promise<T> {
  return new Promise((resolve, reject) => {
    const disposables: vscode.Disposable[] = [];
    const finish = (settle: () => void): void => {
      clearTimeout(timer);
      for (const d of disposables) d.dispose();
      settle();
    };
    const timer = setTimeout(() => finish(() => reject(new Error(`Timed out after ${ms} ms waiting for ${typeof what === 'string' ? what : what()}.`))), ms);
    const evaluate = (): void => {
      try {
        const value = check();
        if (value) finish(() => resolve(value));
      } catch (error) {
        finish(() => reject(error));
      }
    };
    disposables.push(event(evaluate));
    evaluate();
  });
}

/**
 * An untitled document holding `content`. VS Code names untitled documents Untitled-1, Untitled-2, … and gives a name
 * back when its document closes; the extension host then sometimes hands `openTextDocument({ content })` a document
 * under the reused name that holds the closed document's text and never changes (CI: "untitled:Untitled-2 … holds
 * "full address:s:127.0.0.1:…\nauthentication level:i:1\n"", the previous test's text, 10 s after; a check of the new
 * document then checked the old one's host). Such a document is left alone and another one opened: the stale one keeps
 * the reused name, so the next gets a fresh one. A document that holds its text is returned at once.
 */
export async function openUntitled(options: { language: string; content: string }): Promise<vscode.TextDocument> {
  for (let attempt = 1; ; attempt++) {
    const document = await vscode.workspace.openTextDocument(options);
    try {
      return await waitFor(
        () => `${document.uri.toString()} to hold the text it was opened with (it holds ${JSON.stringify(document.getText().slice(0, 80))})`,
        () => document.getText() === options.content && document,
        vscode.workspace.onDidChangeTextDocument,
        2_000,
      );
    } catch (error) {
      if (attempt >= 3) throw error;
      console.log(`openUntitled: ${(error as Error).message}; opening another untitled document.`);
    }
  }
}

/** Our diagnostics for a document, in range order. */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === SOURCE)
    .sort((a, b) => a.range.start.compareTo(b.range.start));
}

export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function rulesOf(uri: vscode.Uri): string[] {
  return ours(uri).map(ruleOf);
}

/** Waits until our diagnostics for `uri` satisfy `accept`, and returns them. */
export function waitForDiagnostics(uri: vscode.Uri, what: string, accept: (diagnostics: vscode.Diagnostic[]) => boolean, ms?: number): Promise<vscode.Diagnostic[]> {
  return waitFor(
    () => `${what} in ${uri.path.split('/').pop()} (it has ${JSON.stringify(rulesOf(uri))})`,
    () => {
      const diagnostics = ours(uri);
      return accept(diagnostics) && diagnostics;
    },
    vscode.languages.onDidChangeDiagnostics,
    ms,
  );
}

/** Waits until exactly these rule IDs (in range order) are reported for `uri`. */
export function waitForRules(uri: vscode.Uri, rules: readonly string[], ms?: number): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, `rules ${JSON.stringify(rules)}`, (d) => JSON.stringify(d.map(ruleOf)) === JSON.stringify(rules), ms);
}

/** A file of the test workspace (a fresh copy of test/vscode/fixtures/workspace for each run). */
export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'The tests need the fixture workspace open.');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openEditor(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(document);
}

/** The text of every line, with the document's own line breaks removed. */
export function lines(document: vscode.TextDocument): string[] {
  return Array.from({ length: document.lineCount }, (_, i) => document.lineAt(i).text);
}

export function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): vscode.Range {
  return new vscode.Range(startLine, startCharacter, endLine, endCharacter);
}

/** The quick fixes VS Code offers for one diagnostic, as the light bulb would list them. */
export async function quickFixes(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  return actions.filter((a) => a.diagnostics === undefined || a.diagnostics.length === 0 || a.diagnostics.some((d) => ruleOf(d) === ruleOf(diagnostic)));
}

export async function applyAction(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit, `"${action.title}" carries no edit.`);
  assert.equal(await vscode.workspace.applyEdit(action.edit), true, `"${action.title}" could not be applied.`);
}

/** Updates a workspace setting and restores the previous value in the returned undo. */
export async function withSetting(section: string, key: string, value: unknown, languageId?: string): Promise<() => Promise<void>> {
  const config = vscode.workspace.getConfiguration(section, languageId ? { languageId } : undefined);
  const before = languageId ? config.inspect(key)?.workspaceLanguageValue : config.inspect(key)?.workspaceValue;
  await config.update(key, value, vscode.ConfigurationTarget.Workspace, languageId !== undefined);
  return () => Promise.resolve(config.update(key, before, vscode.ConfigurationTarget.Workspace, languageId !== undefined));
}

/**
 * Reverts and closes a document's editor and waits until the extension host has closed the document too. VS Code
 * gives the next untitled document the freed name (Untitled-1), and one opened before the close reached the extension
 * host was the old document, old text and all: a check of the next test's file checked the previous file's host.
 */
export async function revertAndClose(document: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await waitFor(`${document.uri.toString()} to close`, () => document.isClosed, vscode.workspace.onDidCloseTextDocument);
}
