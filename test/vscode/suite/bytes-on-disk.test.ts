// What the bytes on disk hold that VS Code's text no longer shows: the editor lints what the CLI lints of them.
import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { lintText } from '../../../src/core/lint/lint-file';
import { decodeBytes } from '../../../src/core/text/decode';
import { applyAction, openEditor, quickFixes, range, ruleOf, waitForDiagnostics, workspaceFile } from './helpers';
import { suite, test } from './mocha-tdd';

/** The CLI's findings of these bytes (`rdp-doctor lint`): it decodes them and lints the text as it is. */
function cliFindings(bytes: Buffer): { ruleId: string; line: number; message: string }[] {
  const decoded = decodeBytes(bytes);
  const { findings } = lintText('rdp', decoded.text, { bytes: decoded });
  return findings.map((f) => ({ ruleId: f.ruleId, line: decoded.text.slice(0, f.span.start).split(/\r\n|\r|\n/).length - 1, message: f.message }));
}

function only(diagnostics: vscode.Diagnostic[], rule: string): vscode.Diagnostic | undefined {
  const found = diagnostics.filter((d) => ruleOf(d) === rule);
  assert.ok(found.length <= 1, `${rule} is reported ${found.length} times`);
  return found[0];
}

suite('Bytes on disk', () => {
  test('mixed line endings: RDP006 says what the CLI says on the same line, and that a save rewrites them; it follows its line through edits', async () => {
    const uri = workspaceFile('mixed-eol.rdp');
    // Lines 2 and 5 end in LF, the others in CRLF (a review in code-server); line 2 sets authentication level 0 (RDP022).
    const bytes = Buffer.from('full address:s:rdsh01.corp.example\r\nauthentication level:i:0\nscreen mode id:i:2\r\nredirectclipboard:i:1\r\nsession bpp:i:32\n');
    await vscode.workspace.fs.writeFile(uri, bytes);
    const cli = cliFindings(bytes).find((f) => f.ruleId === 'RDP006');
    assert.deepEqual(cli && { line: cli.line, message: cli.message }, { line: 1, message: 'Mixed line endings: this line ends with LF while most end with CRLF.' });
    const editor = await openEditor('mixed-eol.rdp');
    const { document } = editor;
    // VS Code gives every line the line ending most of them have when it reads the file (microsoft/vscode#127).
    assert.equal(document.eol, vscode.EndOfLine.CRLF);
    assert.equal(document.getText(), bytes.toString('latin1').replace(/\r?\n/g, '\r\n'));
    const saves = 'VS Code shows every line with the document\'s line ending (CRLF) and writes them all with it when the file is saved.';
    const mixedOn = (line: number) => (d: vscode.Diagnostic[]) => only(d, 'RDP006')?.range.isEqual(range(line, 0, line, document.lineAt(line).text.length)) === true;
    const opened = await waitForDiagnostics(uri, 'RDP006 on line 2', mixedOn(1));
    assert.equal(only(opened, 'RDP006')!.message, `${cli!.message} ${saves}`);

    // The one-character RDP022 fix on that very line: the line endings on disk are still mixed, and a save would rewrite them.
    const fix = (await quickFixes(uri, only(opened, 'RDP022')!)).find((a) => a.isPreferred);
    assert.ok(fix, 'no preferred fix for RDP022');
    await applyAction(fix);
    await waitForDiagnostics(uri, 'RDP006 on line 2 without RDP022', (d) => mixedOn(1)(d) && !only(d, 'RDP022'));
    // A line added above it: the warning moves with its line.
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'desktopwidth:i:1920\r\n'));
    await waitForDiagnostics(uri, 'RDP006 on line 3', mixedOn(2));
    assert.equal(document.lineAt(2).text, 'authentication level:i:2');

    assert.equal(await document.save(), true, 'save failed');
    const saved = await readFile(uri.fsPath, 'latin1');
    assert.equal(saved.replace(/\r\n/g, ''), saved.replace(/\r?\n/g, ''), 'VS Code left a line ending other than CRLF');
    await waitForDiagnostics(uri, 'no RDP006 once the file on disk has one line ending', (d) => !only(d, 'RDP006'));
  });
});
