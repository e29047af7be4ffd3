import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeMarkdown, explainAt, hoverMarkdown } from '../../../src/core/explain/explanation-hover';
import { findErrorCodes } from '../../../src/core/knowledge/find-error-codes';
import { explainInput } from '../../../src/core/explain/explain-input';

const at = (line: string, text: string): ReturnType<typeof explainAt> => explainAt(findErrorCodes(line), line.indexOf(text) + 1);

describe('explainAt', () => {
  it('explains the pair from either code of a line that has both', () => {
    const line = 'Error code: 0x904, Extended error code: 0x7';
    for (const code of ['0x904', '0x7']) {
      const hover = at(line, code)!;
      assert.equal(hover.explanation.code, '0x904');
      assert.equal(hover.explanation.extended?.code, '0x7');
      assert.equal(hover.explainerArgument, '0x904 0x7');
      assert.equal(line.slice(hover.start, hover.end), code);
    }
  });

  it('explains a decimal code under the explainer\'s name for it', () => {
    const hover = at('RDP ClientActiveX has been disconnected (Reason= 2308)', '2308')!;
    assert.equal(hover.explanation.code, '0x904');
    assert.equal(hover.explainerArgument, '0x904');
    assert.equal(hover.label, 'Error code');
  });

  it('a lone extended code that a plain lookup reads as a disconnect code: its own entry, linked by family', () => {
    const hover = at('Extended error code: 0x3', '0x3')!;
    assert.equal(hover.explanation.name, 'exDiscReasonServerIdleTimeout');
    assert.equal(hover.explanation.family, 'extended');
    assert.equal(hover.label, 'Extended error code');
    assert.equal(hover.explainerArgument, 'extended 0x3');
    assert.deepEqual(hover.explanation.checks, ['GPO007']);
  });

  it('a lone server error info code is linked by family', () => {
    const hover = at('Session 2 has been disconnected, reason code 12', '12')!;
    assert.doesNotMatch(hover.explanation.meaning, /did you mean/, 'the context says the digits are decimal');
    assert.equal(hover.explanation.family, 'errinfo');
    assert.equal(hover.explainerArgument, 'errinfo 0xC');
    assert.equal(hover.explanation.name, 'ERRINFO_LOGOFF_BY_USER');
  });

  it('a lone extended code no OnDisconnected code shares is linked by family too, and read as what the text says it is', () => {
    const hover = at('Extended error code: 0x7', '0x7')!;
    assert.equal(hover.explanation.name, 'exDiscReasonServerDeniedConnection');
    assert.equal(hover.explainerArgument, 'extended 0x7');
    assert.doesNotMatch(hover.explanation.meaning, /OnDisconnected/);
  });

  it('a lone extended code read from the ERRINFO table keeps the label the text gives it', () => {
    const hover = at('Extended error code: 0x11', '0x11')!;
    assert.equal(hover.label, 'Extended error code');
    assert.equal(hover.explanation.name, 'ERRINFO_CLOSE_STACK_ON_DRIVER_FAILURE');
    assert.match(hoverMarkdown(hover), /^\*\*Extended error code 0x11\*\* \(17\)/);
  });

  it('the HRESULT of the authentication error dialog, and one after "Error code"', () => {
    const dialog = at('An authentication error has occurred (Code: 0x80004005)', '0x80004005')!;
    assert.equal(dialog.label, 'Client error code');
    assert.equal(dialog.explanation.name, 'E_FAIL');
    assert.equal(dialog.explainerArgument, 'client 0x80004005');
    const sspi = at('Error code: 0x80090302', '0x80090302')!;
    assert.equal(sspi.explanation.name, 'SEC_E_UNSUPPORTED_FUNCTION');
    assert.match(sspi.explanation.likelyCauses[0]!, /encryption oracle/);
  });

  it('nothing outside a code', () => {
    const line = 'Error code: 0x904';
    assert.equal(explainAt(findErrorCodes(line), 3), undefined);
    assert.equal(explainAt(findErrorCodes(line), line.length), undefined);
    assert.ok(explainAt(findErrorCodes(line), line.length - 1));
  });
});

/** The hover on `text` in line `index` of `lines`, with the lines around it. */
function atLine(lines: readonly string[], index: number, text: string): ReturnType<typeof explainAt> {
  const line = lines[index]!;
  return explainAt(findErrorCodes(line), line.indexOf(text) + 1, (delta) => lines[index + delta]);
}

describe('explainAt with the lines around', () => {
  // mstsc's dialog, as copied with Ctrl+C.
  const DIALOG = [
    'Remote Desktop Connection',
    'This computer can\'t connect to the remote computer.',
    '',
    'Error code: 0x904',
    'Extended error code: 0x3',
    '',
    'Timestamp (UTC): 2024-05-02T09:41:07.123Z',
  ];

  it('explains the pair from the disconnect code\'s line and from the extended code\'s line', () => {
    for (const [index, code] of [[3, '0x904'], [4, '0x3']] as const) {
      const hover = atLine(DIALOG, index, code)!;
      assert.equal(hover.explanation.code, '0x904', code);
      assert.equal(hover.explanation.extended?.name, 'exDiscReasonServerIdleTimeout', code);
      assert.equal(hover.explainerArgument, '0x904 0x3');
      assert.equal(DIALOG[index]!.slice(hover.start, hover.end), code);
    }
  });

  it('looks up to three lines away, in either order', () => {
    const lines = ['Extended error code: 0x7', 'Session ID: 2', 'Connection: rdsh01', 'Error code: 0x904'];
    assert.equal(atLine(lines, 3, '0x904')!.explanation.extended?.code, '0x7');
    assert.equal(atLine(lines, 0, '0x7')!.explanation.code, '0x904');
    assert.equal(atLine(['Error code: 0x904', 'a', 'b', 'c', 'Extended error code: 0x7'], 0, '0x904')!.explanation.extended, null);
  });

  it('stops at a blank line and at another code of the same kind', () => {
    assert.equal(atLine(['Error code: 0x904', '', 'Extended error code: 0x7'], 0, '0x904')!.explanation.extended, null);
    assert.equal(atLine(['Error code: 0x904', 'Error code: 0x204', 'Extended error code: 0x7'], 0, '0x904')!.explanation.extended, null);
    const hover = atLine(['Error code: 0x904', 'Extended error code: 0x3', 'Extended error code: 0x7'], 2, '0x7')!;
    assert.equal(hover.explanation.name, 'exDiscReasonServerDeniedConnection');
    assert.equal(hover.explanation.extended, null);
  });

  it("a code found on the side the dialog does not put it is not taken when it has its own pair beyond it (a session 19 review: two dialogs in one log)", () => {
    const lines = ['Monday, PC-12:', 'Error code: 0x904', 'Extended error code: 0x7', 'Tuesday, PC-40:', 'Error code: 0x3'];
    const tuesday = atLine(lines, 4, '0x3');
    assert.ok(tuesday);
    assert.equal(tuesday.explanation.extended, null, "Monday's 0x7 is Monday's 0x904's");
    assert.equal(atLine(lines, 2, '0x7')!.explanation.code, '0x904', 'the extended code keeps its own "Error code"');
    // Alone above, with nothing beyond it, it is still the pair (the order "Extended" then "Error code" is read too).
    assert.equal(atLine(['Extended error code: 0x7', 'Error code: 0x904'], 1, '0x904')!.explanation.extended?.code, '0x7');
    // An extended code whose "Error code" below it has its own extended code below that: not this one's.
    const ext = atLine(['Extended error code: 0x3', 'Error code: 0x904', 'Extended error code: 0x7'], 0, '0x3');
    assert.equal(ext!.explanation.extended ?? null, null);
  });

  it('a line with both codes keeps its own pair', () => {
    const hover = atLine(['Error code: 0x904, Extended error code: 0x7', 'Extended error code: 0x3'], 0, '0x904')!;
    assert.equal(hover.explanation.extended?.code, '0x7');
  });
});

describe('hoverMarkdown', () => {
  it('names both codes, a few causes and links to the explainer', () => {
    const md = hoverMarkdown(at('0x904 0x7', '0x904')!);
    assert.match(md, /^\*\*Error code 0x904\*\* \(2308\) `disconnectReasonAtClientWinsockFDCLOSE`: Socket closed/);
    assert.match(md, /\*\*Extended error code 0x7\*\* \(7\) `exDiscReasonServerDeniedConnection`: The server denied the connection\./);
    assert.match(md, /Likely causes:\n\n- .+\n- .+\n- .+\n- …and \d+ more in the explainer\./);
    assert.match(md, /\[Open the explainer\]\(command:rdpDoctor\.explainErrorCode\?%5B%220x904%200x7%22%5D "[^"]+"\)$/);
  });

  it('links a lone code of another family with its family, which the explainer command reads back', () => {
    const md = hoverMarkdown(at('Extended error code: 0x3', '0x3')!);
    assert.match(md, /^\*\*Extended error code 0x3\*\* \(3\) `exDiscReasonServerIdleTimeout`/);
    const link = /command:rdpDoctor\.explainErrorCode\?([^ )]+)/.exec(md)!;
    const [argument] = JSON.parse(decodeURIComponent(link[1]!)) as [string];
    const again = explainInput(argument);
    assert.ok(!('error' in again));
    assert.equal(again.name, 'exDiscReasonServerIdleTimeout');
  });

  it('escapes Markdown in table text', () => {
    assert.equal(escapeMarkdown('HKLM\\SYSTEM *x* _y_ [a](b) <b> `c` #'), 'HKLM\\\\SYSTEM \\*x\\* \\_y\\_ \\[a\\](b) \\<b\\> \\`c\\` \\#');
  });
});
