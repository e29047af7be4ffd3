// What the "Insert PowerShell Fix" prompt says of a value it knows: where it came from, never that a file's port is the server's.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findFix } from '../../src/core/fixes/index';
import { contextValues, fileName, promptFor } from '../../src/extension/fix-context';

const port = findFix('set-port')!.params.find((p) => p.key === 'port')!;
const thumbprint = findFix('bind-listener-cert')!.params.find((p) => p.key === 'thumbprint')!;
const target = { target: 'rdsh01.contoso.com:3390', host: 'rdsh01.contoso.com', port: 3390 };

describe('PowerShell fix prompts', () => {
  it('an .rdp file port (what XRF002 finds no listener on) is worded as the file\'s, not as the server\'s', () => {
    const known = contextValues(target, undefined, 'Finance.rdp')['port'];
    assert.equal(known?.value, '3390');
    const { prompt, placeHolder } = promptFor(port, known);
    assert.match(prompt, /Finance\.rdp connects to port 3390, which is not necessarily the port the listener uses\./);
    assert.equal(placeHolder, 'the file connects to 3390');
    assert.doesNotMatch(`${prompt} ${placeHolder}`, /uses 3390 now|now: 3390|The host uses/);
  });

  it('a host checked by its address: the port the connection goes to, not the listener\'s', () => {
    const { prompt, placeHolder } = promptFor(port, contextValues(target)['port']);
    assert.match(prompt, /Connections to rdsh01\.contoso\.com:3390 go to port 3390, which is not necessarily the port the listener uses\./);
    assert.equal(placeHolder, 'connections go to 3390');
  });

  it('the thumbprint is what the listener presented at the last check', () => {
    const sha1 = '4249E12CA59D6B0F7E112233445566778899AABB';
    const { prompt, placeHolder } = promptFor(thumbprint, contextValues(target, sha1)['thumbprint']);
    assert.match(prompt, new RegExp(`The listener presented ${sha1} at the last check\\.`));
    assert.equal(placeHolder, `presented now: ${sha1}`);
  });

  it('without a known value, the parameter\'s own description and placeholder', () => {
    assert.deepEqual(promptFor(port, undefined), { prompt: port.description, placeHolder: port.placeholder });
    assert.deepEqual(contextValues(undefined), {});
    assert.equal(contextValues({ ...target, name: 'rdsh01' })['computerName']?.value, 'rdsh01');
  });

  it('names a file by the last segment of its path', () => {
    assert.equal(fileName({ path: '/c:/Users/me/Remote Desktop/Finance.rdp' }), 'Finance.rdp');
  });
});

describe('PowerShell fix prompts quote a file name as text (security review)', () => {
  // VS Code reads `[label](command:…)`, `(https://…)` and `(file:…)` in an input box's prompt as a link that runs or
  // opens on a click (parseLinkedText), and `$(name)` as an icon: a file name from a cloned repository is neither.
  const hostile = '[Type 3389 here](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22x%22%7D) $(pass-filled).rdp';

  it('shows the .rdp file name the port came from with no link and no icon', () => {
    const { prompt } = promptFor(port, contextValues(target, undefined, hostile)['port']);
    assert.doesNotMatch(prompt, /\[[^\]]+\]\((?:https?:\/\/|command:|file:)/i, prompt);
    assert.doesNotMatch(prompt, /(?<!\\)\$\(/, prompt);
    assert.ok(prompt.includes('[Type 3389 here]\\(command:'), prompt);
  });
});
