import * as vscode from 'vscode';
import { core } from './core';
import type { PolicyDocument } from '../core/gpo/model';
import type { FileFormat } from '../core/lint/formats';
import type { RdpDocument } from '../core/rdp/parse';
import type { ByteFacts, Finding } from '../core/rules/types';
import { LineIndex } from '../core/text/line-index';
import { oddByteLength, shiftLineEndings } from './document-bytes';
import { POL_SCHEME } from './registry-pol-view';
import { isConfigDocument } from './workspace-config';

/** What the bytes on disk say that the editor's text no longer shows (RDP006 needs it). */
export type { ByteFacts };

/** Where one `.rdp` file connects, and the range of its `full address` line (for check diagnostics). */
export interface FileTarget {
  readonly uri: vscode.Uri;
  readonly host: string;
  readonly port: number;
  readonly range: vscode.Range;
  /** The parsed file, for the cross-checks a check result adds. */
  readonly doc: RdpDocument;
}

/** The lint of one document version. */
export interface DocumentLint {
  readonly findings: readonly Finding[];
  readonly policy?: PolicyDocument;
}

/** Why a document was linted: its open, an edit, a save, a feature asking, or a change around it (forced re-lints). */
export type LintReason = 'open' | 'edit' | 'save' | 'asked' | 'settings' | 'config' | 'exports' | `export ${string}`;

/**
 * Lines from which an `.rdp` document is parsed and linted in the lint worker (off-thread-lint.ts), not on the
 * extension host's thread: there the parse and lint of a version passed ~50 ms on a shared 2-core machine
 * (bench/large, bench/RESULTS.md session 29). Counting lines costs nothing; a shorter document keeps the synchronous path.
 */
export const OFF_THREAD_LINES = 10_000;

/** Lines read to recognize a policy export (sniffing needs only the start of the file). */
const SNIFF_LINES = 400;

/** Languages whose documents are never a policy export (VS Code's ids for Markdown and log files). */
const NEVER_EXPORTS = new Set(['markdown', 'log']);

/** The format of `.rdp` files, `.rdpdoctor.yaml`, Registry.pol views, and exports recognized by their content. */
function sniffFormat(document: vscode.TextDocument): FileFormat | undefined {
  if (document.languageId === 'rdp') return 'rdp';
  if (isConfigDocument(document.uri)) return 'config';
  if (document.uri.scheme === POL_SCHEME) return 'registry-pol';
  if (document.uri.scheme !== 'file' && document.uri.scheme !== 'untitled') return undefined;
  // Notes and logs are never exports: the error-code hover's documents need no sniffing, and so no core (core.ts).
  if (NEVER_EXPORTS.has(document.languageId)) return undefined;
  const head = document.getText(new vscode.Range(0, 0, Math.min(document.lineCount, SNIFF_LINES), 0));
  return core().sniffExport({ text: head });
}

/** The target of a parsed `.rdp` text located in it, or undefined when it has no usable `full address` or cannot be checked. */
export function fileTarget(uri: vscode.Uri, text: string, doc: RdpDocument = core().parseRdp(text)): FileTarget | undefined {
  const lines = new LineIndex(text);
  return targetIn(uri, doc, (offset) => lines.positionAt(offset));
}

/** The target of a parsed `.rdp` text, its range found by `positionAt` (an open document's own index: no second text). */
function targetIn(uri: vscode.Uri, doc: RdpDocument, positionAt: (offset: number) => { line: number; character: number }): FileTarget | undefined {
  const found = core().rdpTarget(doc);
  // A Hyper-V VM console's host is no Remote Desktop listener a check could probe (hyperv-console.ts): no host in the
  // Hosts view, no "Check host" CodeLens, no check on open; the command says why (host-commands.ts).
  if (!found.ok || core().uncheckableReason(doc) !== undefined) return undefined;
  const start = positionAt(found.span.start);
  const end = positionAt(found.span.end);
  return { uri, host: found.host, port: found.port, range: new vscode.Range(start.line, start.character, end.line, end.character), doc };
}

/**
 * Everything derived from one version of a document, each computed at most once: its format, the parsed
 * `.rdp` text, its target, its lint. A new version starts afresh; byte facts belong to the file and stay.
 */
export class DocumentState {
  private format?: { value: FileFormat | undefined };
  /** The parse, and how many characters at the text's end it left out (`oddByteLength`). */
  private parsed?: { doc: RdpDocument; cut: number };
  private located?: { value: FileTarget | undefined };
  private signature?: { value: boolean };
  /** A large document's parse as the lint worker summed it up (`summaryDocument`): what its target reads. */
  private summary?: RdpDocument;
  /** Set by the lint feature, once per version. */
  lint?: DocumentLint;
  /** Set by the lint feature when this large version's lint in the worker failed (a crash, a timeout): it is not asked again for this version. */
  workerFailed?: string;

  constructor(
    readonly document: vscode.TextDocument,
    readonly version: number,
    /** The file's byte facts, which may arrive after this version's first parse. */
    private readonly bytes: () => ByteFacts | undefined = () => undefined,
  ) {}

  get formatOf(): FileFormat | undefined {
    this.format ??= { value: sniffFormat(this.document) };
    return this.format.value;
  }

  /** Whether this `.rdp` version is parsed and linted in the lint worker: nothing parses it whole on the extension host. */
  get offThread(): boolean {
    return this.formatOf === 'rdp' && this.document.lineCount >= OFF_THREAD_LINES;
  }

  /** The text an `.rdp` version is parsed from: without a UTF-16 file's lone last byte (`rdp`). */
  rdpText(cut = this.cut()): string {
    const text = this.document.getText();
    return cut > 0 ? text.slice(0, -cut) : text;
  }

  /** How many characters at the text's end the parse leaves out (`oddByteLength`). */
  private cut(): number {
    const { document } = this;
    return oddByteLength(this.bytes(), document.lineAt(document.lineCount - 1).text);
  }

  /** Takes the lint worker's parse of this version: its summary, and whether the text is signed. */
  summarized(summary: RdpDocument, signed: boolean): void {
    this.summary = summary;
    this.signature ??= { value: signed };
  }

  /**
   * What the target, the check facts and the Hyper-V console test read: the parse, or a large document's summary
   * (undefined until its lint in the worker is done).
   */
  get targetDocument(): RdpDocument | undefined {
    return this.offThread ? this.summary : this.rdp;
  }

  /**
   * The parsed text of an `.rdp` document, without what VS Code made of a UTF-16 file's lone last byte while the text
   * ends with it: the CLI drops the byte, so the editor lints the same lines.
   */
  get rdp(): RdpDocument {
    const cut = this.cut();
    if (this.parsed?.cut !== cut) this.parsed = { doc: core().parseRdp(this.rdpText(cut)), cut };
    return this.parsed.doc;
  }

  /** The parsed text if this version has been parsed already (a feature bounded on large documents does not parse it all). */
  get rdpIfParsed(): RdpDocument | undefined {
    return this.parsed?.doc;
  }

  /**
   * Whether the `.rdp` text carries a signature (no fix is offered then: any edit breaks it). Looked for once a version:
   * each light bulb joined the document's lines (getText) and searched the text twice, 0.1 s a cursor move on a
   * 176,000-line file (bench/large).
   */
  get signed(): boolean {
    // The parse's text when this version is parsed (a light bulb asks once its lint is done); no parse made for it.
    this.signature ??= { value: core().isSignedRdp(this.parsed?.doc.text ?? this.document.getText()) };
    return this.signature.value;
  }

  get target(): FileTarget | undefined {
    if (this.located) return this.located.value;
    const doc = this.formatOf === 'rdp' ? this.targetDocument : undefined;
    // A large document has none until the worker's lint of it is done (`DocumentModel.onDidSummarize`).
    if (this.formatOf === 'rdp' && !doc) return undefined;
    this.located = { value: doc && targetIn(this.document.uri, doc, (offset) => this.document.positionAt(offset)) };
    return this.located.value;
  }
}

/**
 * The one model of open documents every feature reads (lint, hosts, language status, code actions,
 * checks on open, hovers), keyed by URI and version, dropped when the document closes.
 */
export class DocumentModel implements vscode.Disposable {
  private readonly states = new Map<string, DocumentState>();
  private readonly byteFacts = new Map<string, ByteFacts>();
  private readonly lints = new Map<string, LintReason[]>();
  /** The lints scheduled after an edit, until each has run. */
  private readonly scheduled = new Map<string, Promise<void>>();
  private readonly summarizedEmitter = new vscode.EventEmitter<vscode.TextDocument>();
  /** Fires when the lint worker's parse of a large document's current version arrives: its target is known from then. */
  readonly onDidSummarize = this.summarizedEmitter.event;
  private readonly disposables: vscode.Disposable[] = [
    this.summarizedEmitter,
    vscode.workspace.onDidCloseTextDocument((d) => {
      const key = d.uri.toString();
      this.states.delete(key);
      this.byteFacts.delete(key);
      this.lints.delete(key);
      this.scheduled.delete(key);
    }),
    // The disk's odd line endings move with their lines as the document changes, until a save rewrites them all.
    vscode.workspace.onDidChangeTextDocument((e) => {
      const key = e.document.uri.toString();
      const facts = this.byteFacts.get(key);
      if (!facts?.lineEndings || e.contentChanges.length === 0) return;
      const lineEndings = shiftLineEndings(facts.lineEndings, e.contentChanges);
      if (lineEndings !== facts.lineEndings) this.byteFacts.set(key, { ...facts, lineEndings });
    }),
  ];

  /** Records that a lint of the document is scheduled until `done` settles (the lint feature, after an edit). */
  lintScheduled(document: vscode.TextDocument, done: Promise<void>): void {
    const key = document.uri.toString();
    this.scheduled.set(key, done);
    void done.finally(() => {
      if (this.scheduled.get(key) === done) this.scheduled.delete(key);
    });
  }

  /**
   * Resolves once the lint an edit scheduled has run (at once when none is). What needs a version parsed whole (its
   * target for a CodeLens or the language status, its findings for a light bulb) waits for it instead of parsing each
   * keystroke's version: after an edit of a 176,000-line file each took a second or more of the extension host.
   */
  settled(document: vscode.TextDocument): Promise<void> {
    return this.scheduled.get(document.uri.toString()) ?? Promise.resolve();
  }

  /** The state of the document's current version. */
  get(document: vscode.TextDocument): DocumentState {
    const key = document.uri.toString();
    let state = this.states.get(key);
    if (!state || state.version !== document.version || state.document !== document) {
      state = new DocumentState(document, document.version, () => this.byteFacts.get(key));
      this.states.set(key, state);
    }
    return state;
  }

  bytesOf(uri: vscode.Uri): ByteFacts | undefined {
    return this.byteFacts.get(uri.toString());
  }

  setBytes(uri: vscode.Uri, facts: ByteFacts): void {
    this.byteFacts.set(uri.toString(), facts);
  }

  /** Takes the lint worker's parse of a large document's version (`DocumentState.summarized`). */
  summarized(state: DocumentState, summary: RdpDocument, signed: boolean): void {
    state.summarized(summary, signed);
    if (this.states.get(state.document.uri.toString()) === state) this.summarizedEmitter.fire(state.document);
  }

  /** Records a lint of a document version and why (the extension-host tests read them). */
  linted(state: DocumentState, lint: DocumentLint, reason: LintReason): void {
    state.lint = lint;
    const key = state.document.uri.toString();
    const reasons = this.lints.get(key);
    if (reasons) reasons.push(reason);
    else this.lints.set(key, [reason]);
  }

  /** Why a document was linted each time it was, in this session. */
  lintsOf(uri: vscode.Uri): readonly LintReason[] {
    return this.lints.get(uri.toString()) ?? [];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
