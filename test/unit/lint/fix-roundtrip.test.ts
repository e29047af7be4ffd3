// Fixes lose nothing (the brief: "keep a file's encoding, BOM and line endings"): `lint --fix` on generated files in
// UTF-8 and UTF-16, with mixed line endings, NULs, lone surrogates, invalid UTF-8 and long lines, keeps every byte
// outside the lines it fixes, is idempotent, and never reports a saved secret; the edits the extension applies
// (each quick fix, Fix All, Harden Connection File) keep every line they do not touch. RT_RUNS and RT_CLI_RUNS set more runs
// (the built CLI costs two processes a run).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { hardenConnectionFile } from '../../../src/core/fixes/harden';
import { lintPaths } from '../../../src/core/lint/session';
import { parseRdp } from '../../../src/core/rdp/parse';
import { lintRdp } from '../../../src/core/rules/engine';
import { fixAll, selectFixes } from '../../../src/core/rules/fix-all';
import { decodeBytes } from '../../../src/core/text/decode';
import { applyEdits } from '../../../src/core/text/edits';
import { runCli } from '../cli/cli-harness';
import { bomLength, explainsByFixes, fileBytes, genFile, SECRETS, splitLines, type GenFile } from './rdp-bytes';

const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-roundtrip-'));
// The files' nearest config, so a config another program leaves in the temporary folder cannot change which rules run.
writeFileSync(join(dir, '.rdpdoctor.yaml'), 'rules: {}\n');
after(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
function tempFile(bytes: Buffer): string {
  const path = join(dir, `f${counter++}.rdp`);
  writeFileSync(path, bytes);
  return path;
}

function noSecret(output: string, where: string): void {
  for (const secret of SECRETS) assert.ok(!output.includes(secret), `${where} shows a saved secret`);
}

/** The byte-level checks of one `--fix`: untouched when nothing was fixed, else the BOM and every line kept or fixed in place. */
function checkFixed(file: GenFile, before: Buffer, after: Buffer, fixed: boolean): void {
  if (!fixed) {
    assert.ok(after.equals(before), 'a file with nothing fixed is not rewritten');
    return;
  }
  const was = splitLines(before, file.encoding);
  const now = splitLines(after, file.encoding);
  assert.equal(was.lines.length, file.lines.length, 'the generator and the splitter agree');
  const bom = bomLength(file.encoding);
  assert.ok(after.subarray(0, bom).equals(before.subarray(0, bom)), 'the BOM stays');
  assert.ok(now.tail.equals(was.tail), 'a stray last byte stays');
  assert.ok(explainsByFixes(was.lines, file.lines.map((l) => l.inert), now.lines), 'every line is kept, fixed in place with its line ending, or removed');
}

describe('lint --fix keeps the bytes it does not fix (fast-check)', () => {
  it('in this thread: the lint session the CLI runs', async () => {
    await fc.assert(
      fc.asyncProperty(genFile(), async (file) => {
        const before = fileBytes(file);
        const path = tempFile(before);
        const first = await lintPaths({ paths: [path], fix: true });
        const afterBytes = readFileSync(path);
        // A file read as binary data is an input error, and left alone.
        const report = first.report.files[0];
        assert.ok(report !== undefined || first.report.errors.length === 1);
        checkFixed(file, before, afterBytes, report?.fixed !== undefined);
        // A fix --fix would apply and did not is said (an unpaired surrogate, an odd byte: notFixed), never passed over.
        if (report?.findings.some((f) => f.fixable)) assert.ok(report.notFixed, 'a fix left undone says why');
        noSecret(JSON.stringify(first.report), 'the JSON report');
        const second = await lintPaths({ paths: [path], fix: true });
        assert.equal(second.report.files[0]?.fixed, undefined, 'a second --fix fixes nothing');
        assert.ok(readFileSync(path).equals(afterBytes), 'a second --fix changes nothing');
      }),
      { numRuns: Number(process.env.RT_RUNS ?? 300), includeErrorInReport: true },
    );
  });

  it('the built CLI, in each output format', () => {
    fc.assert(
      fc.property(genFile(), fc.constantFrom('text', 'json', 'sarif', 'compact'), (file, format) => {
        const before = fileBytes(file);
        const path = tempFile(before);
        const run = runCli(['lint', path, '--fix', '--format', format, '--no-color'], dir, { timeout: 120_000 });
        assert.ok(run.code >= 0 && run.code <= 2, run.stderr);
        const afterBytes = readFileSync(path);
        noSecret(run.stdout + run.stderr, `lint --fix --format ${format}`);
        const again = runCli(['lint', path, '--fix', '--format', 'json'], dir, { timeout: 120_000 });
        assert.ok(readFileSync(path).equals(afterBytes), 'a second --fix changes nothing');
        const fixed = JSON.parse(again.stdout).files[0]?.fixed;
        assert.equal(fixed, undefined);
        checkFixed(file, before, afterBytes, !afterBytes.equals(before));
      }),
      { numRuns: Number(process.env.RT_CLI_RUNS ?? 8), includeErrorInReport: true },
    );
  });
});

/** The lines of a text with their endings, for the checks of the extension's edits (made on the decoded text). */
function textLines(text: string): { content: Buffer; eol: Buffer }[] {
  return splitLines(Buffer.from(text, 'utf16le'), 'utf-16le').lines;
}

function hasNoColon(line: { content: Buffer }): boolean {
  return !line.content.toString('utf16le').includes(':');
}

describe('removing a line between a lone CR and an empty line ending in LF', () => {
  // Removed with its line break, the line left "a\r" + "\n": one CRLF, so the empty line after it was lost and the
  // line before it ended differently (found by the properties above, session 28).
  const DUPLICATE = 'session bpp:i:32\r\nfull address:s:rdsh01.example.invalid\rsession bpp:i:32\n\nusername:s:ana\r\n';

  it('leaves an empty CRLF line in its place, so the lines around it keep their endings (--fix, Fix All)', () => {
    const fixed = fixAll(DUPLICATE, (t) => lintRdp(t).findings).text;
    assert.equal(fixed, 'session bpp:i:32\r\nfull address:s:rdsh01.example.invalid\r\r\n\nusername:s:ana\r\n');
  });

  it('Harden Connection File too', () => {
    const text = 'username:s:ana\rpassword:s:Hunter2-s3cret\n\nfull address:s:rdsh01.example.invalid\r\n';
    const result = hardenConnectionFile(text, {});
    assert.ok(!('error' in result));
    assert.ok(applyEdits(text, result.edits).text.startsWith('username:s:ana\r\r\n\nfull address:s:rdsh01.example.invalid\r\n'));
  });

  // Two adjacent lines removed in one pass: each removal saw only its own neighbours (a session 28 review).
  it('keeps them apart when two adjacent lines go in one pass (Fix All)', () => {
    const text = 'audiomode:i:1\raudiomode:i:1\naudiomode:i:1\n\nscreen mode id:i:1\n';
    const fixed = fixAll(text, (t) => lintRdp(t).findings).text;
    assert.equal(fixed, 'audiomode:i:1\r\r\n\nscreen mode id:i:1\n');
    assert.equal(applyEdits(text, selectFixes(lintRdp(text).findings.flatMap((f) => (f.fix ? [f.fix] : [])), text).edits).text, fixed);
  });

  it('keeps them apart when Harden removes two adjacent saved passwords', () => {
    const text = 'username:s:ana\rpassword 51:b:0102\npassword 51:b:0304\n\nfull address:s:rdsh01.example.invalid\r\n';
    const result = hardenConnectionFile(text, {});
    assert.ok(!('error' in result));
    assert.ok(applyEdits(text, result.edits).text.startsWith('username:s:ana\r\r\n\nfull address:s:rdsh01.example.invalid\r\n'));
  });
});

describe('the edits the extension applies keep every line they do not touch (fast-check)', () => {
  it('each quick fix, and Fix All', () => {
    fc.assert(
      fc.property(genFile(), (file) => {
        const text = decodeBytes(fileBytes(file)).text;
        const was = textLines(text);
        const inert = was.map(hasNoColon);
        const findings = lintRdp(text).findings;
        noSecret(JSON.stringify(findings), 'the findings');
        for (const f of findings) {
          if (!f.fix) continue;
          const fixed = applyEdits(text, f.fix.edits).text;
          assert.ok(explainsByFixes(was, inert, textLines(fixed)), `${f.ruleId}: ${f.fix.title}`);
        }
        const all = applyEdits(text, selectFixes(findings.flatMap((f) => (f.fix ? [f.fix] : [])), text).edits).text;
        assert.ok(explainsByFixes(was, inert, textLines(all)), 'every fix at once');
        const unattended = fixAll(text, (t) => lintRdp(t).findings).text;
        assert.ok(explainsByFixes(was, inert, textLines(unattended)), 'Fix All');
      }),
      { numRuns: Number(process.env.RT_RUNS ?? 300), includeErrorInReport: true },
    );
  });

  it('Harden Connection File: lines added at the end take the ending most lines have', () => {
    fc.assert(
      fc.property(genFile(), (file) => {
        const text = decodeBytes(fileBytes(file)).text;
        const result = hardenConnectionFile(text, {});
        assert.ok(!('error' in result));
        noSecret(JSON.stringify(result), 'the hardening summary');
        const appended = result.edits.filter((e) => e.span.start === text.length && e.span.end === text.length);
        const inPlace = result.edits.filter((e) => !appended.includes(e));
        const was = textLines(text);
        assert.ok(explainsByFixes(was, was.map(hasNoColon), textLines(applyEdits(text, inPlace).text)), 'every line is kept, fixed in place or removed');
        const eol = parseRdp(text).eol;
        for (const e of appended) assert.equal(e.newText.split(eol).join('').search(/[\r\n]/), -1, `added lines end as most lines do (${JSON.stringify(eol)})`);
      }),
      { numRuns: Number(process.env.RT_RUNS ?? 300), includeErrorInReport: true },
    );
  });
});
