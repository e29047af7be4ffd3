import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostCheckResult } from '../../../src/core/net/index';
import type { RdpDoctorApi } from '../../../src/extension/main';
import { EXTENSION_ID, rulesOf, waitFor, waitForDiagnostics } from './helpers';
import { suite, suiteSetup, test } from './mocha-tdd';

// Runs alone in the multi-root workspace of lab.ts (writeMultiRootWorkspace): folders `a` and `b`, the lab xrdp on 127.0.0.1.
const LAB_PORT = Number(process.env.RDP_DOCTOR_LAB_PORT);

let api: Required<RdpDoctorApi>;

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

/** Waits until the document has been linted, then returns its rule IDs. */
async function lintedRules(uri: vscode.Uri): Promise<string[]> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  await waitFor(`a lint of ${uri.path}`, () => api.lints(uri).length > 0, vscode.languages.onDidChangeDiagnostics);
  await waitForDiagnostics(uri, 'some findings', (d) => d.length > 0);
  return rulesOf(uri);
}

suite('Multi-root workspace: each folder has its own config and settings', () => {
  suiteSetup(async () => {
    assert.ok(LAB_PORT > 0, 'run.mjs passes the lab port in RDP_DOCTOR_LAB_PORT.');
    // The workbench sometimes opens the .code-workspace without its folders; run.mjs reads this message and runs the
    // suite again in a new window. Folders that come late are waited for.
    const names = (): string => (vscode.workspace.workspaceFolders ?? []).map((f) => f.name).join(',');
    await waitFor('the folders a and b of the workspace', () => names() === 'a,b', vscode.workspace.onDidChangeWorkspaceFolders, 5_000).catch(() => {
      throw new Error(`The workbench opened the workspace without its folders (it has: ${names() || 'none'}).`);
    });
    api = (await vscode.extensions.getExtension<RdpDoctorApi>(EXTENSION_ID)!.activate()) as Required<RdpDoctorApi>;
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

  test('a nested .rdpdoctor.yaml applies to the files below it, and its changes are followed', async () => {
    assert.ok((await lintedRules(file('b', 'auth0.rdp'))).includes('RDP022'), 'RDP022 fires in b');
    const nested = file('b', 'sub/nested.rdp');
    const rules = await lintedRules(nested);
    assert.ok(!rules.includes('RDP022'), `sub/.rdpdoctor.yaml turns RDP022 off (findings: ${rules.join(', ')})`);
    const config = file('b', 'sub/.rdpdoctor.yaml');
    await vscode.workspace.fs.writeFile(config, Buffer.from('rules:\n  RDP022: error\n'));
    try {
      const diagnostics = await waitForDiagnostics(nested, 'RDP022 as an error', (d) => d.some((x) => /RDP022/.test(JSON.stringify(x.code)) && x.severity === vscode.DiagnosticSeverity.Error), 15_000);
      assert.ok(diagnostics.length > 0);
    } finally {
      await vscode.workspace.fs.writeFile(config, Buffer.from('rules:\n  RDP022: off\n'));
    }
    await waitForDiagnostics(nested, 'RDP022 off again', (d) => !d.some((x) => /RDP022/.test(JSON.stringify(x.code))), 15_000);
  });

  test("Export Report: SARIF resolves every location against its own folder; Markdown names every folder", async () => {
    const out = vscode.Uri.joinPath(folder('a').uri, 'report.sarif');
    await vscode.commands.executeCommand('rdpDoctor.exportReport', 'sarif', out);
    type Location = { physicalLocation?: { artifactLocation: { uri: string; uriBaseId?: string } } };
    const sarif = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(out)).toString('utf8')) as {
      runs: { originalUriBaseIds?: Record<string, { uri: string }>; results: { ruleId: string; locations?: Location[] }[] }[];
    };
    const run = sarif.runs[0]!;
    const bases = run.originalUriBaseIds ?? {};
    const resolved = run.results.flatMap((r) =>
      (r.locations ?? []).flatMap((l) => {
        const at = l.physicalLocation?.artifactLocation;
        if (!at) return [];
        const base = at.uriBaseId === undefined ? undefined : bases[at.uriBaseId]?.uri;
        assert.ok(at.uriBaseId === undefined || base, `uriBaseId ${at.uriBaseId} is declared`);
        return [base ? new URL(at.uri, base).href : at.uri];
      }),
    );
    assert.ok(resolved.length > 0, 'the report has file locations');
    for (const uri of new Set(resolved)) {
      await assert.doesNotReject(Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.parse(uri))), `${uri} exists`);
    }
    assert.ok(resolved.some((u) => u.endsWith('/b/auth0.rdp')), `b/auth0.rdp is located (${[...new Set(resolved)].join(', ')})`);
    await vscode.workspace.fs.delete(out);

    const md = vscode.Uri.joinPath(folder('a').uri, 'report.md');
    await vscode.commands.executeCommand('rdpDoctor.exportReport', 'markdown', md);
    const markdown = Buffer.from(await vscode.workspace.fs.readFile(md)).toString('utf8');
    const title = markdown.split('\n').find((l) => l.startsWith('Generated')) ?? '';
    assert.ok(title.includes(folder('a').uri.fsPath) && title.includes(folder('b').uri.fsPath), `the title names both folders: ${title}`);
    await vscode.workspace.fs.delete(md);
  });
});
