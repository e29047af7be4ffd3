// An option that names a file, given an empty name (a CI variable left unset: `--inventory "$INVENTORY"`): a review
// saw `--inventory ''` check no hosts ("The inventory lists no hosts."), `--stdin-filename ''` report a file named "",
// located at the root folder itself in SARIF, and `-o ''` lint everything before failing to write.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from './cli-harness';

const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-empty-options-'));
after(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'a.rdp'), 'full address:s:rdsh01.example.invalid\r\n');

describe('an empty file name is a usage error (exit 2), for every option that takes one', () => {
  const cases: [string, string[]][] = [
    ['output-file', ['lint', 'a.rdp', '-o', '']],
    ['output-file', ['rules', '--output-file=']],
    ['config', ['lint', 'a.rdp', '--config', '']],
    ['stdin-filename', ['lint', '-', '--stdin-filename', '']],
    ['inventory', ['check', '--inventory', '']],
    ['ca', ['check', '127.0.0.1:1', '--ca', 'x.pem', '--ca', '']],
  ];
  for (const [option, args] of cases) {
    it(`${args.join(' ')}`, () => {
      const r = runCli(args, dir, { input: 'full address:s:rdsh01.example.invalid\r\n' });
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, `rdp-doctor: --${option} needs a file, not an empty name.\nRun "rdp-doctor ${args[0]} --help" for usage.\n`);
    });
  }
});
