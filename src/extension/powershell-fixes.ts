import * as vscode from 'vscode';
import { core } from './core';
import type { FixParam, PowerShellFix } from '../core/fixes/types';
import type { CheckTarget } from '../core/net/index';
import { hostKey } from './check-runner';
import type { CheckService } from './check-service';
import { contextValues, fileName, promptFor, type KnownValue } from './fix-context';
import type { HostRegistry } from './host-registry';
import type { HostsNode } from './hosts-view';
import type { Logger } from './logger';
import { plainWorkbenchText } from '../core/text/terminal';

/** What the "Insert PowerShell Fix…" command accepts: a fix ID, a Fixes or Hosts view node, or a request from a quick fix or a test. */
export interface FixRequest {
  readonly fixId?: string;
  /** The host the script is for (its values fill computerName, host, port and thumbprint). */
  readonly target?: CheckTarget;
  /** The name of the `.rdp` file the target was read from: a prompt then says the port is the file's. */
  readonly targetFile?: string;
  /** Values given outright; they win over the ones taken from the host. */
  readonly params?: Readonly<Record<string, string>>;
  /** Insert into a new untitled document even when a PowerShell editor is active. */
  readonly newDocument?: boolean;
}

type FixesNode = { readonly kind: 'cause'; readonly cause: string } | { readonly kind: 'fix'; readonly fix: PowerShellFix };

/** The Fixes view: the PowerShell catalogue grouped by cause; clicking a fix inserts it. */
export class FixesView implements vscode.TreeDataProvider<FixesNode>, vscode.Disposable {
  private readonly view = vscode.window.createTreeView('rdpDoctor.fixes', { treeDataProvider: this });

  getChildren(node?: FixesNode): FixesNode[] {
    if (!node) return [...new Set(core().POWERSHELL_FIXES.map((f) => f.cause))].map((cause) => ({ kind: 'cause', cause }));
    if (node.kind === 'cause') return core().POWERSHELL_FIXES.filter((f) => f.cause === node.cause).map((fix) => ({ kind: 'fix', fix }));
    return [];
  }

  getTreeItem(node: FixesNode): vscode.TreeItem {
    if (node.kind === 'cause') {
      const item = new vscode.TreeItem(node.cause, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `cause:${node.cause}`;
      item.iconPath = new vscode.ThemeIcon('folder-library');
      return item;
    }
    const { fix } = node;
    const item = new vscode.TreeItem(fix.title, vscode.TreeItemCollapsibleState.None);
    item.id = `fix:${fix.id}`;
    item.description = `rdp-${fix.id}`;
    item.iconPath = new vscode.ThemeIcon('terminal-powershell');
    const md = new vscode.MarkdownString(`**${fix.title}** — runs on ${core().RUNS_ON_LABEL[fix.runsOn]}\n\n${fix.description}\n\nUndo: ${fix.undo}`);
    if (fix.warning) md.appendMarkdown(`\n\n$(warning) ${fix.warning}`);
    md.supportThemeIcons = true;
    if (fix.fixes.length) md.appendMarkdown(`\n\nFixes: ${fix.fixes.join(', ')}`);
    item.tooltip = md;
    item.contextValue = 'fix';
    item.command = { command: 'rdpDoctor.insertPowerShellFix', title: 'Insert PowerShell Fix', arguments: [{ fixId: fix.id } satisfies FixRequest] };
    return item;
  }

  dispose(): void {
    this.view.dispose();
  }
}

/** Turns any argument of the command into a request. */
function requestOf(arg: unknown): FixRequest {
  if (typeof arg === 'string') return { fixId: arg };
  if (!arg || typeof arg !== 'object') return {};
  const node = arg as { kind?: string; fix?: PowerShellFix; host?: Exclude<HostsNode, { kind: 'group' }>['host'] };
  if (node.kind === 'fix' && node.fix) return { fixId: node.fix.id };
  if ((node.kind === 'host' || node.kind === 'layer') && node.host) return { target: node.host.target };
  if (node.kind === 'file' && node.host) {
    const uri = (arg as { uri?: vscode.Uri }).uri;
    return { target: node.host.target, ...(uri && { targetFile: fileName(uri) }) };
  }
  return arg as FixRequest;
}

/** Inserts rendered PowerShell fixes: never runs them. */
export class PowerShellFixInserter {
  constructor(
    private readonly checks: CheckService,
    private readonly registry: HostRegistry,
    private readonly log: Logger,
  ) {}

  /** The values the context gives: the host's name, address and port, and the thumbprint from its last check. */
  private contextValues(target: CheckTarget | undefined, file: string | undefined): Record<string, KnownValue> {
    const sha1 = target && this.checks.latest(hostKey(target.host, target.port))?.certificate?.sha1;
    return contextValues(target, sha1, file);
  }

  private async pickFix(target: CheckTarget | undefined): Promise<PowerShellFix | undefined> {
    const result = target && this.checks.latest(hostKey(target.host, target.port));
    const suggested = new Set((result?.findings ?? []).flatMap((f) => core().fixesForRule(f.ruleId).map((x) => x.id)));
    const ordered = [...core().POWERSHELL_FIXES.filter((f) => suggested.has(f.id)), ...core().POWERSHELL_FIXES.filter((f) => !suggested.has(f.id))];
    const items: (vscode.QuickPickItem & { fix?: PowerShellFix })[] = [];
    let section = '';
    for (const fix of ordered) {
      const heading = suggested.has(fix.id) ? `Suggested for ${target!.target}` : fix.cause;
      if (heading !== section) items.push({ label: heading, kind: vscode.QuickPickItemKind.Separator });
      section = heading;
      items.push({ label: fix.title, description: `rdp-${fix.id}`, detail: `${fix.description} Runs on ${core().RUNS_ON_LABEL[fix.runsOn]}.`, fix });
    }
    const pick = await vscode.window.showQuickPick(items, { title: target ? `PowerShell fix for ${target.target}` : 'Insert a PowerShell fix', matchOnDescription: true, matchOnDetail: true });
    return pick?.fix;
  }

  /** Asks for a required value the context did not give, or gave only as a hint (`known`). */
  private async ask(fix: PowerShellFix, param: FixParam, known: KnownValue | undefined): Promise<string | undefined> {
    if (param.kind === 'choice' && param.choices) {
      const pick = await vscode.window.showQuickPick(
        param.choices.map((c) => ({ label: c })),
        { title: `${fix.title}: ${param.label}`, placeHolder: param.description },
      );
      return pick?.label;
    }
    // A known value is a hint, never the default answer: Enter on it would often rebuild what fails.
    return vscode.window.showInputBox({
      title: `${fix.title}: ${param.label}`,
      ...promptFor(param, known),
      ignoreFocusOut: true,
      validateInput: (value) => core().validateParam(param, value),
    });
  }

  async insert(arg?: unknown): Promise<vscode.TextEditor | undefined> {
    const request = requestOf(arg);
    const active = vscode.window.activeTextEditor;
    const fromActive = !request.target && active?.document.languageId === 'rdp' ? await this.registry.settledTargetOf(active.document) : undefined;
    const target = request.target ?? fromActive;
    const file = request.targetFile ?? (fromActive && active ? fileName(active.document.uri) : undefined);
    const fix = request.fixId ? core().findFix(request.fixId) : await this.pickFix(target);
    if (request.fixId && !fix) throw new Error(`There is no PowerShell fix "${request.fixId}".`);
    if (!fix) return undefined;

    const fromContext = this.contextValues(target, file);
    const params: Record<string, string> = {};
    for (const param of fix.params) {
      const explicit = request.params?.[param.key];
      const known = fromContext[param.key];
      // The listener's thumbprint, or the port the file names, may be what needs changing: shown as a hint, the answer typed.
      const confirm = param.confirmContextValue && explicit === undefined && known !== undefined;
      const given = confirm ? undefined : (explicit ?? known?.value);
      if (given !== undefined) params[param.key] = given;
      else if (param.required) {
        const value = await this.ask(fix, param, confirm ? known : undefined);
        if (value === undefined) return undefined;
        params[param.key] = value;
      }
    }
    const rendered = core().renderFix(fix, params);
    if (!rendered.ok) {
      this.log.warn(`Refused to render ${fix.id}: ${rendered.errors.join(' ')}`);
      // The errors quote the refused values (a host name from a file): a notification reads links and icons in them.
      void vscode.window.showErrorMessage(plainWorkbenchText(`RDP Doctor will not build "${fix.title}": ${rendered.errors.join(' ')}`));
      return undefined;
    }
    return this.place(rendered.script, request.newDocument === true);
  }

  /** Into the active PowerShell editor at the cursor, or into a new untitled PowerShell document. */
  private async place(script: string, newDocument: boolean): Promise<vscode.TextEditor> {
    const editor = vscode.window.activeTextEditor;
    if (!newDocument && editor && editor.document.languageId === 'powershell') {
      const position = editor.selection.active;
      const before = position.character > 0 ? editor.document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n' : '';
      await editor.edit((b) => b.insert(position, before + script));
      return editor;
    }
    const document = await vscode.workspace.openTextDocument({ language: 'powershell', content: script });
    return vscode.window.showTextDocument(document);
  }
}
