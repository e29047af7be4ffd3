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

  test('UTF-16LE with a lone last byte: the CLI\'s odd-byte warning, and no finding for the character VS Code made of the byte', async () => {
    const uri = workspaceFile('odd-byte.rdp');
    // A UTF-16LE file with its BOM and one byte more (0x41): RDP003 on line 2 checks that the other positions stay right.
    const text = 'full address:s:rdsh01.corp.example\r\nscreen mode id:s:2\r\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le'), Buffer.from([0x41])]);
    await vscode.workspace.fs.writeFile(uri, bytes);
    const cli = cliFindings(bytes);
    assert.deepEqual(cli.map((f) => [f.ruleId, f.line]).sort(), [['RDP003', 1], ['RDP006', 1]]);
    const { document } = await openEditor('odd-byte.rdp');
    // VS Code's decoder (iconv-lite-umd's StringDecoder over the browser Buffer polyfill) makes a NUL character of the byte.
    assert.equal(document.getText(), `${text}\0`);
    const diagnostics = await waitForDiagnostics(uri, 'RDP003 and RDP006', (d) => only(d, 'RDP003') !== undefined && only(d, 'RDP006') !== undefined);
    assert.deepEqual(diagnostics.map((d) => [ruleOf(d), d.range.start.line]).sort(), [['RDP003', 1], ['RDP006', 1]]);
    assert.ok(only(diagnostics, 'RDP003')!.range.isEqual(range(1, 15, 1, 16)), JSON.stringify(only(diagnostics, 'RDP003')!.range));
    assert.ok(only(diagnostics, 'RDP006')!.range.isEqual(range(1, 0, 1, 18)));
    assert.equal(only(diagnostics, 'RDP006')!.message, cli.find((f) => f.ruleId === 'RDP006')!.message);

    // Text typed after that character: it is no longer at the document's end, so it is linted as any NUL (a save would write it).
    const editor = vscode.window.activeTextEditor!;
    const end = document.positionAt(document.getText().length);
    await editor.edit((b) => b.insert(end, 'x'));
    await waitForDiagnostics(uri, 'RDP001 on line 3', (d) => d.some((x) => ruleOf(x) === 'RDP001' && x.range.start.line === 2));
    await editor.edit((b) => b.delete(new vscode.Range(end, end.translate(0, 1))));
    await waitForDiagnostics(uri, 'no RDP001 once the text ends with that character again', (d) => !only(d, 'RDP001') && only(d, 'RDP006') !== undefined);
    // Saved, the character is a NUL in the file: the editor and the CLI then both report it on line 3.
    assert.equal(await document.save(), true, 'save failed');
    const saved = await readFile(uri.fsPath);
    assert.deepEqual([...saved.subarray(-4)], [0x0a, 0x00, 0x00, 0x00], 'VS Code wrote the NUL character as two zero bytes');
    const after = cliFindings(saved).map((f) => [f.ruleId, f.line, f.message]).sort();
    await waitForDiagnostics(uri, "the CLI's findings of the saved file", (d) => JSON.stringify(d.map((x) => [ruleOf(x), x.range.start.line, x.message]).sort()) === JSON.stringify(after));
    assert.deepEqual(after.map(([rule, line]) => [rule, line]), [['RDP001', 2], ['RDP003', 1], ['RDP006', 2]]);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
