// FreeRDP's reading of an `i` value (client/common/file.c: strtol(value, &end, 0), then the 32-bit and sign checks).
// Each expected reading was checked against glibc's strtol, built with -std=c11 as FreeRDP is, in a C copy of
// freerdp_client_parse_rdp_file_integer and the `value < 0` test of freerdp_client_rdp_file_set_integer.
// `not-a-number` and `out-of-range` are the values that function sends to its RDP_FILE_FLAG_PARSE_INT_RELAXED branch
// ("using default"), which every client takes: freerdp_client_rdp_file_new_ex fills the struct, flags included, with 0xFF.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { freerdpIntegerReading, type FreerdpIntegerReading } from '../../src/core/rdp/freerdp-integer';

const CASES: readonly (readonly [string, FreerdpIntegerReading])[] = [
  ['0', 'number'],
  ['1920', 'number'],
  ['2147483647', 'number'],
  ['+1', 'number'],
  [' 1', 'number'],
  ['1 ', 'number'],
  ['12abc', 'number'],
  ['010', 'number'],
  ['08', 'number'],
  ['0x7fffffff', 'number'],
  ['0X1f', 'number'],
  ['0x', 'number'],
  ['0xg', 'number'],
  ['0b101', 'number'],
  ['-0', 'number'],
  ['-00', 'number'],
  ['-0x0', 'number'],
  ['-1', 'negative'],
  [' -1', 'negative'],
  ['\t-1', 'negative'],
  ['\v\f-1', 'negative'],
  ['-1abc', 'negative'],
  ['-01', 'negative'],
  ['-0x1', 'negative'],
  ['-2147483648', 'negative'],
  ['-0x80000000', 'negative'],
  ['', 'not-a-number'],
  [' ', 'not-a-number'],
  ['abc', 'not-a-number'],
  ['- 1', 'not-a-number'],
  ['--1', 'not-a-number'],
  ['+-1', 'not-a-number'],
  ['-', 'not-a-number'],
  ['\u00a0-1', 'not-a-number'],
  ['\uff11', 'not-a-number'],
  ['x1', 'not-a-number'],
  ['2147483648', 'out-of-range'],
  ['-2147483649', 'out-of-range'],
  ['0xFFFFFFFF', 'out-of-range'],
  ['0x80000000', 'out-of-range'],
  ['020000000000', 'out-of-range'],
  ['99999999999999999999999', 'out-of-range'],
  ['-99999999999999999999999', 'out-of-range'],
];

describe("FreeRDP's reading of an integer value", () => {
  for (const [value, reading] of CASES) {
    it(`reads ${JSON.stringify(value)} as ${reading}`, () => {
      assert.equal(freerdpIntegerReading(value), reading);
    });
  }
  it('reads only the characters from start to end', () => {
    assert.equal(freerdpIntegerReading('x:i:-1\r\n', 4, 6), 'negative');
    assert.equal(freerdpIntegerReading('x:i:-1\r\n', 4, 4), 'not-a-number');
  });
});
