import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeNegotiateMessage, filetimeToIso, parseChallengeMessage, PROBE_NEGOTIATE_FLAGS } from '../../../src/core/net/ntlm';
import { ntlmFindings } from '../../../src/core/net/ntlm-findings';
import { workgroupEvidence } from '../../../src/core/net/ntlm-membership';
import { derElementLength, encodeTsRequest, parseTsRequest } from '../../../src/core/net/tsrequest';
import { windowsChallenge } from './ntlm-fixtures';

const hex = (s: string): Buffer => Buffer.from(s.replace(/\s+/g, ''), 'hex');

/** MS-NLMP 4.2.4.3, the NTLMv2 example's CHALLENGE_MESSAGE: target "Server", target info Domain/Server, version 6.0.6000. */
const SPEC_CHALLENGE = hex(`
  4e544c4d53535000 02000000 0c000c00 38000000 33828ae2 0123456789abcdef 0000000000000000 24002400 44000000
  0600701700000 00f
  530065007200760065007200
  02000c00 44006f006d00610069006e00
  01000c00 530065007200760065007200
  00000000`);

describe('NTLM NEGOTIATE_MESSAGE (MS-NLMP 2.2.1.1)', () => {
  it('is the 40-byte message nmap rdp-ntlm-info sends: flags 0xE20882B7, empty domain and workstation, a version', () => {
    const m = encodeNegotiateMessage();
    assert.equal(m.length, 40);
    // nmap scripts/rdp-ntlm-info.nse: 4E544C4D53535000 01000000 B78208E2 then two empty fields at offset 0x28 and version 6.1.7601 r15.
    assert.deepEqual(m, hex('4e544c4d53535000 01000000 b78208e2 0000000028000000 0000000028000000 0601b11d0000000f'));
    assert.equal(PROBE_NEGOTIATE_FLAGS, 0xe20882b7);
  });
});

describe('TSRequest (MS-CSSP 2.2.1), DER', () => {
  it('wraps the NEGOTIATE in version 6, negoTokens [1] SEQUENCE OF SEQUENCE { [0] OCTET STRING }', () => {
    const der = encodeTsRequest(encodeNegotiateMessage());
    // The header nmap sends (version 0x60 there) and FreeRDP-compatible clients send with version 6.
    assert.deepEqual(der.subarray(0, 17), hex('3037 a003020106 a130 302e 302c a02a 0428'));
    assert.deepEqual(der.subarray(17), encodeNegotiateMessage());
    assert.equal(derElementLength(der), der.length);
  });

  it('reads back its own encoding, and a server reply with an errorCode and no token', () => {
    const token = Buffer.from('abc');
    assert.deepEqual(parseTsRequest(encodeTsRequest(token, 3)), { ok: true, version: 3, negoToken: token, errorCode: null });
    // SEQUENCE { [0] INTEGER 6, [4] INTEGER 0xC000006D (STATUS_LOGON_FAILURE) }, as a negative 4-byte and a positive 5-byte INTEGER.
    const failed = { ok: true, version: 6, negoToken: null, errorCode: 0xc000006d };
    assert.deepEqual(parseTsRequest(hex('300d a003020106 a406 0204c000006d')), failed);
    assert.deepEqual(parseTsRequest(hex('300e a003020106 a407 020500c000006d')), failed);
  });

  it('says when more bytes are needed, and refuses what cannot be a TSRequest, without throwing', () => {
    const der = encodeTsRequest(encodeNegotiateMessage());
    for (let cut = 0; cut < der.length; cut++) assert.equal(derElementLength(der.subarray(0, cut)), 'need-more', `cut at ${cut}`);
    assert.ok(typeof derElementLength(hex('160301')) === 'object', 'a TLS record is not a TSRequest');
    assert.ok(typeof derElementLength(hex('3084ffffffff')) === 'object', 'a 4-byte length is refused');
    assert.ok(typeof derElementLength(hex('3083100000')) === 'object', 'over 64 KiB is refused');
    for (const garbage of [hex(''), hex('30'), hex('3003020106'), hex('3005a003020106ff'), hex('0500'), hex('3002a000'), Buffer.alloc(64, 0xff)]) {
      const r = parseTsRequest(garbage);
      assert.equal(r.ok, false, garbage.toString('hex'));
    }
    for (let cut = 1; cut < der.length; cut++) assert.equal(parseTsRequest(der.subarray(0, cut)).ok, false, `cut at ${cut}`);
  });
});

describe('NTLM CHALLENGE_MESSAGE (MS-NLMP 2.2.1.2, AV pairs 2.2.2.1)', () => {
  it('reads the MS-NLMP 4.2.4.3 example: NetBIOS names from the target info, version 6.0.6000, no timestamp', () => {
    const r = parseChallengeMessage(SPEC_CHALLENGE);
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.flags, 0xe28a8233);
    assert.deepEqual(r.info, {
      netbiosComputer: 'Server', netbiosDomain: 'Domain', dnsComputer: null, dnsDomain: null, dnsTree: null, productVersion: '6.0.6000', serverTime: null,
    });
  });

  it('reads every field nmap prints from a Windows-style challenge, the FILETIME as an ISO date', () => {
    const r = parseChallengeMessage(windowsChallenge({ timestamp: 133_000_000_000_000_000n }));
    assert.ok(r.ok);
    assert.deepEqual(r.info, {
      netbiosComputer: 'RDSH01', netbiosDomain: 'CONTOSO', dnsComputer: 'rdsh01.contoso.com', dnsDomain: 'contoso.com', dnsTree: 'contoso.com',
      productVersion: '10.0.17763', serverTime: '2022-06-18T04:26:40.000Z',
    });
  });

  it('a zero MsvAvTimestamp is no clock reading: serverTime null, not 1601-01-01, and no NET041 [MS-NLMP 2.2.2.1]', () => {
    const r = parseChallengeMessage(windowsChallenge({ timestamp: 0n }));
    assert.ok(r.ok);
    assert.equal(r.info.serverTime, null);
    assert.equal(r.info.dnsComputer, 'rdsh01.contoso.com', 'the other fields are still read');
    assert.deepEqual(ntlmFindings(r.info, null, new Date()).filter((f) => f.ruleId === 'NET041'), []);
    // One tick past the epoch is a clock value, however wrong.
    const tick = parseChallengeMessage(windowsChallenge({ timestamp: 1n }));
    assert.ok(tick.ok);
    assert.equal(tick.info.serverTime, '1601-01-01T00:00:00.000Z');
  });

  it('FILETIME: the 1601 epoch, the Unix epoch, and values Date cannot hold', () => {
    assert.equal(filetimeToIso(0, 0), '1601-01-01T00:00:00.000Z');
    // 116444736000000000 = 0x019DB1DED53E8000 is 1970-01-01 [MS-DTYP 2.3.3 arithmetic].
    assert.equal(filetimeToIso(0xd53e8000, 0x019db1de), '1970-01-01T00:00:00.000Z');
    assert.equal(filetimeToIso(0xffffffff, 0xffffffff), null);
  });

  it('refuses truncated or inconsistent messages at every length, never throwing', () => {
    const good = windowsChallenge();
    for (let cut = 0; cut < good.length; cut++) {
      const r = parseChallengeMessage(good.subarray(0, cut));
      assert.equal(r.ok, false, `cut at ${cut}`);
    }
    const wrongType = Buffer.from(good);
    wrongType.writeUInt32LE(3, 8);
    assert.match((parseChallengeMessage(wrongType) as { problem: string }).problem, /type is 3/);
    const overlong = Buffer.from(good);
    overlong.writeUInt16LE(0xffff, 40);
    assert.match((parseChallengeMessage(overlong) as { problem: string }).problem, /runs past the end/);
    const badPair = Buffer.from(good);
    badPair.writeUInt16LE(0x7fff, 58); // first AV pair's length
    assert.match((parseChallengeMessage(badPair) as { problem: string }).problem, /past the end/);
    assert.equal(parseChallengeMessage(Buffer.alloc(100)).ok, false);
    // Random bytes after a valid signature and type: a classified problem or a result, never an exception.
    let seed = 7;
    for (let i = 0; i < 500; i++) {
      const b = Buffer.alloc(48 + (i % 80));
      for (let j = 0; j < b.length; j++) b[j] = (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
      good.copy(b, 0, 0, 12);
      assert.doesNotThrow(() => parseChallengeMessage(b));
    }
  });
});

describe('a workgroup computer from its CHALLENGE (MS-NLMP 2.2.2.5 target types, 2.2.2.1 MsvAvDnsTreeName)', () => {
  const read = (message: Buffer): ReturnType<typeof workgroupEvidence> => {
    const r = parseChallengeMessage(message);
    assert.ok(r.ok);
    return workgroupEvidence(r.info, r.flags);
  };
  const TARGET_TYPE_DOMAIN = 0x00010000;
  const TARGET_TYPE_SERVER = 0x00020000;

  it('a Windows computer in no domain: the server target type, its own name as the domain, no forest', () => {
    assert.deepEqual(read(windowsChallenge({ workgroup: 'desktop-1', flags: 0xe28a8215 })), { name: 'DESKTOP-1' });
  });

  it("FreeRDP's winpr server (the shadow server on a host named vm): no target type, so no evidence — a FreeRDP 3 server with a keytab accepts Kerberos (a session 19 review)", () => {
    assert.equal(read(windowsChallenge({ workgroup: 'vm' })), undefined);
  });

  it('a domain member, or anything less clear, is no workgroup', () => {
    assert.equal(read(windowsChallenge()), undefined, 'CONTOSO\\RDSH01 in the forest contoso.com');
    assert.equal(read(windowsChallenge({ workgroup: 'vm', flags: 0xe2888215 | TARGET_TYPE_DOMAIN })), undefined, 'the domain flag wins over matching names');
    // MS-NLMP's own example sets the server type beside a NetBIOS domain "Domain": not enough on its own.
    assert.equal(read(SPEC_CHALLENGE), undefined);
    assert.equal((parseChallengeMessage(SPEC_CHALLENGE) as { flags: number }).flags & TARGET_TYPE_SERVER, TARGET_TYPE_SERVER);
    const info = { netbiosComputer: 'VM', netbiosDomain: 'VM', dnsComputer: 'vm', dnsDomain: 'vm', dnsTree: null, productVersion: null, serverTime: null };
    assert.equal(workgroupEvidence({ ...info, dnsTree: 'contoso.com' }, TARGET_TYPE_SERVER), undefined, 'a forest is a domain');
    assert.equal(workgroupEvidence({ ...info, netbiosDomain: null }, TARGET_TYPE_SERVER), undefined, 'no NetBIOS domain: not shown');
    assert.equal(workgroupEvidence({ ...info, netbiosDomain: 'WORKGROUP' }, TARGET_TYPE_SERVER), undefined);
    assert.deepEqual(workgroupEvidence({ ...info, netbiosDomain: 'vm' }, TARGET_TYPE_SERVER), { name: 'VM' }, 'NetBIOS names compare without case');
    assert.equal(workgroupEvidence(info, 0), undefined, 'no target type: no evidence');
  });
});

describe('NET040 and NET041 from the NTLM facts', () => {
  const info = { netbiosComputer: 'RDSH01', netbiosDomain: 'CONTOSO', dnsComputer: 'rdsh01.contoso.com', dnsDomain: 'contoso.com', dnsTree: 'contoso.com', productVersion: '10.0.17763', serverTime: '2026-01-01T12:00:00.000Z' };
  const now = new Date('2026-01-01T12:00:00.000Z');
  const names = (dnsNames: string[], commonNames: string[] = []): { commonNames: string[]; dnsNames: string[]; ipAddresses: string[] } => ({ commonNames, dnsNames, ipAddresses: [] });
  const ids = (f: { ruleId: string }[]): string[] => f.map((x) => x.ruleId);

  it('NET040 when the DNS name is in neither the SANs nor the CN; a wildcard SAN or the CN counts', () => {
    assert.deepEqual(ids(ntlmFindings(info, names(['rdsh.contoso.com'], ['rdsh.contoso.com']), now)), ['NET040']);
    assert.match(ntlmFindings(info, names(['rdsh.contoso.com']), now)[0]!.message, /"rdsh01\.contoso\.com".*names rdsh\.contoso\.com\./);
    assert.deepEqual(ids(ntlmFindings(info, names(['*.contoso.com']), now)), []);
    assert.deepEqual(ids(ntlmFindings(info, names([], ['RDSH01.contoso.com']), now)), []);
    assert.deepEqual(ids(ntlmFindings(info, null, now)), [], 'no certificate facts, no verdict');
    assert.deepEqual(ids(ntlmFindings({ ...info, dnsComputer: null }, names(['x.test']), now)), []);
    const many = Array.from({ length: 300 }, (_, i) => `host${i}.contoso.com`);
    assert.ok(ntlmFindings(info, names(many), now)[0]!.message.endsWith(`names ${many.slice(0, 10).join(', ')}, … and 290 more.`));
  });

  it('NET041 beyond 5 minutes either way, not at 5 minutes', () => {
    const at = (offsetMs: number): string[] => ids(ntlmFindings({ ...info, serverTime: new Date(now.getTime() + offsetMs).toISOString() }, null, now));
    assert.deepEqual(at(5 * 60_000), []);
    assert.deepEqual(at(-5 * 60_000), []);
    assert.deepEqual(at(5 * 60_000 + 1000), ['NET041']);
    assert.deepEqual(at(-(5 * 60_000 + 1000)), ['NET041']);
    assert.match(ntlmFindings({ ...info, serverTime: '2026-01-01T14:00:00.000Z' }, null, now)[0]!.message, /2 hours ahead of/);
    assert.match(ntlmFindings({ ...info, serverTime: '2025-12-29T12:00:00.000Z' }, null, now)[0]!.message, /3 days behind/);
    assert.deepEqual(ids(ntlmFindings({ ...info, serverTime: null }, null, now)), []);
  });
});
