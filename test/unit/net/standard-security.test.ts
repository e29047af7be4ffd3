import assert from 'node:assert/strict';
import { isLoopbackAddress } from '../../../src/core/net/dns';
import { createServer, type Server, type Socket } from 'node:net';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { checkHost } from '../../../src/core/net/index';
import { clientDataBlocks, DATA_BLOCK, encodeConferenceCreateRequest, OFFERED_METHODS, parseConferenceCreateResponse, serverSecurity } from '../../../src/core/net/gcc-conference';
import { encodeConnectInitial, parseConnectResponse } from '../../../src/core/net/mcs-connect';
import { describeStandardSecurity, probeStandardSecurity, type SecurityFailure } from '../../../src/core/net/standard-security';
import type { NetErrorKind } from '../../../src/core/net/types';
import { standardSecurityFindings } from '../../../src/core/net/standard-security-findings';
import { WESTON_RDP4, XRDP_HIGH } from './mcs-fixtures';

const hex = (s: string): Buffer => Buffer.from(s.replace(/\s+/g, ''), 'hex');

function connectInitial(serverSelectedProtocol = 0): Buffer {
  return encodeConnectInitial(encodeConferenceCreateRequest(clientDataBlocks({ serverSelectedProtocol, encryptionMethods: OFFERED_METHODS })));
}

/** A copy of a captured Connect Response with other encryptionMethod/encryptionLevel values. */
function withSecurity(packet: Buffer, method: number, level: number): Buffer {
  const out = Buffer.from(packet);
  const at = out.indexOf(hex('020c'), out.indexOf('McDn'));
  out.writeUInt32LE(method, at + 4);
  out.writeUInt32LE(level, at + 8);
  return out;
}

/** Parses a whole packet down to the two values, or the first problem. */
function read(packet: Buffer): { method: number; level: number } | string {
  const r = parseConnectResponse(packet);
  if (r.kind !== 'response') return r.kind;
  const gcc = parseConferenceCreateResponse(r.userData);
  if (!gcc.ok) return gcc.problem;
  const s = serverSecurity(gcc.blocks);
  return 'problem' in s ? s.problem : s;
}

describe('MCS Connect Initial', () => {
  const pdu = connectInitial();

  it('has the MCS and GCC headers of MS-RDPBCGR 4.1.3 and lengths that agree at every level', () => {
    assert.equal(pdu.readUInt16BE(2), pdu.length, 'TPKT length');
    assert.deepEqual(pdu.subarray(4, 7), hex('02 f0 80'), 'X.224 Data TPDU');
    assert.deepEqual(pdu.subarray(7, 9), hex('7f 65'));
    assert.equal(pdu[9], 0x82);
    assert.equal(pdu.readUInt16BE(10), pdu.length - 12, 'Connect-Initial BER length');
    const domain = hex(`04 01 01 04 01 01 01 01 ff
      30 19 02 01 22 02 01 02 02 01 00 02 01 01 02 01 00 02 01 01 02 02 ff ff 02 01 02
      30 19 02 01 01 02 01 01 02 01 01 02 01 01 02 01 00 02 01 01 02 02 04 20 02 01 02
      30 1c 02 02 ff ff 02 02 fc 17 02 02 ff ff 02 01 01 02 01 00 02 01 01 02 02 ff ff 02 01 02`);
    assert.deepEqual(pdu.subarray(12, 12 + domain.length), domain, 'the domain parameters of the 4.1.3 example');
    const o = 12 + domain.length;
    assert.deepEqual(pdu.subarray(o, o + 2), hex('04 82'));
    assert.equal(pdu.readUInt16BE(o + 2), pdu.length - o - 4, 'userData length');
    const gcc = pdu.subarray(o + 4);
    assert.deepEqual(gcc.subarray(0, 7), hex('00 05 00 14 7c 00 01'), 'T.124 object identifier');
    assert.equal(gcc.readUInt16BE(7) & 0x7fff, gcc.length - 9, 'connectPDU length');
    assert.deepEqual(gcc.subarray(9, 21), hex('00 08 00 10 00 01 c0 00 44 75 63 61'), 'ConferenceCreateRequest with the "Duca" key');
    assert.equal(gcc.readUInt16BE(21) & 0x7fff, gcc.length - 23, 'user data length');
  });

  it('sends core (216 bytes), security (all four methods) and network data (no channels), and replays the selected protocol', () => {
    const blocks = connectInitial(0x1).subarray(-(216 + 12 + 8));
    assert.deepEqual([blocks.readUInt16LE(0), blocks.readUInt16LE(2)], [DATA_BLOCK.CS_CORE, 216]);
    assert.equal(blocks.readUInt32LE(4), 0x00080004, 'RDP 5.0+ version');
    assert.equal(blocks.readUInt32LE(212), 0x1, 'serverSelectedProtocol');
    assert.equal(blocks.toString('utf16le', 24, 44), 'rdp-doctor');
    const sec = blocks.subarray(216);
    assert.deepEqual([sec.readUInt16LE(0), sec.readUInt16LE(2), sec.readUInt32LE(4), sec.readUInt32LE(8)], [DATA_BLOCK.CS_SECURITY, 12, 0x1b, 0]);
    const net = blocks.subarray(228);
    assert.deepEqual([net.readUInt16LE(0), net.readUInt16LE(2), net.readUInt32LE(4)], [DATA_BLOCK.CS_NET, 8, 0]);
  });
});

describe('MCS Connect Response', () => {
  it('reads real answers: xrdp crypt_level=high and weston with an RDP4 key', () => {
    assert.deepEqual(read(XRDP_HIGH), { method: 0x2, level: 3 });
    assert.deepEqual(read(WESTON_RDP4), { method: 0, level: 0 });
    assert.deepEqual(read(withSecurity(XRDP_HIGH, 0x10, 4)), { method: 0x10, level: 4 });
  });

  it('a refusal and a Disconnect Provider Ultimatum are told apart from a response', () => {
    const refused = Buffer.from(XRDP_HIGH);
    refused[XRDP_HIGH.indexOf(hex('0a 01 00')) + 2] = 14;
    const r = parseConnectResponse(refused);
    assert.equal(r.kind === 'response' && r.result, 14);
    assert.deepEqual(parseConnectResponse(hex('03 00 00 09 02 f0 80 21 80')), { kind: 'other-mcs', firstByte: 0x21 });
    assert.equal(parseConnectResponse(hex('03 00 00 0b 06 d0 00 00 12 34 00')).kind, 'invalid');
  });

  it('every truncation of a real answer is a problem, never a throw', () => {
    for (const packet of [XRDP_HIGH, WESTON_RDP4]) {
      const end = packet.indexOf(hex('020c'), packet.indexOf('McDn')) + 12;
      for (let n = 7; n < end; n++) {
        const cut = Buffer.from(packet.subarray(0, n));
        cut.writeUInt16BE(n, 2);
        assert.equal(typeof read(cut), 'string', `cut at ${n}`);
      }
    }
  });

  it('random bytes after a valid header never throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (tail) => {
        const packet = Buffer.concat([hex('03 00 00 00 02 f0 80 7f 66'), tail]);
        packet.writeUInt16BE(packet.length, 2);
        read(packet);
      }),
    );
  });
});

describe('NET014 from the Server Security Data', () => {
  const cases: readonly [string, number, number, 'error' | 'warning' | 'info' | null, RegExp | null][] = [
    ['none/none (weston)', 0x0, 0, 'error', /encrypts nothing .*level none, method none/],
    ['40-bit at level low (xrdp low)', 0x1, 1, 'warning', /level is low .*40-bit RC4/],
    ['128-bit at level low', 0x2, 1, 'warning', /level is low: only client-to-server data is encrypted \(128-bit RC4\)/],
    ['40-bit at client-compatible (xrdp medium)', 0x1, 2, 'warning', /selected 40-bit RC4 .*level client-compatible/],
    ['56-bit at high', 0x8, 3, 'warning', /selected 56-bit RC4/],
    ['FIPS (xrdp fips)', 0x10, 4, 'info', /FIPS 140-1 .*level fips, method FIPS/],
    ['128-bit at high (xrdp high)', 0x2, 3, null, null],
    ['128-bit at client-compatible', 0x2, 2, null, null],
  ];
  for (const [name, method, level, severity, message] of cases) {
    it(`${name}: ${severity ?? 'no finding'}`, () => {
      const findings = standardSecurityFindings(method, level);
      if (severity === null) return assert.deepEqual(findings, []);
      assert.equal(findings.length, 1);
      assert.equal(findings[0]!.ruleId, 'NET014');
      assert.equal(findings[0]!.severity, severity);
      assert.match(findings[0]!.message, message!);
      assert.match(findings[0]!.message, /^[A-Z].*\.$/, 'sentence case, ends with a period');
    });
  }

  it('over loopback, nothing encrypted is a warning that says a FreeRDP-based server does that for a local client only', () => {
    const [finding] = standardSecurityFindings(0x0, 0, true);
    assert.equal(finding!.severity, 'warning');
    assert.match(finding!.message, /encrypted nothing for this check .*ran over loopback: FreeRDP-based servers .* turn encryption off for a client on the same machine only/);
    // Other verdicts do not depend on where the check ran from.
    assert.deepEqual(standardSecurityFindings(0x1, 1, true), standardSecurityFindings(0x1, 1));
  });

  it('tells loopback addresses from the others', () => {
    for (const a of ['127.0.0.1', '127.5.6.7', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1']) assert.equal(isLoopbackAddress(a), true, a);
    for (const a of ['10.0.0.1', '128.0.0.1', '::2', '1::1', '::', '::ffff:10.0.0.1']) assert.equal(isLoopbackAddress(a), false, a);
  });

  it('names methods and levels for JSON, keeping unknown values visible', () => {
    assert.deepEqual(describeStandardSecurity(0x2, 3), { encryptionMethod: '128-bit RC4', encryptionLevel: 'high' });
    assert.deepEqual(describeStandardSecurity(0x10, 4), { encryptionMethod: 'FIPS', encryptionLevel: 'fips' });
    assert.deepEqual(describeStandardSecurity(0x20, 9), { encryptionMethod: 'unknown (0x00000020)', encryptionLevel: 'unknown (9)' });
  });
});

/** A listener that selects PROTOCOL_RDP (or sends a legacy Confirm) and then answers the Connect Initial as told. */
async function fakeServer(
  answerMcs: (socket: Socket, connectInitial: Buffer) => void,
  legacy = false,
  withConfirm: Buffer = Buffer.alloc(0),
): Promise<{ port: number; server: Server; initials: Buffer[] }> {
  const initials: Buffer[] = [];
  const confirm = legacy ? hex('03 00 00 0b 06 d0 00 00 12 34 00') : hex('03 00 00 13 0e d0 00 00 12 34 00 02 01 08 00 00 00 00 00');
  const server = createServer((socket) => {
    socket.on('error', () => undefined);
    let buf = Buffer.alloc(0);
    let confirmed = false;
    socket.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      if (!confirmed && buf.length >= 19) {
        confirmed = true;
        buf = buf.subarray(19);
        socket.write(Buffer.concat([confirm, withConfirm]));
      }
      if (confirmed && buf.length >= 4 && buf.length >= buf.readUInt16BE(2)) {
        initials.push(buf);
        answerMcs(socket, buf);
        buf = Buffer.alloc(0);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, server, initials };
}

describe('Standard RDP Security over a socket', () => {
  const servers: Server[] = [];
  after(() => servers.forEach((s) => s.close()));
  async function probe(answerMcs: (socket: Socket) => void, timeoutMs = 1000, legacy = false) {
    const f = await fakeServer(answerMcs, legacy);
    servers.push(f.server);
    return { result: await probeStandardSecurity('127.0.0.1', f.port, () => ({ timeoutMs })), initials: f.initials };
  }

  it('reads the answer even when it arrives one byte at a time, after sending exactly the Connect Initial', async () => {
    const { result, initials } = await probe((s) => {
      let i = 0;
      const next = (): void => void (i < XRDP_HIGH.length && s.write(XRDP_HIGH.subarray(i, ++i), next));
      next();
    });
    assert.deepEqual(result.reading, { ok: true, method: 0x2, level: 3 });
    assert.deepEqual(initials[0], connectInitial(0));
  });

  it('a legacy Confirm (no negotiation data) also continues to the Connect Initial', async () => {
    const { result } = await probe((s) => s.write(withSecurity(XRDP_HIGH, 0x1, 1)), 1000, true);
    assert.equal(result.confirm?.kind, 'legacy');
    assert.deepEqual(result.reading, { ok: true, method: 0x1, level: 1 });
  });

  const failures: readonly [string, (s: Socket) => void, SecurityFailure, NetErrorKind, RegExp][] = [
    ['closes', (s) => s.end(), 'ended', 'closed', /closed the connection without answering the MCS Connect Initial/],
    ['resets', (s) => s.resetAndDestroy(), 'ended', 'reset', /^The server reset the connection instead of answering the MCS Connect Initial\.$/],
    ['sends half and closes', (s) => s.end(XRDP_HIGH.subarray(0, 40)), 'ended', 'closed', /closed the connection in the middle of/],
    ['sends garbage', (s) => s.write(Buffer.from('HTTP/1.1 400 Bad Request\r\n\r\n')), 'malformed', 'protocol', /not an MCS Connect Response: the reply starts with "HTTP\/1\.1 400 Bad Request\\r\\n\\r\\n" \(0x48\)/],
    ['sends a Disconnect Provider Ultimatum', (s) => s.write(hex('03 00 00 09 02 f0 80 21 80')), 'ended', 'protocol', /^The server sent an MCS Disconnect Provider Ultimatum with reason rn-user-requested instead of an MCS Connect Response\.$/],
    ['sends an X.224 Disconnect Request', (s) => s.write(hex('03 00 00 0b 06 80 00 00 12 34 00')), 'ended', 'protocol', /sent an X\.224 Disconnect Request instead of an MCS Connect Response/],
    ['sends another MCS PDU', (s) => s.write(hex('03 00 00 08 02 f0 80 04')), 'malformed', 'protocol', /another MCS PDU \(first byte 0x4\)/],
    ['refuses with an MCS result', (s) => {
      const refused = Buffer.from(XRDP_HIGH);
      refused[refused.indexOf(hex('0a0100')) + 2] = 14;
      s.write(refused);
    }, 'ended', 'protocol', /refused the MCS Connect Initial with rt-unspecified-failure/],
    ['announces a block longer than the data', (s) => {
      const bad = Buffer.from(XRDP_HIGH);
      bad.writeUInt16LE(0xfff0, bad.indexOf(hex('020c'), bad.indexOf('McDn')) + 2);
      s.write(bad);
    }, 'malformed', 'protocol', /malformed: the server data block 0xc02 announces 65520 bytes/],
    ['never answers', () => undefined, 'timeout', 'timeout', /no MCS Connect Response within 150 ms/],
  ];
  for (const [name, answer, failure, kind, message] of failures) {
    it(`a server that ${name}: ${failure}, a classified error`, async () => {
      const { result } = await probe(answer, 150);
      assert.equal(result.reading?.ok, false);
      assert.ok(result.reading && !result.reading.ok);
      assert.equal(result.reading.failure, failure);
      assert.equal(result.reading.error.kind, kind);
      assert.match(result.reading.error.message, message);
    });
  }

  it('an Ultimatum in the segment of the Confirm is read as the answer, and no Connect Initial is sent', async () => {
    const f = await fakeServer(() => undefined, false, hex('03 00 00 09 02 f0 80 21 80'));
    servers.push(f.server);
    const result = await probeStandardSecurity('127.0.0.1', f.port, () => ({ timeoutMs: 1000 }));
    assert.equal(result.confirm?.kind, 'response');
    assert.ok(result.reading && !result.reading.ok);
    assert.equal(result.reading.failure, 'ended');
    assert.match(result.reading.error.message, /Disconnect Provider Ultimatum with reason rn-user-requested/);
    assert.deepEqual(f.initials, []);
  });
});

describe('checkHost and Standard RDP Security', () => {
  it('a server that selects Standard RDP Security for every request: NET012, NET014 and standardSecurity in the result', async () => {
    const f = await fakeServer((s) => s.write(withSecurity(XRDP_HIGH, 0x1, 2)));
    try {
      const r = await checkHost({ target: `127.0.0.1:${f.port}`, host: '127.0.0.1', port: f.port }, { timeoutMs: 1000 });
      assert.deepEqual(r.standardSecurity, { encryptionMethod: '40-bit RC4', encryptionLevel: 'client-compatible' });
      assert.deepEqual(r.findings.map((x) => x.ruleId).sort(), ['NET011', 'NET012', 'NET014']);
      assert.equal(r.steps.negotiation.status, 'warning');
      assert.equal(f.initials.length, 1, 'one Connect Initial, on the connection that asked for PROTOCOL_RDP alone');
      const off = await checkHost({ target: `127.0.0.1:${f.port}`, host: '127.0.0.1', port: f.port }, { timeoutMs: 1000, severities: { NET014: 'error' } });
      assert.equal(off.findings.find((x) => x.ruleId === 'NET014')?.severity, 'error');
    } finally {
      f.server.close();
    }
  });

  it('a legacy server (Confirm without negotiation data) is asked too, on one more connection', async () => {
    const f = await fakeServer((s) => s.write(withSecurity(XRDP_HIGH, 0x2, 3)), true);
    try {
      const r = await checkHost({ target: `127.0.0.1:${f.port}`, host: '127.0.0.1', port: f.port }, { timeoutMs: 1000 });
      assert.equal(r.negotiation?.legacy, true);
      assert.deepEqual(r.standardSecurity, { encryptionMethod: '128-bit RC4', encryptionLevel: 'high' });
      assert.ok(!r.findings.some((x) => x.ruleId === 'NET014'), 'High with 128-bit RC4 is not weak');
      assert.equal(r.negotiation?.connections, 2);
    } finally {
      f.server.close();
    }
  });

  it('a server that selects Standard RDP Security and then never answers the Connect Initial: not determined (null), not refused; a NET013 error that says so', async () => {
    const f = await fakeServer(() => undefined);
    try {
      const r = await checkHost({ target: `127.0.0.1:${f.port}`, host: '127.0.0.1', port: f.port }, { timeoutMs: 200 });
      assert.equal(r.standardSecurity, null);
      assert.deepEqual([r.negotiation?.selected, r.negotiation?.rdp, r.negotiation?.nlaRequired], ['RDP', null, null]);
      assert.deepEqual(r.findings.map((x) => [x.ruleId, x.severity]).sort(), [['NET012', 'warning'], ['NET013', 'error']]);
      assert.match(r.findings.find((x) => x.ruleId === 'NET013')!.message, /^The server selected Standard RDP Security but did not answer the MCS Connect Initial in time\. The server sent no MCS Connect Response within 200 ms\. .*is not known\.$/);
      assert.match(r.steps.negotiation.detail, /^Selected Standard RDP Security, but the MCS Connect Initial got no answer in time\. .*Not determined \(no answer\): Standard RDP Security/);
      assert.doesNotMatch(r.steps.negotiation.detail, /Refuses[^.]*Standard RDP Security/);
      assert.ok(r.timings.totalMs < 600, String(r.timings.totalMs));
    } finally {
      f.server.close();
    }
  });

  const gaveUp: readonly [string, (s: Socket) => void, RegExp][] = [
    ['closes after the Connect Initial', (s) => s.end(), /closed the connection without answering the MCS Connect Initial/],
    ['resets after the Connect Initial', (s) => s.resetAndDestroy(), /reset the connection instead of answering the MCS Connect Initial/],
    ['sends the Ultimatum', (s) => s.end(hex('03 00 00 09 02 f0 80 21 80')), /sent an MCS Disconnect Provider Ultimatum with reason rn-user-requested/],
  ];
  for (const [name, answer, what] of gaveUp) {
    it(`a server that selects Standard RDP Security and ${name}: Standard RDP Security not usable, a NET013 error, exit-worthy`, async () => {
      const f = await fakeServer(answer);
      try {
        const r = await checkHost({ target: `127.0.0.1:${f.port}`, host: '127.0.0.1', port: f.port }, { timeoutMs: 1000 });
        assert.equal(r.standardSecurity, null);
        assert.deepEqual([r.negotiation?.selected, r.negotiation?.rdp, r.negotiation?.nlaRequired], ['RDP', false, null]);
        assert.deepEqual(r.findings.map((x) => [x.ruleId, x.severity]).sort(), [['NET012', 'warning'], ['NET013', 'error']]);
        const net013 = r.findings.find((x) => x.ruleId === 'NET013')!.message;
        assert.match(net013, /^The server selected Standard RDP Security but could not go on with it, so no client can connect with it\. /);
        assert.match(net013, what);
        assert.equal(r.steps.negotiation.status, 'error');
        assert.match(r.steps.negotiation.detail, /^Selected Standard RDP Security, but it cannot be used\./);
        assert.doesNotMatch(r.steps.negotiation.detail, /Accepts/);
      } finally {
        f.server.close();
      }
    });
  }

  it('a server that answers the Connect Initial with bytes no client reads: NET004, Standard RDP Security not usable', async () => {
    const f = await fakeServer((s) => s.write(Buffer.from('HTTP/1.1 400 Bad Request\r\n\r\n')));
    try {
      const r = await checkHost({ target: `127.0.0.1:${f.port}`, host: '127.0.0.1', port: f.port }, { timeoutMs: 1000 });
      assert.equal(r.negotiation?.rdp, false);
      const net004 = r.findings.filter((x) => x.ruleId === 'NET004');
      assert.equal(net004.length, 1, JSON.stringify(r.findings));
      assert.match(net004[0]!.message, /^The server selected Standard RDP Security but did not answer the MCS Connect Initial with a valid MCS Connect Response, so no client can go on\. The reply is not an MCS Connect Response: /);
    } finally {
      f.server.close();
    }
  });
});
