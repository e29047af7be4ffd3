import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { explainInput } from '../../../src/core/explain/explain-input';
import { explainAt, hoverMarkdown } from '../../../src/core/explain/explanation-hover';
import { explain } from '../../../src/core/knowledge/error-codes/index';
import { findErrorCodes, findGivenCodes } from '../../../src/core/knowledge/find-error-codes';

/** A line pasted for the explainer, and the codes typed that it must explain exactly as (`explain CODE [EXTENDED]`). */
const AS_TYPED: readonly [string, string, string?][] = [
  // A number after "Error code" that is no OnDisconnected code is kept, however small (a review of session 18).
  ['Error code: 0x4 Extended error code: 0x0', '0x4', '0x0'],
  ['Error code 0x4 Extended error code 0x0', '0x4', '0x0'],
  ['Error code: 0x11 Extended error code: 0x0', '0x11', '0x0'],
  ['Error code: 0x4\nExtended error code: 0x0', '0x4', '0x0'],
  ['Error code 0x4', '0x4'],
  ['Error code: 11', '11'],
  // Labelled "Error code" (or the Reason= of client event 1026): the note that it is no OnDisconnected code stays.
  ['Error code: 0x107', '0x107'],
  ['RDP ClientActiveX has been disconnected (Reason= 263)', '263'],
  ['Error code: 0x107, Extended error code: 0x3', '0x107', '0x3'],
  ['Error code: 0x904 (0x7)', '0x904', '0x7'],
  ['Error code: 0x904 Extended error code: 0x1104', '0x904', '0x1104'],
];

describe('a pasted line is explained as the codes it names, typed', () => {
  for (const [line, code, extended] of AS_TYPED) {
    it(`${JSON.stringify(line)} as explain ${code}${extended ? ` --extended ${extended}` : ''}`, () => {
      assert.deepEqual(explainInput(line), explain(code, extended));
    });
  }

  it('an "Error code" that is no OnDisconnected code says so, as typed alone', () => {
    for (const line of ['Error code: 0x107', 'RDP ClientActiveX has been disconnected (Reason= 263)', 'Error code 0x4']) {
      const e = explainInput(line);
      assert.ok(!('error' in e), line);
      assert.match(e.meaning, /Not an OnDisconnected code/, line);
    }
  });

  it('refuses a line with a number marked as a code that no table knows, rather than explaining the other alone', () => {
    for (const [line, message] of [
      ['Error code: 0x904 Extended error code: 0x9999', /^No known extended error code 0x9999 \(decimal 39321\)\.$/],
      ['Error code: 0x904 (0x9999)', /^No known extended error code 0x9999/],
      ['Error code 904', /^No known error code 0x388 \(decimal 904\)\. .*did you mean 0x904\?$/],
      ['logon error 5', /^No known logon error code 0x5/],
    ] as const) {
      const result = explainInput(line);
      assert.ok('error' in result, line);
      assert.match(result.error, message, line);
    }
  });

  it('refuses a line that names three codes, as three typed ones are, rather than dropping the third (a review of session 19)', () => {
    const result = explainInput('Error code: 0x904 0x7 0x8');
    assert.ok('error' in result);
    assert.match(result.error, /names 3 codes/);
    // Free text still reads a lone small hex literal as no code (the hover): "thread 0x8" is none.
    assert.deepEqual(findErrorCodes('thread 0x8 exited').map((c) => c.text), []);
  });

  it('a lone "Extended error code" only the ERRINFO table has says how it was read, in the CLI and the hover (a session 18 gap)', () => {
    const result = explainInput('Extended error code: 0x11');
    assert.ok(!('error' in result));
    assert.equal(result.name, 'ERRINFO_CLOSE_STACK_ON_DRIVER_FAILURE');
    assert.match(result.meaning, /\(Labelled an extended error code, but no extended error code has this number: read as the server error info code of the same number; .* Microsoft does not say that every extended code is one\.\)$/);
    assert.equal(result.unverified, true);
    const hovered = explainAt(findErrorCodes('Extended error code: 0x11'), 'Extended error code: 0x'.length);
    assert.ok(hovered);
    assert.match(hovered.explanation.meaning, /Labelled an extended error code/);
    // A code the extended table has is read there, with no such note.
    const own = explainInput('Extended error code: 0x7');
    assert.ok(!('error' in own));
    assert.doesNotMatch(own.meaning, /Labelled/);
  });

  it('still repeats nothing of a line that names no code', () => {
    for (const line of ['xfreerdp /v:h /p:Secret1', 'Error code: Secret1 0x4', 'exit code -1 /p:Secret1']) {
      const result = explainInput(line);
      assert.ok('error' in result, line);
      assert.doesNotMatch(result.error, /Secret1/, line);
    }
  });
});

describe('findGivenCodes', () => {
  it('keeps small numbers after a code word and unknown ones, each with the family its label names', () => {
    const codes = (line: string): [string, string | undefined, string | undefined][] =>
      findGivenCodes(line).map((c) => [c.text, c.label, c.entry?.name]);
    assert.deepEqual(codes('Error code: 0x4 Extended error code: 0x0'), [
      ['0x4', 'disconnect', 'exDiscReasonServerLogonTimeout'],
      ['0x0', 'extended', 'exDiscReasonNoInfo'],
    ]);
    assert.deepEqual(codes('Error code: 0x904 (0x9999)'), [
      ['0x904', 'disconnect', 'disconnectReasonAtClientWinsockFDCLOSE'],
      ['0x9999', 'extended', undefined],
    ]);
    assert.deepEqual(codes('thread 0x1 exit code -1'), [], 'a small hex literal alone, and a negative number that is no logon code');
  });

  it('leaves the hover its guard against numbers in free text', () => {
    for (const line of ['Error code 5', 'Error code: 0x4 Extended error code: 0x0']) {
      assert.ok(!findErrorCodes(line).some((f) => f.text === '5' || f.text === '0x4'), line);
    }
  });
});

describe('the hover on a code labelled "Error code" that is no OnDisconnected code', () => {
  const at = (line: string, text: string): ReturnType<typeof explainAt> => explainAt(findErrorCodes(line), line.indexOf(text) + 1);

  it('carries the note the explainer gives, and links to the same explanation', () => {
    for (const [line, text] of [['Error code: 0x107', '0x107'], ['RDP ClientActiveX has been disconnected (Reason= 263)', '263']] as const) {
      const hover = at(line, text)!;
      assert.equal(hover.explanation.name, 'exDiscReasonLicenseClientEndedProtocol', line);
      assert.match(hover.explanation.meaning, /Not an OnDisconnected code/, line);
      assert.match(hoverMarkdown(hover), /Not an OnDisconnected code/, line);
      assert.deepEqual(explainInput(hover.explainerArgument), hover.explanation, line);
    }
  });

  it('is the "Error code" of a pair with the extended code beside it', () => {
    const line = 'Error code: 0x107, Extended error code: 0x3';
    for (const text of ['0x107', '0x3']) {
      const hover = at(line, text)!;
      assert.equal(hover.explanation.code, '0x107', text);
      assert.equal(hover.explanation.extended?.code, '0x3', text);
      assert.equal(hover.explainerArgument, '0x107 0x3', text);
      assert.deepEqual(explainInput(hover.explainerArgument), hover.explanation, text);
    }
  });
});

describe('codes written with brackets', () => {
  it('"0x904 (0x7)" is the pair, as find-error-codes reads it', () => {
    for (const text of ['0x904 (0x7)', '0x904 [0x7]', '0x904; 0x7', '(0x904) 0x7']) assert.deepEqual(explainInput(text), explain('0x904', '0x7'), text);
  });

  it('a refused text made only of numbers is shown; any other is still described', () => {
    const bracketed = explain('0x904', '(0x7');
    assert.ok('error' in bracketed);
    assert.match(bracketed.error, /^"\(0x7" is not an extended error code/);
    for (const text of ['/p:Secret1', '(Secret1)', '0x7 Secret1']) {
      const result = explain('0x904', text);
      assert.ok('error' in result, text);
      assert.match(result.error, /^The text given \(\d+ characters(, with blanks)?, not shown\)/, text);
    }
  });
});
