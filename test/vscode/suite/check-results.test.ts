import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostCheckResult } from '../../../src/core/net/index';
import type { RdpDoctorApi } from '../../../src/extension/main';
import { EXTENSION_ID, ruleOf, waitFor, withSetting, workspaceFile } from './helpers';
import { suite, suiteSetup, teardown, test } from './mocha-tdd';

/** The lab xrdp that test/vscode/run.mjs started on 127.0.0.1 (TLS, a certificate from a test CA the workspace does not trust). */
const LAB_PORT = Number(process.env.RDP_DOCTOR_LAB_PORT);
/**
 * The lab by another name (the check reads localhost as the loopback addresses, no DNS asked), so this host is not the
 * one the inventory and lab/lab-server.rdp name, which the Hosts view tests expect unchecked.
 */
const HOST = `localhost:${LAB_PORT}`;

let api: Required<RdpDoctorApi>;

/** The diagnostics a check put on a file (NET findings, XRF001/XRF003 from the probe); the lint's are apart. */
function checkDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => /^(?:NET|XRF)/.test(ruleOf(d)));
}

function net022(uri: vscode.Uri): vscode.Diagnostic | undefined {
  return checkDiagnostics(uri).find((d) => ruleOf(d) === 'NET022');
}

/** What the language status item says of the file in the editor, as Problems counts that file's check diagnostics. */
function counted(uri: vscode.Uri): string {
  const n = (severity: vscode.DiagnosticSeverity): number => checkDiagnostics(uri).filter((d) => d.severity === severity).length;
  const [errors, warnings] = [n(vscode.DiagnosticSeverity.Error), n(vscode.DiagnosticSeverity.Warning)];
  if (errors + warnings === 0) return 'check passed';
  return [errors && `${errors} error${errors > 1 ? 's' : ''}`, warnings && `${warnings} warning${warnings > 1 ? 's' : ''}`].filter(Boolean).join(', ');
}

/** Writes a `.rdp` file into the test workspace's lab folder (removed after the test). */
async function labFile(name: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceFile(`lab/${name}`);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text));
  written.push(uri);
  return uri;
}
const written: vscode.Uri[] = [];

/** Replaces `from` with `to` on one line of the editor's document (not saved). */
async function replaceOnLine(editor: vscode.TextEditor, line: number, from: string, to: string): Promise<void> {
  const start = editor.document.lineAt(line).text.indexOf(from);
  assert.ok(start >= 0, `line ${line} has no "${from}"`);
  assert.ok(await editor.edit((b) => b.replace(new vscode.Range(line, start, line, start + from.length), to)));
}

suite('Check results follow the file they are shown on (real xrdp on 127.0.0.1)', () => {
  suiteSetup(async () => {
    assert.ok(LAB_PORT > 0, 'run.mjs passes the lab port in RDP_DOCTOR_LAB_PORT.');
    api = (await vscode.extensions.getExtension<RdpDoctorApi>(EXTENSION_ID)!.activate()) as Required<RdpDoctorApi>;
    // The workspace's files are read once something needs them (a file written later is followed from then on).
    await vscode.commands.executeCommand('rdpDoctor.refreshHosts');
  });

  teardown(async () => {
    // A file's document stays open a while after its editor closes (VS Code disposes it later): only the editors close.
    for (const document of vscode.workspace.textDocuments.filter((d) => written.some((u) => u.toString() === d.uri.toString()))) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    for (const uri of written.splice(0)) await vscode.workspace.fs.delete(uri);
  });

  test('a file edited after its check reads as it says now, on edit and on save, without checking again', async () => {
    const uri = await labFile('level.rdp', `full address:s:${HOST}\r\nauthentication level:i:1\r\n`);
    const editor = await vscode.window.showTextDocument(uri);
    const result = await vscode.commands.executeCommand<HostCheckResult>('rdpDoctor.checkFileHost', uri);
    assert.equal(result?.findings.find((f) => f.ruleId === 'NET022')?.severity, 'error', JSON.stringify(result?.findings));
    const isError = (): boolean => net022(uri)?.severity === vscode.DiagnosticSeverity.Error;
    const isWarning = (): boolean => net022(uri)?.severity === vscode.DiagnosticSeverity.Warning;
    const described = (): string => JSON.stringify(checkDiagnostics(uri).map((d) => `${ruleOf(d)} ${d.severity} ${d.message}`));
    await waitFor(() => `NET022 as an error (${described()})`, isError, vscode.languages.onDidChangeDiagnostics);
    assert.match(net022(uri)!.message, /authentication level:i:1/);
    assert.match(net022(uri)!.message, /check of localhost:/);

    // Typed, not saved: the diagnostics follow once the edits settle, as the lint does.
    await replaceOnLine(editor, 1, 'i:1', 'i:2');
    await waitFor(() => `NET022 a warning after the edit to level 2 (${described()})`, isWarning, vscode.languages.onDidChangeDiagnostics);
    assert.doesNotMatch(net022(uri)!.message, /authentication level:i:1/);
    await waitFor(() => `the language status to count no error (${api.languageStatus().detail})`, () => api.languageStatus().detail === counted(uri), vscode.languages.onDidChangeDiagnostics);

    // Back to level 1, saved at once: the save reads the file, well before the edits would settle.
    const restore = await withSetting('rdpDoctor', 'lint.debounceMs', 5000);
    try {
      await waitFor('the longer debounce', () => vscode.workspace.getConfiguration('rdpDoctor').get('lint.debounceMs') === 5000, vscode.workspace.onDidChangeConfiguration);
      await replaceOnLine(editor, 1, 'i:2', 'i:1');
      assert.ok(await editor.document.save());
      await waitFor(() => `NET022 an error again after the save (${described()})`, isError, vscode.languages.onDidChangeDiagnostics, 3000);
    } finally {
      await restore();
    }
    assert.equal(api.languageStatus().detail, counted(uri));
    assert.equal(api.languageStatus().severity, vscode.LanguageStatusSeverity.Error);

    // The file no longer goes to the lab: its check findings go, though the host's result stays.
    await replaceOnLine(editor, 0, HOST, `127.0.0.9:${LAB_PORT}`);
    await waitFor(() => `no check findings once the file names another host (${described()})`, () => checkDiagnostics(uri).length === 0, vscode.languages.onDidChangeDiagnostics);
    assert.equal(api.languageStatus().detail, 'not checked');
    assert.equal(api.latest(HOST), result, 'no new check ran');
  });

  test("a file that signs in with Microsoft Entra ID: its check asks whether the server selects RDS AAD Auth, a plain file's does not", async () => {
    const plain = await labFile('plain.rdp', `full address:s:${HOST}\r\n`);
    const checked = await vscode.commands.executeCommand<HostCheckResult>('rdpDoctor.checkFileHost', plain);
    assert.equal(checked?.negotiation !== null && 'rdsaad' in checked!.negotiation, false, JSON.stringify(checked?.negotiation));
    const uri = await labFile('entra.rdp', `full address:s:${HOST}\r\nenablerdsaadauth:i:1\r\n`);
    await vscode.window.showTextDocument(uri);
    const result = await vscode.commands.executeCommand<HostCheckResult>('rdpDoctor.checkFileHost', uri);
    // xrdp closes a request above 0xB without a Confirm (xrdp_iso.c): asked, and not determined.
    assert.equal(result?.negotiation?.rdsaad, null, JSON.stringify(result?.negotiation));
    assert.equal(result!.negotiation!.connections, checked!.negotiation!.connections + 1);
    assert.match(result!.steps.negotiation.detail, /Not determined \(no answer\): RDS AAD \(Microsoft Entra ID sign-in\)\./);
  });

  test('a file over 1 MB open in the editor gets the check findings the language status counts, where its full address is now', async () => {
    const filler = 'redirectclipboard:i:1\r\n'.repeat(48_000);
    const uri = await labFile('large.rdp', `full address:s:${HOST}\r\nauthentication level:i:1\r\n${filler}`);
    const editor = await vscode.window.showTextDocument(uri);
    assert.ok(editor.document.getText().length > 1024 * 1024);
    const result = await vscode.commands.executeCommand<HostCheckResult>('rdpDoctor.checkFileHost', uri);
    assert.ok(result?.findings.some((f) => f.ruleId === 'NET022'), JSON.stringify(result?.findings));
    await waitFor(() => `NET022 on large.rdp (${api.languageStatus().detail})`, () => net022(uri) !== undefined, vscode.languages.onDidChangeDiagnostics);
    await waitFor(() => `the language status to count what Problems shows (${api.languageStatus().detail} / ${counted(uri)})`, () => api.languageStatus().detail === counted(uri), vscode.languages.onDidChangeDiagnostics);

    // A line above the full address: the findings follow it.
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'screen mode id:i:2\r\n')));
    await waitFor(() => `NET022 on line 2 (${net022(uri)?.range.start.line})`, () => net022(uri)?.range.start.line === 1, vscode.languages.onDidChangeDiagnostics);
    assert.equal(api.latest(HOST), result, 'no new check ran');

    // Check Host right after an edit, while the new version waits out a long debounce before the worker reads it: the
    // command waits for that lint (it said "still reading" and checked nothing, as the first check above did once on a
    // quiet CI machine, the worker's lint of the file just opened not yet done).
    const restore = await withSetting('rdpDoctor', 'lint.debounceMs', 3000);
    try {
      await waitFor('the longer debounce', () => vscode.workspace.getConfiguration('rdpDoctor').get('lint.debounceMs') === 3000, vscode.workspace.onDidChangeConfiguration);
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'desktopwidth:i:1024\r\n')));
      const again = await vscode.commands.executeCommand<HostCheckResult>('rdpDoctor.checkFileHost', uri);
      assert.ok(again?.findings.some((f) => f.ruleId === 'NET022'), `a check of the edited file: ${JSON.stringify(again)}`);
      assert.notEqual(again, result, 'a new check ran');
    } finally {
      await restore();
    }
  });

  test("with checks on open, a large file's host is checked once the lint worker has read the file", async () => {
    const restore = await withSetting('rdpDoctor', 'checks.onOpen', true);
    try {
      await waitFor('checks on open', () => vscode.workspace.getConfiguration('rdpDoctor', null).get('checks.onOpen') === true, vscode.workspace.onDidChangeConfiguration);
      // The lab by a name of its own (RFC 6761: under .localhost, no DNS asked), checked by no other test.
      const key = `onopen.localhost:${LAB_PORT}`;
      const uri = await labFile('on-open.rdp', `full address:s:${key}\r\n${'redirectclipboard:i:1\r\n'.repeat(12_000)}`);
      await vscode.window.showTextDocument(uri);
      // Its target comes with the worker's lint, after the open: read at the open, it was none, and nothing was checked.
      await waitFor(() => `a check of ${key} on open, its findings on the file`, () => api.latest(key) !== undefined && checkDiagnostics(uri).length > 0, vscode.languages.onDidChangeDiagnostics, 30_000);
    } finally {
      await restore();
    }
  });

  test('the language status counts what Problems shows for the file in the editor, not the result of the file checked', async () => {
    const direct = await labFile('direct.rdp', `full address:s:${HOST}\r\nauthentication level:i:2\r\n`);
    const gateway = await labFile('gateway.rdp', `full address:s:${HOST}\r\nauthentication level:i:1\r\ngatewayhostname:s:gw.contoso.invalid\r\ngatewayusagemethod:i:1\r\n`);
    // Open, so the registry reads it from the editor at once (a file only on disk comes through the file watcher, which
    // took 18 s and more on a loaded machine, gpo.test.ts).
    await vscode.workspace.openTextDocument(direct);
    await vscode.window.showTextDocument(gateway);
    const result = await vscode.commands.executeCommand<HostCheckResult>('rdpDoctor.checkFileHost', gateway);
    assert.ok(result?.findings.some((f) => f.severity === 'error'), `the check from the gateway file has an error: ${JSON.stringify(result?.findings)}`);
    await waitFor('the check findings on the directly connecting file', () => checkDiagnostics(direct).length > 0, vscode.languages.onDidChangeDiagnostics);
    assert.ok(!checkDiagnostics(direct).some((d) => d.severity === vscode.DiagnosticSeverity.Error), 'the direct file at level 2 has no error');

    await vscode.window.showTextDocument(direct);
    const status = await waitFor(
      () => `the status of direct.rdp (it says ${JSON.stringify(api.languageStatus())})`,
      () => vscode.window.activeTextEditor?.document.uri.toString() === direct.toString() && api.languageStatus().detail !== 'checking…' && api.languageStatus(),
      vscode.window.onDidChangeActiveTextEditor,
    );
    assert.equal(status.detail, counted(direct));
    assert.equal(status.severity, vscode.LanguageStatusSeverity.Warning);

    await vscode.window.showTextDocument(gateway);
    await waitFor(
      () => `the status of gateway.rdp (it says ${JSON.stringify(api.languageStatus())})`,
      () => vscode.window.activeTextEditor?.document.uri.toString() === gateway.toString() && api.languageStatus().detail === counted(gateway),
      vscode.window.onDidChangeActiveTextEditor,
    );
    assert.equal(api.languageStatus().severity, vscode.LanguageStatusSeverity.Error);
  });
});
