import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { andList, shortList } from '../../../src/core/text/short-list';

describe('andList', () => {
  it('joins with commas and a last "and", and counts the rest past ten', () => {
    assert.equal(andList([]), '');
    assert.equal(andList(['0x904']), '0x904');
    assert.equal(andList(['1st', '2nd']), '1st and 2nd');
    assert.equal(andList(['1st', '2nd', '3rd']), '1st, 2nd and 3rd');
    const many = Array.from({ length: 12 }, (_, i) => String(i));
    assert.equal(andList(many), shortList(many));
    assert.match(andList(many), /, … and 2 more$/);
  });
});
