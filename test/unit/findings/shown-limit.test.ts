// The editor lists at most VS Code's limit of problems a file, the most severe first, and says how many it leaves out.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keepMostSevere, MAX_SHOWN_PER_FILE, notShownMessage } from '../../../src/core/findings/shown-limit';

const ERROR = 0;
const WARNING = 1;
const INFO = 2;

describe('keepMostSevere', () => {
  it('keeps everything within the limit, as given', () => {
    const items = [INFO, ERROR, WARNING];
    assert.deepEqual(keepMostSevere(items, (s) => s, 3), { kept: [INFO, ERROR, WARNING], left: 0, leftErrors: 0 });
  });

  it('keeps the errors first, then the warnings, in their own order, and counts the errors it leaves out', () => {
    const items = [
      { s: INFO, at: 0 },
      { s: WARNING, at: 1 },
      { s: ERROR, at: 2 },
      { s: WARNING, at: 3 },
      { s: ERROR, at: 4 },
      { s: INFO, at: 5 },
    ];
    const { kept, left, leftErrors } = keepMostSevere(items, (i) => i.s, 3);
    assert.deepEqual(kept.map((i) => i.at), [1, 2, 4]);
    assert.equal(left, 3);
    assert.equal(leftErrors, 0);
    const fewer = keepMostSevere(items, (i) => i.s, 1);
    assert.deepEqual(fewer.kept.map((i) => i.at), [2]);
    assert.equal(fewer.leftErrors, 1);
  });

  it('a file of 100,000 warnings and a late error keeps the error (VS Code keeps errors first too)', () => {
    const items = [...Array.from({ length: 100_000 }, () => WARNING), ERROR];
    const { kept, left, leftErrors } = keepMostSevere(items, (s) => s, MAX_SHOWN_PER_FILE - 1);
    assert.equal(kept.length, MAX_SHOWN_PER_FILE - 1);
    assert.equal(kept.at(-1), ERROR);
    assert.equal(left, 100_001 - (MAX_SHOWN_PER_FILE - 1));
    assert.equal(leftErrors, 0);
  });
});

describe('notShownMessage', () => {
  it('says how many, how many are errors and what to do, numbers grouped', () => {
    assert.equal(
      notShownMessage(175_000, 1, 999),
      '175,000 more problems in this file are not listed (1 of them error): the editor lists 999 problems a file, the most severe first. Fix those listed and the rest appear, or run rdp-doctor lint on the file for its counts by rule.',
    );
    assert.match(notShownMessage(1, 0, 999), /^1 more problem in this file is not listed: /);
  });
});
