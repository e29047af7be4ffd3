// Workspace files that are no regular files. VS Code's `workspace.fs.readFile` of a local file reads without a limit:
// a security review grew the extension host to 8 GB with a `.rdpdoctor.yaml` linked to /dev/zero, a FIFO config left
// its folder's files unlinted for ever, and a FIFO named like an export blocked a libuv thread in its open(). Every
// read of a workspace file now looks at it first (src/extension/workspace-files.ts, readWorkspaceFile).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { RdpDoctorApi } from '../../../src/extension/main';
import { EXTENSION_ID, ruleOf, waitFor, waitForDiagnostics, workspaceFile } from './helpers';
import { suite, suiteSetup, suiteTeardown, test } from './mocha-tdd';

/** Far less than the 8 GB the review saw: the extension host after the whole suite is a few hundred MB. */
const MAX_RSS = 2 * 1024 ** 3;

suite('Workspace files that are no regular files (FIFOs, links to /dev/zero)', () => {
  let api: Required<RdpDoctorApi>;
  const made: string[] = [];

  suiteSetup(async () => {
    api = (await vscode.extensions.getExtension<RdpDoctorApi>(EXTENSION_ID)!.activate()) as Required<RdpDoctorApi>;
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const path of made) rmSync(path, { recursive: true, force: true });
  });

  const fifo = (path: string): void => {
    const r = spawnSync('mkfifo', [path]);
    assert.equal(r.status, 0, `mkfifo ${path}: ${r.stderr}`);
    made.push(path);
  };

  test('a .rdpdoctor.yaml that is a FIFO or a link to /dev/zero: the files below it are linted at once, with no config', async () => {
    const makers: [string, (path: string) => void][] = [
      ['fifo-config', fifo],
      ['zero-config', (path) => symlinkSync('/dev/zero', path)],
    ];
    for (const [folder, make] of makers) {
      const dir = workspaceFile(folder).fsPath;
      mkdirSync(dir);
      made.push(dir);
      make(join(dir, '.rdpdoctor.yaml'));
      // RDP012 (the target is an IP address) at its default: nothing turns it off.
      writeFileSync(join(dir, 'x.rdp'), 'full address:s:127.0.0.5\r\n');
      const uri = workspaceFile(`${folder}/x.rdp`);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      await waitForDiagnostics(uri, 'RDP012, linted with no config', (d) => d.some((x) => ruleOf(x) === 'RDP012'), 15_000);
    }
    assert.ok(process.memoryUsage().rss < MAX_RSS, `the extension host holds ${process.memoryUsage().rss} bytes`);
  });

  test('a .rdpdoctor.yaml that is a link to nothing or to itself: the files below it get no config, not the config above', async () => {
    // The folder above turns RDP012 off: passing over the broken config for it hid RDP012 with no word.
    const above = workspaceFile('broken-config-links').fsPath;
    mkdirSync(above);
    made.push(above);
    writeFileSync(join(above, '.rdpdoctor.yaml'), 'rules:\n  RDP012: off\n');
    for (const [project, target] of [['dangling', 'missing.yaml'], ['loop', '.rdpdoctor.yaml']]) {
      mkdirSync(join(above, project!));
      symlinkSync(target!, join(above, project!, '.rdpdoctor.yaml'));
      writeFileSync(join(above, project!, 'x.rdp'), 'full address:s:127.0.0.5\r\n');
      const uri = workspaceFile(`broken-config-links/${project}/x.rdp`);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      await waitForDiagnostics(uri, 'RDP012, linted with no config', (d) => d.some((x) => ruleOf(x) === 'RDP012'), 15_000);
    }
  });

  test('.rdp files and exports that are FIFOs or links to /dev/zero, written after the scans, are not read: the scans go on', async () => {
    await api.policyScan();
    // Names with glob characters: the watcher takes them as scanned without asking the search (isScanned).
    symlinkSync('/dev/zero', workspaceFile('zero[1].rdp').fsPath);
    made.push(workspaceFile('zero[1].rdp').fsPath);
    fifo(workspaceFile('fifo[1].rdp').fsPath);
    // Four FIFOs named like exports: each open() without O_NONBLOCK held one of libuv's four threads, and every file
    // read of the extension host (the .rdp file below among them) waited behind them.
    for (let n = 1; n <= 4; n++) fifo(workspaceFile(`export[${n}].xml`).fsPath);
    const late = workspaceFile('late-host.rdp').fsPath;
    writeFileSync(late, 'full address:s:late.rdp-doctor.invalid\r\n');
    made.push(late);
    await waitFor('late.rdp-doctor.invalid in the Hosts view', () => api.hosts().some((h) => h.key.startsWith('late.rdp-doctor.invalid:')), api.hostsView.onDidChangeTreeData, 15_000);
    // Refused before any byte is read (test/unit/bounded-read.test.ts counts that): no host comes from them.
    assert.ok(!api.hosts().some((h) => h.files.some((f) => /(zero|fifo)\[1\]\.rdp$/.test(f.path))), 'no host from a FIFO or a device');
    assert.ok(process.memoryUsage().rss < MAX_RSS, `the extension host holds ${process.memoryUsage().rss} bytes`);
  });
});
