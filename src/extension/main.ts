import * as vscode from 'vscode';
import { join } from 'node:path';
import { activationCost, mark, type ActivationCost, type LoadCost } from './activation-cost';
import { coreCodeCache, useCoreCache } from './core';
import type { CodeCacheUse } from '../shared/code-cache';
import { CodeActionFeature } from './code-action-feature';
import { commandRan, registerCommands } from './commands';
import { CompletionFeature } from './completion-feature';
import { ErrorCodeHoverFeature } from './error-code-hover-feature';
import { ExplainerPanels } from './explainer-panel';
import { HoverFeature } from './hover-feature';
import { DocumentModel } from './document-model';
import { LintFeature } from './lint-feature';
import { LintTaskProvider } from './lint-task';
import { OutlineFeature } from './outline-feature';
import { PolicyHoverFeature } from './policy-hover-feature';
import { PolicyIndex } from './policy-index';
import { RegistryPolViews } from './registry-pol-view';
import { WorkspaceConfigStore } from './workspace-config';
import type { HostCheckResult } from '../core/net/index';
import { CertificateViews } from './certificate-view';
import { CheckDiagnostics } from './check-diagnostics';
import type { KnownHost } from './check-runner';
import { CheckService } from './check-service';
import { hardenActiveFile, type HardenRequest } from './harden-command';
import { hostCommands } from './host-commands';
import { HostRegistry } from './host-registry';
import { HostsView } from './hosts-view';
import { LanguageStatusFeature, type LanguageStatusState } from './language-status';
import { FixesView, PowerShellFixInserter } from './powershell-fixes';
import { exportReport } from './report-export';
import { RestrictedConfigStatus, type RestrictedConfigState } from './restricted-config-status';
import { safeLogger } from './logger';
import { settings } from './settings';
import { plainWorkbenchText } from '../core/text/terminal';

/** What the extension exposes to its own tests through `vscode.extensions.getExtension(...).exports`. */
export interface RdpDoctorApi {
  readonly ready: true;
  /** The hosts the Hosts view shows (after the first scan). */
  readonly hosts?: () => readonly KnownHost[];
  readonly latest?: (key: string) => HostCheckResult | undefined;
  readonly hostsView?: HostsView;
  /** Why a document was linted, each time it was in this session (one lint per version is the contract). */
  readonly lints?: (uri: vscode.Uri) => readonly string[];
  /** Whether the workspace scans started, and how many files they read (the lazy-activation test reads it). */
  readonly workspaceReads?: () => { readonly started: boolean; readonly files: number };
  /** After the first policy-export scan: the exports found and the bytes read to find them. */
  readonly policyScan?: () => Promise<{ readonly exports: readonly string[]; readonly bytesRead: number }>;
  /** What loading the bundle and activate() cost this extension host (CPU and wall ms). */
  readonly activation?: ActivationCost;
  /** What the code cache did for the core (core.ts) when it was loaded; undefined until then. */
  readonly coreCodeCache?: () => CodeCacheUse | undefined;
  /** What the language status item of the active editor says now. */
  readonly languageStatus?: () => LanguageStatusState;
  /** What the Restricted Mode language status item says, when it is shown. */
  readonly restrictedStatus?: () => RestrictedConfigState | undefined;
}

/** Called by the loader (loader.ts, dist/extension.js) with what loading this code cost. */
export function activate(context: vscode.ExtensionContext, load?: LoadCost): RdpDoctorApi {
  const started = mark();
  // The core's code cache sits beside the features' (loader.ts), in the extension's global storage.
  const storage = context.globalStorageUri?.fsPath;
  useCoreCache(typeof storage === 'string' ? join(storage, 'code-cache') : undefined);
  const channel = vscode.window.createOutputChannel('RDP Doctor', { log: true });
  const log = safeLogger(channel);
  let api: RdpDoctorApi = { ready: true };
  context.subscriptions.push(channel);
  try {
    const configs = new WorkspaceConfigStore(log);
    const polViews = new RegistryPolViews(log);
    const index = new PolicyIndex(log);
    const documents = new DocumentModel();
    const lint = new LintFeature(context.extensionUri, documents, configs, log, index, polViews);
    const registry = new HostRegistry(documents, configs, log, (d) => lint.findingsFor(d));
    const checks = new CheckService(registry, configs, log);
    const hostsView = new HostsView(registry, checks);
    const certificates = new CertificateViews();
    context.subscriptions.push(checks.onDidCheck((results) => certificates.checked(results)));
    const inserter = new PowerShellFixInserter(checks, registry, log);
    const explainer = new ExplainerPanels(context.extensionUri, checks, log);
    const version = String(context.extension.packageJSON.version);
    const lintTasks = new LintTaskProvider(context.extensionUri);
    const checkDiagnostics = new CheckDiagnostics(context.extensionUri, checks, registry, index);
    const status = new LanguageStatusFeature(checks, registry, checkDiagnostics, documents);
    const restrictedStatus = new RestrictedConfigStatus(configs, log);
    context.subscriptions.push(
      documents,
      configs,
      polViews,
      index,
      lint,
      new HoverFeature(),
      new ErrorCodeHoverFeature(),
      explainer,
      new PolicyHoverFeature(lint),
      new CompletionFeature(documents),
      new OutlineFeature(documents),
      lintTasks,
      new CodeActionFeature(lint, (d) => registry.targetOf(d)),
      registry,
      checks,
      hostsView,
      certificates,
      checkDiagnostics,
      new FixesView(),
      status,
      restrictedStatus,
      ...registerCommands({
        extensionUri: context.extensionUri,
        explainer,
        lint,
        log,
        showLog: () => channel.show(),
        polViews,
        targetOf: (d) => registry.settledTargetOf(d),
        more: {
          ...hostCommands({ checks, registry, hostsView, certificates }),
          'rdpDoctor.insertPowerShellFix': (arg?: unknown) => inserter.insert(arg),
          'rdpDoctor.lintWorkspace': () => lintTasks.lintWorkspace(),
          'rdpDoctor.exportReport': (format?: 'markdown' | 'sarif', target?: vscode.Uri) => exportReport(checks, registry, log, version, format, target),
          'rdpDoctor.hardenConnectionFile': (request?: HardenRequest | vscode.Uri) => hardenActiveFile(log, request),
        },
      }),
    );
    // The workspace is read (its .rdp files and policy exports, a few at a time) only once it is needed: activation by
    // a Markdown, log or plain-text file (the error-code hover) reads nothing more.
    let scanned = false;
    const readWorkspace = (why: string): void => {
      if (scanned) return;
      scanned = true;
      log.debug(`Reading the workspace: ${why}.`);
      void index.start();
      void registry.ready().then(() => checks.checkOnOpen('all'));
    };
    const needsWorkspace = (d: vscode.TextDocument): boolean => !d.isClosed && documents.get(d).formatOf !== undefined;
    const opened = vscode.workspace.textDocuments.find(needsWorkspace);
    if (opened) readWorkspace(`${vscode.workspace.asRelativePath(opened.uri)} is open`);
    else if (checksOnOpenSomewhere() && vscode.workspace.isTrusted) readWorkspace('rdpDoctor.checks.onOpen is on');
    context.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (!scanned && needsWorkspace(d)) readWorkspace(`${vscode.workspace.asRelativePath(d.uri)} was opened`);
      }),
      hostsView.onDidChangeVisibility((visible) => {
        if (visible) readWorkspace('the Hosts view is shown');
      }),
      commandRan((id) => readWorkspace(`${id} ran`)),
    );
    if (hostsView.visible) readWorkspace('the Hosts view is shown');
    log.info(`RDP Doctor ${version} activated${vscode.workspace.isTrusted ? '' : ' in Restricted Mode: checks run only from commands'}.`);
    api = {
      ready: true,
      hosts: () => registry.hosts(),
      latest: (key) => checks.latest(key),
      hostsView,
      lints: (uri) => documents.lintsOf(uri),
      workspaceReads: () => ({ started: index.started || registry.started, files: index.filesRead + registry.filesRead }),
      policyScan: () => index.ready.then(() => ({ exports: index.all().map((e) => e.path), bytesRead: index.bytesRead })),
      activation: activationCost(load, started),
      coreCodeCache,
      languageStatus: () => status.state(),
      restrictedStatus: () => restrictedStatus.state(),
    };
  } catch (error) {
    log.error(error instanceof Error ? error : String(error));
    void vscode.window.showErrorMessage(plainWorkbenchText(`RDP Doctor could not start: ${error instanceof Error ? error.message : String(error)}`));
  }
  return api;
}

/** Whether `rdpDoctor.checks.onOpen` is on for a workspace folder (each may set its own), or for any resource without one. */
function checksOnOpenSomewhere(): boolean {
  const folders = vscode.workspace.workspaceFolders ?? [];
  return folders.length === 0 ? settings.checksOnOpen(null) : folders.some((f) => settings.checksOnOpen(f.uri));
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
