// Cross-check facts are gathered only when the run has something to compare them with (issue 16).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { lintChunk } from '../../../src/core/lint/lint-chunk';
import { lintPaths } from '../../../src/core/lint/session';

describe('cross-check facts', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-xrf-'));
    mkdirSync(join(dir, 'only-rdp'));
    mkdirSync(join(dir, 'with-export'));
    const rdp = 'full address:s:rdsh01.contoso.com\r\nenablecredsspsupport:i:0\r\n';
    writeFileSync(join(dir, 'only-rdp', 'a.rdp'), rdp);
    writeFileSync(join(dir, 'with-export', 'a.rdp'), rdp);
    // NLA required by policy while the file turns CredSSP off: XRF001.
    writeFileSync(
      join(dir, 'with-export', 'policy.reg'),
      'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services]\r\n"UserAuthentication"=dword:00000001\r\n',
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('are gathered for an .rdp input unless it is marked as having nothing to compare with', () => {
    const path = join(dir, 'only-rdp', 'a.rdp');
    assert.ok(lintChunk([{ path, named: true }], undefined, false).files[0]!.crossCheck?.rdp);
    assert.equal(lintChunk([{ path, named: true, crossCheck: false }], undefined, false).files[0]!.crossCheck, undefined);
  });

  it('still cross-check a file against an export of the same run', async () => {
    const withExport = await lintPaths({ paths: [join(dir, 'with-export')], fix: false });
    const ids = withExport.report.files.flatMap((f) => f.findings.map((x) => x.ruleId));
    assert.ok(ids.includes('XRF001'), ids.join(', '));
    const alone = await lintPaths({ paths: [join(dir, 'only-rdp')], fix: false });
    assert.ok(!alone.report.files.flatMap((f) => f.findings.map((x) => x.ruleId)).some((id) => id.startsWith('XRF')));
  });
});

describe('lint reports handed over file by file (onFile)', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-onfile-'));
    for (const sub of ['only-rdp', 'with-export']) {
      mkdirSync(join(dir, sub));
      for (let i = 0; i < 5; i++) writeFileSync(join(dir, sub, `h${i}.rdp`), `full address:s:rdsh0${i}.contoso.com\r\nenablecredsspsupport:i:${i % 2}\r\nbogus property:i:1\r\n`);
    }
    writeFileSync(join(dir, 'only-rdp', 'unreadable.rdp'), '\u0000\u0001\u0002'.repeat(100));
    writeFileSync(
      join(dir, 'with-export', 'policy.reg'),
      'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services]\r\n"UserAuthentication"=dword:00000001\r\n',
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const sub of ['only-rdp', 'with-export']) {
    it(`gives every report, in order, as the report's files would list them, and the same exit code (${sub})`, async () => {
      const whole = await lintPaths({ paths: [join(dir, sub)], fix: false });
      const taken: unknown[] = [];
      const streamed = await lintPaths({ paths: [join(dir, sub)], fix: false }, undefined, (file) => taken.push(file));
      assert.ok(whole.report.files.length >= 5);
      assert.deepEqual(taken, whole.report.files);
      assert.deepEqual(streamed.report, { files: [], errors: whole.report.errors });
      assert.equal(streamed.exitCode, whole.exitCode);
      assert.ok(taken.every((f) => !('crossCheck' in (f as object))));
    });
  }

  it('hands each report over while the files are linted when nothing is cross-checked, after the cross-file pass otherwise', async () => {
    for (const [sub, during] of [['only-rdp', true], ['with-export', false]] as const) {
      let inRun = false;
      const when: boolean[] = [];
      await lintPaths(
        { paths: [join(dir, sub)], fix: false },
        async (inputs, configPath, fix, onFile) => {
          inRun = true;
          const chunk = lintChunk(inputs, configPath, fix, undefined, onFile);
          inRun = false;
          if (onFile) assert.equal(chunk.files.length, 0);
          return [chunk];
        },
        () => when.push(inRun),
      );
      assert.ok(when.length >= 5);
      assert.ok(when.every((w) => w === during), `${sub}: ${when.join(',')}`);
    }
  });
});
