// A hostile repository's .rdpdoctor.yaml, read when the folder is opened or linted: bounded time, memory and output.
// The timeouts bound the test; nothing here asserts a duration.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig } from '../../src/core/config/parse';
import { MAX_CONFIG_NESTING, nestsTooDeeply } from '../../src/core/config/nesting';
import { ALL_RULES } from '../../src/core/rules/registry';

const KNOWN = new Set(ALL_RULES.map((r) => r.id));
const MB = 1024 * 1024 - 16;
const TOO_DEEP = /^The file is nested too deeply to read: more than 64 levels/;

describe('.rdpdoctor.yaml from a hostile repository', () => {
  // 1 MB of "[" took 23 s and 950 MB, of "&a " 21 s and 333,332 problems, "- - - …" 8 s, in the YAML library.
  for (const [what, text] of [
    ['1 MB of "["', '['.repeat(MB)],
    ['1 MB of "{"', `rules: ${'{a: '.repeat(MB / 4)}`],
    ['a chain of "- "', '- '.repeat(MB / 2)],
    ['a chain of "? "', '? '.repeat(MB / 2)],
    ['a chain of anchors', '&a '.repeat(MB / 3)],
    ['a chain of tags', `rules: ${'!t '.repeat(MB / 3)}x`],
  ] as const) {
    it(`${what} is one problem: nested too deeply`, { timeout: 15_000 }, () => {
      const { config, problems } = parseConfig(text, KNOWN);
      assert.deepEqual(problems.map((p) => p.message.match(TOO_DEEP)?.[0] ?? p.message), ['The file is nested too deeply to read: more than 64 levels']);
      assert.deepEqual(config.rules, {});
    });
  }

  it('brackets in quoted scalars and comments, and closed ones in plain scalars, are no nesting', () => {
    const text = [
      `# ${'['.repeat(500)}`,
      'trust:',
      '  ca:',
      `    - "${'['.repeat(200)}\\".pem"`,
      `    - '${'{'.repeat(200)}''x.pem'`,
      '    - certs/a[1][2].pem',
      'rules:',
      `  RDP013: off # ${'{'.repeat(100)}`,
      `unknown: ${'['.repeat(MAX_CONFIG_NESTING)}${']'.repeat(MAX_CONFIG_NESTING)}`,
      'other:',
      `  ${'- '.repeat(3)}x`,
    ].join('\n');
    assert.equal(nestsTooDeeply(text), false);
    const { config, problems } = parseConfig(text, KNOWN);
    assert.deepEqual(config.rules, { RDP013: 'off' });
    assert.equal(config.trust.ca.length, 3);
    assert.ok(problems.every((p) => !TOO_DEEP.test(p.message)));
    assert.equal(nestsTooDeeply(`x: ${'['.repeat(MAX_CONFIG_NESTING + 1)}`), true);
  });

  it('50,000 repeated keys list 1,000 problems and a note of the rest', { timeout: 15_000 }, () => {
    const { problems } = parseConfig(`rules:\n${'  RDP013: off\n'.repeat(50_000)}`, KNOWN);
    assert.equal(problems.length, 1001);
    assert.equal(problems[1000]!.message, '… 48,999 more problems in this file not listed.');
    assert.equal(problems[1000]!.kind, 'invalid');
    const unknownOnly = parseConfig(`rules:\n${Array.from({ length: 3000 }, (_, i) => `  X${i}: off\n`).join('')}`, KNOWN).problems;
    assert.deepEqual([unknownOnly.length, unknownOnly[1000]!.kind], [1001, 'unknown']);
  });

  it('the YAML library\'s errors are listed up to 100, with a note of the rest', { timeout: 15_000 }, () => {
    const { problems } = parseConfig('a: '.repeat(3000), KNOWN);
    assert.ok(problems.length <= 101, `${problems.length} problems`);
  });
});
