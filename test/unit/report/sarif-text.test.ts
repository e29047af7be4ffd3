// Text quoted from a file is data: in SARIF plain text `[text](target)` is an embedded link (SARIF 2.1.0 §3.11.6),
// so a value like `[here](https://…)` from an .rdp file must not reach a SARIF viewer as a link (session 15 review).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { sarifText } from '../../../src/core/report/sarif';
import { runCli, sarifSchemaErrors } from '../cli/cli-harness';

/** The embedded-link syntax of SARIF plain text: `[` link text `]` `(` destination `)`, brackets escaped inside. */
const EMBEDDED_LINK = /\[(?:[^\\\]]|\\.)*\]\([^)]*\)/;

describe('SARIF message text', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-sarif-text-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('breaks every embedded link and leaves other text as it is', () => {
    assert.equal(sarifText('The gateway "[here](https://evil.invalid/x)" is not used.'), 'The gateway "[here]\\(https://evil.invalid/x)" is not used.');
    assert.equal(sarifText('[a](0) and [b](sarif:/runs/0/results/1)'), '[a]\\(0) and [b]\\(sarif:/runs/0/results/1)');
    for (const text of ['Plain text [with brackets] (and parentheses).', 'No brackets.', 'a]b(c']) assert.equal(sarifText(text), text);
    assert.doesNotMatch(sarifText('x [y\\](z)](https://evil.invalid)'), EMBEDDED_LINK);
  });

  it('a lint of a file whose values look like links writes no embedded link, and JSON keeps the value as it was', () => {
    const file = join(dir, 'links.rdp');
    writeFileSync(file, 'full address:s:host.invalid\r\ngatewayhostname:s:[here](https://evil.invalid/x)\r\nusername:s:[me](0)\r\n');
    const sarif = runCli(['lint', file, '--format', 'sarif'], dir);
    const log = JSON.parse(sarif.stdout) as { runs: { results: { message: { text: string } }[] }[] };
    assert.deepEqual(sarifSchemaErrors(log), []);
    const texts = log.runs[0]!.results.map((r) => r.message.text);
    assert.ok(texts.some((t) => t.includes('[here]\\(https://evil.invalid/x)')), texts.join('\n'));
    for (const text of texts) assert.doesNotMatch(text, EMBEDDED_LINK);
    const json = runCli(['lint', file, '--format', 'json'], dir).stdout;
    assert.ok(json.includes('[here](https://evil.invalid/x)'));
  });
});
