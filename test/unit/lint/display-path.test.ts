// displayPath's per-folder fast path (issue 16) shows every path as relative() alone did: relative to the
// working folder when inside it, else as given.
import assert from 'node:assert/strict';
import { relative, sep } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { displayPath } from '../../../src/core/lint/display-path';

function straight(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

describe('displayPath', () => {
  it('shows every path as relative() does (property test)', () => {
    const cwd = process.cwd();
    const parts = cwd.split(sep).filter(Boolean);
    const segment = fc.constantFrom('a', 'b', 'x.rdp', '..', '.', '..foo', '..x.rdp', '', parts[0] ?? 'work', parts[parts.length - 1] ?? 'wt');
    const start = fc.constantFrom('', cwd + sep, sep, cwd.slice(0, cwd.lastIndexOf(sep) + 1), `.${sep}`, `..${sep}`);
    fc.assert(
      fc.property(start, fc.array(segment, { minLength: 1, maxLength: 5 }), (prefix, segments) => {
        const path = prefix + segments.join(sep);
        if (path === '') return;
        assert.equal(displayPath(path), straight(path), path);
        // Asked again (the folder now remembered), the same answer.
        assert.equal(displayPath(path), straight(path), path);
      }),
      { numRuns: 3000 },
    );
  });
});
