// The lint output built file by file (LintOutput) against the formatters of the whole report (issue 16).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { FileReport, LintReport } from '../../../src/core/lint/output';
import { toOutputFindingsSarif } from '../../../src/cli/sarif-lint';
import { countFindings, errorsOnly, formatLintCompact, formatLintText, LintOutput } from '../../../src/cli/text-format';
import { toJsonChunks } from '../../../src/cli/version';
import { jsonText } from '../../../src/core/text/json-safe';

const position = { line: fc.nat(), column: fc.nat(), endLine: fc.nat(), endColumn: fc.nat() };
const finding = fc.record(
  {
    ruleId: fc.constantFrom('RDP002', 'RDP004', 'XRF001'),
    severity: fc.constantFrom('error' as const, 'warning' as const, 'info' as const),
    message: fc.string(),
    subject: fc.option(fc.string(), { nil: null }),
    fixable: fc.boolean(),
    ...position,
    related: fc.array(fc.record({ path: fc.string(), message: fc.string(), ...position }), { maxLength: 2 }),
  },
  { requiredKeys: ['ruleId', 'severity', 'message', 'subject', 'fixable', 'line', 'column', 'endLine', 'endColumn'] },
);
const file: fc.Arbitrary<FileReport> = fc.record(
  {
    path: fc.string(),
    format: fc.constantFrom('rdp', 'config', 'reg'),
    findings: fc.array(finding, { maxLength: 5 }),
    problems: fc.array(fc.record({ severity: fc.constantFrom('error' as const, 'warning' as const), message: fc.string(), line: fc.nat(), column: fc.nat() }), { maxLength: 2 }),
    fixed: fc.nat({ max: 3 }),
    notFixed: fc.string(),
    omittedFindings: fc.nat({ max: 3 }),
    omittedErrors: fc.nat({ max: 3 }),
  },
  { requiredKeys: ['path', 'format', 'findings'] },
);
// Enough files, some long, for the text to cross its 64 KB pieces.
const report: fc.Arbitrary<LintReport> = fc.record({
  files: fc.oneof(fc.array(file, { maxLength: 8 }), fc.array(file.map((f) => ({ ...f, path: f.path + 'x'.repeat(3000) })), { minLength: 20, maxLength: 60 })),
  errors: fc.array(fc.record({ path: fc.string(), message: fc.string() }), { maxLength: 3 }),
});

const paint = (style: string | string[], text: string): string => `<${String(style)}>${text}</>`;
const noTime = (text: string): string => text.replace(/"endTimeUtc": "[^"]*"/, '"endTimeUtc": ""');

describe('lint output built file by file', () => {
  it('is byte for byte what the formatters write for the whole report, in every format, with and without --quiet', () => {
    fc.assert(
      fc.property(report, fc.boolean(), (r, quiet) => {
        const shown = quiet ? errorsOnly(r) : r;
        const expected = {
          json: [...toJsonChunks(shown as unknown as Record<string, unknown>)].join(''),
          text: formatLintText(shown, paint),
          compact: formatLintCompact(shown),
          sarif: noTime(jsonText(toOutputFindingsSarif(shown)) + '\n'),
        };
        for (const format of ['json', 'text', 'compact', 'sarif'] as const) {
          // Kept whole (an output file), or written piece by piece as the files come (standard output).
          for (const early of [false, true]) {
            const pieces: string[] = [];
            const output = new LintOutput(format, quiet, paint, early ? (text) => pieces.push(text) : undefined);
            for (const f of r.files) output.add(f);
            const before = pieces.length;
            const head = pieces.join('');
            const written = head + [...output.output(r.errors)].join('');
            assert.equal(pieces.length, before, 'nothing goes out early once the output is being written');
            assert.equal(format === 'sarif' ? noTime(written) : written, expected[format], `${format}, early: ${early}`);
            if (!early || format === 'sarif') assert.equal(before, 0);
            // --max-warnings counts the findings before --quiet's filter.
            assert.deepEqual(output.counts, countFindings(r));
          }
        }
      }),
      { numRuns: 150, ...(process.env.FC_SEED && { seed: Number(process.env.FC_SEED), endOnFailure: true }) },
    );
  });
});

describe('lint output written while the files are linted', () => {
  it('writes JSON and text in pieces of ~64 KB before the last file, and keeps them all for an output file', () => {
    const files: FileReport[] = Array.from({ length: 4000 }, (_, i) => ({
      path: `hosts/host-${i}.rdp`,
      format: 'rdp',
      findings: [{ ruleId: 'RDP002', severity: 'info', message: `Unknown property "x${i}".`, line: 3, column: 1, endLine: 3, endColumn: 9, subject: null, fixable: false }],
    }));
    for (const format of ['json', 'text', 'compact'] as const) {
      const pieces: string[] = [];
      const output = new LintOutput(format, false, undefined, (text) => pieces.push(text));
      for (const f of files) output.add(f);
      assert.ok(pieces.length >= 2, `${format}: ${pieces.length} pieces`);
      assert.ok(pieces.every((p) => p.length >= 64 * 1024 && p.length < 3 * 64 * 1024), format);
      const kept = new LintOutput(format, false);
      for (const f of files) kept.add(f);
      assert.equal(pieces.join('') + [...output.output([])].join(''), [...kept.output([])].join(''), format);
    }
  });
});

describe('text listing columns', () => {
  const report = (line: number, column: number): LintReport => ({
    files: [
      {
        path: 'big.reg',
        format: 'reg',
        findings: [{ ruleId: 'GPO001', severity: 'error', message: 'M.', subject: null, fixable: false, line, column, endLine: line, endColumn: column }],
        problems: [{ severity: 'error', message: 'P.', line, column }],
      },
    ],
    errors: [],
  });

  it('a position of eight characters or more keeps a space before the severity (a review saw "3333:234read")', () => {
    const lines = formatLintText(report(3333, 234)).split('\n');
    assert.equal(lines[1], '  3333:234 error   M.  GPO001');
    assert.equal(lines[2], '  3333:234 read    P.');
    assert.equal(formatLintText(report(123456, 1)).split('\n')[1], '  123456:1 error   M.  GPO001');
  });

  it('a shorter position is padded to eight as before', () => {
    const lines = formatLintText(report(12, 3)).split('\n');
    assert.equal(lines[1], '  12:3    error   M.  GPO001');
    assert.equal(formatLintText(report(333, 234)).split('\n')[2], '  333:234 read    P.');
  });
});
