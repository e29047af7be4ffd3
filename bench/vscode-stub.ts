// A stand-in for the `vscode` module, enough for the benchmarks to run extension code outside the editor:
// the classes completion builds, and a catch-all for everything else (calls and property reads return the
// catch-all again). Only for bench/: the real behaviour is tested in the extension-host suite.
type AnyFn = (...args: unknown[]) => unknown;

function catchAll(): unknown {
  const target = function () {} as unknown as AnyFn;
  const proxy: unknown = new Proxy(target, {
    get: (_t, key) => (key === Symbol.iterator ? function* () {} : key === 'then' ? undefined : key === Symbol.toPrimitive ? () => '' : proxy),
    apply: () => proxy,
    construct: () => proxy as object,
  });
  return proxy;
}

export class Position {
  constructor(readonly line: number, readonly character: number) {}
}
export class Range {
  constructor(readonly startLine: number, readonly startCharacter: number, readonly endLine: number, readonly endCharacter: number) {}
}
export class MarkdownString {
  constructor(readonly value: string = '') {}
}
export class CompletionItem {
  insertText?: string;
  range?: Range;
  filterText?: string;
  detail?: string;
  documentation?: MarkdownString;
  tags?: number[];
  command?: unknown;
  sortText?: string;
  preselect?: boolean;
  constructor(readonly label: unknown, readonly kind?: number) {}
}
export const CompletionItemKind = { Property: 9, EnumMember: 19 };
export const CompletionItemTag = { Deprecated: 1 };
export const languages = { registerCompletionItemProvider: () => ({ dispose() {} }) };
export const catchAllModule = catchAll;
