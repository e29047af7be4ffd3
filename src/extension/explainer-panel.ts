import { randomBytes } from 'node:crypto';
import { core } from './core';
import * as vscode from 'vscode';
import type { Explanation } from '../core/knowledge/error-codes/index';
import type { CheckTarget, HostCheckResult } from '../core/net/index';
import { hostKey, type CheckRunner } from './check-runner';
import type { Logger } from './logger';

const VIEW_TYPE = 'rdpDoctor.explainer';
/** The only commands the page's links may run. */
const PAGE_COMMANDS = ['rdpDoctor.showRuleDocs', 'rdpDoctor.insertPowerShellFix'];
const MAX_HOST_LENGTH = 300;

/** What the page posts: run the checks for a host, or show the latest result of another host. */
interface PageMessage {
  readonly type: 'check' | 'select';
  readonly host: string;
}

function isPageMessage(value: unknown): value is PageMessage {
  const m = value as Partial<PageMessage> | null;
  return typeof m === 'object' && m !== null && (m.type === 'check' || m.type === 'select') && typeof m.host === 'string' && m.host.length <= MAX_HOST_LENGTH;
}

/** One explanation in a webview, with its host chooser and the verdicts of the chosen host's latest check. */
class ExplainerPanel implements vscode.Disposable {
  private chosen: { readonly text: string; readonly key: string } | undefined;
  private result: HostCheckResult | undefined;
  /** The page changed through messages since its HTML was set; a hidden webview reloads that HTML when shown. */
  private stale = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly explanation: Explanation,
    private readonly checks: CheckRunner,
    private readonly log: Logger,
    host?: string,
  ) {
    // The host of the file the explainer was opened from (its CodeLens or context menu), else the first of the workspace.
    const first = checks.knownHosts()[0];
    if (host) this.choose(host, host);
    else if (first) this.choose(first.key, first.key);
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: unknown) => {
        if (isPageMessage(message)) void this.receive(message);
        else this.log.warn('The explainer page posted a message it should not have; ignored.');
      }),
      panel.onDidChangeViewState(() => {
        if (panel.visible && this.stale) this.render();
      }),
    );
    this.render();
  }

  /** Opened again, from another file's CodeLens or context menu: that file's host is chosen now. */
  reopened(host: string | undefined): void {
    if (host === undefined || host === this.chosen?.key) return;
    this.choose(host, host);
    this.render();
  }

  /** Results of checks run anywhere (the Hosts view, a command, this page). */
  checked(results: readonly HostCheckResult[]): void {
    const result = this.chosen && results.find((r) => hostKey(r.host, r.port) === this.chosen!.key);
    if (!result) return;
    this.result = result;
    this.post({ type: 'verdicts', html: core().verdictsHtml(this.explanation, result) });
  }

  private async receive(message: PageMessage): Promise<void> {
    const target = this.targetOf(message.host);
    if (typeof target === 'string') {
      this.post({ type: 'status', text: target, error: true });
      return;
    }
    this.choose(message.host.trim(), hostKey(target.host, target.port));
    this.post({ type: 'verdicts', html: core().verdictsHtml(this.explanation, this.result) });
    if (message.type === 'select') return;
    this.post({ type: 'status', text: `Checking ${target.target}…`, busy: true });
    try {
      const results = await this.checks.check([target], { title: `Checking ${target.target} for ${core().explainerTitle(this.explanation)}` });
      this.checked(results);
      const result = results.find((r) => hostKey(r.host, r.port) === hostKey(target.host, target.port));
      // The verdicts' summary line already reads "Checked <host>: …": the status line says only what it does not.
      this.post({ type: 'status', text: !result || result.cancelled ? 'The check was cancelled.' : '' });
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.log.error(`The explainer could not check ${target.target}: ${text}`);
      this.post({ type: 'status', text: `The check could not run: ${text}`, error: true });
    }
  }

  /** A check target for what the user chose or typed, or why it is not one. */
  private targetOf(text: string): CheckTarget | string {
    const value = text.trim();
    if (value === '') return 'Type a host name or address, or choose a host of the workspace.';
    const parsed = core().parseAddress(value);
    if (!parsed.ok) return `"${value}" is not a host name or address: ${parsed.problem}.`;
    const { host, port = core().DEFAULT_RDP_PORT } = parsed.address;
    const known = this.checks.knownHosts().find((h) => h.key === hostKey(host, port));
    return known?.target ?? { target: value, host, port };
  }

  private choose(text: string, key: string): void {
    if (this.chosen?.key !== key) this.result = this.checks.latest(key);
    this.chosen = { text, key };
  }

  private post(message: { readonly type: 'status' | 'verdicts'; readonly [field: string]: unknown }): void {
    if (message.type === 'verdicts') this.stale = true;
    if (this.panel.visible) void this.panel.webview.postMessage(message);
  }

  private render(): void {
    this.stale = false;
    const hosts = this.checks.knownHosts().map((h) => h.key);
    this.panel.webview.html = core().explainerHtml({
      explanation: this.explanation,
      hosts,
      ...(this.chosen && { host: hosts.includes(this.chosen.key) ? this.chosen.key : this.chosen.text }),
      ...(this.result && { result: this.result }),
      nonce: randomBytes(16).toString('base64'),
      cspSource: this.panel.webview.cspSource,
    });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** The error-code explainer: one webview panel per code pair, revealed again when it is already open. */
export class ExplainerPanels implements vscode.Disposable {
  private readonly panels = new Map<string, ExplainerPanel>();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly checks: CheckRunner,
    private readonly log: Logger,
  ) {
    this.subscription = checks.onDidCheck((results) => {
      for (const p of this.panels.values()) p.checked(results);
    });
  }

  /** Shows the explanation; `host` (a host key) is chosen in its host field when the panel opens. */
  show(explanation: Explanation, host?: string): vscode.WebviewPanel {
    const key = core().explainerArgument(explanation);
    const open = this.panels.get(key);
    if (open) {
      open.reopened(host);
      open.panel.reveal();
      return open.panel;
    }
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, core().explainerTitle(explanation), vscode.ViewColumn.Active, {
      enableScripts: true,
      enableCommandUris: PAGE_COMMANDS,
      enableFindWidget: true,
      // The page loads nothing; this keeps the workspace out of reach.
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
    });
    const explainer = new ExplainerPanel(panel, explanation, this.checks, this.log, host);
    this.panels.set(key, explainer);
    panel.onDidDispose(() => {
      explainer.dispose();
      this.panels.delete(key);
    });
    return panel;
  }

  dispose(): void {
    this.subscription.dispose();
    for (const p of [...this.panels.values()]) p.panel.dispose();
    this.panels.clear();
  }
}
