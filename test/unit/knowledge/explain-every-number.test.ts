import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { runExplain } from '../../../src/cli/explain-command';
import { explainInput } from '../../../src/core/explain/explain-input';
import { explain, type Explanation } from '../../../src/core/knowledge/error-codes/index';
import { findErrorCodes } from '../../../src/core/knowledge/find-error-codes';
import { isNonCodeLabel } from '../../../src/core/knowledge/non-code-labels';
import { numbersIn } from '../../../src/core/knowledge/text-numbers';

function explained(result: Explanation | { error: string }, text: string): Explanation {
  assert.ok(!('error' in result), `${text}: ${'error' in result ? result.error : ''}`);
  return result;
}

function refused(result: Explanation | { error: string }, text: string): string {
  assert.ok('error' in result, `${text} was explained as ${'error' in result ? '' : `${result.code} ${result.extended?.code ?? ''}`}`);
  return result.error;
}

describe('a code typed for the explainer is explained or refused, never dropped (a review of session 21)', () => {
  it('reads "ext", "ext." and "extended" in any case as the extended code\'s label, and separators between two codes as the pair', () => {
    for (const [text, code, extended] of [
      ['0x904 ext 7', '0x904', '7'],
      ['Error code: 0x904 ext 7', '0x904', '7'],
      ['0x904 EXT. 7', '0x904', '7'],
      ['0x904 Extended: 7', '0x904', '7'],
      ['0x904 ext=7', '0x904', '7'],
      ['0x904 (ext 7)', '0x904', '7'],
      ['0x904 - 7', '0x904', '7'],
      ['0x904-7', '0x904', '7'],
      ['0x904 — 7', '0x904', '7'],
      ['0x904 – 7', '0x904', '7'],
      ['0x904 and 7', '0x904', '7'],
      ['0x904 & 7', '0x904', '7'],
      ['0x904 7 extra', '0x904', '7'],
      ['2308 ext 0x107', '2308', '0x107'],
      ['0x3 and 0x107', '0x3', '0x107'],
      ['2308 ext 0x7', '2308', '0x7'],
      ['0x3 ext 0x11', '0x3', '0x11'],
      ['2308 - 7', '2308', '7'],
      ['Error code: 0x107 - 0x3', '0x107', '0x3'],
    ] as const) {
      assert.deepEqual(explained(explainInput(text), text), explained(explain(code, extended), text), text);
    }
  });

  it('refuses a text with a number not read as a code, naming its place, not repeating it', () => {
    for (const [text, place] of [
      ['0x904 with 7', '2nd number'],
      ['0x904 then 17', '2nd number'],
      ['0x904 ext 7 8', '3rd number'],
      ['Error code: 0x904 Extended error code: 0x7g', '2nd number'],
      ['0x904 ext 0x7g', '2nd number'],
      // "Session 2" names no code (explain-named-numbers.test.ts) but is counted: a reader counts it.
      ['In session 2 with 3 users after 4 tries: Error code: 0x904', '2nd and 3rd numbers'],
      ['With 3 users after 4 tries in 5 minutes: Error code: 0x904', '1st, 2nd and 3rd numbers'],
      // A time a code was read from is no time: its other number counts.
      ['Error code 3:17', '2nd number'],
    ] as const) {
      const error = refused(explainInput(text), text);
      assert.match(error, new RegExp(`^The ${place} of the text given, counting from the left, (is|are) not read as (a code|codes) \\(the text itself is not repeated: it may hold a password\\); `), text);
      assert.match(error, /type the error code, optionally followed by the extended error code \(0x904 0x7\)\.$/, text);
    }
    for (const text of ['Error code: 0x904 /p:123456', 'Error code: 0x904 password 987654 ext 7']) {
      const error = refused(explainInput(text), text);
      assert.doesNotMatch(error, /123456|987654|\/p:/, text);
    }
  });

  it('reads two codes without labels in the order typed, the error code first', () => {
    assert.deepEqual(explainInput('7 - 0x904'), explain('7', '0x904'));
    assert.deepEqual(explainInput('0x7 then 0x3'), explain('0x7', '0x3'));
    // A label decides over the order: the "Error code" is the error code wherever it stands.
    assert.deepEqual(explainInput('0x7 Error code: 0x11'), explain('0x11', '0x7'));
  });

  it('still explains the whole dialog and a FreeRDP log line, whose times, dates and process IDs are no codes', () => {
    const dialog = [
      'Remote Desktop Connection',
      "This computer can't connect to the remote computer.",
      'Error code: 0x904',
      'Extended error code: 0x3',
      'Timestamp (UTC): 2024-05-02T09:41:07.123Z',
    ].join('\n');
    assert.deepEqual(explainInput(dialog), explain('0x904', '0x3'));
    const freerdp = '[01:26:34:167] [5589:5592] [ERROR][com.freerdp.core] - transport_write:freerdp_set_last_error_ex ERRCONNECT_CONNECT_TRANSPORT_FAILED [0x0002000D]';
    assert.equal(explained(explainInput(freerdp), freerdp).name, 'ERRCONNECT_CONNECT_TRANSPORT_FAILED');
  });

  it('leaves the hover its reading of free text: "ext" is no label there, and a bare number no code', () => {
    assert.deepEqual(findErrorCodes('0x904 ext 7').map((c) => c.text), ['0x904']);
    assert.deepEqual(findErrorCodes('call ext 4021 about 0x904').map((c) => c.text), ['0x904']);
    assert.deepEqual(findErrorCodes('2308 - 7'), []);
    assert.deepEqual(findErrorCodes('0x3 and 0x107').map((c) => c.text), ['0x107']);
  });
});

describe('numbersIn', () => {
  const numbers = (text: string): string[] => numbersIn(text).map((n) => text.slice(n.start, n.end));

  it('finds every number a person may have typed as a code, mistyped ones and bare hex included', () => {
    assert.deepEqual(numbers('0x904 ext 7, (0x7g) 7x A06 dc01 -2 4294967296'), ['0x904', '7', '0x7g', '7x', 'A06', 'dc01', '2', '4294967296']);
  });

  it('passes over dates, times, GUIDs, dotted numbers and the WinPR log prefix', () => {
    for (const text of [
      '2024-05-02T09:41:07.123Z',
      '2024-05-02 09:41:07',
      '5/2/2024 9:41:07 AM',
      '{1b4e28ba-2fa1-11d2-883f-0016d3cca427}',
      '10.0.19041.1 at 192.0.2.10',
      '[01:26:34:167] [5589:5592] [ERROR]',
    ]) {
      assert.deepEqual(numbers(text), [], text);
    }
  });
});

/** The review's sweep: main codes, the separators people type between two codes, and extended codes. */
const MAINS = ['0x904', '2308', 'Error code: 0x904', 'error 0x904', '0x3', '0x204', 'code 0x904', 'Reason= 2308'];
const SEPARATORS = [
  ' ext ', ' - ', ' and ', ' ext. ', ' e ', ' x ', ' with ', ' plus ', ' -> ', ' => ', ' + ', ' & ', ' ~ ', ' then ', ' followed by ',
  ', extra ', ' ext: ', ' Ext ', ' EXT ', ' extended: ', ' (ext ', ' / ext ', ' sub ', ' subcode ', ' ext=', ' extended=', ' #', ' | ',
  ' ', '/', ', ', ' (', '-', ' — ', ' – ', ' ; ', '\n',
];
const EXTENDED = ['7', '0x7', '0x11', '17', '263', '0x107'];

describe('every main code × separator × extended code', () => {
  it('is explained as the pair or refused (exit 2), never as one code with exit 0', () => {
    const code = fc.oneof(
      fc.constantFrom(...EXTENDED),
      fc.integer({ min: 0, max: 0x2000 }).map(String),
      fc.integer({ min: 0, max: 0x2000 }).map((n) => `0x${n.toString(16)}`),
    );
    const separator = fc.oneof(
      fc.constantFrom(...SEPARATORS),
      // A word that names the number after it as no code ("0x904 port 7", "0x904 id 0") is no separator: the number is
      // no extended code, and 0x904 is explained alone (explain-named-numbers.test.ts).
      fc.stringMatching(/^ [a-z]{1,8} $/).filter((w) => !isNonCodeLabel(w.trim())),
      fc.stringMatching(/^[ ,;:/()[\]&#|~+=>–—-]{1,4}$/),
    );
    fc.assert(
      fc.property(fc.constantFrom(...MAINS), separator, code, (main, between, extended) => {
        const text = `${main}${between}${extended}`;
        const result = runExplain(text, undefined, 'json');
        if (result.exitCode === 2) return;
        assert.equal(result.exitCode, 0, text);
        const json = JSON.parse(result.output) as { code: string; extended: { code: string } | null };
        assert.notEqual(json.extended, null, `${JSON.stringify(text)} explained ${json.code} alone`);
        const pair = explain(/(0x[0-9a-f]+|\d+)$/i.exec(main)![1]!, extended);
        assert.ok(!('error' in pair), JSON.stringify(text));
        assert.deepEqual([json.code, json.extended?.code], [pair.code, pair.extended?.code], JSON.stringify(text));
      }),
      { numRuns: 3000 },
    );
  });
});
