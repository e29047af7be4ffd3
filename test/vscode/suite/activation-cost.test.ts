// What activation cost this extension host, as the extension measured it (src/extension/activation-cost.ts), written to
// test-results/activation.json (or $RDP_DOCTOR_RESULTS/activation.json) for the bench and CI. Sanity only: speed is
// measured by bench/activation-host.mjs, never asserted here.
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RdpDoctorApi } from '../../../src/extension/main';
import { EXTENSION_ID } from './helpers';
import { suite, test } from './mocha-tdd';

/** out/test/vscode/suite → the repository's test-results, unless run.mjs or the bench names another folder. */
const RESULTS = process.env.RDP_DOCTOR_RESULTS ?? path.resolve(__dirname, '../../../../test-results');

suite('Activation cost', () => {
  test('the extension reports what loading its bundle and activate() cost, and the test writes it to activation.json', async () => {
    const extension = vscode.extensions.getExtension<RdpDoctorApi>(EXTENSION_ID)!;
    const api = await extension.activate();
    const cost = api.activation;
    assert.ok(cost, 'the API has no activation figures (did activate() fail?)');
    const { codeCache, threadCpuMs, coreLoaded, ...figures } = cost;
    for (const [name, value] of Object.entries(figures)) assert.ok(Number.isFinite(value) && value >= 0, `${name} is ${value}`);
    // This thread's share of the process's CPU, where Linux tells it.
    if (process.platform === 'linux') assert.ok(threadCpuMs !== null && threadCpuMs > 0 && threadCpuMs <= cost.cpuMs + 1, `threadCpuMs ${threadCpuMs} of ${cost.cpuMs}`);
    // The loader loads the code, through the cache (a first activation writes it): never 'off' in a real extension host.
    assert.ok(['used', 'missing', 'rejected'].includes(codeCache), `codeCache: ${codeCache}`);
    assert.ok(cost.loadWallMs > 0, 'no load time');
    // The folder holds an .rdp file no editor shows: activation registers the features and loads none of the core
    // (rules, readers, checks: src/extension/core.ts), which waits for the first lint, hover or command (issue 16).
    const open = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'file').map((d) => path.basename(d.uri.path));
    assert.equal(coreLoaded, false, `activation loaded dist/extension-core.js with nothing to lint (open documents: ${open.join(', ') || 'none'})`);
    assert.ok(cost.activateWallMs > 0);
    assert.equal(cost.cpuMs, cost.loadCpuMs + cost.activateCpuMs);
    assert.equal(cost.wallMs, cost.loadWallMs + cost.activateWallMs);
    // One minute is far above any real activation: a larger figure means the marks are wrong (wrong clock or unit).
    assert.ok(cost.wallMs < 60_000, `${cost.wallMs} ms`);
    mkdirSync(RESULTS, { recursive: true });
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.path;
    const record = { ...cost, folder: folder === undefined ? null : path.basename(folder), vscode: vscode.version, node: process.version, date: new Date().toISOString() };
    writeFileSync(path.join(RESULTS, 'activation.json'), JSON.stringify(record, null, 2) + '\n');
  });

  test('the first lint loads the core through its own code cache in the extension\'s storage', async () => {
    const api = await vscode.extensions.getExtension<RdpDoctorApi>(EXTENSION_ID)!.activate();
    const [file] = await vscode.workspace.findFiles('**/*.rdp', undefined, 1);
    assert.ok(file, 'the activation folder has an .rdp file');
    // Opened, not shown: the lint runs for every open .rdp document, and an editor left open would be restored in the
    // next window on this folder (bench/activation-host.mjs opens eleven), whose activation would then load the core.
    await vscode.workspace.openTextDocument(file);
    const deadline = Date.now() + 20_000;
    while (api.coreCodeCache?.() === undefined && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    // 'missing' the first time (then written), 'used' after: never 'off', which means the core compiled without a cache.
    assert.ok(['used', 'missing', 'rejected'].includes(String(api.coreCodeCache?.())), `core code cache: ${api.coreCodeCache?.()}`);
  });
});
