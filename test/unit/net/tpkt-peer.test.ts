// A peer that is not an RDP listener is described by the bytes it sent, printable and escaped, not "starts with 0x48".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TpktReader } from '../../../src/core/net/tpkt';

function problemOf(...chunks: Buffer[]): string {
  const reader = new TpktReader(11, 19);
  let state = reader.push(chunks[0]!);
  for (const c of chunks.slice(1)) state = reader.push(c);
  assert.equal(state.state, 'invalid');
  return state.state === 'invalid' ? state.problem : '';
}

describe('TPKT reader: a reply that is not TPKT', () => {
  it('an HTTP server is shown by its first bytes, cut with an ellipsis', () => {
    assert.equal(problemOf(Buffer.from('HTTP/1.1 400 Bad Request\r\n\r\n')), 'the reply starts with "HTTP/1.1 400 Bad Req…" (0x48), not a TPKT header (0x03)');
  });

  it('a short reply is shown whole, with line breaks, quotes, backslashes and other bytes escaped', () => {
    assert.equal(problemOf(Buffer.from([0x53, 0x53, 0x48, 0x0d, 0x0a, 0x22, 0x5c, 0x00, 0x1b, 0xff])), 'the reply starts with "SSH\\r\\n\\"\\\\\\x00\\x1b\\xff" (0x53), not a TPKT header (0x03)');
  });

  it('a TLS alert (binary) reads as escapes, and nothing from the peer reaches the text unescaped', () => {
    const problem = problemOf(Buffer.from([0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x28]));
    assert.equal(problem, 'the reply starts with "\\x15\\x03\\x01\\x00\\x02\\x02(" (0x15), not a TPKT header (0x03)');
    assert.doesNotMatch(problem, /[\u0000-\u001f]/);
  });
});
