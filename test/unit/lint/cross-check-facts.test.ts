// Cross-check facts are gathered only when the run has something to compare them with (issue 16).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { lintChunk, lintPaths } from '../../../src/core/lint/session';

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
