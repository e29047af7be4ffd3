import * as vscode from 'vscode';
import { core } from './core';
import type { PropertyCategory } from '../core/rdp/property-types';
import { toRange } from './convert';
import type { DocumentModel, DocumentState } from './document-model';
import { RDP_DOCUMENTS } from './document-selectors';
import type { RdpEntry } from '../core/rdp/parse';
import { groupDigits } from '../core/text/group-digits';
import { OutlineLimitStatus } from './outline-limit-status';
import { settings } from './settings';

/** The outline's sections, named as the property table's categories. */
const SECTION_LABEL: Readonly<Record<PropertyCategory | 'other', string>> = {
  connection: 'Connection',
  gateway: 'Gateway',
  session: 'Session',
  redirection: 'Redirection',
  display: 'Display',
  remoteapp: 'RemoteApp',
  signing: 'Signing',
  other: 'Other',
};
const SECTION_ORDER = Object.keys(SECTION_LABEL) as (PropertyCategory | 'other')[];
const MAX_DETAIL = 60;

/**
 * The properties of the document's first `max` lines, and how many lines follow them unlisted. A document of more lines
 * is parsed only that far, unless this version is parsed whole already: the outline is asked for after each edit (the
 * Outline view, breadcrumbs, sticky scroll), and one symbol per property of a 176,000-line file took 53 s a request.
 * VS Code's JSON support bounds its outline the same way (`json.maxItemsComputed`, 5,000 symbols).
 */
function outlineEntries(state: DocumentState, max: number): { entries: readonly RdpEntry[]; unlisted: number } {
  const { document } = state;
  // The empty line after a last line break is no line of the file.
  const lines = document.lineCount - (document.lineAt(document.lineCount - 1).text === '' ? 1 : 0);
  const unlisted = Math.max(0, lines - max);
  const parsed = state.rdpIfParsed ?? (unlisted === 0 ? state.rdp : core().parseRdp(document.getText(new vscode.Range(0, 0, max, 0))));
  const entries = parsed.entries;
  // The first entry at or past line `max`, found by halves: a whole parse has an entry per line (a walk back from the
  // end took ~5 ms a request at 700,000 lines, bench/large).
  let end = entries.length;
  for (let low = 0; low < end; ) {
    const mid = (low + end) >> 1;
    if (entries[mid]!.line >= max) end = mid;
    else low = mid + 1;
  }
  return { entries: end === entries.length ? entries : entries.slice(0, end), unlisted };
}

/** The symbol that ends a bounded outline: how many lines it leaves out, and the setting that says how many it lists. */
function notListed(document: vscode.TextDocument, unlisted: number, max: number): vscode.DocumentSymbol {
  const last = document.lineAt(max + unlisted - 1).range.end;
  const range = new vscode.Range(new vscode.Position(max, 0), last);
  const name = `${groupDigits(unlisted)} more line${unlisted === 1 ? '' : 's'} not listed`;
  const detail = `the outline lists the first ${groupDigits(max)} lines (rdpDoctor.outline.maxItemsComputed)`;
  return new vscode.DocumentSymbol(name, detail, vscode.SymbolKind.Null, range, new vscode.Range(range.start, range.start));
}

/**
 * The outline (document symbols) of an `.rdp` file, by section of the property table, and a CodeLens
 * "Check host · Explain" on its `full address` line.
 */
export class OutlineFeature implements vscode.Disposable, vscode.DocumentSymbolProvider, vscode.CodeLensProvider {
  private readonly disposables: vscode.Disposable[];
  private readonly limit = new OutlineLimitStatus();
  private readonly codeLensesChanged = new vscode.EventEmitter<void>();
  /** A large document's CodeLens waits for its target: the lint worker's parse of it (`DocumentModel.onDidSummarize`). */
  readonly onDidChangeCodeLenses = this.codeLensesChanged.event;

  private symbols: vscode.Disposable;

  constructor(private readonly documents: DocumentModel) {
    this.symbols = this.registerSymbols();
    this.disposables = [
      this.limit,
      this.codeLensesChanged,
      documents.onDidSummarize(() => this.codeLensesChanged.fire()),
      vscode.languages.registerCodeLensProvider(RDP_DOCUMENTS, this),
      // VS Code keeps each document version's outline until its symbol providers change (OutlineModelService clears its
      // cache on the registry's onDidChange): registered anew, the outline shown asks again with the new bound.
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('rdpDoctor.outline.maxItemsComputed')) return;
        this.symbols.dispose();
        this.symbols = this.registerSymbols();
      }),
    ];
  }

  private registerSymbols(): vscode.Disposable {
    return vscode.languages.registerDocumentSymbolProvider(RDP_DOCUMENTS, this, { label: 'RDP Doctor' });
  }

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    const max = settings.outlineMaxItems();
    const { entries, unlisted } = outlineEntries(this.documents.get(document), max);
    const sections = new Map<PropertyCategory | 'other', vscode.DocumentSymbol[]>();
    for (const entry of entries) {
      const info = core().findProperty(entry.key);
      const section = info?.category ?? 'other';
      const range = toRange(document, entry.span);
      const value = core().isSecretProperty(entry.key) ? '(secret)' : entry.value.length > MAX_DETAIL ? `${entry.value.slice(0, MAX_DETAIL)}…` : entry.value;
      const symbol = new vscode.DocumentSymbol(entry.rawName.trim() || '(no name)', value, info ? vscode.SymbolKind.Property : vscode.SymbolKind.Key, range, toRange(document, entry.nameSpan));
      // Pushed, not copied: a copy of the section per entry took 6 s on a 21,000-line file, after every edit.
      const list = sections.get(section);
      if (list) list.push(symbol);
      else sections.set(section, [symbol]);
    }
    // Sections in the order of the file (the Outline view sorts by position anyway), ties in the table's order.
    const ordered = SECTION_ORDER.filter((s) => sections.has(s)).sort((a, b) => sections.get(a)![0]!.range.start.compareTo(sections.get(b)![0]!.range.start));
    const symbols = ordered.map((s) => {
      const children = sections.get(s)!;
      // A section spans its first to its last property (sections interleave when the file mixes them).
      const range = children.reduce((r, c) => r.union(c.range), children[0]!.range);
      const section = new vscode.DocumentSymbol(SECTION_LABEL[s], `${children.length} propert${children.length === 1 ? 'y' : 'ies'}`, vscode.SymbolKind.Namespace, range, children[0]!.selectionRange);
      section.children = children;
      return section;
    });
    if (unlisted > 0) symbols.push(notListed(document, unlisted, max));
    this.limit.update(document, unlisted > 0 ? max : false);
    return symbols;
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    // The target needs the whole text parsed: the lint an edit scheduled parses it once typing pauses.
    await this.documents.settled(document);
    if (document.isClosed) return [];
    const target = this.documents.get(document).target;
    if (!target) return [];
    const line = new vscode.Range(target.range.start.line, 0, target.range.start.line, 0);
    return [
      new vscode.CodeLens(line, { title: 'Check host', tooltip: `Check ${target.host}:${target.port}: DNS, TCP, the RDP negotiation, TLS and the certificate`, command: 'rdpDoctor.checkFileHost', arguments: [document.uri] }),
      new vscode.CodeLens(line, { title: 'Explain', tooltip: 'Explain the error code the Remote Desktop client showed, for this host', command: 'rdpDoctor.explainErrorCode', arguments: [document.uri] }),
    ];
  }

  dispose(): void {
    this.symbols.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
