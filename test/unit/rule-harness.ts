import assert from 'node:assert/strict';
import { it } from 'node:test';
import { lintRdp, type RdpLintOptions } from '../../src/core/rules/engine';
import { applyEdits } from '../../src/core/text/edits';
import { LineIndex } from '../../src/core/text/line-index';
import type { Finding, RdpRule, Severity } from '../../src/core/rules/types';

/** A rejected input: where each finding is (1-based [line, column, endLine, endColumn]) and what its fix yields. */
export interface RejectCase {
  readonly text: string;
  readonly ranges: readonly (readonly [number, number, number, number])[];
  readonly message?: RegExp;
  readonly severity?: Severity;
  /** The text after applying the first finding's fix; null = the finding has no fix. */
  readonly fixed?: string | null;
  readonly options?: RdpLintOptions;
  readonly title?: string;
}

export interface RuleCases {
  readonly accept: readonly (string | { text: string; options?: RdpLintOptions; title?: string })[];
  readonly reject: readonly RejectCase[];
}

export function findingsOf(rule: RdpRule, text: string, options: RdpLintOptions = {}): readonly Finding[] {
  return lintRdp(text, { ...options, rules: [rule] }).findings;
}

function rangeOf(text: string, f: Finding): [number, number, number, number] {
  const index = new LineIndex(text);
  const s = index.positionAt(f.span.start);
  const e = index.positionAt(f.span.end);
  return [s.line + 1, s.character + 1, e.line + 1, e.character + 1];
}

const show = (text: string): string => JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);

/** stylelint-style accept/reject table for one rule, with exact ranges, fixed text, and a re-lint after the fix. */
export function testRule(rule: RdpRule, cases: RuleCases): void {
  for (const c of cases.accept) {
    const { text, options, title } = typeof c === 'string' ? { text: c, options: undefined, title: undefined } : c;
    it(`accepts ${title ?? show(text)}`, () => {
      assert.deepEqual(findingsOf(rule, text, options).map((f) => f.message), []);
    });
  }
  for (const c of cases.reject) {
    it(`rejects ${c.title ?? show(c.text)}`, () => {
      const findings = findingsOf(rule, c.text, c.options);
      assert.deepEqual(findings.map((f) => rangeOf(c.text, f)), c.ranges.map((r) => [...r]));
      for (const f of findings) {
        assert.equal(f.ruleId, rule.id);
        assert.match(f.message, /^[A-Z"].*[.?]$/s, 'messages are sentences');
        assert.doesNotMatch(f.message, new RegExp(`\\b${rule.id}\\b`), 'messages never repeat the rule ID');
        if (c.message) assert.match(f.message, c.message);
      }
      assert.equal(findings[0]!.severity, c.severity ?? rule.defaultSeverity);
      if (c.fixed !== undefined) {
        const fix = findings[0]!.fix;
        if (c.fixed === null) {
          assert.equal(fix, undefined);
        } else {
          assert.ok(fix, 'expected a fix');
          const fixedText = applyEdits(c.text, fix.edits).text;
          assert.equal(fixedText, c.fixed);
          assert.equal(findingsOf(rule, fixedText, c.options).length, findings.length - 1, 'the fix resolves its finding');
        }
      }
    });
  }
}
