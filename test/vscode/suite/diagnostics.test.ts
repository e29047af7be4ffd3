import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openEditor, range, ruleOf, SOURCE, waitForRules } from './helpers';
import { suite, test } from './mocha-tdd';

suite('Diagnostics', () => {
  test('problems.rdp: exact ranges, severities (RDP013 raised by .rdpdoctor.yaml), messages and rule links', async () => {
    const { document } = await openEditor('problems.rdp');
    const diagnostics = await waitForRules(document.uri, ['RDP013', 'RDP003', 'RDP002']);
    const expected = [
      { rule: 'RDP013', range: range(0, 15, 0, 21), severity: vscode.DiagnosticSeverity.Warning, message: /^The target "rdsh01" is a single-label name;/ },
      { rule: 'RDP003', range: range(1, 13, 1, 14), severity: vscode.DiagnosticSeverity.Error, message: /^"desktopwidth" is an integer property \(i\), not s;/ },
      { rule: 'RDP002', range: range(2, 0, 2, 17), severity: vscode.DiagnosticSeverity.Warning, message: /^Unknown property "redirectclipbaord"; did you mean "redirectclipboard"\?$/ },
    ];
    diagnostics.forEach((diagnostic, i) => {
      const want = expected[i]!;
      assert.equal(ruleOf(diagnostic), want.rule);
      assert.ok(diagnostic.range.isEqual(want.range), `${want.rule} range is ${JSON.stringify(diagnostic.range)}`);
      assert.equal(diagnostic.severity, want.severity, `${want.rule} severity`);
      assert.match(diagnostic.message, want.message);
      assert.equal(diagnostic.source, SOURCE);
      const code = diagnostic.code;
      assert.ok(typeof code === 'object', `${want.rule} code should link to its documentation`);
      assert.equal(code.value, want.rule);
      assert.ok(code.target.path.endsWith(`/docs/rules/${want.rule}.md`), `${want.rule} target is ${code.target.toString()}`);
    });
  });

  test('a UTF-16LE file with a BOM and CRLF is decoded and linted', async () => {
    const { document } = await openEditor('utf16.rdp');
    assert.equal(document.eol, vscode.EndOfLine.CRLF);
    assert.equal(document.lineAt(0).text, 'screen mode id:i:2');
    const [diagnostic] = await waitForRules(document.uri, ['RDP003']);
    assert.ok(diagnostic!.range.isEqual(range(2, 13, 2, 14)));
  });
});
