import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostCheckResult } from '../../../src/core/net/index';
import type { RdpDoctorApi } from '../../../src/extension/main';
import { EXTENSION_ID } from './helpers';
import { suite, suiteSetup, test } from './mocha-tdd';

// Runs alone in the multi-root workspace of lab.ts (writeMultiRootWorkspace): folders `a` and `b`, the lab xrdp on 127.0.0.1.
const LAB_PORT = Number(process.env.RDP_DOCTOR_LAB_PORT);

function folder(name: string): vscode.WorkspaceFolder {
  const found = vscode.workspace.workspaceFolders?.find((f) => f.name === name);
  assert.ok(found, `The multi-root workspace has a folder ${name}.`);
  return found;
}

function file(folderName: string, path: string): vscode.Uri {
  return vscode.Uri.joinPath(folder(folderName).uri, path);
}

async function checkFile(uri: vscode.Uri): Promise<string[]> {
  await vscode.window.showTextDocument(uri);
  const result = await vscode.commands.executeCommand<HostCheckResult>('rdpDoctor.checkFileHost', uri);
  assert.ok(result && !result.cancelled, `the check of ${uri.path} ran`);
  return result.findings.map((f) => f.ruleId).sort();
}

suite('Multi-root workspace: each folder has its own config and settings', () => {
  suiteSetup(async () => {
    assert.ok(LAB_PORT > 0, 'run.mjs passes the lab port in RDP_DOCTOR_LAB_PORT.');
    assert.deepEqual(
      vscode.workspace.workspaceFolders?.map((f) => f.name),
      ['a', 'b'],
    );
    await vscode.extensions.getExtension<RdpDoctorApi>(EXTENSION_ID)!.activate();
  });

  test("checking b's file uses b's .rdpdoctor.yaml: its CA is trusted, its rule turned off", async () => {
    const rules = await checkFile(file('b', 'lab.rdp'));
    assert.ok(!rules.includes('NET022'), `b trusts the lab CA (findings: ${rules.join(', ')})`);
    assert.ok(!rules.includes('NET011'), `b turns NET011 off (findings: ${rules.join(', ')})`);
  });

  test("checking a's file uses a's folder settings and not b's CA", async () => {
    const rules = await checkFile(file('a', 'lab-a.rdp'));
    assert.ok(rules.includes('NET022'), `a does not trust the lab CA (findings: ${rules.join(', ')})`);
    assert.ok(!rules.includes('NET011'), `a's .vscode/settings.json turns NET011 off (findings: ${rules.join(', ')})`);
  });
});
