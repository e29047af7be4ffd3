import * as vscode from 'vscode';
import { core } from './core';
import type { CheckStep, HostCheckResult, StepName } from '../core/net/index';
import type { CheckTarget } from '../core/net/index';
import { hostKey, type KnownHost } from './check-runner';
import type { CheckService } from './check-service';
import type { HostRegistry } from './host-registry';


const STATUS_ICON: Readonly<Record<CheckStep['status'], vscode.ThemeIcon>> = {
  ok: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  skipped: new vscode.ThemeIcon('circle-slash'),
};
const NOT_CHECKED = new vscode.ThemeIcon('circle-outline');
const RUNNING = new vscode.ThemeIcon('loading~spin');

/** The group of hosts checked in this window that no file or inventory names (a NUL keeps it apart from inventory groups). */
const CHECKED_GROUP = '\u0000checked';

/** The nodes of the tree: inventory groups (and "Checked"), hosts, their check layers, and the files that target them. */
export type HostsNode =
  | { readonly kind: 'group'; readonly label: string; readonly hosts: readonly KnownHost[]; readonly checked?: true }
  | { readonly kind: 'host'; readonly host: KnownHost; readonly group?: string }
  | { readonly kind: 'layer'; readonly host: KnownHost; readonly group?: string; readonly step: StepName }
  | { readonly kind: 'file'; readonly host: KnownHost; readonly group?: string; readonly uri: vscode.Uri };

/** The group a node sits under, in its tree ID (a host listed in two groups shows twice). */
function under(node: { readonly group?: string }): string {
  return node.group ?? '';
}

function worst(result: HostCheckResult): CheckStep['status'] {
  const statuses = core().STEP_ORDER.map((s) => result.steps[s].status);
  return statuses.includes('error') ? 'error' : statuses.includes('warning') ? 'warning' : 'ok';
}

function hostDescription(result: HostCheckResult | undefined, running: boolean): string {
  if (running) return 'checking…';
  if (!result) return 'not checked';
  if (result.cancelled) return 'cancelled';
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.filter((f) => f.severity === 'warning').length;
  if (errors + warnings === 0) return result.negotiation?.selected ? `OK · ${result.negotiation.selected}` : 'OK';
  return [errors && `${errors} error${errors > 1 ? 's' : ''}`, warnings && `${warnings} warning${warnings > 1 ? 's' : ''}`].filter(Boolean).join(', ');
}

function findingLines(result: HostCheckResult, step?: StepName): string[] {
  return result.findings.filter((f) => step === undefined || core().STEP_OF_RULE[f.ruleId] === step).map((f) => `- **${f.ruleId}** (${f.severity}): ${core().escapeMarkdown(f.message)}`);
}

function hostTooltip(host: KnownHost, result: HostCheckResult | undefined): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${core().escapeMarkdown(host.target.target)}**`);
  if (host.target.name && host.target.name !== host.target.host) md.appendMarkdown(` — certificate name ${core().escapeMarkdown(host.target.name)}`);
  md.appendMarkdown('\n\n');
  if (host.groups.length) md.appendMarkdown(`Inventory: ${core().escapeMarkdown(host.groups.join(', '))}\n\n`);
  if (host.files.length) md.appendMarkdown(`Files: ${core().escapeMarkdown(host.files.map((f) => vscode.workspace.asRelativePath(f)).join(', '))}\n\n`);
  if (!result) {
    md.appendMarkdown('Not checked yet: run **Check** to test DNS, TCP, the RDP negotiation, TLS and the certificate.');
    return md;
  }
  for (const step of core().STEP_ORDER) md.appendMarkdown(`- ${core().STEP_LABEL[step]}: ${core().escapeMarkdown(result.steps[step].detail)}\n`);
  if (result.standardSecurity) md.appendMarkdown(`- Standard RDP Security: ${core().escapeMarkdown(core().standardSecurityDetail(result.standardSecurity))}\n`);
  if (result.ntlm) md.appendMarkdown(`- NTLM: ${core().escapeMarkdown(core().ntlmDetail(result.ntlm))}\n`);
  else if (result.ntlmProblem) md.appendMarkdown(`- NTLM: ${core().escapeMarkdown(core().ntlmProblemDetail(result.ntlmProblem))}\n`);
  const findings = findingLines(result);
  if (findings.length) md.appendMarkdown(`\n**Findings**\n\n${findings.join('\n')}\n`);
  md.appendMarkdown(`\nChecked in ${Math.round(result.timings.totalMs)} ms.`);
  return md;
}

/** The Hosts view: every host of the workspace, expanding to the check ladder DNS → TCP → Negotiation → TLS → Certificate. */
export class HostsView implements vscode.TreeDataProvider<HostsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<HostsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<HostsNode>;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly registry: HostRegistry,
    private readonly checks: CheckService,
  ) {
    this.view = vscode.window.createTreeView('rdpDoctor.hosts', { treeDataProvider: this, showCollapseAll: true });
    const refresh = (): void => this.changed.fire(undefined);
    this.disposables.push(
      this.view,
      registry.onDidChange(refresh),
      checks.onDidCheck((results) => {
        for (const r of results) this.remember(r);
        refresh();
      }),
      checks.onDidChangeRunning(refresh),
    );
    this.view.message = undefined;
  }

  /** Hosts checked in this window that no file or inventory names: the "Checked" group, until the window closes. */
  private readonly adhoc = new Map<string, KnownHost>();

  private remember(result: HostCheckResult): void {
    const key = hostKey(result.host, result.port);
    if (this.adhoc.has(key) || this.registry.hosts().some((h) => h.key === key)) return;
    const target: CheckTarget = { target: result.target, host: result.host, port: result.port, ...(result.name !== undefined && { name: result.name }) };
    this.adhoc.set(key, { key, target, groups: [], files: [] });
  }

  /** The checked hosts the workspace does not name (one the workspace gained since is shown where the workspace puts it). */
  checkedHosts(): KnownHost[] {
    const known = new Set(this.registry.hosts().map((h) => h.key));
    return [...this.adhoc.values()].filter((h) => !known.has(h.key));
  }

  /** Fires when the view is shown or hidden (the workspace is read once it is shown). */
  get onDidChangeVisibility(): vscode.Event<boolean> {
    return (listener, thisArg, disposables) => this.view.onDidChangeVisibility((e) => listener.call(thisArg, e.visible), undefined, disposables);
  }

  get visible(): boolean {
    return this.view.visible;
  }

  /** The host nodes shown now (tests and commands read them). */
  hostNodes(): HostsNode[] {
    return this.registry.hosts().map((host) => ({ kind: 'host', host }));
  }

  /** What a tree item of a node looks like (tests read labels, descriptions and icons through the API). */
  describe(node: HostsNode): { label: string; description: string; icon: string; contextValue: string } {
    const item = this.getTreeItem(node);
    const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? (item.resourceUri?.path.split('/').pop() ?? ''));
    return { label, description: String(item.description ?? ''), icon: item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : '', contextValue: item.contextValue ?? '' };
  }

  /** Reveals and expands a host (after a check from elsewhere, the user sees its ladder). */
  async reveal(key: string, focus = false): Promise<void> {
    let host = this.registry.hosts().find((h) => h.key === key);
    let group = host?.groups[0];
    if (!host) {
      host = this.checkedHosts().find((h) => h.key === key);
      group = CHECKED_GROUP;
    }
    if (!host) return;
    if (focus && !this.view.visible) await vscode.commands.executeCommand('rdpDoctor.hosts.focus');
    if (this.view.visible) await this.view.reveal({ kind: 'host', host, ...(group !== undefined && { group }) }, { expand: true, select: true, focus });
  }

  getChildren(node?: HostsNode): HostsNode[] {
    if (!node) {
      const hosts = this.registry.hosts();
      const groups = new Map<string, KnownHost[]>();
      const loose: HostsNode[] = [];
      for (const host of hosts) {
        if (host.groups.length === 0) loose.push({ kind: 'host', host });
        for (const g of host.groups) groups.set(g, [...(groups.get(g) ?? []), host]);
      }
      const checked = this.checkedHosts();
      return [
        ...[...groups].map(([label, members]): HostsNode => ({ kind: 'group', label, hosts: members })),
        ...loose,
        ...(checked.length > 0 ? [{ kind: 'group', label: CHECKED_GROUP, hosts: checked, checked: true } as const] : []),
      ];
    }
    switch (node.kind) {
      case 'group':
        return (node.checked ? this.checkedHosts() : node.hosts).map((host) => ({ kind: 'host', host, group: node.label }));
      case 'host': {
        const group = node.group !== undefined ? { group: node.group } : {};
        return [
          ...core().STEP_ORDER.map((step): HostsNode => ({ kind: 'layer', host: node.host, step, ...group })),
          ...node.host.files.map((uri): HostsNode => ({ kind: 'file', host: node.host, uri, ...group })),
        ];
      }
      default:
        return [];
    }
  }

  getParent(node: HostsNode): HostsNode | undefined {
    if (node.kind === 'layer' || node.kind === 'file') return { kind: 'host', host: node.host, ...(node.group !== undefined && { group: node.group }) };
    if (node.kind === 'host' && node.group !== undefined) {
      const label = node.group;
      if (label === CHECKED_GROUP) return { kind: 'group', label, hosts: this.checkedHosts(), checked: true };
      return { kind: 'group', label, hosts: this.registry.hosts().filter((h) => h.groups.includes(label)) };
    }
    return undefined;
  }

  getTreeItem(node: HostsNode): vscode.TreeItem {
    switch (node.kind) {
      case 'group': {
        const item = new vscode.TreeItem(node.checked ? 'Checked' : node.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `group:${node.label}`;
        item.iconPath = new vscode.ThemeIcon(node.checked ? 'history' : 'server-environment');
        item.description = `${node.hosts.length} host${node.hosts.length === 1 ? '' : 's'}`;
        if (node.checked) {
          item.tooltip = new vscode.MarkdownString('Hosts checked in this window that no .rdp file or inventory names; kept until the window closes.');
          item.accessibilityInformation = { label: `Checked, ${item.description}` };
        }
        item.contextValue = node.checked ? 'group.checked' : 'group';
        return item;
      }
      case 'host': {
        const result = this.checks.latest(node.host.key);
        const running = this.checks.isRunning(node.host.key);
        const item = new vscode.TreeItem(node.host.target.target, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `host:${under(node)}:${node.host.key}`;
        item.description = hostDescription(result, running);
        item.tooltip = hostTooltip(node.host, result);
        item.iconPath = running ? RUNNING : result && !result.cancelled ? STATUS_ICON[worst(result)] : NOT_CHECKED;
        item.contextValue = ['host', result && 'checked', result?.certificate && 'cert', node.host.files.length > 0 && 'file'].filter(Boolean).join('.');
        item.accessibilityInformation = { label: `${node.host.target.target}, ${item.description}` };
        return item;
      }
      case 'layer': {
        const result = this.checks.latest(node.host.key);
        const step = result?.steps[node.step];
        const item = new vscode.TreeItem(core().STEP_LABEL[node.step], vscode.TreeItemCollapsibleState.None);
        item.id = `layer:${under(node)}:${node.host.key}:${node.step}`;
        item.description = step?.detail ?? (this.checks.isRunning(node.host.key) ? 'checking…' : 'not checked');
        item.iconPath = step ? STATUS_ICON[step.status] : NOT_CHECKED;
        const md = new vscode.MarkdownString(`**${core().STEP_LABEL[node.step]}**: ${core().escapeMarkdown(step?.detail ?? 'not checked yet')}`);
        const findings = result ? findingLines(result, node.step) : [];
        if (findings.length) md.appendMarkdown(`\n\n${findings.join('\n')}`);
        item.tooltip = md;
        item.contextValue = `layer.${node.step}${node.step === 'certificate' && result?.certificate ? '.cert' : ''}`;
        if (node.step === 'certificate' && result?.certificate) item.command = { command: 'rdpDoctor.showCertificate', title: 'Show Certificate', arguments: [node] };
        return item;
      }
      case 'file': {
        const item = new vscode.TreeItem(node.uri, vscode.TreeItemCollapsibleState.None);
        item.id = `file:${under(node)}:${node.host.key}:${node.uri.toString()}`;
        // The label is the file's name; the description adds only its folder, when it has one ("lab.rdp lab.rdp" said nothing).
        const relative = vscode.workspace.asRelativePath(node.uri);
        const folder = relative.includes('/') ? relative.slice(0, relative.lastIndexOf('/')) : '';
        item.description = folder;
        item.contextValue = 'file';
        item.command = { command: 'vscode.open', title: 'Open File', arguments: [node.uri] };
        return item;
      }
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
