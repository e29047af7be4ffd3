import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { lookupErrorCode, parseErrorCode } from '../../../src/core/knowledge/error-codes/index';
import { findErrorCodes } from '../../../src/core/knowledge/find-error-codes';
import { CONTEXT_RE, GIVEN_CONTEXT_RE } from '../../../src/core/knowledge/code-patterns';

/** A line, and each code it holds as [text as written, column, family, entry name]. */
const ACCEPTED: [string, [string, number, string, string][]][] = [
  ['Error code: 0x904', [['0x904', 12, 'disconnect', 'disconnectReasonAtClientWinsockFDCLOSE']]],
  ['Extended error code: 0x7', [['0x7', 21, 'extended', 'exDiscReasonServerDeniedConnection']]],
  ['Error code 2308', [['2308', 11, 'disconnect', 'disconnectReasonAtClientWinsockFDCLOSE']]],
  ['0x00000904', [['0x00000904', 0, 'disconnect', 'disconnectReasonAtClientWinsockFDCLOSE']]],
  ['disconnect reason 2308', [['2308', 18, 'disconnect', 'disconnectReasonAtClientWinsockFDCLOSE']]],
  ['ErrorInfo 0x10C9', [['0x10C9', 10, 'errinfo', 'ERRINFO_UNKNOWNPDUTYPE2']]],
  ['RDP ClientActiveX has been disconnected (Reason= 2308)', [['2308', 49, 'disconnect', 'disconnectReasonAtClientWinsockFDCLOSE']]],
  ['Reason= 3', [['3', 8, 'disconnect', 'disconnectReasonByServer']]],
  ['Session 2 has been disconnected, reason code 12', [['12', 45, 'errinfo', 'ERRINFO_LOGOFF_BY_USER']]],
  [
    'Error code: 0x904, Extended error code: 0x7',
    [
      ['0x904', 12, 'disconnect', 'disconnectReasonAtClientWinsockFDCLOSE'],
      ['0x7', 40, 'extended', 'exDiscReasonServerDeniedConnection'],
    ],
  ],
  [
    'error code 0x904 (extended 0x7)',
    [
      ['0x904', 11, 'disconnect', 'disconnectReasonAtClientWinsockFDCLOSE'],
      ['0x7', 27, 'extended', 'exDiscReasonServerDeniedConnection'],
    ],
  ],
  [
    'mstsc says 0x904 / 0x7',
    [
      ['0x904', 11, 'disconnect', 'disconnectReasonAtClientWinsockFDCLOSE'],
      ['0x7', 19, 'extended', 'exDiscReasonServerDeniedConnection'],
    ],
  ],
  [
    '0x904 0x3',
    [
      ['0x904', 0, 'disconnect', 'disconnectReasonAtClientWinsockFDCLOSE'],
      ['0x3', 6, 'extended', 'exDiscReasonServerIdleTimeout'],
    ],
  ],
  ['Extended error code: 0x3', [['0x3', 21, 'extended', 'exDiscReasonServerIdleTimeout']]],
  ['ErrorInfo 0x104', [['0x104', 10, 'errinfo', 'ERRINFO_LICENSE_HWID_DOESNT_MATCH_LICENSE']]],
  ['Error code: 0x104', [['0x104', 12, 'disconnect', 'disconnectReasonDNSLookupFailed']]],
  ['ERRINFO_SERVER_DENIED_CONNECTION (0x00000007)', [['0x00000007', 34, 'errinfo', 'ERRINFO_SERVER_DENIED_CONNECTION']]],
  ['error code: A06', [['A06', 12, 'disconnect', 'disconnectReasonInternalSecurityError2']]],
  ['RDP disconnected! Error 2056', [['2056', 24, 'disconnect', 'disconnectReasonLicensingFailed']]],
  ['code 0xC000006D', [['0xC000006D', 5, 'logon', 'STATUS_LOGON_FAILURE']]],
  ['OnLogonError lError = -2', [['-2', 22, 'logon', 'ARBITRATION_CODE_CONTINUE_LOGON']]],
  ['failureCode 0x5', [['0x5', 12, 'neg-failure', 'HYBRID_REQUIRED_BY_SERVER']]],
  ['The client showed 0x904.', [['0x904', 18, 'disconnect', 'disconnectReasonAtClientWinsockFDCLOSE']]],
  ['| 0x904 | Socket closed |', [['0x904', 2, 'disconnect', 'disconnectReasonAtClientWinsockFDCLOSE']]],
  ['ERROR CODE:0X904', [['0X904', 11, 'disconnect', 'disconnectReasonAtClientWinsockFDCLOSE']]],
  // FreeRDP's log lines (freerdp_set_last_error_ex: "%s [0x%08X]").
  ['[ERROR][com.freerdp.core] - ERRCONNECT_CONNECT_TRANSPORT_FAILED [0x0002000D]', [['0x0002000D', 65, 'client', 'ERRCONNECT_CONNECT_TRANSPORT_FAILED']]],
  ['freerdp_set_last_error_ex ERRINFO_LOGOFF_BY_USER [0x0001000C]', [['0x0001000C', 50, 'client', 'ERRINFO_LOGOFF_BY_USER']]],
  // Extended codes and ERRINFO share their numbers: labelled as the text names them, whichever table has the entry.
  ['Extended error code: 0x11', [['0x11', 21, 'extended', 'ERRINFO_CLOSE_STACK_ON_DRIVER_FAILURE']]],
  ['ErrorInfo 0x8', [['0x8', 10, 'errinfo', 'exDiscReasonServerDeniedConnectionFips']]],
  // HRESULT-style codes after "Code" or "Error code", as mstsc's authentication error dialog shows them.
  ['An authentication error has occurred (Code: 0x80004005).', [['0x80004005', 44, 'client', 'E_FAIL']]],
  ['Error code: 0x80090302', [['0x80090302', 12, 'client', 'SEC_E_UNSUPPORTED_FUNCTION']]],
  ['error code 0x80004005', [['0x80004005', 11, 'client', 'E_FAIL']]],
];

const REJECTED = [
  '',
  '2308',
  'Listening on port 3389',
  'retry 2308 times',
  'exit code 1',
  'exit code -1',
  'return code 0',
  'Error code 5',
  'flags 0x2',
  '0x7',
  'version 2308.1',
  'error 2308.5',
  'Error code 904',
  'error code 0x90g',
  'error code: bad',
  'the reason: a user',
  // An HRESULT without "code" before it, or in fewer than 8 digits.
  'hr = 0x80004005',
  'failed with 0x80004005',
  'reason code 0x80004005',
  'Extended error code: 0x80004005',
  'Error code: 2147500037',
  'pointer 0x7ffe12345678',
  'e0x904',
  '0x904abc',
  'x0x904',
  'Error code: 0x',
  // A bare FreeRDP code in free text is no Remote Desktop code without its name.
  'value 0x0002000D',
];

describe('findErrorCodes', () => {
  for (const [line, expected] of ACCEPTED) {
    it(`finds ${JSON.stringify(expected.map((e) => e[0]))} in ${JSON.stringify(line)}`, () => {
      const found = findErrorCodes(line).map((f) => [f.text, f.start, f.family, f.entry.name]);
      assert.deepEqual(found, expected);
      for (const f of findErrorCodes(line)) assert.equal(line.slice(f.start, f.end), f.text);
    });
  }

  for (const line of REJECTED) {
    it(`finds nothing in ${JSON.stringify(line)}`, () => assert.deepEqual(findErrorCodes(line), []));
  }

  it('never throws, and every match is a known code inside the line, in order, without overlaps', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        'Error code', 'Extended error code', 'extended', 'ErrorInfo', 'ERRINFO_X', 'reason code', 'Reason=', 'code', 'error',
        'lError', 'failureCode', 'disconnect reason', ':', '=', ' ', '  ', '(', ')', '/', ',', '.', '-', '\t',
        '0x904', '0x7', '0X10c9', '2308', '7', '-2', 'A06', '0x', '0x00000904', 'é', '😀',
      ),
      fc.string({ maxLength: 6 }),
      fc.integer({ min: -10, max: 0x1_0000_0000 }).map((n) => (n % 2 ? String(n) : `0x${Math.abs(n).toString(16)}`)),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((parts) => parts.join('')), (line) => {
        const found = findErrorCodes(line);
        let last = 0;
        for (const f of found) {
          assert.ok(f.start >= last && f.start < f.end && f.end <= line.length, JSON.stringify({ line, f }));
          assert.equal(line.slice(f.start, f.end), f.text);
          assert.equal(parseErrorCode(f.text), f.value);
          assert.ok(lookupErrorCode(f.value).includes(f.entry));
          const shared = ['extended', 'errinfo'];
          assert.ok(f.family === f.entry.family || (shared.includes(f.family) && shared.includes(f.entry.family)), JSON.stringify({ line, f }));
          last = f.end;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('stays fast on long lines: the patterns from a word to its number repeat nothing without a bound', () => {
    const line = `${'error '.repeat(2000)}${' '.repeat(5000)}code${':'.repeat(3000)}`;
    assert.deepEqual(findErrorCodes(line), []);
    // Bounded repeats give each start in a line a bounded number of steps, whatever the line's length (no clock is read:
    // a `\s*` between the word and the number would try every run of the 5,000 spaces above from each of 2,000 words).
    for (const pattern of [CONTEXT_RE, GIVEN_CONTEXT_RE]) assert.doesNotMatch(pattern.source, /(?<!\\)[*+]|\{\d+,\}/, pattern.source.slice(0, 80));
  });
});
