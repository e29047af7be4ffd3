import { keepBreaksApart } from '../rdp/line-edits';
import { applyEdits, spansOverlap, type TextEdit } from '../text/edits';
import type { Finding, Fix } from './types';

/**
 * Picks fixes in document order, dropping any fix whose edits overlap an already chosen one. With the `text` they edit,
 * adjacent line removals of different fixes do not join the line breaks around them (`keepBreaksApart`).
 */
export function selectFixes(fixes: readonly Fix[], text?: string): { edits: TextEdit[]; chosen: Fix[]; dropped: Fix[] } {
  const chosen: Fix[] = [];
  const dropped: Fix[] = [];
  const taken: TextEdit[] = [];
  const ordered = [...fixes].sort((a, b) => firstStart(a) - firstStart(b));
  for (const fix of ordered) {
    const clash = fix.edits.some((e) => taken.some((t) => overlap(e, t)));
    if (clash) dropped.push(fix);
    else {
      chosen.push(fix);
      taken.push(...fix.edits);
    }
  }
  return { edits: text === undefined ? taken : keepBreaksApart(text, taken), chosen, dropped };
}

function overlap(a: TextEdit, b: TextEdit): boolean {
  return spansOverlap(a.span, b.span);
}

function firstStart(fix: Fix): number {
  return Math.min(...fix.edits.map((e) => e.span.start));
}

export interface FixAllResult {
  readonly text: string;
  /** Fixes applied over all passes. */
  readonly applied: number;
  readonly passes: number;
}

/** Passes of a fix-all: each re-lints the text, and a rule lists at most MAX_FINDINGS_PER_RULE findings a pass. */
export const MAX_FIX_PASSES = 10;
const MAX_PASSES = MAX_FIX_PASSES;

/** The fixes a fix-all may apply without the user looking at each one. */
export function unattendedFixes(findings: readonly Finding[], ruleId?: string): Fix[] {
  return findings.filter((f) => f.fix && !f.fix.reviewFirst && (ruleId === undefined || f.ruleId === ruleId)).map((f) => f.fix!);
}

/**
 * Applies every fix that needs no review (or those of one rule), re-linting after each pass so fixes
 * dropped for overlapping, or made possible by an earlier fix, are picked up. Guesses and removals of
 * what the user wrote (`reviewFirst`) are left for the user to pick one by one.
 */
export function fixAll(text: string, lint: (text: string) => readonly Finding[], ruleId?: string): FixAllResult {
  let current = text;
  let applied = 0;
  let passes = 0;
  while (passes < MAX_PASSES) {
    const fixes = unattendedFixes(lint(current), ruleId);
    if (fixes.length === 0) break;
    const { edits, chosen } = selectFixes(fixes, current);
    const next = applyEdits(current, edits).text;
    passes++;
    if (next === current) break;
    applied += chosen.length;
    current = next;
  }
  return { text: current, applied, passes };
}
