// What the extension host spends on a large `.rdp` file, outside the editor: the same feature code (DocumentLinter,
// the diagnostics' signature LintFeature compares, the outline, a light bulb's code actions, the CodeLens target) over
// the lint of a document of OFF_THREAD_LINES or more in the lint worker (dist/lint-worker.js: `npm run build` first),
// a document shaped as VS Code's (ExtHostDocumentData: lines kept apart, getText() joins them, positionAt() through
// line starts), with `vscode` stubbed (vscode-editor-stub.ts). `node out/bench/large/editor-path.js SHAPE LINES [RUNS]`
// prints each stage's median ms as JSON; run it under `--cpu-prof` or callgrind to see where the time goes.
import * as vscode from 'vscode';
import * as coreApi from '../../src/extension/core-api';
import { useCore } from '../../src/extension/core';
import { DocumentLinter } from '../../src/extension/document-linter';
import { DocumentState } from '../../src/extension/document-model';
import { OutlineFeature } from '../../src/extension/outline-feature';
import { CodeActionFeature } from '../../src/extension/code-action-feature';
import { diagnosticsSignature } from '../../src/extension/convert';
import { largeRdp, type Shape } from './shapes';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { OffThreadLinter } from '../../src/extension/off-thread-lint';

useCore(coreApi);

/** A TextDocument as the extension host keeps one: its lines, joined on each getText(). */
function textDocument(text: string): vscode.TextDocument {
  const lines = text.split(/\r\n|\r|\n/);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let starts: Uint32Array | undefined;
  const lineStarts = (): Uint32Array => {
    if (starts) return starts;
    starts = new Uint32Array(lines.length + 1);
    for (let i = 0; i < lines.length; i++) starts[i + 1] = starts[i]! + lines[i]!.length + eol.length;
    return starts;
  };
  const positionAt = (offset: number): vscode.Position => {
    const s = lineStarts();
    let low = 0;
    let high = lines.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (s[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return new vscode.Position(low, Math.min(offset - s[low]!, lines[low]!.length));
  };
  const offsetAt = (p: vscode.Position): number => lineStarts()[p.line]! + p.character;
  return {
    uri: vscode.Uri.file('/bench/large.rdp'),
    fileName: '/bench/large.rdp',
    languageId: 'rdp',
    version: 1,
    isClosed: false,
    isDirty: false,
    isUntitled: false,
    eol: 2,
    get lineCount() {
      return lines.length;
    },
    lineAt: (n: number) => ({ text: lines[n]!, range: new vscode.Range(n, 0, n, lines[n]!.length) }),
    // As ExtHostDocumentData: the whole text joined on each call; a range's lines alone.
    getText: (range?: vscode.Range) => {
      if (!range) return lines.join(eol);
      if (range.start.line === range.end.line) return lines[range.start.line]!.slice(range.start.character, range.end.character);
      const parts = [lines[range.start.line]!.slice(range.start.character), ...lines.slice(range.start.line + 1, range.end.line), (lines[range.end.line] ?? '').slice(0, range.end.character)];
      return parts.join(eol);
    },
    positionAt,
    offsetAt,
  } as unknown as vscode.TextDocument;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

function time<T>(run: () => T): { ms: number; value: T } {
  const start = process.hrtime.bigint();
  const value = run();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

async function main(): Promise<void> {
  const [shape = 'review', linesArg = '20000', runsArg = '5'] = process.argv.slice(2);
  const text = largeRdp(shape as Shape, Number(linesArg));
  const document = textDocument(text);
  const extensionUri = vscode.Uri.file('/ext');
  const index = { exportsNear: () => [], set() {}, onDidChange: () => ({ dispose() {} }) };
  const linter = new DocumentLinter(extensionUri, index as never, {} as never);
  const stages: Record<string, number[]> = { parse: [], coreLint: [], lint: [], signature: [], outline: [], codeActions: [], codeActionsAgain: [], target: [], offThread: [], offThreadHost: [] };
  const worker = new OffThreadLinter(() => new Worker(join(__dirname, '../../../dist/lint-worker.js')));
  const model = { summarized: (state: DocumentState, doc: never, signed: boolean) => state.summarized(doc, signed) };
  let counts: Record<string, number> = {};
  for (let run = 0; run < Number(runsArg); run++) {
    const state = new DocumentState(document, 1);
    stages.parse!.push(time(() => state.rdp).ms);
    stages.coreLint!.push(time(() => coreApi.lintParsedRdp(state.rdp, {})).ms);
    const linted = time(() => linter.lint(state, {}));
    stages.lint!.push(linted.ms);
    stages.signature!.push(time(() => diagnosticsSignature(linted.value.diagnostics)).ms);
    const outline = new OutlineFeature({ get: () => state, settled: async () => {}, onDidSummarize: () => ({ dispose() {} }) } as never);
    stages.outline!.push(time(() => outline.provideDocumentSymbols(document)).ms);
    // A light bulb on the first diagnostic's line (VS Code asks on each cursor move, with the markers there).
    const first = linted.value.diagnostics.find((d) => d.code !== undefined);
    const actions = new CodeActionFeature({ findingsFor: async () => linted.value.findings, isSigned: () => state.signed } as never, () => undefined);
    const started = process.hrtime.bigint();
    const offered = await actions.provideCodeActions(document, first?.range ?? new vscode.Range(0, 0, 0, 0), { diagnostics: first ? [first] : [], triggerKind: 2, only: undefined } as never);
    stages.codeActions!.push(Number(process.hrtime.bigint() - started) / 1e6);
    // The next cursor move on the same version.
    const again = process.hrtime.bigint();
    await actions.provideCodeActions(document, first?.range ?? new vscode.Range(0, 0, 0, 0), { diagnostics: first ? [first] : [], triggerKind: 2, only: undefined } as never);
    stages.codeActionsAgain!.push(Number(process.hrtime.bigint() - again) / 1e6);
    stages.target!.push(time(() => new DocumentState(document, 1).target).ms);
    // The same version linted in the worker: its wall time, and how much of it the extension host's thread was busy
    // (event-loop utilization: getText, sending the text, taking the findings and making the diagnostics).
    const offState = new DocumentState(document, 1);
    const startedAt = performance.now();
    const before = performance.eventLoopUtilization();
    const off = await linter.lintOffThread(offState, {}, worker, model as never);
    const used = performance.eventLoopUtilization(before);
    stages.offThread!.push(performance.now() - startedAt);
    stages.offThreadHost!.push(used.active);
    if (!off || 'failed' in off || diagnosticsSignature(off.diagnostics) !== diagnosticsSignature(linted.value.diagnostics)) throw new Error('The worker\'s lint differs from the extension host\'s.');
    counts = { lines: document.lineCount, bytes: text.length, entries: state.rdp.entries.length, findings: linted.value.findings.length, diagnostics: linted.value.diagnostics.length, actions: offered.length };
  }
  worker.dispose();
  const medians = Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, Math.round(median(v) * 100) / 100]));
  process.stdout.write(JSON.stringify({ shape, ...counts, medianMs: medians }) + '\n');
}

void main();
