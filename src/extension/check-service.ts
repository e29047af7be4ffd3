import * as vscode from 'vscode';
import { core } from './core';
import type { CheckTarget, HostCheckResult } from '../core/net/index';
import { hostKey, type CheckOptions, type CheckRunner, type KnownHost } from './check-runner';
import { checkScope, checkScopeUri, checkSeverities, trustAnchors, type CheckScope } from './check-scope';
import type { HostRegistry } from './host-registry';
import type { Logger } from './logger';
import { settings } from './settings';
import type { WorkspaceConfigStore } from './workspace-config';
import { checkedAt, noteCheckedAt } from './checked-at';
import { plainWorkbenchText } from '../core/text/terminal';

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

/** How a check run ended, for the summary message. */
function summary(results: readonly HostCheckResult[]): string {
  if (results.length === 1) {
    const r = results[0]!;
    const errors = r.findings.filter((f) => f.severity === 'error').length;
    const warnings = r.findings.filter((f) => f.severity === 'warning').length;
    if (errors + warnings === 0) return `RDP Doctor: ${r.target} passed every check.`;
    return `RDP Doctor checked ${r.target}: ${[errors > 0 && count(errors, 'error'), warnings > 0 && count(warnings, 'warning')].filter(Boolean).join(', ')}.`;
  }
  const errors = results.filter((r) => r.findings.some((f) => f.severity === 'error')).length;
  const warnings = results.filter((r) => !r.findings.some((f) => f.severity === 'error') && r.findings.some((f) => f.severity === 'warning')).length;
  if (errors === 0 && warnings === 0) return `RDP Doctor: ${results.length} hosts passed every check.`;
  const parts = [errors > 0 && `${errors} with errors`, warnings > 0 && `${warnings} with warnings`].filter(Boolean);
  return `RDP Doctor checked ${results.length} hosts: ${parts.join(', ')}.`;
}

/**
 * Runs remote checks with a cancellable progress notification and keeps the latest result per host.
 * Checks start only from commands, or on open when the user turned `rdpDoctor.checks.onOpen` on in a trusted workspace.
 */
export class CheckService implements CheckRunner, vscode.Disposable {
  private readonly results = new Map<string, HostCheckResult>();
  /** Where each kept result's host is written down (its scope's source), to tell it again with that scope's rules. */
  private readonly scopeSources = new Map<string, vscode.Uri | undefined>();
  private readonly running = new Set<string>();
  private readonly controllers = new Set<AbortController>();
  private readonly checked = new vscode.EventEmitter<readonly HostCheckResult[]>();
  private readonly runningChanged = new vscode.EventEmitter<void>();
  /** Hosts checked on open in this session. */
  private readonly checkedOnOpen = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [this.checked, this.runningChanged];
  /** Results of a check, or kept results told again (`retell`). */
  readonly onDidCheck = this.checked.event;
  readonly onDidChangeRunning = this.runningChanged.event;

  constructor(
    private readonly registry: HostRegistry,
    private readonly configs: WorkspaceConfigStore,
    private readonly log: Logger,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (d.languageId !== 'rdp' || d.uri.scheme !== 'file' || !settings.checksOnOpen(checkScopeUri(d.uri))) return;
        // A file without a usable full address has nothing to check (undefined would mean every host). A large file's
        // target comes with the lint worker's parse of it: waited for, or its host was never checked on open.
        void this.registry.settledTargetOf(d).then((target) => target && this.checkOnOpen(target, d.uri));
      }),
      // `configs` was made first, so its own listener has dropped the configs read in Restricted Mode by now.
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.retell('The workspace is trusted')),
    );
  }

  knownHosts(): readonly KnownHost[] {
    return this.registry.hosts();
  }

  latest(key: string): HostCheckResult | undefined {
    return this.results.get(key);
  }

  isRunning(key: string): boolean {
    return this.running.has(key);
  }

  /** Every result of this session (for reports). */
  allResults(): HostCheckResult[] {
    return [...this.results.values()];
  }

  /**
   * Checks on open: only when the setting is on and the workspace is trusted (Restricted Mode never connects on its own).
   * `'all'` when the workspace opens, one target when a file opens. A host being checked, or already checked on
   * open in this session, is not checked again (restored editors open together with the workspace).
   */
  async checkOnOpen(what: CheckTarget | 'all', from?: vscode.Uri): Promise<void> {
    // Each host as the folder that names it says (rdpDoctor.checks.onOpen is per folder).
    // Nothing to work out when no folder turns checks on open on (the default).
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (!(folders.length ? folders.some((f) => settings.checksOnOpen(f.uri)) : settings.checksOnOpen(null))) return;
    const sources = from ? undefined : this.registry.sources();
    const onOpen = (t: CheckTarget): boolean => settings.checksOnOpen(checkScopeUri(from ?? sources?.get(hostKey(t.host, t.port))));
    const candidates = (what === 'all' ? this.registry.hosts().map((h) => h.target) : [what]).filter(onOpen);
    if (candidates.length === 0) return;
    if (!vscode.workspace.isTrusted) {
      this.log.info('Restricted Mode: checks on open are off; run a check command to check a host.');
      return;
    }
    const targets = candidates.filter((t) => {
      const key = hostKey(t.host, t.port);
      if (this.running.has(key) || this.checkedOnOpen.has(key)) return false;
      this.checkedOnOpen.add(key);
      return true;
    });
    if (targets.length > 0) await this.check(targets, { title: 'Checking on open', ...(from && { from }) });
  }

  /** Each target's scope (the config and settings where it is written down), targets of one scope together in their order. */
  private async scopes(targets: readonly CheckTarget[], from: vscode.Uri | undefined): Promise<{ scope: CheckScope; indexes: number[] }[]> {
    const groups = new Map<string, { scope: CheckScope; indexes: number[] }>();
    const sources = from ? undefined : this.registry.sources();
    for (const [index, target] of targets.entries()) {
      const scope = await checkScope(this.configs, from ?? sources?.get(hostKey(target.host, target.port)));
      const group = groups.get(scope.key) ?? { scope, indexes: [] };
      group.indexes.push(index);
      groups.set(scope.key, group);
    }
    return [...groups.values()];
  }

  async check(targets: readonly CheckTarget[], options?: CheckOptions): Promise<readonly HostCheckResult[]> {
    if (targets.length === 0) return [];
    const groups = await this.scopes(targets, options?.from);
    const stores = await Promise.all(groups.map(async ({ scope }) => new (core().TrustStore)(await trustAnchors(scope, this.log))));
    const keys = targets.map((t) => hostKey(t.host, t.port));
    for (const k of keys) this.running.add(k);
    this.runningChanged.fire();
    void vscode.commands.executeCommand('setContext', 'rdpDoctor.checking', true);
    const started = Date.now();
    let results: HostCheckResult[] = [];
    try {
      results = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: options?.title ?? (targets.length === 1 ? `Checking ${targets[0]!.target}` : `Checking ${targets.length} hosts`), cancellable: true },
        async (progress, token) => {
          const controller = new AbortController();
          this.controllers.add(controller);
          const cancel = token.onCancellationRequested(() => controller.abort());
          let done = 0;
          const all: HostCheckResult[] = new Array(targets.length);
          try {
            // One scope after the other: each keeps its own concurrency, and most checks have one scope.
            for (const [g, { scope, indexes }] of groups.entries()) {
              const { config, settingsScope } = scope;
              const results = await core().checkHosts(
                indexes.map((i) => targets[i]!),
                {
                  // A value the config file sets wins over the editor's setting; a default it fills in does not.
                  timeoutMs: settings.checksTimeoutMs(settingsScope, config.checks.set?.includes('timeoutMs') ? config.checks.timeoutMs : undefined),
                  concurrency: settings.checksConcurrency(settingsScope, config.checks.set?.includes('concurrency') ? config.checks.concurrency : undefined),
                  ntlmInfo: settings.checksNtlmInfo(settingsScope, config.checks.ntlmInfo),
                  store: stores[g]!,
                  expiringSoonDays: config.trust.expiringSoonDays,
                  severities: checkSeverities(scope),
                  signal: controller.signal,
                  onResult: (result) => {
                    done += 1;
                    noteCheckedAt(result);
                    this.store(result, scope.source);
                    // The title names a single host already: the count alone then.
                    progress.report({ increment: 100 / targets.length, message: targets.length === 1 ? `${done}/1` : `${done}/${targets.length} ${result.target}` });
                  },
                },
              );
              for (const [j, result] of results.entries()) all[indexes[j]!] = result;
            }
            return all;
          } finally {
            cancel.dispose();
            this.controllers.delete(controller);
          }
        },
      );
    } finally {
      for (const k of keys) this.running.delete(k);
      this.runningChanged.fire();
      if (this.running.size === 0) void vscode.commands.executeCommand('setContext', 'rdpDoctor.checking', false);
    }
    const cancelled = results.some((r) => r.cancelled);
    this.log.info(`Checked ${results.length} ${results.length === 1 ? 'host' : 'hosts'} in ${Date.now() - started} ms${cancelled ? ' (cancelled)' : ''}.`);
    // A cancelled host is no clean one (a review: "no findings" read as a pass in the log).
    for (const r of results) this.log.info(`  ${r.target}: ${r.findings.length > 0 ? r.findings.map((f) => `${f.ruleId} ${f.severity}`).join(', ') : r.cancelled ? 'cancelled before a result' : 'no findings'}`);
    this.checked.fire(results);
    if (cancelled) void vscode.window.showInformationMessage('RDP Doctor: the check was cancelled; the hosts that finished keep their results.');
    else if (results.length > 0) {
      // "Show" reveals the host (or the first) in the Hosts view, where its ladder is: an ad-hoc host sits under "Checked".
      const first = results[0]!;
      void vscode.window.showInformationMessage(plainWorkbenchText(summary(results)), 'Show').then((choice) => {
        if (choice === 'Show') void vscode.commands.executeCommand('rdpDoctor.revealHost', hostKey(first.host, first.port));
      });
    }
    return results;
  }

  /**
   * Tells every kept result again with the rule settings that apply now, without connecting: a check made in Restricted
   * Mode applied neither the workspace's `rdpDoctor.rules` nor its `.rdpdoctor.yaml` turning a rule off or lowering it.
   */
  private async retell(why: string): Promise<void> {
    const retold: HostCheckResult[] = [];
    for (const [key, result] of [...this.results]) {
      const scope = await checkScope(this.configs, this.scopeSources.get(key));
      // A check that ended meanwhile has its own result, read with the settings of its time.
      if (this.results.get(key) !== result) continue;
      const again = core().resultWithSeverities(result, checkSeverities(scope));
      const at = checkedAt(result);
      if (at) noteCheckedAt(again, at);
      this.results.set(key, again);
      retold.push(again);
    }
    if (retold.length === 0) return;
    this.log.info(`${why}: the findings of ${count(retold.length, 'checked host')} are told again with the rule settings that apply now (no new connection).`);
    this.checked.fire(retold);
  }

  /** Stops every running check (the notification's Cancel does the same for its own run). */
  cancelAll(): number {
    const n = this.controllers.size;
    for (const c of this.controllers) c.abort();
    return n;
  }

  private store(result: HostCheckResult, source: vscode.Uri | undefined): void {
    const key = hostKey(result.host, result.port);
    if (result.cancelled && this.results.has(key)) return; // an earlier complete result says more than a cancelled one
    this.results.set(key, result);
    this.scopeSources.set(key, source);
  }

  dispose(): void {
    this.cancelAll();
    for (const d of this.disposables) d.dispose();
  }
}
