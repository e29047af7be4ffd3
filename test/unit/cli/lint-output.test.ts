// The lint output built file by file (LintOutput) against the formatters of the whole report (issue 16).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { FileReport, LintReport } from '../../../src/core/lint/output';
import { toOutputFindingsSarif } from '../../../src/cli/sarif-lint';
import { countFindings, errorsOnly, formatLintCompact, formatLintText, LintOutput } from '../../../src/cli/text-format';
import { toJsonChunks } from '../../../src/cli/version';

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
          sarif: noTime(JSON.stringify(toOutputFindingsSarif(shown), null, 2) + '\n'),
        };
        for (const format of ['json', 'text', 'compact', 'sarif'] as const) {
          const output = new LintOutput(format, quiet, paint);
          for (const f of r.files) output.add(f);
          const written = [...output.output(r.errors)].join('');
          assert.equal(format === 'sarif' ? noTime(written) : written, expected[format], format);
          // --max-warnings counts the findings before --quiet's filter.
          assert.deepEqual(output.counts, countFindings(r));
        }
      }),
      { numRuns: 150 },
    );
  });
});
