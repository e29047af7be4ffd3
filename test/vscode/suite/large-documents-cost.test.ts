// What a large `.rdp` file costs the extension host, measured in a real one (bench/large-documents-host.mjs opens a folder
// named workspace-large holding the files, and suite/index.ts runs this test alone there). Each file is opened, linted,
// then edited keystroke by keystroke while the test samples the event loop: the time it was blocked after each
// keystroke is what the user waits for every other extension. Written to large-documents.json; speed is never asserted.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './helpers';
import { suite, test } from './mocha-tdd';

const RESULTS = process.env.RDP_DOCTOR_RESULTS ?? path.resolve(__dirname, '../../../../test-results');
const KEYSTROKES = 5;
/** How long each keystroke is watched: longer than the lint's debounce and VS Code's own delays before it asks again. */
const WATCH_MS = 4_000;
const SAMPLE_MS = 20;
const BURST = 10;
const BURST_GAP_MS = 150;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** Samples the event loop for `ms`: the total time it was late by more than a sample, and the longest stall. */
async function blocked(ms: number): Promise<{ blockedMs: number; longestMs: number }> {
  let blockedMs = 0;
  let longestMs = 0;
  let last = Date.now();
  const end = last + ms;
  while (Date.now() < end) {
    await sleep(SAMPLE_MS);
    const now = Date.now();
    const late = now - last - SAMPLE_MS;
    if (late > SAMPLE_MS) blockedMs += late;
    longestMs = Math.max(longestMs, late);
    last = now;
  }
  return { blockedMs, longestMs };
}

/** Waits until the event loop has been free for `quietMs` (the open's lint and VS Code's first requests are over). */
async function settle(quietMs = 2_000, deadlineMs = 300_000): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) if ((await blocked(quietMs)).longestMs < 50) return;
}

async function timed<T>(run: () => Thenable<T>): Promise<{ ms: number; value: T }> {
  const started = Date.now();
  const value = await run();
  return { ms: Date.now() - started, value };
}

function countSymbols(symbols: readonly vscode.DocumentSymbol[] | undefined): number {
  return (symbols ?? []).reduce((n, s) => n + 1 + countSymbols(s.children), 0);
}

suite('Large documents cost', () => {
  test('opening, outlining and editing each file of the folder, with the event loop sampled', async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    const files = (await vscode.workspace.findFiles('*.{rdp,txt}')).sort((a, b) => a.path.localeCompare(b.path));
    const results: Record<string, unknown> = {};
    for (const uri of files) {
      const document = await vscode.workspace.openTextDocument(uri);
      const opened = await timed(async () => {
        const editor = await vscode.window.showTextDocument(document);
        await settle();
        return editor;
      });
      const editor = opened.value;
      const symbols: number[] = [];
      let listed = 0;
      let last: vscode.DocumentSymbol | undefined;
      for (let i = 0; i < 3; i++) {
        const run = await timed(() => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri));
        symbols.push(run.ms);
        listed = countSymbols(run.value);
        last = run.value?.at(-1);
      }
      // The outline request at other bounds (a new version each time: VS Code keeps a version's outline).
      const bounds: Record<string, number> = {};
      if (document.languageId === 'rdp') {
        const config = vscode.workspace.getConfiguration('rdpDoctor');
        for (const bound of [250, 500, 1000, 2000]) {
          await config.update('outline.maxItemsComputed', bound, vscode.ConfigurationTarget.Global);
          await editor.edit((b) => b.insert(new vscode.Position(5, 0), 'x'));
          await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
          await editor.edit((b) => b.delete(new vscode.Range(5, 0, 5, 1)));
          await settle();
          const runs: number[] = [];
          for (let i = 0; i < 5; i++) {
            await editor.edit((b) => b.insert(new vscode.Position(5, 0), 'x'));
            await settle(1_000);
            runs.push((await timed(() => vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri))).ms);
          }
          bounds[bound] = median(runs);
        }
        await config.update('outline.maxItemsComputed', undefined, vscode.ConfigurationTarget.Global);
        await vscode.commands.executeCommand('workbench.action.files.revert');
        await settle();
      }
      // What the core's parse and lint of this text cost in this process (the lint's share of a keystroke).
      const core = require(path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist/extension-core.js')) as typeof import('../../../src/extension/core-api');
      const coreMs: Record<string, number> = {};
      if (document.languageId === 'rdp') {
        for (let i = 0; i < 3; i++) {
          const text = await timed(async () => document.getText());
          const parsed = await timed(async () => core.parseRdp(text.value));
          const linted = await timed(async () => core.lintParsedRdp(parsed.value, {}));
          Object.assign(coreMs, { getText: text.ms, parse: parsed.ms, lint: linted.ms });
        }
      }
      const lenses = await timed(() => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri));
      const keystrokes: { blockedMs: number; longestMs: number }[] = [];
      for (let i = 0; i < KEYSTROKES; i++) {
        await editor.edit((b) => b.insert(new vscode.Position(5, 0), 'x'));
        keystrokes.push(await blocked(WATCH_MS));
      }
      // Typing: 10 keystrokes 150 ms apart, then the time it takes to settle.
      const burst = blocked(BURST * BURST_GAP_MS + WATCH_MS * 2);
      for (let i = 0; i < BURST; i++) {
        await editor.edit((b) => b.insert(new vscode.Position(5, 0), 'y'));
        await sleep(BURST_GAP_MS);
      }
      const typing = await burst;
      results[path.basename(uri.path)] = {
        lines: document.lineCount,
        bytes: document.getText().length,
        openMs: opened.ms,
        symbolsMs: median(symbols),
        symbolRuns: symbols,
        symbolsListed: listed,
        lastSymbol: last ? `${last.name} | ${last.detail}` : null,
        symbolsMsByBound: bounds,
        coreMs,
        codeLensMs: lenses.ms,
        keystrokeBlockedMs: median(keystrokes.map((k) => k.blockedMs)),
        keystrokeLongestMs: Math.max(...keystrokes.map((k) => k.longestMs)),
        keystrokes,
        typingBlockedMs: typing.blockedMs,
        typingLongestMs: typing.longestMs,
      };
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await settle();
    }
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(path.join(RESULTS, 'large-documents.json'), JSON.stringify({ vscode: vscode.version, date: new Date().toISOString(), results }, null, 2) + '\n');
  });
});
