import * as vscode from 'vscode';
import { core } from './core';
import type { PropertyCategory } from '../core/rdp/property-types';
import { toRange } from './convert';
import type { DocumentModel } from './document-model';
import { RDP_DOCUMENTS } from './document-selectors';

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
 * The outline (document symbols) of an `.rdp` file, by section of the property table, and a CodeLens
 * "Check host · Explain" on its `full address` line.
 */
export class OutlineFeature implements vscode.Disposable, vscode.DocumentSymbolProvider, vscode.CodeLensProvider {
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly documents: DocumentModel) {
    this.disposables = [
      vscode.languages.registerDocumentSymbolProvider(RDP_DOCUMENTS, this, { label: 'RDP Doctor' }),
      vscode.languages.registerCodeLensProvider(RDP_DOCUMENTS, this),
    ];
  }

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    const doc = this.documents.get(document).rdp;
    const sections = new Map<PropertyCategory | 'other', vscode.DocumentSymbol[]>();
    for (const entry of doc.entries) {
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
    return ordered.map((s) => {
      const children = sections.get(s)!;
      // A section spans its first to its last property (sections interleave when the file mixes them).
      const range = children.reduce((r, c) => r.union(c.range), children[0]!.range);
      const section = new vscode.DocumentSymbol(SECTION_LABEL[s], `${children.length} propert${children.length === 1 ? 'y' : 'ies'}`, vscode.SymbolKind.Namespace, range, children[0]!.selectionRange);
      section.children = children;
      return section;
    });
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const target = this.documents.get(document).target;
    if (!target) return [];
    const line = new vscode.Range(target.range.start.line, 0, target.range.start.line, 0);
    return [
      new vscode.CodeLens(line, { title: 'Check host', tooltip: `Check ${target.host}:${target.port}: DNS, TCP, the RDP negotiation, TLS and the certificate`, command: 'rdpDoctor.checkFileHost', arguments: [document.uri] }),
      new vscode.CodeLens(line, { title: 'Explain', tooltip: 'Explain the error code the Remote Desktop client showed, for this host', command: 'rdpDoctor.explainErrorCode', arguments: [document.uri] }),
    ];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
