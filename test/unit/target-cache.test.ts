// targets() and rdpTarget() keep the last document's answer (src/core/rdp/target.ts), not a WeakMap of every
// document linted (issue 16: that kept each document's targets through the young-generation collections).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRdp } from '../../src/core/rdp/parse';
import { rdpTarget, targets } from '../../src/core/rdp/target';

describe('the target of the last document', () => {
  it('answers each document for itself, however the documents are interleaved', () => {
    const a = parseRdp('full address:s:a.contoso.localhost:3390\r\nalternate full address:s:b.contoso.localhost\r\n');
    const b = parseRdp('full address:s:c.contoso.localhost\r\nserver port:i:3391\r\n');
    const hosts = (doc: typeof a): string[] => targets(doc).map((t) => `${t.address.host}:${t.address.port ?? ''}`);
    for (const doc of [a, b, b, a, b, a, a]) {
      assert.deepEqual(hosts(doc), doc === a ? ['a.contoso.localhost:3390', 'b.contoso.localhost:'] : ['c.contoso.localhost:']);
      const target = rdpTarget(doc);
      assert.ok(target.ok);
      assert.deepEqual([target.host, target.port, target.portFrom], doc === a ? ['b.contoso.localhost', 3389, 'default'] : ['c.contoso.localhost', 3391, 'server port']);
    }
  });

  it('asked twice in a row for the same document, gives the same answer without working it out again', () => {
    const doc = parseRdp('full address:s:a.contoso.localhost\r\n');
    assert.equal(targets(doc), targets(doc));
    assert.equal(rdpTarget(doc), rdpTarget(doc));
    const other = parseRdp('full address:s:a.contoso.localhost\r\n');
    assert.notEqual(targets(other), targets(doc));
    assert.deepEqual(targets(other).map((t) => t.address.host), ['a.contoso.localhost']);
  });
});
