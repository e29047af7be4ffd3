import * as vscode from 'vscode';
import type { PolicyDocument } from '../core/gpo/model';
import type { FileFormat } from '../core/lint/formats';
import type { SeverityOverrides } from '../core/findings/severity';
import type { LintOptions } from '../core/lint/lint-file';
import type { Finding } from '../core/rules/types';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { diagnosticsSignature } from './convert';
import { ByteReads } from './byte-reads';
import { DocumentLinter, type LintedDocument } from './document-linter';
import type { ByteFacts, DocumentLint, DocumentModel, DocumentState, LintReason } from './document-model';
import { DocumentTabs } from './document-tabs';
import type { Logger } from './logger';
import type { PolicyIndex } from './policy-index';
import { OffThreadLinter } from './off-thread-lint';
import { POL_SCHEME, type RegistryPolViews } from './registry-pol-view';
import { Deferred, LintDurations } from './lint-timing';
import { settings } from './settings';
import type { WorkspaceConfigStore } from './workspace-config';

/**
 * Publishes diagnostics for `.rdp` documents, `.rdpdoctor.yaml` and Group Policy or registry exports
 * (recognized by content, never by name alone): on open, debounced while typing, on save; results for an
 * older document version are dropped; closing a document clears them. Each version is linted once (again
 * only when the settings, the config or the workspace's exports change). `.rdp` files are cross-checked
 * against the exports of their workspace folder, and exports against each other.
 */
export class LintFeature implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('rdp-doctor');
  /** Each document's scheduled lint, and a promise kept until it has run (or will not). */
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; done: Deferred }>();
  /** How long each document's lints take: a document that takes longer is linted after a longer pause in typing. */
  private readonly durations = new LintDurations();
  /** What each document's diagnostics were last set to, to skip setting the same again. */
  private readonly published = new Map<string, string>();
  /** Documents VS Code keeps after their last tab closed: their problems are not shown until a tab shows them again. */
  private readonly tabs = new DocumentTabs(
    (uri) => this.published.has(uri.toString()) || uri.scheme === POL_SCHEME,
    (uri) => this.closed(uri),
    (document) => void this.lint(document, true, 'open'),
  );
  private readonly linter: DocumentLinter;
  /** Reads an `.rdp` file's bytes for the facts its text no longer shows, once for whoever asks first. */
  private readonly bytes: ByteReads;
  /** Lints large `.rdp` documents in a worker thread, started on the first one (dist/lint-worker.js). */
  private readonly worker = new OffThreadLinter(() => new Worker(join(__dirname, 'lint-worker.js')));
  /** The lints in the worker, by document version: whoever asks while one runs waits for it. */
  private readonly inWorker = new WeakMap<DocumentState, Promise<DocumentLint | undefined>>();
  private readonly disposables: vscode.Disposable[] = [this.collection];

  constructor(
    extensionUri: vscode.Uri,
    private readonly documents: DocumentModel,
    private readonly configs: WorkspaceConfigStore,
    private readonly log: Logger,
    index: PolicyIndex,
    polViews: RegistryPolViews,
  ) {
    this.linter = new DocumentLinter(extensionUri, index, polViews);
    this.bytes = new ByteReads(documents, log);
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => void this.opened(d)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.schedule(e.document);
      }),
      vscode.workspace.onDidSaveTextDocument((d) => void this.saved(d)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.tabs.forget(d.uri);
        this.closed(d.uri);
      }),
      this.tabs,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (settings.affectsLinting(e)) this.lintAll('settings');
      }),
      configs.onDidChange(() => this.lintAll('config')),
      index.onDidChange(() => this.lintAll('exports')),
    );
    // Documents already open when the extension activates (the one that activated it, at least).
    for (const document of vscode.workspace.textDocuments) void this.opened(document);
  }

  /** The format of a document, sniffed once per version. */
  formatOf(document: vscode.TextDocument): FileFormat | undefined {
    return this.documents.get(document).formatOf;
  }

  /** The findings of the document's current version, linting now if there are none yet. */
  async findingsFor(document: vscode.TextDocument): Promise<readonly Finding[]> {
    return (await this.current(document))?.findings ?? [];
  }

  /** Whether an `.rdp` document's current version is signed (its fixes would break the signature). */
  isSigned(document: vscode.TextDocument): boolean {
    return this.documents.get(document).signed;
  }

  /** The normalized settings of a policy export document (for hovers), linting now if there are none yet. */
  async policyFor(document: vscode.TextDocument): Promise<PolicyDocument | undefined> {
    const format = this.formatOf(document);
    if (!format || format === 'rdp' || format === 'config') return undefined;
    return (await this.current(document))?.policy;
  }

  /** Lints a text as if it were the document, with the document's config (used by fix-all). */
  async lintOptions(document: vscode.TextDocument): Promise<{ severities: SeverityOverrides; bytes?: ByteFacts }> {
    const config = await this.configs.forDocument(document.uri);
    const severities = { ...config?.rules, ...settings.rules(document.uri) };
    const bytes = this.documents.bytesOf(document.uri);
    return { severities, ...(bytes && { bytes }) };
  }

  /**
   * The lint of the document's current version: the one made, the one its edit scheduled (a light bulb asks after every
   * keystroke, and linting then, not after the debounce, linted a 176,000-line file on each), or one made now.
   */
  private current(document: vscode.TextDocument): Promise<DocumentLint | undefined> | DocumentLint | undefined {
    const state = this.documents.get(document);
    if (state.lint) return state.lint;
    return this.timers.has(document.uri.toString()) ? this.documents.settled(document).then(() => this.documents.get(document).lint) : this.lint(document, false, 'asked');
  }

  private lintAll(reason: LintReason): void {
    for (const document of vscode.workspace.textDocuments) if (this.formatOf(document)) void this.lint(document, true, reason);
  }

  private async opened(document: vscode.TextDocument): Promise<void> {
    if (!this.formatOf(document)) return;
    await this.lint(document, false, 'open');
  }

  private async saved(document: vscode.TextDocument): Promise<void> {
    const format = this.formatOf(document);
    if (!format) return;
    // Saving may change the encoding (Save with Encoding): read the bytes again, lint once.
    if (format === 'rdp' && document.uri.scheme !== 'untitled') await this.bytes.read(document);
    await this.lint(document, true, 'save');
  }

  private schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    if (!this.formatOf(document)) {
      this.collection.delete(document.uri); // it no longer reads as an export
      return;
    }
    const pending = this.timers.get(key);
    clearTimeout(pending?.timer);
    // Whoever waits for the lint an earlier edit scheduled waits for this one (the document's current version).
    const done = pending?.done ?? new Deferred();
    if (!pending) this.documents.lintScheduled(document, done.promise);
    const timer = setTimeout(() => {
      this.timers.delete(key);
      void this.lint(document, false, 'edit').finally(() => done.resolve());
    }, this.durations.delay(key, settings.debounceMs()));
    this.timers.set(key, { timer, done });
  }

  /** Lints the document's current version, unless it has been (`force`: the settings or the workspace changed). */
  private async lint(document: vscode.TextDocument, force: boolean, reason: LintReason): Promise<DocumentLint | undefined> {
    const state = this.documents.get(document);
    if (!state.formatOf || document.isClosed) return undefined;
    if (state.lint && !force) return state.lint;
    // An `.rdp` file's encoding is read from disk before its first lint, whoever asks first (the open, a code
    // action, a hover), so the file is linted once, with RDP006 right.
    if (state.formatOf === 'rdp' && document.uri.scheme !== 'untitled' && !this.documents.bytesOf(document.uri)) await this.bytes.read(document);
    if (state.lint && !force) return state.lint;
    if (!settings.lintEnabled(document.uri)) {
      this.collection.delete(document.uri);
      return undefined;
    }
    // Whoever asks first (a light bulb, the outline, a workspace change), an `.rdp` file is linted with its bytes known.
    if (state.formatOf === 'rdp' && document.uri.scheme === 'file' && !this.documents.bytesOf(document.uri)) await this.bytes.read(document);
    const options = await this.lintOptions(document);
    if (document.isClosed || document.version !== state.version) return undefined; // a newer lint is on its way
    if (state.lint && !force) return state.lint; // another lint of this version finished meanwhile
    if (state.offThread) return this.lintInWorker(state, options, force, reason);
    try {
      const started = performance.now();
      const result = this.linter.lint(state, options);
      this.durations.record(document.uri.toString(), performance.now() - started);
      return this.linted(state, result, reason);
    } catch (error) {
      this.failed(document, error);
      return undefined;
    }
  }

  /**
   * Lints a large `.rdp` version in the lint worker: the extension host answers everything else meanwhile. Whoever
   * asks while it runs waits for it; a failure (a crash, a timeout) is logged and leaves the document without problems.
   * A version whose lint failed is not linted again for whoever asks (each light bulb, the outline): only its next
   * edit, or a forced re-lint (the settings, the config, the exports changed), tries again.
   */
  private lintInWorker(state: DocumentState, options: LintOptions, force: boolean, reason: LintReason): Promise<DocumentLint | undefined> {
    const running = this.inWorker.get(state);
    if (running && !force) return running;
    if (state.workerFailed !== undefined && !force) return Promise.resolve(undefined);
    const { document } = state;
    const linting = (async () => {
      try {
        const started = performance.now();
        const result = await this.linter.lintOffThread(state, options, this.worker, this.documents);
        if (result === undefined) return undefined; // its version is gone: the next lint publishes
        if ('failed' in result) {
          state.workerFailed = result.failed;
          this.log.error(result.failed);
          this.published.delete(document.uri.toString());
          this.collection.delete(document.uri);
          return undefined;
        }
        this.durations.record(document.uri.toString(), performance.now() - started);
        return this.linted(state, result, reason);
      } catch (error) {
        this.failed(document, error);
        return undefined;
      }
    })().finally(() => {
      if (this.inWorker.get(state) === linting) this.inWorker.delete(state);
    });
    this.inWorker.set(state, linting);
    return linting;
  }

  /** Records a version's lint and shows its diagnostics. */
  private linted(state: DocumentState, result: LintedDocument, reason: LintReason): DocumentLint {
    const linted: DocumentLint = { findings: result.findings, ...(result.policy && { policy: result.policy }) };
    this.documents.linted(state, linted, reason);
    this.publish(state.document.uri, result.diagnostics);
    if (state.formatOf !== 'rdp' && state.formatOf !== 'config') this.relintRdpDocuments(state.document);
    return linted;
  }

  private failed(document: vscode.TextDocument, error: unknown): void {
    this.log.error(`Linting ${document.uri.toString()} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }

  /**
   * Sets a document's diagnostics unless they are the ones it already shows. Every set is a marker change, and a
   * marker change while the user presses Ctrl+. re-triggers (and may empty) the light bulb: a re-lint that finds
   * the same problems (the workspace's exports changed, a setting was touched) must not disturb the editor.
   */
  private publish(uri: vscode.Uri, diagnostics: vscode.Diagnostic[]): void {
    const key = uri.toString();
    if (this.tabs.isHidden(uri)) return;
    const signature = diagnosticsSignature(diagnostics);
    if (this.published.get(key) === signature && this.collection.has(uri)) return;
    this.published.set(key, signature);
    this.collection.set(uri, diagnostics);
  }

  /** An export changed in the editor: the `.rdp` files' cross-checks may change with it. */
  private relintRdpDocuments(changed: vscode.TextDocument): void {
    for (const document of vscode.workspace.textDocuments) if (document.languageId === 'rdp') void this.lint(document, true, `export ${changed.uri.toString()}`);
  }

  private closed(uri: vscode.Uri): void {
    const key = uri.toString();
    this.published.delete(key);
    const pending = this.timers.get(key);
    clearTimeout(pending?.timer);
    pending?.done.resolve();
    this.timers.delete(key);
    this.durations.forget(key);
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const { timer, done } of this.timers.values()) {
      clearTimeout(timer);
      done.resolve();
    }
    this.timers.clear();
    this.worker.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
