import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, openUntitled, revertAndClose, ruleOf, waitForDiagnostics } from './helpers';
import { suite, test } from './mocha-tdd';

/** VS Code's own limit of problems shown a file (extHostDiagnostics.ts, `_maxDiagnosticsPerFile`). */
const VS_CODE_LIMIT = 1000;

suite('Large documents', () => {
  test('a file of 3,000 duplicate lines and a late error lists VS Code\'s 1,000 problems, the error among them, and says how many more there are', async () => {
    const lines = [...Array.from({ length: 3000 }, () => 'redirectclipboard:i:1'), 'full address:s:rdsh01.contoso.com:99999'];
    const content = lines.join('\r\n') + '\r\n';
    const document = await openUntitled({ language: 'rdp', content });
    try {
      const diagnostics = await waitForDiagnostics(document.uri, 'a note of the problems not listed', (d) => d.some((x) => /more problems in this file are not listed/.test(x.message)));
      // What the lint counted: its findings, and those a rule only counted past its own cap.
      const core = require(path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist/extension-core.js')) as typeof import('../../../src/extension/core-api');
      const linted = core.lintText('rdp', content);
      const total = linted.findings.length + (linted.omitted?.findings ?? 0);
      assert.ok(total >= 3000, `the lint counts ${total} problems`);
      // Every one of them reaches VS Code: past its limit it would cut the note and count only what it was given.
      assert.equal(diagnostics.length, VS_CODE_LIMIT);
      const error = diagnostics.find((d) => d.severity === vscode.DiagnosticSeverity.Error);
      assert.ok(error && ruleOf(error) === 'RDP011' && error.range.start.line === 3000, 'the late port error is listed');
      const note = diagnostics.find((d) => /not listed/.test(d.message))!;
      assert.equal(note.severity, vscode.DiagnosticSeverity.Information);
      assert.ok(note.range.isEqual(new vscode.Range(0, 0, 0, 0)));
      const more = total - (VS_CODE_LIMIT - 1);
      assert.match(note.message, new RegExp(`^${more.toLocaleString('en-US')} more problems in this file are not listed: the editor lists 999 problems a file, the most severe first\\.`));
    } finally {
      await revertAndClose(document);
    }
  });

  test('a 100,000-line file is linted in the lint worker: its problems are the lint\'s, and its target comes from the worker\'s parse', async () => {
    // The review's file (bench/large): a known redirection, a `full address` and an unknown property, over and over.
    // Whether the extension host answers other requests meanwhile is not asserted here: a hover's round trip through the
    // workbench, itself busy with a 100,000-line model, came after the worker's problems on a quiet CI machine (session
    // 29). The worker itself is tested in test/unit/off-thread-lint.test.ts; bench/large measures the host thread's time.
    const lines = Array.from({ length: 100_000 }, (_, i) => (i % 3 === 0 ? 'redirectclipboard:i:1' : i % 3 === 1 ? `full address:s:h${i}.invalid` : `unknownprop${i}:s:x`));
    const content = lines.join('\r\n') + '\r\n';
    const large = await openUntitled({ language: 'rdp', content });
    try {
      const diagnostics = await waitForDiagnostics(large.uri, 'the lint of 100,000 lines', (d) => d.length > 0, 120_000);
      const core = require(path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist/extension-core.js')) as typeof import('../../../src/extension/core-api');
      const linted = core.lintText('rdp', content);
      // VS Code's limit, the most severe first; each one a finding of the lint at its line; the note counts the rest.
      assert.equal(diagnostics.length, VS_CODE_LIMIT);
      const found = new Set(linted.findings.map((f) => `${f.ruleId} ${large.positionAt(f.span.start).line} ${f.message}`));
      const listed = diagnostics.filter((d) => !/not listed/.test(d.message));
      for (const d of listed) assert.ok(found.has(`${ruleOf(d)} ${d.range.start.line} ${d.message}`), `${ruleOf(d)} on line ${d.range.start.line} is no finding of the lint: ${d.message}`);
      const more = linted.findings.length + (linted.omitted?.findings ?? 0) - listed.length;
      assert.match(diagnostics.find((d) => /not listed/.test(d.message))!.message, new RegExp(`^${more.toLocaleString('en-US')} more problems in this file are not listed`));
      // Its target comes from the worker's parse: the CodeLens sits on the last `full address` line, the one clients use.
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', large.uri);
      assert.deepEqual(
        lenses.map((l) => [l.command?.title, l.range.start.line]),
        [
          ['Check host', 99_997],
          ['Explain', 99_997],
        ],
      );
    } finally {
      await revertAndClose(large);
    }
  });
});
