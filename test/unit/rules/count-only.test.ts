// Past a rule's cap the engine only counts its findings: a rule may count the rest itself (`full`, `countOnly`) rather
// than make each message and fix to be dropped. The counts must be those of the findings it would have made.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintRdpDocument, MAX_FINDINGS_PER_RULE } from '../../../src/core/rules/engine';
import { parseRdp } from '../../../src/core/rdp/parse';
import { rdp005 } from '../../../src/core/rules/rdp/rdp005-duplicate-property';
import type { RdpRule, Report, Severity } from '../../../src/core/rules/types';

describe('counting past the cap', () => {
  it('RDP005 makes no finding once the lint counts only, and counts the rest with their severity', () => {
    // Three keys: one repeated with the same value (info), one with other values (the rule's warning), one short.
    const text = 'a:s:1\r\n'.repeat(30) + 'b:s:1\r\nb:s:2\r\n'.repeat(20) + 'c:s:1\r\nc:s:1\r\n';
    const doc = parseRdp(text);
    const made: Report[] = [];
    const counted: { count: number; severity: Severity | undefined }[] = [];
    const cap = 10;
    rdp005.check({ doc, property: () => undefined, report: (r) => made.push(r), full: () => made.length >= cap, countOnly: (count, severity) => counted.push({ count, severity }) });
    assert.equal(made.length, cap);
    // 29 extra "a" lines (10 made, 19 counted as info), 39 extra "b" lines and 1 extra "c" line (warnings).
    assert.deepEqual(counted, [
      { count: 19, severity: 'info' },
      { count: 39, severity: undefined },
      { count: 1, severity: 'info' },
    ]);
  });

  it('the engine counts what a rule counts as it counts what it drops, errors apart and with severity overrides', () => {
    const extra = MAX_FINDINGS_PER_RULE + 25;
    const text = 'full address:s:h.localhost\r\n' + 'a:s:1\r\n'.repeat(extra + 1) + 'b:s:1\r\nb:s:2\r\n'.repeat(5);
    const linted = lintRdpDocument(parseRdp(text), { rules: [rdp005] });
    assert.equal(linted.findings.length, MAX_FINDINGS_PER_RULE);
    // 25 "a" lines past the cap, and the 9 extra "b" lines.
    assert.deepEqual(linted.omitted, { findings: 25 + 9, errors: 0 });
    const raised = lintRdpDocument(parseRdp(text), { rules: [rdp005], severities: { RDP005: 'error' } });
    // The same lines made errors: every counted one is an error too.
    assert.deepEqual(raised.omitted, { findings: 34, errors: 34 });
    // A rule that keeps reporting is counted the same way (the engine drops its reports).
    const stubborn: RdpRule = { ...rdp005, check: (context) => rdp005.check({ ...context, full: undefined, countOnly: undefined }) };
    assert.deepEqual(lintRdpDocument(parseRdp(text), { rules: [stubborn], severities: { RDP005: 'error' } }).omitted, raised.omitted);
    assert.deepEqual(lintRdpDocument(parseRdp(text), { rules: [stubborn] }).findings, linted.findings);
  });
});
