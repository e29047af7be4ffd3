// The lint report's file elements written from pieces (src/cli/json-report.ts) against JSON.stringify itself, with the
// characters a terminal acts on escaped (src/cli/json-safe.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fileReportJson } from '../../src/cli/json-report';
import { jsonSafe, jsonText } from '../../src/core/text/json-safe';
import type { FileReport } from '../../src/core/lint/output';

/** What `jsonText(document)` writes for an element of the document's `files` array. */
function stringified(file: unknown): string {
  const json = jsonText([[file]]);
  return json.slice('[\n  [\n'.length, json.length - '\n  ]\n]'.length);
}

// Strings JSON must escape: quotes, backslashes, control characters, lone surrogates, line and paragraph separators.
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', '"', '\\', '\u0000', '\u001f', '\u2028', '\ud800', 'a\udc00b', 'mstsc "x"\r\n', 'Ünïcödé 🚀', '\u009b31m', '\u202egpj.exe', '\u007f', '\ufeff', '##[error]x', '#', '[', '##'),
);
const position = fc.integer({ min: 0, max: 1_000_000 });
const related = fc.record({ path: text, message: text, line: position, column: position, endLine: position, endColumn: position });
const finding = fc
  .record({
    ruleId: text,
    severity: fc.constantFrom('error', 'warning', 'info'),
    message: text,
    line: position,
    column: position,
    endLine: position,
    endColumn: position,
    subject: fc.option(text, { nil: null }),
    fixable: fc.boolean(),
  })
  .chain((f) => fc.option(fc.array(related, { maxLength: 4 }), { nil: undefined }).map((r) => (r === undefined ? f : { ...f, related: r })));
const report = fc.record({ path: text, format: fc.constantFrom('rdp', 'config'), findings: fc.array(finding, { maxLength: 5 }) });

describe('fileReportJson', () => {
  it('writes an .rdp report exactly as JSON.stringify does, whatever its strings hold (property test)', () => {
    fc.assert(
      fc.property(report, (file) => {
        assert.equal(fileReportJson(file as FileReport), stringified(file));
      }),
      { numRuns: 2000 },
    );
  });

  it('escapes what a terminal acts on (C1 controls, DEL, bidi overrides, invisible characters), and the JSON reads back the same', () => {
    const hostile = 'Evil\u009b31mRED\u202egpj.exe\u0085X\u007f\u200b\u2066\ufeff';
    const file = { path: `a${hostile}.rdp`, format: 'rdp', findings: [{ ruleId: 'GPO007', severity: 'info', message: hostile, line: 1, column: 1, endLine: 1, endColumn: 2, subject: null, fixable: false }] };
    const json = fileReportJson(file as FileReport)!;
    assert.doesNotMatch(json, /[\u007f-\u009f\u200b\u202e\u2066\ufeff]/);
    assert.match(json, /Evil\\u009b31mRED\\u202egpj\.exe\\u0085X\\u007f\\u200b\\u2066\\ufeff/);
    assert.deepEqual(JSON.parse(`[${json}]`)[0], file);
    assert.equal(jsonSafe('{"a": "plain"}'), '{"a": "plain"}');
  });

  it('writes no "##[" a GitHub Actions runner would read as a workflow command, and the JSON reads back the same', () => {
    const file = { path: '##[add-mask]a.rdp', format: 'rdp', findings: [{ ruleId: 'RDP011', severity: 'error', message: 'Invalid "full address": "##[error]pwned ###[x"', line: 1, column: 1, endLine: 1, endColumn: 2, subject: 'full address', fixable: false }] };
    for (const json of [fileReportJson(file as FileReport)!, jsonText(file)]) {
      assert.doesNotMatch(json, /##\[/);
      assert.match(json, /#\\u0023\[error\]pwned ##\\u0023\[x/);
      assert.deepEqual(JSON.parse(`[${json}]`)[0], file);
    }
  });

  it('writes the same text again for strings it remembers (a second file with the same messages)', () => {
    const file = { path: 'a.rdp', format: 'rdp', findings: [{ ruleId: 'RDP012', severity: 'warning', message: 'The target "10.0.0.1" …', line: 1, column: 16, endLine: 1, endColumn: 24, subject: 'full address', fixable: false }] };
    const first = fileReportJson(file as FileReport);
    assert.equal(fileReportJson({ ...file, path: 'b.rdp' } as FileReport), stringified({ ...file, path: 'b.rdp' }));
    assert.equal(fileReportJson(file as FileReport), first);
  });

  it('writes findings that repeat from file to file exactly as JSON.stringify does, as they change field by field (property test)', () => {
    // Each file's finding is the last file's with at most one field changed (or only its notes' paths): the writer's
    // kept pieces must be used again exactly when they still hold.
    type Note = { path: string; message: string; line: number; column: number; endLine: number; endColumn: number };
    type Finding = { ruleId: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number; subject: string | null; fixable: boolean; related?: Note[] };
    const change = fc.oneof(
      fc.constant((f: Finding): Finding => f),
      fc.tuple(fc.constantFrom('ruleId', 'severity', 'message', 'subject'), fc.constantFrom('RDP043', 'info', 'm', '"q"', 'x\\y')).map(([key, value]) => (f: Finding): Finding => ({ ...f, [key]: value })),
      fc.constant((f: Finding): Finding => ({ ...f, subject: f.subject === null ? 's' : null })),
      fc.tuple(fc.constantFrom('line', 'column', 'endLine', 'endColumn'), fc.integer({ min: 1, max: 3 })).map(([key, value]) => (f: Finding): Finding => ({ ...f, [key]: value })),
      fc.constant((f: Finding): Finding => ({ ...f, fixable: !f.fixable })),
      fc.constant((f: Finding): Finding => (f.related ? (({ related: _, ...rest }) => rest)(f) : { ...f, related: [] })),
      fc.constant((f: Finding): Finding => ({ ...f, related: [...(f.related ?? []), { path: 'a.rdp', message: 'n', line: 1, column: 1, endLine: 1, endColumn: 2 }] })),
      fc.tuple(fc.nat(), fc.constantFrom('path', 'message', 'line', 'column', 'endLine', 'endColumn'), fc.constantFrom('b.rdp', 'o', 2, 3)).map(
        ([at, key, value]) =>
          (f: Finding): Finding => {
            if (!f.related?.length) return f;
            const related = [...f.related];
            const i = at % related.length;
            related[i] = { ...related[i]!, [key]: key === 'path' || key === 'message' ? String(value) : typeof value === 'number' ? value : 4 };
            return { ...f, related };
          },
      ),
    );
    const first: Finding = { ruleId: 'RDP043', severity: 'info', message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2, subject: null, fixable: false, related: [{ path: 'a.rdp', message: 'n', line: 2, column: 1, endLine: 2, endColumn: 3 }] };
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 12 }), (changes) => {
        let finding = first;
        for (const next of changes) {
          finding = next(finding);
          const file = { path: 'a.rdp', format: 'rdp', findings: [finding] };
          assert.equal(fileReportJson(file as FileReport), stringified(file));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("writes a finding as it is now, not as the finding it kept pieces of was (the report's objects are the caller's)", () => {
    const finding = { ruleId: 'RDP043', severity: 'info', message: 'm', line: 5, column: 1, endLine: 5, endColumn: 9, subject: 'x', fixable: false, related: [{ path: 'a.rdp', message: 'n', line: 6, column: 1, endLine: 6, endColumn: 3 }] };
    const file = { path: 'a.rdp', format: 'rdp', findings: [finding] };
    assert.equal(fileReportJson(file as FileReport), stringified(file));
    finding.related[0]!.line = 7;
    finding.related[0]!.path = 'other.rdp';
    assert.equal(fileReportJson(file as FileReport), stringified(file));
    finding.message = 'changed';
    assert.equal(fileReportJson(file as FileReport), stringified(file));
    const again = { ...file, path: 'b.rdp', findings: [{ ...finding, related: [{ ...finding.related[0]!, path: 'b.rdp' }] }] };
    assert.equal(fileReportJson(again as FileReport), stringified(again));
  });

  it('leaves any other shape to JSON.stringify: another field, another key order, a value of another type', () => {
    const base = { ruleId: 'RDP001', severity: 'error', message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2, subject: null, fixable: false };
    const others: unknown[] = [
      { path: 'p', format: 'rdp', findings: [], problems: [] },
      { format: 'rdp', path: 'p', findings: [] },
      { path: 'p', format: 'rdp', findings: [{ ...base, byteOffset: 12 }] },
      { path: 'p', format: 'rdp', findings: [{ ...base, line: 1.5 }] },
      { path: 'p', format: 'rdp', findings: [{ ...base, line: Number.NaN }] },
      { path: 'p', format: 'rdp', findings: [{ ...base, subject: undefined }] },
      { path: 'p', format: 'rdp', findings: [{ ...base, related: [{ path: 'p', message: 'm', line: 1, column: 1, endLine: 1, endColumn: 1, extra: true }] }] },
      { path: 'p', format: 'rdp', findings: [{ ...base, fixable: 'yes' }] },
      { path: 'p', format: 'rdp', fixed: 1, findings: [] },
    ];
    for (const other of others) assert.equal(fileReportJson(other as FileReport), undefined, JSON.stringify(other));
  });
});
