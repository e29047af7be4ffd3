import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lineStartSafe, terminalSafe } from '../../src/core/text/terminal';
import { runCli } from './cli/cli-harness';

describe('terminalSafe', () => {
  it('shows C0 and C1 controls, ESC, DEL and line breaks as escapes', () => {
    assert.equal(terminalSafe('h\x1b]0;PWNED\x07ost'), 'h\\x1b]0;PWNED\\x07ost');
    assert.equal(terminalSafe('a\x00b\x7fc\x9bd\x85e'), 'a\\x00b\\x7fc\\x9bd\\x85e');
    assert.equal(terminalSafe('one\r\ntwo\x0bthree'), 'one\\x0d\\x0atwo\\x0bthree');
  });

  it('shows bidi overrides, embeddings, isolates and marks as \\u escapes', () => {
    const bidi = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];
    for (const c of bidi) assert.equal(terminalSafe(`x${c}y`), `x\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}y`);
  });

  it('shows what prints as nothing, and the Unicode line and paragraph separators, as \\u escapes', () => {
    // "pass\u200bword" printed as "password" in an unknown-property message (a hostile-input review).
    assert.equal(terminalSafe('pass\u00adword'), 'pass\\xadword');
    for (const c of ['\u200b', '\u2060', '\u2061', '\u2064', '\ufeff', '\u2028', '\u2029']) {
      assert.equal(terminalSafe(`pass${c}word`), `pass\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}word`);
    }
    // Joiners that scripts and emoji need stay.
    assert.equal(terminalSafe('\u0645\u200c\u06cc 👩\u200d💻'), '\u0645\u200c\u06cc 👩\u200d💻');
  });

  it('leaves tabs and printable text, accents and other scripts as they are', () => {
    const text = 'Größe\tÜberprüfung — 日本語 ✓ "quoted" \\ backslash';
    assert.equal(terminalSafe(text), text);
  });
});

/**
 * What GitHub Actions' runner reads as a workflow command in a step's output (actions/runner ActionCommand.cs):
 * `::name …::data` at the start of a line once its leading spaces are trimmed, or `##[name …]data` anywhere.
 */
function runnerCommand(line: string): string | null {
  const v2 = /^::([A-Za-z-]+)[ :]/.exec(line.trimStart());
  if (v2) return v2[1]!;
  const v1 = /##\[([A-Za-z-]+)[ \]]/.exec(line);
  return v1 ? v1[1]! : null;
}

describe('output a CI runner could take for a workflow command', () => {
  it('terminalSafe shows the second # of ##[ as an escape; lineStartSafe escapes the colon that starts a line', () => {
    assert.equal(terminalSafe('user ##[error]fake'), 'user #\\x23[error]fake');
    assert.equal(lineStartSafe('::error file=a::b.rdp'), '\\x3a:error file=a::b.rdp');
    assert.equal(lineStartSafe('  ::warning::x'), '  \\x3a:warning::x');
    // Elsewhere `::` is text (an IPv6 address), and one colon starts no command.
    assert.equal(lineStartSafe('[::1]:3389'), '[::1]:3389');
    assert.equal(lineStartSafe(':a.rdp'), ':a.rdp');
  });

  it('no line of lint text or compact output is a workflow command, whatever the file holds or is named', { skip: process.platform === 'win32' && 'a file name with colons' }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-ci-commands-'));
    try {
      writeFileSync(join(dir, '::error file=x.rdp,line=1::Pwned.rdp'), 'full address:s:host.invalid\r\ngatewayhostname:s:##[error]fake annotation\r\nfoo:s:##[warning]x\r\n');
      for (const format of ['text', 'compact'] as const) {
        const r = runCli(['lint', '.', '--format', format], dir);
        const lines = r.stdout.split('\n');
        assert.ok(lines.some((l) => l.includes('Pwned.rdp')), r.stdout);
        assert.ok(lines.some((l) => l.includes('#\\x23[error]fake annotation')), r.stdout);
        assert.deepEqual(lines.filter(runnerCommand), [], format);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
