import * as vscode from 'vscode';
import type { FileFormat } from '../core/lint/formats';
import { lintText } from '../core/lint/lint-file';
import type { SeverityOverrides } from '../core/rules/engine';
import type { Finding } from '../core/rules/types';
import { decodeBytes, type DecodedText } from '../core/text/decode';
import { toDiagnostic } from './convert';
import type { Logger } from './logger';
import { settings } from './settings';
import { isConfigDocument, type WorkspaceConfigStore } from './workspace-config';

type ByteFacts = Pick<DecodedText, 'encoding' | 'bom' | 'nul'>;

interface LintedVersion {
  readonly version: number;
  readonly findings: readonly Finding[];
}

export function formatOf(document: vscode.TextDocument): FileFormat | undefined {
  if (document.languageId === 'rdp') return 'rdp';
  if (isConfigDocument(document.uri)) return 'config';
  return undefined;
}

/**
 * Publishes diagnostics for `.rdp` documents and `.rdpdoctor.yaml`: on open, debounced while typing,
 * on save; results for an older document version are dropped; closing a document clears them.
 */
export class LintFeature implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('rdp-doctor');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly latest = new Map<string, LintedVersion>();
  private readonly bytes = new Map<string, ByteFacts>();
  private readonly disposables: vscode.Disposable[] = [this.collection];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly configs: WorkspaceConfigStore,
    private readonly log: Logger,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.opened(d)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.schedule(e.document);
      }),
      vscode.workspace.onDidSaveTextDocument((d) => this.opened(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.closed(d)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (settings.affectsLinting(e)) this.lintAll();
      }),
      configs.onDidChange(() => this.lintAll()),
    );
    // Documents already open when the extension activates (the one that activated it, at least).
    for (const document of vscode.workspace.textDocuments) this.opened(document);
  }

  /** The findings of the document's current version, linting now if they are stale. */
  async findingsFor(document: vscode.TextDocument): Promise<readonly Finding[]> {
    const cached = this.latest.get(document.uri.toString());
    if (cached && cached.version === document.version) return cached.findings;
    return (await this.lint(document)) ?? [];
  }

  /** Lints a text as if it were the document, with the document's config (used by fix-all). */
  async lintOptions(document: vscode.TextDocument): Promise<{ severities: SeverityOverrides; bytes?: ByteFacts }> {
    const config = await this.configs.forDocument(document.uri);
    const severities = { ...config?.rules, ...settings.rules(document.uri) };
    const bytes = this.bytes.get(document.uri.toString());
    return { severities, ...(bytes && { bytes }) };
  }

  private lintAll(): void {
    for (const document of vscode.workspace.textDocuments) void this.lint(document);
  }

  private opened(document: vscode.TextDocument): void {
    if (!formatOf(document)) return;
    void this.lint(document);
    if (document.uri.scheme !== 'untitled') void this.readBytes(document);
  }

  /** Byte-level facts (encoding, BOM, NUL) that the editor's text no longer shows; RDP006 needs them. */
  private async readBytes(document: vscode.TextDocument): Promise<void> {
    try {
      const decoded = decodeBytes(await vscode.workspace.fs.readFile(document.uri));
      const key = document.uri.toString();
      const before = this.bytes.get(key);
      const facts = { encoding: decoded.encoding, bom: decoded.bom, nul: decoded.nul };
      this.bytes.set(key, facts);
      if (!before || before.encoding !== facts.encoding || before.bom !== facts.bom) void this.lint(document);
    } catch (error) {
      this.log.debug(`Could not read ${document.uri.toString()} for its encoding: ${String(error)}`);
    }
  }

  private schedule(document: vscode.TextDocument): void {
    if (!formatOf(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.lint(document);
      }, settings.debounceMs()),
    );
  }

  private async lint(document: vscode.TextDocument): Promise<readonly Finding[] | undefined> {
    const format = formatOf(document);
    if (!format || document.isClosed) return undefined;
    const key = document.uri.toString();
    if (!settings.lintEnabled(document.uri)) {
      this.collection.delete(document.uri);
      this.latest.delete(key);
      return undefined;
    }
    const version = document.version;
    const options = await this.lintOptions(document);
    if (document.isClosed || document.version !== version) return undefined; // a newer lint is on its way
    try {
      const { findings } = lintText(format, document.getText(), options);
      this.latest.set(key, { version, findings });
      this.collection.set(
        document.uri,
        findings.map((f) => toDiagnostic(document, f, this.extensionUri)),
      );
      return findings;
    } catch (error) {
      this.log.error(`Linting ${key} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return undefined;
    }
  }

  private closed(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.latest.delete(key);
    this.bytes.delete(key);
    this.collection.delete(document.uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
  }
}
