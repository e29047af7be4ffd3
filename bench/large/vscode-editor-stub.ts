// A stand-in for the `vscode` module with the types the lint, outline and code-action features build, shaped as
// VS Code's own (extHostTypes.ts: Position and Range validate and copy; a Uri is parsed and printed), so a harness
// can run those features outside the editor and profile them. Only for bench/: behaviour is tested in a real VS Code.
export class Position {
  constructor(readonly line: number, readonly character: number) {
    if (line < 0 || character < 0) throw new Error('illegal position');
  }
  isBefore(o: Position): boolean { return this.line < o.line || (this.line === o.line && this.character < o.character); }
  isEqual(o: Position): boolean { return this.line === o.line && this.character === o.character; }
  compareTo(o: Position): number { return this.line - o.line || this.character - o.character; }
}
export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: Position | number, b: Position | number, c?: number, d?: number) {
    const s = typeof a === 'number' ? new Position(a, b as number) : a;
    const e = typeof a === 'number' ? new Position(c!, d!) : (b as Position);
    if (e.isBefore(s)) { this.start = e; this.end = s; } else { this.start = s; this.end = e; }
  }
  isEqual(o: Range): boolean { return this.start.isEqual(o.start) && this.end.isEqual(o.end); }
  union(o: Range): Range { return new Range(this.start.isBefore(o.start) ? this.start : o.start, this.end.isBefore(o.end) ? o.end : this.end); }
}
export class Uri {
  private constructor(readonly scheme: string, readonly path: string) {}
  static file(path: string): Uri { return new Uri('file', path); }
  static parse(s: string): Uri { const i = s.indexOf(':'); return new Uri(s.slice(0, i), s.slice(i + 1).replace(/^\/\//, '')); }
  static joinPath(base: Uri, ...parts: string[]): Uri { return new Uri(base.scheme, [base.path, ...parts].join('/').replace(/\/+/g, '/')); }
  toString(): string { return `${this.scheme}://${encodeURI(this.path)}`; }
}
export enum DiagnosticSeverity { Error = 0, Warning = 1, Information = 2, Hint = 3 }
export enum DiagnosticTag { Unnecessary = 1, Deprecated = 2 }
export class Location { constructor(readonly uri: Uri, readonly range: Range) {} }
export class DiagnosticRelatedInformation { constructor(readonly location: Location, readonly message: string) {} }
export class Diagnostic {
  source?: string;
  code?: unknown;
  relatedInformation?: DiagnosticRelatedInformation[];
  tags?: DiagnosticTag[];
  constructor(readonly range: Range, readonly message: string, readonly severity: DiagnosticSeverity = DiagnosticSeverity.Error) {}
}
export enum SymbolKind { Namespace = 2, Property = 6, Key = 19, Null = 20 }
export class DocumentSymbol {
  children: DocumentSymbol[] = [];
  constructor(readonly name: string, readonly detail: string, readonly kind: SymbolKind, readonly range: Range, readonly selectionRange: Range) {}
}
export class CodeActionKind {
  static readonly QuickFix = new CodeActionKind('quickfix');
  static readonly SourceFixAll = new CodeActionKind('source.fixAll');
  constructor(readonly value: string) {}
  append(p: string): CodeActionKind { return new CodeActionKind(`${this.value}.${p}`); }
  contains(o: CodeActionKind): boolean { return o.value === this.value || o.value.startsWith(`${this.value}.`); }
}
export class CodeAction {
  edit?: WorkspaceEdit;
  command?: unknown;
  diagnostics?: Diagnostic[];
  isPreferred?: boolean;
  constructor(readonly title: string, readonly kind?: CodeActionKind) {}
}
export class WorkspaceEdit {
  readonly edits: { uri: Uri; range: Range; text: string }[] = [];
  replace(uri: Uri, range: Range, text: string): void { this.edits.push({ uri, range, text }); }
}
export class CodeLens { constructor(readonly range: Range, readonly command?: unknown) {} }
const disposable = { dispose() {} };
const event = () => disposable;
/** An object whose missing members are no-op functions returning a disposable (registrations, events). */
function loose<T extends object>(known: T): T {
  return new Proxy(known, { get: (t, k) => (k in t ? (t as Record<string | symbol, unknown>)[k] : event) });
}
export const languages = loose({ createLanguageStatusItem: () => ({ dispose() {} }) });
export const workspace = loose({
  asRelativePath: (u: Uri | string) => String(u),
  getConfiguration: () => ({ get: (_k: string, d: unknown) => d }),
  textDocuments: [] as unknown[],
  workspaceFolders: undefined,
  isTrusted: true,
});
export const window = loose({ activeTextEditor: undefined, tabGroups: { all: [] } });
export class EventEmitter<T> { event = event; fire(_v: T): void {} dispose(): void {} }
export class Disposable { static from(): typeof disposable { return disposable; } constructor(readonly dispose: () => void) {} }
export class MarkdownString { constructor(readonly value = '') {} appendMarkdown(s: string): this { (this as { value: string }).value += s; return this; } }
export class ThemeIcon { constructor(readonly id: string) {} }
export class TreeItem { constructor(readonly label: unknown) {} }
export class RelativePattern { constructor(readonly base: unknown, readonly pattern: string) {} }
export class TabInputText { constructor(readonly uri: Uri) {} }
export class TabInputCustom { constructor(readonly uri: Uri) {} }
export enum LanguageStatusSeverity { Information = 0, Warning = 1, Error = 2 }
export enum EndOfLine { LF = 1, CRLF = 2 }
export enum TreeItemCollapsibleState { None = 0, Collapsed = 1, Expanded = 2 }
export enum QuickPickItemKind { Separator = -1, Default = 0 }
export enum FileType { Unknown = 0, File = 1, Directory = 2, SymbolicLink = 64 }
export enum ProgressLocation { SourceControl = 1, Window = 10, Notification = 15 }
