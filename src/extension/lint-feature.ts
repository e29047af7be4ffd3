import * as vscode from 'vscode';
import type { PolicyDocument } from '../core/gpo/model';
import { sniffExport, type FileFormat } from '../core/lint/formats';
import type { SeverityOverrides } from '../core/rules/engine';
import type { Finding } from '../core/rules/types';
import { decodeBytes, type DecodedText } from '../core/text/decode';
import { DocumentLinter } from './export-lint';
import type { Logger } from './logger';
import type { PolicyIndex } from './policy-index';
import { POL_SCHEME, type RegistryPolViews } from './registry-pol-view';
import { settings } from './settings';
import { isConfigDocument, type WorkspaceConfigStore } from './workspace-config';

type ByteFacts = Pick<DecodedText, 'encoding' | 'bom' | 'nul'>;

interface LintedVersion {
  readonly version: number;
  readonly findings: readonly Finding[];
  readonly policy?: PolicyDocument;
}

/** Lines read to recognize a policy export (sniffing needs only the start of the file). */
const SNIFF_LINES = 400;

/** The format of `.rdp` files, `.rdpdoctor.yaml`, Registry.pol views, and exports recognized by their content. */
export function formatOf(document: vscode.TextDocument): FileFormat | undefined {
  if (document.languageId === 'rdp') return 'rdp';
  if (isConfigDocument(document.uri)) return 'config';
  if (document.uri.scheme === POL_SCHEME) return 'registry-pol';
  if (document.uri.scheme !== 'file' && document.uri.scheme !== 'untitled') return undefined;
  const head = document.getText(new vscode.Range(0, 0, Math.min(document.lineCount, SNIFF_LINES), 0));
  return sniffExport({ text: head });
}

/**
 * Publishes diagnostics for `.rdp` documents, `.rdpdoctor.yaml` and Group Policy or registry exports
 * (recognized by content, never by name alone): on open, debounced while typing, on save; results for an
 * older document version are dropped; closing a document clears them. `.rdp` files are cross-checked
 * against the exports of their workspace folder, and exports against each other.
 */
export class LintFeature implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('rdp-doctor');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly latest = new Map<string, LintedVersion>();
  private readonly formats = new Map<string, { version: number; format: FileFormat | undefined }>();
  private readonly bytes = new Map<string, ByteFacts>();
  private readonly linter: DocumentLinter;
  private readonly disposables: vscode.Disposable[] = [this.collection];

  constructor(
    extensionUri: vscode.Uri,
    private readonly configs: WorkspaceConfigStore,
    private readonly log: Logger,
    index: PolicyIndex,
    polViews: RegistryPolViews,
  ) {
    this.linter = new DocumentLinter(extensionUri, index, polViews);
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
      index.onDidChange(() => this.lintAll()),
    );
    // Documents already open when the extension activates (the one that activated it, at least).
    for (const document of vscode.workspace.textDocuments) this.opened(document);
  }

  /** The format of a document, sniffed once per version. */
  formatOf(document: vscode.TextDocument): FileFormat | undefined {
    const key = document.uri.toString();
    const cached = this.formats.get(key);
    if (cached && cached.version === document.version) return cached.format;
    const format = formatOf(document);
    this.formats.set(key, { version: document.version, format });
    return format;
  }

  /** The findings of the document's current version, linting now if they are stale. */
  async findingsFor(document: vscode.TextDocument): Promise<readonly Finding[]> {
    const cached = this.latest.get(document.uri.toString());
    if (cached && cached.version === document.version) return cached.findings;
    return (await this.lint(document))?.findings ?? [];
  }

  /** The normalized settings of a policy export document (for hovers), linting now if they are stale. */
  async policyFor(document: vscode.TextDocument): Promise<PolicyDocument | undefined> {
    const cached = this.latest.get(document.uri.toString());
    if (cached && cached.version === document.version) return cached.policy;
    const format = this.formatOf(document);
    if (!format || format === 'rdp' || format === 'config') return undefined;
    return (await this.lint(document))?.policy;
  }

  /** Lints a text as if it were the document, with the document's config (used by fix-all). */
  async lintOptions(document: vscode.TextDocument): Promise<{ severities: SeverityOverrides; bytes?: ByteFacts }> {
    const config = await this.configs.forDocument(document.uri);
    const severities = { ...config?.rules, ...settings.rules(document.uri) };
    const bytes = this.bytes.get(document.uri.toString());
    return { severities, ...(bytes && { bytes }) };
  }

  private lintAll(): void {
    for (const document of vscode.workspace.textDocuments) if (this.formatOf(document)) void this.lint(document);
  }

  private opened(document: vscode.TextDocument): void {
    const format = this.formatOf(document);
    if (!format) return;
    void this.lint(document);
    if (format === 'rdp' && document.uri.scheme !== 'untitled') void this.readBytes(document);
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
    const key = document.uri.toString();
    if (!this.formatOf(document)) {
      if (this.latest.delete(key)) this.collection.delete(document.uri); // it no longer reads as an export
      return;
    }
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.lint(document);
      }, settings.debounceMs()),
    );
  }

  private async lint(document: vscode.TextDocument): Promise<LintedVersion | undefined> {
    const format = this.formatOf(document);
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
      const result = this.linter.lint(document, format, options);
      const linted: LintedVersion = { version, findings: result.findings, ...(result.policy && { policy: result.policy }) };
      this.latest.set(key, linted);
      this.collection.set(document.uri, result.diagnostics);
      if (format !== 'rdp' && format !== 'config') this.relintRdpDocuments();
      return linted;
    } catch (error) {
      this.log.error(`Linting ${key} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return undefined;
    }
  }

  /** An export changed in the editor: the `.rdp` files' cross-checks may change with it. */
  private relintRdpDocuments(): void {
    for (const document of vscode.workspace.textDocuments) if (document.languageId === 'rdp') void this.lint(document);
  }

  private closed(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.latest.delete(key);
    this.formats.delete(key);
    this.bytes.delete(key);
    this.collection.delete(document.uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
  }
}
