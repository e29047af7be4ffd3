import * as assert from 'node:assert/strict';
import { lstat, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { findFix, renderFix } from '../../../src/core/fixes/index';
import type { HostCheckResult } from '../../../src/core/net/index';
import type { RdpDoctorApi } from '../../../src/extension/main';
import type { HostsNode } from '../../../src/extension/hosts-view';
import { EXTENSION_ID, openUntitled, revertAndClose, ruleOf, waitFor, withSetting, workspaceFile } from './helpers';
import { suite, suiteSetup, test } from './mocha-tdd';

/** The lab xrdp that test/vscode/run.mjs started on 127.0.0.1 (TLS, a certificate from a test CA). */
const LAB_PORT = Number(process.env.RDP_DOCTOR_LAB_PORT);
const LAB_SHA1 = process.env.RDP_DOCTOR_LAB_SHA1 ?? '';
const LAB_KEY = `127.0.0.1:${LAB_PORT}`;

let api: Required<RdpDoctorApi>;

/** The untitled PowerShell documents open now. */
function untitledPowerShell(): vscode.TextDocument[] {
  return vscode.workspace.textDocuments.filter((d) => d.isUntitled && d.languageId === 'powershell');
}

suite('Hosts view, checks and fixes (real xrdp on 127.0.0.1)', () => {
  suiteSetup(async () => {
    assert.ok(LAB_PORT > 0, 'run.mjs passes the lab port in RDP_DOCTOR_LAB_PORT.');
    api = (await vscode.extensions.getExtension<RdpDoctorApi>(EXTENSION_ID)!.activate()) as Required<RdpDoctorApi>;
    // The workspace is read once it is needed; showing the Hosts view is what needs it here (the suite runs alone too).
    await vscode.commands.executeCommand('rdpDoctor.hosts.focus');
    await waitFor('the lab host in the Hosts view', () => api.hosts().some((h) => h.key === LAB_KEY), api.hostsView.onDidChangeTreeData, 15_000);
  });

  test('the tree lists the inventory group and the hosts of the .rdp files, each with its layers and files', async () => {
    const roots = api.hostsView.getChildren();
    const lab = roots.find((n) => n.kind === 'group' && n.label === 'Lab');
    assert.ok(lab, `The "Lab" inventory group is a root node (roots: ${roots.map(labelOf).join(', ')}).`);
    const hosts = api.hostsView.getChildren(lab);
    assert.deepEqual(hosts.map(labelOf), [`127.0.0.1:${LAB_PORT}`]);
    // A host named only by fixture files is listed too (rdsh01.contoso.com from problems.rdp and others).
    assert.ok(roots.some((n) => n.kind === 'host' && /contoso/.test(n.host.target.host)), 'hosts from the fixture .rdp files are listed');
    const children = api.hostsView.getChildren(hosts[0]);
    assert.deepEqual(children.slice(0, 5).map(labelOf), ['DNS', 'TCP', 'Negotiation', 'TLS', 'Certificate']);
    assert.deepEqual(children.slice(5).map((n) => (n.kind === 'file' ? vscode.workspace.asRelativePath(n.uri) : '?')), ['lab/lab-server.rdp']);
    assert.equal(api.hostsView.describe(hosts[0]!).description, 'not checked');
    assert.equal(api.hostsView.describe(children[0]!).icon, 'circle-outline');
  });

  test('"Check Host" checks the lab server: the tree shows the ladder and the .rdp file gets the findings', async () => {
    const uri = workspaceFile('lab/lab-server.rdp');
    const result = await vscode.commands.executeCommand<HostCheckResult>('rdpDoctor.checkHost', LAB_KEY);
    assert.ok(result, 'the command returns the result');
    assert.equal(result.negotiation?.ssl, true, 'xrdp with security_layer=tls accepts TLS');
    assert.equal(result.certificate?.sha1, LAB_SHA1, 'the thumbprint matches openssl x509 -fingerprint');
    assert.deepEqual(api.latest(LAB_KEY)?.certificate?.sha1, LAB_SHA1);

    const host = api.hostsView.getChildren(api.hostsView.getChildren().find((n) => n.kind === 'group' && n.label === 'Lab'))[0]!;
    const layers = api.hostsView.getChildren(host).slice(0, 5).map((n) => api.hostsView.describe(n));
    assert.deepEqual(layers.map((l) => l.icon), ['pass', 'pass', 'warning', 'pass', 'warning'], JSON.stringify(layers));
    assert.equal(layers[1]!.description, `Connected to port ${LAB_PORT}.`);
    assert.match(api.hostsView.describe(host).contextValue, /^host\.checked\.cert\.file$/);
    assert.match(api.hostsView.describe(host).description, /warning/);

    // NET findings on the full address line of the file that targets the host, with the probe's evidence.
    const diagnostics = await waitFor(
      'check diagnostics on lab-server.rdp',
      () => {
        const ds = vscode.languages.getDiagnostics(uri).filter((d) => /^NET/.test(ruleOf(d)));
        return ds.length > 0 && ds;
      },
      vscode.languages.onDidChangeDiagnostics,
    );
    const ids = diagnostics.map(ruleOf).sort();
    assert.deepEqual(ids, ['NET011', 'NET022'], 'TLS without NLA, and a certificate from a CA the system does not trust');
    for (const d of diagnostics) {
      assert.equal(d.range.start.line, 0, 'on the full address line');
      assert.match(d.message, new RegExp(`check of 127\\.0\\.0\\.1:${LAB_PORT}`));
    }
    // The quick fixes of a check finding offer the matching PowerShell fix (the provider needs the document open).
    await vscode.workspace.openTextDocument(uri);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostics.find((d) => ruleOf(d) === 'NET011')!.range);
    assert.ok(actions.some((a) => a.title === `Insert PowerShell fix: ${findFix('require-nla')!.title}`), actions.map((a) => a.title).join(' | '));
  });

  test('an unsaved .rdp document gets the check findings where its full address is now, and loses them when closed', async () => {
    const document = await openUntitled({ language: 'rdp', content: `screen mode id:i:2\r\n\r\nfull address:s:127.0.0.1:${LAB_PORT}\r\n` });
    const netLines = (): number[] =>
      vscode.languages.getDiagnostics(document.uri).filter((d) => /^NET/.test(ruleOf(d))).map((d) => d.range.start.line);
    await waitFor('check findings on line 3 of the untitled document', () => netLines().length === 2 && netLines().every((l) => l === 2), vscode.languages.onDidChangeDiagnostics);
    assert.ok(api.hosts().find((h) => h.key === LAB_KEY)!.files.some((u) => u.toString() === document.uri.toString()), 'the Hosts view lists it under the lab host');

    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'desktopwidth:i:1920\r\n'));
    await waitFor('the findings to follow the line', () => netLines().length === 2 && netLines().every((l) => l === 3), vscode.languages.onDidChangeDiagnostics);

    await editor.edit((edit) => edit.replace(document.lineAt(3).range, 'full address:s:elsewhere.invalid'));
    await waitFor('no check findings once the file targets another host', () => netLines().length === 0, vscode.languages.onDidChangeDiagnostics);

    // Back to the lab, so that the close is what takes it from the lab host (the edit above already had).
    const listed = (): boolean => api.hosts().find((h) => h.key === LAB_KEY)!.files.some((u) => u.toString() === document.uri.toString());
    await editor.edit((edit) => edit.replace(document.lineAt(3).range, `full address:s:127.0.0.1:${LAB_PORT}`));
    await waitFor('the untitled document under the lab host again', listed, api.hostsView.onDidChangeTreeData);
    await revertAndClose(document);
    await waitFor('the untitled document to leave the lab host', () => !api.hosts().find((h) => h.key === LAB_KEY)!.files.some((u) => u.scheme === 'untitled'), api.hostsView.onDidChangeTreeData);
  });

  test('"Show Certificate" opens a read-only document with the certificate and its chain', async () => {
    const opened = Date.now();
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('rdpDoctor.showCertificate', LAB_KEY);
    assert.equal(editor.document.uri.scheme, 'rdp-doctor-cert');
    const text = editor.document.getText();
    // Dated by the check that read it, earlier in the suite, not by this opening (a session 19 review).
    const checked = Date.parse(/^ {2}Checked at {11}(\S+)$/m.exec(text)?.[1] ?? '');
    assert.ok(checked < opened, `Checked at ${new Date(checked).toISOString()}, opened at ${new Date(opened).toISOString()}`);
    assert.ok(text.includes(LAB_SHA1), 'the SHA-1 thumbprint');
    assert.match(text, /BEGIN CERTIFICATE/);
    assert.match(text, /localhost/);
    const copied = await vscode.commands.executeCommand<string>('rdpDoctor.copyThumbprint', LAB_KEY);
    assert.equal(copied, LAB_SHA1);
    assert.equal(await vscode.env.clipboard.readText(), LAB_SHA1);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('"Insert PowerShell Fix" asks for the thumbprint (the current one only as a hint), then puts the script into an untitled PowerShell document', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // The thumbprint the listener presents now is a hint, never the answer: Enter on the empty prompt builds nothing.
    let asked = false;
    const refused = Promise.resolve(
      vscode.commands.executeCommand<vscode.TextEditor | undefined>('rdpDoctor.insertPowerShellFix', {
        fixId: 'bind-listener-cert',
        target: { target: LAB_KEY, host: '127.0.0.1', port: LAB_PORT },
      }),
    ).finally(() => (asked = true));
    for (let i = 0; i < 5 && !asked; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    }
    assert.equal(asked, false, 'Enter on the empty prompt is refused (the prompt stays open)');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await refused, undefined, 'Escape inserts nothing');
    assert.equal(untitledPowerShell().length, 0);

    const inserting = vscode.commands.executeCommand<vscode.TextEditor>('rdpDoctor.insertPowerShellFix', {
      fixId: 'bind-listener-cert',
      target: { target: LAB_KEY, host: '127.0.0.1', port: LAB_PORT },
      params: { thumbprint: LAB_SHA1 },
    });
    const editor = await inserting;
    assert.ok(editor, 'an editor is returned');
    assert.equal(editor.document.isUntitled, true);
    assert.equal(editor.document.languageId, 'powershell');
    const expected = renderFix(findFix('bind-listener-cert')!, { thumbprint: LAB_SHA1, computerName: '127.0.0.1' });
    assert.ok(expected.ok);
    assert.equal(editor.document.getText(), expected.script);
    assert.ok(editor.document.getText().includes(`$Thumbprint = '${LAB_SHA1}'`), 'the thumbprint as a single-quoted literal');
    assert.match(editor.document.getText(), /Set-CimInstance/);

    // Into the active PowerShell editor at the cursor, the second time.
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    await vscode.commands.executeCommand('rdpDoctor.insertPowerShellFix', { fixId: 'test-port', params: { host: '127.0.0.1', port: String(LAB_PORT) } });
    assert.match(editor.document.getText(), /Test-NetConnection/);
    assert.equal(untitledPowerShell().length, 1, 'no second document');
  });

  test('a host checked ad hoc (in no file, no inventory) lands in the "Checked" group until the window closes', async () => {
    // 127.0.0.2 is loopback where nothing listens on the lab port: a refused connection is a result like any other.
    const adhoc = `127.0.0.2:${LAB_PORT}`;
    const before = api.hostsView.getChildren().filter((n) => n.kind === 'group' && api.hostsView.describe(n).label === 'Checked');
    assert.equal(before.length, 0, 'no "Checked" group before an ad-hoc check');
    const result = await vscode.commands.executeCommand<HostCheckResult>('rdpDoctor.checkHost', adhoc);
    assert.equal(result?.target, adhoc);
    const group = api.hostsView.getChildren().find((n) => n.kind === 'group' && api.hostsView.describe(n).label === 'Checked');
    assert.ok(group, 'the "Checked" group appears');
    assert.equal(api.hostsView.describe(api.hostsView.getChildren().at(-1)!).label, 'Checked', 'after the workspace\'s hosts');
    const members = api.hostsView.getChildren(group).map((n) => api.hostsView.describe(n));
    assert.deepEqual(members.map((m) => m.label), [adhoc]);
    assert.match(members[0]!.description, /error/);
    assert.ok(!api.hosts().some((h) => h.key === adhoc), 'the workspace\'s hosts are unchanged');
  });

  test('"Check Host" of a file that goes through an RD Gateway says so, and a failed direct probe is a warning', async () => {
    // 127.0.0.3 is loopback where nothing listens on the lab port; the gateway is never contacted (the check probes the session host).
    const document = await openUntitled({ language: 'rdp', content: `full address:s:127.0.0.3:${LAB_PORT}\ngatewayhostname:s:gw.contoso.invalid\ngatewayusagemethod:i:1\n` });
    const result = await vscode.commands.executeCommand<HostCheckResult>('rdpDoctor.checkFileHost', document.uri);
    assert.deepEqual(result?.gateway, { usageMethod: 1, host: 'gw.contoso.invalid' });
    const refused = result?.findings.find((f) => f.ruleId === 'NET002');
    assert.equal(refused?.severity, 'warning', 'the client never connects directly');
    await revertAndClose(document);
  });

  test('a Hyper-V VM console file (a pcb sent to port 2179) is no host to check: no check, no Hosts entry, no "Check host" CodeLens', async () => {
    // Microsoft's file for a VM console (Azure Stack Edge): its host reads the VM's preconnection PDU, not an X.224 request.
    const host = '127.0.0.6:2179';
    const content = 'full address:s:127.0.0.6\nserver port:i:2179\npcb:s:7d9c7f41-4a5e-4c3e-9b8a-2f1e1d0c0b0a;EnhancedMode=1\nnegotiate security layer:i:0\n';
    const document = await openUntitled({ language: 'rdp', content });
    const result = await vscode.commands.executeCommand<HostCheckResult | undefined>('rdpDoctor.checkFileHost', document.uri);
    assert.equal(result, undefined, 'no check was made');
    assert.ok(!api.hosts().some((h) => h.key === host), 'the Hosts view does not list the VM console');
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? [];
    assert.ok(!lenses.some((l) => l.command?.command === 'rdpDoctor.checkFileHost'), JSON.stringify(lenses.map((l) => l.command?.title)));
    await revertAndClose(document);
  });

  test('"Check Host" of a file at authentication level 1 against the lab\'s untrusted certificate by IP address: an error, the client refuses', async () => {
    const document = await openUntitled({ language: 'rdp', content: `full address:s:127.0.0.1:${LAB_PORT}\nauthentication level:i:1\n` });
    const result = await vscode.commands.executeCommand<HostCheckResult>('rdpDoctor.checkFileHost', document.uri);
    const untrusted = result?.findings.find((f) => f.ruleId === 'NET022');
    assert.equal(untrusted?.severity, 'error', JSON.stringify(result?.findings));
    assert.match(untrusted!.message, /refuses to connect/);
    await revertAndClose(document);
  });

  test('the Hosts view checks a host through the RD Gateway all its files name; a file that connects directly makes a failed probe an error', async () => {
    // 127.0.0.4 is loopback where nothing listens on the lab port; the gateway is never contacted.
    const host = `127.0.0.4:${LAB_PORT}`;
    const gateway = await openUntitled({ language: 'rdp', content: `full address:s:${host}\ngatewayhostname:s:GW.contoso.invalid\ngatewayusagemethod:i:1\n` });
    const nodeOf = (): Extract<HostsNode, { kind: 'host' }> | undefined =>
      api.hostsView.getChildren().find((n): n is Extract<HostsNode, { kind: 'host' }> => n.kind === 'host' && n.host.key === host);
    await waitFor('the gateway file\'s host in the Hosts view', () => nodeOf() !== undefined, api.hostsView.onDidChangeTreeData, 15_000);
    assert.deepEqual(nodeOf()!.host.target.gateway, { usageMethod: 1, host: 'GW.contoso.invalid' });
    const through = await vscode.commands.executeCommand<HostCheckResult>('rdpDoctor.checkHost', nodeOf());
    assert.deepEqual(through?.gateway, { usageMethod: 1, host: 'GW.contoso.invalid' });
    assert.equal(through?.findings.find((f) => f.ruleId === 'NET002')?.severity, 'warning', 'the client never connects directly');

    // A second file names the same gateway in other letter case: still one gateway.
    const same = await openUntitled({ language: 'rdp', content: `full address:s:${host}\ngatewayhostname:s:gw.contoso.invalid\ngatewayusagemethod:i:1\n` });
    await waitFor('two files for the host', () => nodeOf()?.host.files.length === 2, api.hostsView.onDidChangeTreeData, 15_000);
    assert.equal(nodeOf()!.host.target.gateway?.usageMethod, 1);

    const direct = await openUntitled({ language: 'rdp', content: `full address:s:${host}\n` });
    await waitFor('three files for the host', () => nodeOf()?.host.files.length === 3, api.hostsView.onDidChangeTreeData, 15_000);
    assert.equal(nodeOf()!.host.target.gateway, undefined, 'one file connects directly');
    const mixed = await vscode.commands.executeCommand<HostCheckResult>('rdpDoctor.checkHost', nodeOf());
    assert.equal(mixed?.gateway, undefined);
    assert.equal(mixed?.findings.find((f) => f.ruleId === 'NET002')?.severity, 'error');
    // Each file's diagnostics read as its own client connects: a warning where the file goes through the gateway,
    // an error where it connects directly, from the one check.
    const refusedOn = (document: vscode.TextDocument): vscode.Diagnostic | undefined => vscode.languages.getDiagnostics(document.uri).find((d) => ruleOf(d) === 'NET002');
    await waitFor('NET002 on each file', () => [gateway, same, direct].every((d) => refusedOn(d)), vscode.languages.onDidChangeDiagnostics);
    assert.equal(refusedOn(gateway)!.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(refusedOn(gateway)!.message, /RD Gateway GW\.contoso\.invalid/);
    assert.equal(refusedOn(same)!.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(refusedOn(direct)!.severity, vscode.DiagnosticSeverity.Error);
    assert.doesNotMatch(refusedOn(direct)!.message, /Gateway/);
    for (const document of [gateway, same, direct]) {
      await revertAndClose(document);
    }
  });

  test('a hostile value is refused with a message and nothing is inserted', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const before = vscode.workspace.textDocuments.length;
    const result = await vscode.commands.executeCommand('rdpDoctor.insertPowerShellFix', {
      fixId: 'show-listener-cert',
      params: { computerName: "srv'; Remove-Item C:\\ -Recurse #" },
    });
    assert.equal(result, undefined);
    assert.equal(untitledPowerShell().filter((d) => d.getText().includes('Remove-Item')).length, 0);
    assert.ok(vscode.workspace.textDocuments.length <= before);
  });

  test('cancelling a check stops it at once and keeps the host unchecked', async () => {
    // A listener that accepts and never answers: the negotiation would wait for the whole timeout.
    const sockets: Socket[] = [];
    const silent = createServer((s) => sockets.push(s));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    const key = `127.0.0.1:${port}`;
    const config = vscode.workspace.getConfiguration('rdpDoctor');
    // The longest step timeout the setting allows (10 min): only the cancel can end this check, so a cancelled result
    // says it stopped at once, whatever the machine's speed (no clock is read).
    await config.update('checks.timeoutMs', 600_000, vscode.ConfigurationTarget.Global);
    try {
      const connected = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('No connection reached the silent listener within 60 s.')), 60_000);
        silent.once('connection', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      const running = vscode.commands.executeCommand<HostCheckResult>('rdpDoctor.checkHost', key);
      await connected;
      assert.equal(await vscode.commands.executeCommand('rdpDoctor.cancelChecks'), 1, 'one run to cancel');
      const result = await running;
      assert.equal(result.cancelled, true);
      assert.equal(api.latest(key)?.cancelled, true);
    } finally {
      await config.update('checks.timeoutMs', undefined, vscode.ConfigurationTarget.Global);
      for (const s of sockets) s.destroy();
      silent.close();
    }
  });

  test('"Export Report" writes Markdown and SARIF with the lint findings and the latest checks', async () => {
    const md = workspaceFile('report.md');
    await vscode.commands.executeCommand('rdpDoctor.exportReport', 'markdown', md);
    const markdown = Buffer.from(await vscode.workspace.fs.readFile(md)).toString('utf8');
    assert.match(markdown, /problems\.rdp/);
    assert.match(markdown, /RDP002/);
    assert.ok(markdown.includes(LAB_SHA1), 'the checked host with its thumbprint');
    const sarifUri = workspaceFile('report.sarif');
    await vscode.commands.executeCommand('rdpDoctor.exportReport', 'sarif', sarifUri);
    const sarif = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(sarifUri)).toString('utf8')) as { version: string; runs: { results: { ruleId: string }[] }[] };
    assert.equal(sarif.version, '2.1.0');
    const rules = new Set(sarif.runs[0]!.results.map((r) => r.ruleId));
    for (const id of ['RDP002', 'NET011', 'NET022']) assert.ok(rules.has(id), `${id} in the SARIF results`);

    // The rdpDoctor.rules setting applies to the report as it does to the Problems panel.
    const restore = await withSetting('rdpDoctor', 'rules', { RDP002: 'off' });
    try {
      await waitFor('RDP002 off', () => (vscode.workspace.getConfiguration('rdpDoctor', null).get<Record<string, string>>('rules') ?? {}).RDP002 === 'off', vscode.workspace.onDidChangeConfiguration);
      await vscode.commands.executeCommand('rdpDoctor.exportReport', 'sarif', sarifUri);
      const again = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(sarifUri)).toString('utf8')) as typeof sarif;
      const ids = new Set(again.runs[0]!.results.map((r) => r.ruleId));
      assert.equal(ids.has('RDP002'), false, 'RDP002 is off in the settings');
      assert.ok(ids.has('NET022'));
    } finally {
      await restore();
    }
    await vscode.workspace.fs.delete(md);
    await vscode.workspace.fs.delete(sarifUri);
  });

  test('"Export Report" does not write through a link in the workspace that leads out of it, and writes through one that stays in', async () => {
    // A cloned repository can ship rdp-doctor-report.md as a link to a file of the user's elsewhere (a session 29 review).
    const outsideDir = await mkdtemp(join(tmpdir(), 'rdp-doctor-outside-'));
    const outside = join(outsideDir, 'bashrc');
    await writeFile(outside, 'export KEEP=1\n');
    const link = workspaceFile('linked-report.md');
    const inner = workspaceFile('inner-report.md');
    const innerLink = workspaceFile('inner-link.md');
    await symlink(outside, link.fsPath);
    await writeFile(inner.fsPath, 'old\n');
    await symlink('inner-report.md', innerLink.fsPath);
    try {
      const written = await vscode.commands.executeCommand('rdpDoctor.exportReport', 'markdown', link);
      assert.equal(await readFile(outside, 'utf8'), 'export KEEP=1\n', 'the file outside the workspace is as it was');
      assert.equal(written, undefined, 'nothing written');
      assert.ok((await lstat(link.fsPath)).isSymbolicLink(), 'the link is left as it was');
      await vscode.commands.executeCommand('rdpDoctor.exportReport', 'markdown', innerLink);
      assert.match(await readFile(inner.fsPath, 'utf8'), /problems\.rdp/, 'a link to a file in the workspace is written through');
    } finally {
      await rm(outsideDir, { recursive: true, force: true });
      for (const uri of [link, inner, innerLink]) await rm(uri.fsPath, { force: true });
    }
  });

  test('"Harden Connection File" makes one edit: NLA, server authentication, no saved password, a host name for the IP', async () => {
    const document = await openUntitled({
      language: 'rdp',
      content: 'full address:s:127.0.0.5:3390\nauthentication level:i:0\nenablecredsspsupport:i:0\npassword 51:b:01000000D08C9DDF\n',
    });
    await vscode.window.showTextDocument(document);
    const applied = await vscode.commands.executeCommand('rdpDoctor.hardenConnectionFile', { hostName: 'rdsh01.contoso.com', preview: false });
    assert.equal(applied, true);
    const text = document.getText();
    assert.match(text, /^full address:s:rdsh01\.contoso\.com:3390$/m);
    assert.match(text, /^authentication level:i:2$/m);
    assert.match(text, /^enablecredsspsupport:i:1$/m);
    assert.match(text, /^negotiate security layer:i:1$/m);
    assert.doesNotMatch(text, /password 51/);
    await vscode.commands.executeCommand('undo');
    assert.match(document.getText(), /^authentication level:i:0$/m, 'one undo restores the file');
    await revertAndClose(document);
  });
});

function labelOf(node: HostsNode): string {
  return api.hostsView.describe(node).label;
}
