// The extension's log (src/extension/logger.ts): text from files, exports or servers cannot reorder or hide
// what the Output view shows.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { safeLogger, type Logger } from '../../src/extension/logger';

function recording(): { channel: Logger; lines: string[] } {
  const lines: string[] = [];
  const put = (level: string) => (m: string | Error) => void lines.push(`${level} ${String(m)}`);
  return { channel: { trace: put('trace'), debug: put('debug'), info: put('info'), warn: put('warn'), error: put('error') }, lines };
}

describe('safeLogger', () => {
  it('shows control and bidi characters as escapes and keeps line breaks, indenting the lines after one, at every level', () => {
    const { channel, lines } = recording();
    const log = safeLogger(channel);
    log.info('Checked evil\u202ehost\u001b[2J: ok');
    log.warn('two\nlines\r');
    log.trace('\u0085');
    log.debug('plain');
    assert.deepEqual(lines, ['info Checked evil\\u202ehost\\x1b[2J: ok', 'warn two\n    lines\\x0d', 'trace \\x85', 'debug plain']);
  });

  it('lets no value forge an entry of its own: a line after a break never starts as an entry does', () => {
    const { channel, lines } = recording();
    safeLogger(channel).info('Trust anchors: a.pem\n2026-12-05 01:00:00.000 [error] FAKE: every host verified');
    assert.equal(lines[0], 'info Trust anchors: a.pem\n    2026-12-05 01:00:00.000 [error] FAKE: every host verified');
    for (const line of lines[0]!.split('\n').slice(1)) assert.match(line, /^ {4}/);
  });

  it('logs an Error by its stack, made safe the same way', () => {
    const { channel, lines } = recording();
    const error = new Error('bad \u2066value');
    safeLogger(channel).error(error);
    assert.match(lines[0]!, /^error Error: bad \\u2066value\n\s+at /);
  });
});
