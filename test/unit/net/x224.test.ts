import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TpktReader } from '../../../src/core/net/tpkt';
import { encodeConnectionRequest, parseConnectionConfirm, PROTOCOL, CONFIRM_MAX_LENGTH, CONFIRM_MIN_LENGTH } from '../../../src/core/net/x224';

const hex = (s: string): Buffer => Buffer.from(s.replace(/\s+/g, ''), 'hex');

describe('X.224 Connection Request', () => {
  it('reproduces MS-RDPBCGR 4.1.1 (cookie "eltons", PROTOCOL_RDP)', () => {
    const expected = hex(`03 00 00 2c 27 e0 00 00 00 00 00
      43 6f 6f 6b 69 65 3a 20 6d 73 74 73 68 61 73 68 3d 65 6c 74 6f 6e 73 0d 0a
      01 00 08 00 00 00 00 00`);
    assert.deepEqual(encodeConnectionRequest(PROTOCOL.RDP, { cookie: 'eltons' }), expected);
  });

  it('encodes the probe request without cookie for SSL|HYBRID|HYBRID_EX (0x0B) and SSL|HYBRID (0x03)', () => {
    assert.deepEqual(encodeConnectionRequest(0x0b), hex('03 00 00 13 0e e0 00 00 00 00 00 01 00 08 00 0b 00 00 00'));
    assert.deepEqual(encodeConnectionRequest(0x03), hex('03 00 00 13 0e e0 00 00 00 00 00 01 00 08 00 03 00 00 00'));
    assert.deepEqual(encodeConnectionRequest(0x0b, { cookie: 'eltons' }).subarray(-4), hex('0b 00 00 00'));
  });

  it('keeps line breaks out of the cookie and writes the RDP_NEG_REQ flags', () => {
    const req = encodeConnectionRequest(0x01, { cookie: 'a\r\nb', flags: 0x01 });
    const cookie = 'Cookie: mstshash=ab\r\n';
    assert.equal(req.toString('latin1', 11, 11 + cookie.length), cookie);
    assert.equal(req[req.length - 7], 0x01);
    assert.equal(req.readUInt16BE(2), req.length);
    assert.equal(req[4], req.length - 5);
  });
});

describe('X.224 Connection Confirm', () => {
  it('parses MS-RDPBCGR 4.1.2 (selects PROTOCOL_RDP)', () => {
    assert.deepEqual(parseConnectionConfirm(hex('03 00 00 13 0e d0 00 00 12 34 00 02 00 08 00 00 00 00 00')), { kind: 'response', flags: 0, selectedProtocol: 0 });
  });

  it('parses a TLS selection, HYBRID_EX with flags 0x0F, a failure and a legacy Confirm', () => {
    assert.deepEqual(parseConnectionConfirm(hex('03 00 00 13 0e d0 00 00 12 34 00 02 00 08 00 01 00 00 00')), { kind: 'response', flags: 0, selectedProtocol: 1 });
    assert.deepEqual(parseConnectionConfirm(hex('03 00 00 13 0e d0 00 00 12 34 00 02 0f 08 00 08 00 00 00')), { kind: 'response', flags: 0x0f, selectedProtocol: 8 });
    assert.deepEqual(parseConnectionConfirm(hex('03 00 00 13 0e d0 00 00 12 34 00 03 00 08 00 05 00 00 00')), {
      kind: 'failure',
      failureCode: 5,
      name: 'HYBRID_REQUIRED_BY_SERVER',
    });
    assert.deepEqual(parseConnectionConfirm(hex('03 00 00 0b 06 d0 00 00 12 34 00')), { kind: 'legacy' });
  });

  it('names every failure code of MS-RDPBCGR 2.2.1.2.2 and an unknown one', () => {
    const names = [1, 2, 3, 4, 5, 6, 0x99].map((code) => {
      const packet = hex('03 00 00 13 0e d0 00 00 12 34 00 03 00 08 00 00 00 00 00');
      packet.writeUInt32LE(code, 15);
      const c = parseConnectionConfirm(packet);
      return c.kind === 'failure' ? c.name : c.kind;
    });
    assert.deepEqual(names, [
      'SSL_REQUIRED_BY_SERVER', 'SSL_NOT_ALLOWED_BY_SERVER', 'SSL_CERT_NOT_ON_SERVER', 'INCONSISTENT_FLAGS',
      'HYBRID_REQUIRED_BY_SERVER', 'SSL_WITH_USER_AUTH_REQUIRED_BY_SERVER', 'UNKNOWN_FAILURE_0x99',
    ]);
  });

  const rejects: readonly [string, string, RegExp][] = [
    ['not TPKT', '16 03 01 00 13 0e d0 00 00 12 34 00 02 00 08 00 01 00 00 00', /not a TPKT header/],
    ['reserved byte set', '03 01 00 13 0e d0 00 00 12 34 00 02 00 08 00 01 00 00 00', /reserved byte/],
    ['TPKT length disagrees with the bytes', '03 00 00 14 0e d0 00 00 12 34 00 02 00 08 00 01 00 00 00', /announces 20 bytes but 19 arrived/],
    ['LI disagrees with TPKT', '03 00 00 13 06 d0 00 00 12 34 00 02 00 08 00 01 00 00 00', /length indicator 6/],
    ['Connection Request instead of Confirm', '03 00 00 13 0e e0 00 00 12 34 00 02 00 08 00 01 00 00 00', /X.224 code is 0xE0/],
    ['negotiation length 9', '03 00 00 13 0e d0 00 00 12 34 00 02 00 09 00 01 00 00 00', /negotiation data length is 9/],
    ['unknown negotiation type', '03 00 00 13 0e d0 00 00 12 34 00 07 00 08 00 01 00 00 00', /type is 0x07/],
    ['too short', '03 00 00 07 02 d0 00', /too short/],
    ['15 bytes', '03 00 00 0f 0a d0 00 00 12 34 00 02 00 08 00', /neither 11 nor 19/],
  ];
  for (const [label, bytes, problem] of rejects) {
    it(`rejects ${label}`, () => {
      const c = parseConnectionConfirm(hex(bytes));
      assert.equal(c.kind, 'invalid');
      assert.match((c as { problem: string }).problem, problem);
    });
  }

  it('never throws on arbitrary bytes (fast-check)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const c = parseConnectionConfirm(bytes);
        assert.ok(['response', 'failure', 'legacy', 'invalid'].includes(c.kind));
      }),
      { numRuns: 2000 },
    );
  });

  it('only accepts what it can re-encode: any valid answer has a consistent header (fast-check)', () => {
    const header = fc.tuple(fc.constantFrom(11, 19), fc.uint8Array({ minLength: 15, maxLength: 15 }));
    fc.assert(
      fc.property(header, ([length, body]) => {
        const packet = Buffer.concat([Buffer.from([3, 0, 0, length]), Buffer.from(body)]).subarray(0, length);
        const c = parseConnectionConfirm(packet);
        if (c.kind !== 'invalid') {
          assert.equal(packet[4]! + 5, length);
          assert.equal(packet[5]! & 0xf0, 0xd0);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('TPKT reader', () => {
  const packet = hex('03 00 00 13 0e d0 00 00 12 34 00 02 00 08 00 01 00 00 00');

  it('assembles a packet split at every position, and at every byte', () => {
    for (let cut = 1; cut < packet.length; cut++) {
      const reader = new TpktReader(CONFIRM_MIN_LENGTH, CONFIRM_MAX_LENGTH);
      assert.equal(reader.push(packet.subarray(0, cut)).state, 'need-more');
      const done = reader.push(packet.subarray(cut));
      assert.equal(done.state, 'packet');
      assert.deepEqual((done as { packet: Buffer }).packet, packet);
    }
    const reader = new TpktReader(CONFIRM_MIN_LENGTH, CONFIRM_MAX_LENGTH);
    let state = reader.push(packet.subarray(0, 1));
    for (let i = 1; i < packet.length; i++) state = reader.push(packet.subarray(i, i + 1));
    assert.equal(state.state, 'packet');
  });

  it('judges the header as soon as its bytes arrive', () => {
    assert.equal(new TpktReader(11, 19).push(Buffer.from('H')).state, 'invalid');
    assert.equal(new TpktReader(11, 19).push(hex('03 05')).state, 'invalid');
    const big = new TpktReader(11, 19).push(hex('03 00 ff ff'));
    assert.equal(big.state, 'invalid');
    assert.match((big as { problem: string }).problem, /announces 65535 bytes/);
    assert.equal(new TpktReader(11, 19).push(hex('03 00 00 04')).state, 'invalid');
  });

  it('tells whether bytes followed the packet, keeping at most one of them', () => {
    const state = new TpktReader(11, 19).push(Buffer.concat([packet, hex('16 03 01')]));
    assert.deepEqual((state as { rest: Buffer }).rest, hex('16'));
  });

  it('never keeps more than the cap, whatever arrives (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 30 }), (chunks) => {
        const reader = new TpktReader(11, 19);
        for (const chunk of chunks) {
          const state = reader.push(Buffer.from(chunk));
          if (state.state === 'packet') assert.ok(state.packet.length >= 11 && state.packet.length <= 19 && state.rest.length <= 1);
          if (state.state === 'need-more') assert.ok(state.want === null || (state.want >= 11 && state.want <= 19));
        }
      }),
      { numRuns: 1000 },
    );
  });
});
