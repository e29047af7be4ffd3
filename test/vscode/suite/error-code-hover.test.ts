import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, openUntitled, waitFor, withSetting } from './helpers';
import { suite, suiteSetup, test } from './mocha-tdd';

/** Our hover starts with the code's label in bold. */
const OURS = /^\*\*(Error code|Extended error code|Server error info|Negotiation failure code|Logon error|Client error code) /;

function markdownOf(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n---\n');
}

/** Our hovers at the first character of `code` on line `line` (the first by default) of an untitled document. */
async function hoversOn(language: string, content: string, code: string, line = 0): Promise<{ hovers: vscode.Hover[]; document: vscode.TextDocument }> {
  const document = await openUntitled({ language, content });
  assert.equal(document.languageId, language);
  const column = document.lineAt(line).text.indexOf(code);
  assert.ok(column >= 0, `"${code}" is not on line ${line}`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(line, column + 1));
  return { hovers: hovers.filter((h) => OURS.test(markdownOf([h]))), document };
}

suite('Error-code hover', () => {
  suiteSetup(async () => {
    // Plain text does not activate the extension by itself (the suite may run alone with RDP_DOCTOR_GREP).
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
  });

  test('plain text: a line with a code and an extended code explains the pair, with a link to the explainer', async () => {
    const { hovers } = await hoversOn('plaintext', 'Error code: 0x904, Extended error code: 0x7', '0x904');
    assert.equal(hovers.length, 1, markdownOf(hovers));
    const text = markdownOf(hovers);
    assert.match(text, /\*\*Error code 0x904\*\* \(2308\) `disconnectReasonAtClientWinsockFDCLOSE`/);
    assert.match(text, /\*\*Extended error code 0x7\*\* \(7\) `exDiscReasonServerDeniedConnection`/);
    assert.match(text, /Likely causes:/);
    assert.match(text, /\[Open the explainer\]\(command:rdpDoctor\.explainErrorCode\?%5B%220x904%200x7%22%5D/);
    assert.ok(hovers[0]!.range?.isEqual(new vscode.Range(0, 12, 0, 17)), JSON.stringify(hovers[0]!.range));
    const content = hovers[0]!.contents[0];
    assert.ok(content instanceof vscode.MarkdownString);
    // The link may run the explainer and nothing else.
    assert.deepEqual(content.isTrusted, { enabledCommands: ['rdpDoctor.explainErrorCode'] });
  });

  test('the dialog\'s layout: the extended code on the next line is read with the code, from either line', async () => {
    const dialog = 'This computer can\'t connect to the remote computer.\n\nError code: 0x904\nExtended error code: 0x3\n';
    for (const [line, code, range] of [[2, '0x904', new vscode.Range(2, 12, 2, 17)], [3, '0x3', new vscode.Range(3, 21, 3, 24)]] as const) {
      const { hovers } = await hoversOn('plaintext', dialog, code, line);
      assert.equal(hovers.length, 1, markdownOf(hovers));
      assert.match(markdownOf(hovers), /\*\*Extended error code 0x3\*\* \(3\) `exDiscReasonServerIdleTimeout`/, code);
      assert.match(markdownOf(hovers), /explainErrorCode\?%5B%220x904%200x3%22%5D/, code);
      assert.ok(hovers[0]!.range?.isEqual(range), JSON.stringify(hovers[0]!.range));
    }
  });

  test('a log line: the decimal form of an event-log entry', async () => {
    const { hovers } = await hoversOn('log', 'RDP ClientActiveX has been disconnected (Reason= 2308)', '2308');
    assert.match(markdownOf(hovers), /\*\*Error code 0x904\*\* \(2308\)/);
  });

  test('Markdown: a hex literal in a note', async () => {
    const { hovers } = await hoversOn('markdown', 'The client showed `0x904` twice today.', '0x904');
    assert.match(markdownOf(hovers), /disconnectReasonAtClientWinsockFDCLOSE/);
  });

  test('the HRESULT of the authentication error dialog, and a lone extended code read from the ERRINFO table under its own label', async () => {
    const { hovers } = await hoversOn('plaintext', 'An authentication error has occurred (Code: 0x80004005)', '0x80004005');
    assert.match(markdownOf(hovers), /^\*\*Client error code 0x80004005\*\* \(2147500037\) `E_FAIL`/);
    const extended = await hoversOn('log', 'Extended error code: 0x11', '0x11');
    assert.match(markdownOf(extended.hovers), /^\*\*Extended error code 0x11\*\* \(17\) `ERRINFO_CLOSE_STACK_ON_DRIVER_FAILURE`/);
  });

  test('no hover on numbers that are not error codes', async () => {
    assert.equal((await hoversOn('plaintext', 'Listening on port 3389 since 2308 seconds', '3389')).hovers.length, 0);
    assert.equal((await hoversOn('plaintext', 'Listening on port 3389 since 2308 seconds', '2308')).hovers.length, 0);
    assert.equal((await hoversOn('plaintext', 'exit code 1', '1')).hovers.length, 0);
  });

  test('rdpDoctor.hover.errorCodes turns the hover off without a reload', async () => {
    const restore = await withSetting('rdpDoctor', 'hover.errorCodes', false);
    try {
      await waitFor('the setting to reach the extension host', () => vscode.workspace.getConfiguration('rdpDoctor').get('hover.errorCodes') === false, vscode.workspace.onDidChangeConfiguration);
      assert.equal((await hoversOn('log', 'Error code: 0x904', '0x904')).hovers.length, 0);
      assert.equal((await hoversOn('plaintext', 'Error code: 0x904', '0x904')).hovers.length, 0);
    } finally {
      await restore();
    }
    await waitFor('the setting to return', () => vscode.workspace.getConfiguration('rdpDoctor').get('hover.errorCodes') === true, vscode.workspace.onDidChangeConfiguration);
    assert.equal((await hoversOn('plaintext', 'Error code: 0x904', '0x904')).hovers.length, 1);
  });
});
