// What a finding quotes of a network step's error (errors.ts): the raw cause Node gave, or else the sentence without
// its final period, so that "(… wrong version number)" and "(The server reset the connection)" read the same way.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyError, quotedCause } from '../../../src/core/net/errors';

describe('quotedCause', () => {
  it('quotes the raw cause of a classified socket error', () => {
    const error = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    assert.equal(quotedCause(classifyError(error, 'read')), 'ECONNRESET: read ECONNRESET');
  });

  it('quotes the sentence without its final period when there is no cause', () => {
    assert.equal(quotedCause({ kind: 'closed', message: 'The server closed the connection.' }), 'The server closed the connection');
  });

  it('keeps a period inside the sentence and a cause that ends with one', () => {
    assert.equal(quotedCause({ kind: 'protocol', message: 'Version 3.1 is not an RDP answer.' }), 'Version 3.1 is not an RDP answer');
    assert.equal(quotedCause({ kind: 'tls-error', message: 'x.', cause: 'ends.' }), 'ends.');
  });
});
