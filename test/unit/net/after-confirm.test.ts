import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AfterConfirmReader, describeServerPdu, ultimatumReason, type AfterConfirm } from '../../../src/core/net/after-confirm';

const hex = (s: string): Buffer => Buffer.from(s.replace(/\s/g, ''), 'hex');
/** What xrdp sends when it cannot start TLS: TPKT + X.224 Data + MCS Disconnect Provider Ultimatum (observed here). */
const ULTIMATUM = hex('03 00 00 09 02 f0 80 21 80');
const TLS_ALERT = hex('15 03 03 00 02 02 28');

/** Feeds the bytes in the given pieces, then (optionally) the end of the connection. */
function read(pieces: readonly Buffer[], end?: 'closed' | 'reset'): AfterConfirm | undefined {
  const reader = new AfterConfirmReader();
  let verdict: AfterConfirm | undefined;
  for (const p of pieces) verdict = reader.push(p);
  return end ? reader.end(end) : verdict;
}

/** Every way TCP may cut the bytes in two, and one byte at a time. */
function segmentations(bytes: Buffer): Buffer[][] {
  const out: Buffer[][] = [[bytes]];
  for (let i = 1; i < bytes.length; i++) out.push([bytes.subarray(0, i), bytes.subarray(i)]);
  out.push([...bytes].map((b) => Buffer.from([b])));
  return out;
}

describe('MCS Disconnect Provider Ultimatum [T.125 §7 part 4, PER]', () => {
  it('reads the 3-bit reason after the 6-bit CHOICE index 8', () => {
    assert.equal(ultimatumReason(hex('21 80')), 3); // rn-user-requested, as xrdp and FreeRDP send it
    assert.equal(ultimatumReason(hex('20 80')), 1); // rn-provider-initiated
    assert.equal(ultimatumReason(hex('20 00')), 0);
    assert.equal(ultimatumReason(hex('68 00')), null); // Send Data Indication (index 26)
    assert.equal(ultimatumReason(hex('21')), null);
  });

  it('names the PDU inside a complete TPKT packet', () => {
    assert.deepEqual(describeServerPdu(ULTIMATUM), { kind: 'disconnect', pdu: 'an MCS Disconnect Provider Ultimatum with reason rn-user-requested' });
    assert.deepEqual(describeServerPdu(hex('03 00 00 0b 06 80 00 00 12 34 00')), { kind: 'disconnect', pdu: 'an X.224 Disconnect Request' });
    assert.deepEqual(describeServerPdu(hex('03 00 00 09 02 f0 80 68 00')), { kind: 'rdp-pdu', pdu: 'an MCS PDU of type 26 in an X.224 Data TPDU' });
    assert.equal(describeServerPdu(hex('03 00 00 07 09 f0 80')).kind, 'not-tls');
  });
});

describe('AfterConfirmReader: the same verdict however TCP segments the bytes', () => {
  it('an Ultimatum in one piece, in two at every cut, or byte by byte', () => {
    const expected = read([ULTIMATUM]);
    assert.equal(expected?.kind, 'disconnect');
    for (const pieces of segmentations(ULTIMATUM)) {
      assert.deepEqual(read(pieces), expected, pieces.map((p) => p.toString('hex')).join('|'));
      // The close that follows the Ultimatum changes nothing.
      assert.deepEqual(read(pieces, 'closed'), expected);
    }
  });

  it('waits for the whole TPKT packet before deciding, and no longer', () => {
    assert.equal(read([ULTIMATUM.subarray(0, 8)]), undefined);
    assert.equal(read([ULTIMATUM.subarray(0, 8)], 'closed')?.kind, 'not-tls');
    assert.match((read([ULTIMATUM.subarray(0, 5)], 'closed') as { problem: string }).problem, /closed after 5 bytes of a TPKT packet/);
  });

  it('a close or reset before any byte is a close, whichever comes', () => {
    assert.deepEqual(read([], 'closed'), { kind: 'closed', how: 'closed' });
    assert.deepEqual(read([], 'reset'), { kind: 'closed', how: 'reset' });
  });

  it('a TLS record header hands over to TLS, also when split after its first byte', () => {
    for (const pieces of segmentations(TLS_ALERT)) assert.deepEqual(read(pieces), { kind: 'tls' });
    assert.equal(read([TLS_ALERT.subarray(0, 1)]), undefined);
  });

  it('bytes that are neither a TLS record nor a TPKT packet are named precisely', () => {
    const cases: readonly [string, RegExp][] = [
      ['41414141', /^its first byte 0x41 starts neither a TLS record nor a TPKT packet$/],
      ['17171717', /^0x17 0x17 is not a TLS record header \(the version byte must be 0x03\)$/],
      ['0305000900', /TPKT reserved byte is 0x05/],
      ['0300ffff', /announces 65535 bytes, outside the 7–1024 a packet before TLS may have/],
      ['03000004', /announces 4 bytes/],
    ];
    for (const [bytes, problem] of cases) {
      for (const pieces of segmentations(hex(bytes))) {
        const v = read(pieces);
        assert.equal(v?.kind, 'not-tls', bytes);
        assert.match((v as { problem: string }).problem, problem);
      }
    }
  });

  it('decides once: later bytes and ends do not change the verdict', () => {
    const reader = new AfterConfirmReader();
    reader.push(TLS_ALERT);
    reader.push(ULTIMATUM);
    assert.deepEqual(reader.end('reset'), { kind: 'tls' });
  });
});
