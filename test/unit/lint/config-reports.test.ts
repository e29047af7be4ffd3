// SPEC §4: mistakes in `.rdpdoctor.yaml` are "config findings in the CLI" even when only the files it configures are
// linted (a review found a misspelt severity and an unknown rule ID dropped in silence, exit 0).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { lintPaths } from '../../../src/core/lint/session';
import type { FileReport } from '../../../src/core/lint/output';

const RDP = 'full address:s:rdsh01.example.invalid\r\n';

describe('the config a lint runs with reports its own mistakes', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-config-reports-'));
    mkdirSync(join(dir, 'broken', 'sub'), { recursive: true });
    mkdirSync(join(dir, 'clean'), { recursive: true });
    writeFileSync(join(dir, 'broken', '.rdpdoctor.yaml'), 'rules:\n  RDP013: loud\n  XYZ999: off\n');
    writeFileSync(join(dir, 'broken', 'sub', 'a.rdp'), RDP);
    writeFileSync(join(dir, 'broken', 'sub', 'b.rdp'), RDP);
    writeFileSync(join(dir, 'clean', '.rdpdoctor.yaml'), 'rules:\n  RDP013: off\n');
    writeFileSync(join(dir, 'clean', 'c.rdp'), RDP);
    writeFileSync(join(dir, 'explicit.yaml'), 'checks:\n  timeoutMs: -1\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const findingsOf = (files: readonly FileReport[]) => files.map((f) => [f.format, f.findings.map((x) => `${x.ruleId} ${x.line}:${x.column}`)]);

  it('once, before the files, when the files found it above them; exit 1 for its error', async () => {
    const { report, exitCode } = await lintPaths({ paths: [join(dir, 'broken', 'sub', 'a.rdp'), join(dir, 'broken', 'sub', 'b.rdp')], fix: false });
    assert.deepEqual(findingsOf(report.files), [['config', ['CFG001 2:11', 'CFG002 3:3']], ['rdp', []], ['rdp', []]]);
    assert.equal(report.files[0]!.path.endsWith('.rdpdoctor.yaml'), true);
    assert.equal(exitCode, 1);
  });

  it('streamed the same way, file by file', async () => {
    const streamed: FileReport[] = [];
    await lintPaths({ paths: [join(dir, 'broken', 'sub')], fix: false }, undefined, (f) => streamed.push(f));
    assert.deepEqual(findingsOf(streamed), [['config', ['CFG001 2:11', 'CFG002 3:3']], ['rdp', []], ['rdp', []]]);
  });

  it('not twice when the config is an input itself', async () => {
    const { report } = await lintPaths({ paths: [join(dir, 'broken')], fix: false, ignore: false });
    assert.equal(report.files.filter((f) => f.format === 'config').length, 1);
  });

  it('each file gets its own folder\'s config, however the folders alternate (the last folder\'s answer is kept)', async () => {
    const short = 'full address:s:rdsh01\r\n';
    mkdirSync(join(dir, 'plain'), { recursive: true });
    mkdirSync(join(dir, 'clean-2'), { recursive: true });
    for (const path of [['plain', 'x.rdp'], ['plain', 'z.rdp'], ['clean', 'y.rdp'], ['clean', 'w.rdp'], ['clean-2', 'v.rdp']]) writeFileSync(join(dir, ...path), short);
    const order = [['plain', 'x.rdp'], ['clean', 'y.rdp'], ['clean', 'w.rdp'], ['plain', 'z.rdp'], ['clean-2', 'v.rdp'], ['clean', 'y.rdp']];
    const { report } = await lintPaths({ paths: order.map((p) => join(dir, ...p)), fix: false });
    // clean/ turns RDP013 off; plain/ and clean-2/ (a folder whose name starts like clean's) have no config.
    assert.deepEqual(report.files.map((f) => f.findings.some((x) => x.ruleId === 'RDP013')), [true, false, false, true, true]);
  });

  it('--config: its mistakes, whatever folder the files are in; a clean config makes no report', async () => {
    const explicit = await lintPaths({ paths: [join(dir, 'clean', 'c.rdp')], configPath: join(dir, 'explicit.yaml'), fix: false });
    assert.deepEqual(findingsOf(explicit.report.files), [['config', ['CFG001 2:14']], ['rdp', []]]);
    const clean = await lintPaths({ paths: [join(dir, 'clean', 'c.rdp')], fix: false });
    assert.deepEqual(findingsOf(clean.report.files), [['rdp', []]]);
    assert.equal(clean.exitCode, 0);
  });
});
