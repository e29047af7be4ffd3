import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSteps } from '../../../src/core/net/ladder';
import { ntlmDetail, tlsDetail } from '../../../src/core/net/step-details';
import { acceptedVersions, askAgainIfDropped, LEGACY_RANGE, legacyTlsFinding, TLS12_RANGE, tls13OnlyFinding, type VersionProbe } from '../../../src/core/net/tls-versions';

const ok = (protocol: string): VersionProbe => ({ kind: 'accepted', protocol });
const refused: VersionProbe = { kind: 'refused' };
const unknown: VersionProbe = { kind: 'unknown' };
const dropped: VersionProbe = { kind: 'dropped' };
const row = (a: ReturnType<typeof acceptedVersions>): (boolean | null)[] => [a.TLSv1, a['TLSv1.1'], a['TLSv1.2'], a['TLSv1.3']];

describe('TLS versions accepted', () => {
  // [main handshake, legacy probe (1.0–1.1), TLS 1.2 probe or undefined] → [1.0, 1.1, 1.2, 1.3]
  const table: [string, VersionProbe, VersionProbe | undefined, (boolean | null)[]][] = [
    ['TLSv1.3', refused, ok('TLSv1.2'), [false, false, true, true]],
    ['TLSv1.3', ok('TLSv1.1'), ok('TLSv1.2'), [null, true, true, true]],
    ['TLSv1.3', ok('TLSv1'), refused, [true, false, false, true]],
    ['TLSv1.2', refused, undefined, [false, false, true, false]],
    ['TLSv1.2', unknown, undefined, [null, null, true, false]],
    ['TLSv1.1', ok('TLSv1.1'), undefined, [null, true, false, false]],
    ['TLSv1', ok('TLSv1'), undefined, [true, false, false, false]],
    ['TLSv1.3', unknown, unknown, [null, null, null, true]],
  ];
  for (const [main, legacy, tls12, expected] of table) {
    it(`main ${main}, legacy ${legacy.kind}${legacy.kind === 'accepted' ? ` ${legacy.protocol}` : ''}, TLS 1.2 ${tls12?.kind ?? 'not asked'} → ${JSON.stringify(expected)}`, () => {
      const probes = [{ range: LEGACY_RANGE, answer: legacy }, ...(tls12 ? [{ range: TLS12_RANGE, answer: tls12 }] : [])];
      assert.deepEqual(row(acceptedVersions(main, probes)), expected);
    });
  }

  it('a capped handshake closed or reset is a refusal only when the main connection carried traffic past its handshake', () => {
    const probes = [{ range: LEGACY_RANGE, answer: dropped }, { range: TLS12_RANGE, answer: dropped }];
    assert.deepEqual(row(acceptedVersions('TLSv1.3', probes, true)), [false, false, false, true]);
    // A server that dropped the main connection after TLS too: its resets say nothing about TLS 1.2 (no "TLS 1.3 only").
    assert.deepEqual(row(acceptedVersions('TLSv1.3', probes, false)), [null, null, null, true]);
    assert.equal(tls13OnlyFinding(acceptedVersions('TLSv1.3', probes, false)), undefined);
    // A TLS alert is a refusal either way.
    assert.deepEqual(row(acceptedVersions('TLSv1.3', [{ range: TLS12_RANGE, answer: refused }], false)), [null, null, false, true]);
  });

  it('a dropped capped handshake is asked once more: the second answer decides unless it learned nothing', async () => {
    const negotiation = { requested: 0x0b, confirm: null };
    const probe = (answer: VersionProbe) => ({ negotiation, answer, handshook: answer.kind !== 'unknown' });
    let asked = 0;
    const again = (answer: VersionProbe) => () => (asked++, Promise.resolve({ ...probe(answer), negotiation: { requested: 0x03, confirm: null } }));
    // gnome-remote-desktop 43 reset one of the TLS 1.2 handshakes now and then: the next one is accepted.
    assert.deepEqual((await askAgainIfDropped(probe(dropped), again(ok('TLSv1.2')))).answer, ok('TLSv1.2'));
    assert.deepEqual((await askAgainIfDropped(probe(dropped), again(dropped))).answer, dropped);
    assert.deepEqual((await askAgainIfDropped(probe(dropped), again(refused))).answer, refused);
    const kept = await askAgainIfDropped(probe(dropped), again(unknown));
    assert.deepEqual([kept.answer, kept.negotiation.requested], [dropped, 0x0b]);
    assert.equal(asked, 4);
    // Any other answer is final: nothing more is asked.
    for (const answer of [ok('TLSv1.2'), refused, unknown]) assert.equal(await askAgainIfDropped(probe(answer), again(ok('TLSv1.2'))).then((p) => p.answer), answer);
    assert.equal(asked, 4);
  });

  it('a probe never overrides what the main handshake proved', () => {
    // The main handshake chose 1.1 although 1.2 was offered: a flaky refused probe does not make 1.1 false.
    assert.deepEqual(row(acceptedVersions('TLSv1.1', [{ range: LEGACY_RANGE, answer: refused }])), [false, true, false, false]);
  });
});

describe('NET029 from the accepted versions', () => {
  const v = (a: (boolean | null)[]) => ({ TLSv1: a[0]!, 'TLSv1.1': a[1]!, 'TLSv1.2': a[2]!, 'TLSv1.3': a[3]! });
  it('nothing when no legacy version is accepted (unknown is not accepted)', () => {
    assert.equal(legacyTlsFinding(v([false, false, true, true])), undefined);
    assert.equal(legacyTlsFinding(v([null, null, true, true])), undefined);
  });
  it('a warning naming the versions when a current one is accepted too', () => {
    const f = legacyTlsFinding(v([true, true, true, false]))!;
    assert.equal(f.severity, 'warning');
    assert.equal(f.message, 'The server accepts the legacy TLS 1.0 and TLS 1.1 besides TLS 1.2: a downgrade or an old client can still use them.');
  });
  it('an error when TLS 1.0/1.1 is all it accepts', () => {
    const f = legacyTlsFinding(v([null, true, false, false]))!;
    assert.equal(f.severity, 'error');
    assert.equal(f.message, 'The server accepts only the legacy TLS 1.1: current clients refuse to connect.');
  });
  it('the ladder line names accepted and refused versions, and leaves out the unknown', () => {
    assert.equal(tlsDetail({ protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', accepted: v([null, true, true, true]) }), 'TLSv1.3, TLS_AES_256_GCM_SHA384. Accepts TLS 1.1, 1.2, 1.3. Not determined: TLS 1.0.');
    assert.equal(tlsDetail({ protocol: 'TLSv1.2', cipher: 'X', accepted: v([false, false, true, false]) }), 'TLSv1.2, X. Accepts TLS 1.2. Refuses TLS 1.0, 1.1, 1.3.');
    assert.equal(tlsDetail({ protocol: 'TLSv1.2', cipher: 'X', accepted: null }), 'TLSv1.2, X.');
  });
});

describe('NET028 (warning) for a listener that accepts TLS 1.3 alone', () => {
  const v = (a: (boolean | null)[]) => ({ TLSv1: a[0]!, 'TLSv1.1': a[1]!, 'TLSv1.2': a[2]!, 'TLSv1.3': a[3]! });
  it('TLS 1.2 refused beside 1.3, nothing older: a warning that names the clients left out', () => {
    const f = tls13OnlyFinding(v([false, false, false, true]))!;
    assert.deepEqual([f.ruleId, f.severity], ['NET028', 'warning']);
    assert.match(f.message, /^The server accepts only TLS 1\.3: a handshake capped at TLS 1\.2 was refused, .*Windows 10, Windows Server 2019 and older\) cannot connect\.$/);
  });
  it('nothing when TLS 1.2 is accepted or not known, when 1.3 is not proved, or when a legacy version is (NET029 says that)', () => {
    assert.equal(tls13OnlyFinding(v([false, false, true, true])), undefined);
    assert.equal(tls13OnlyFinding(v([false, false, null, true])), undefined);
    assert.equal(tls13OnlyFinding(v([false, false, false, null])), undefined);
    assert.equal(tls13OnlyFinding(v([true, false, false, true])), undefined);
  });
});

describe('the NTLM line', () => {
  const info = { netbiosComputer: 'RDSH01', netbiosDomain: 'CONTOSO', dnsComputer: 'rdsh01.contoso.com', dnsDomain: 'contoso.com', dnsTree: 'contoso.com', productVersion: '10.0.17763', serverTime: '2026-01-01T12:00:00.000Z' };
  it('names the server, its domain, version and clock', () => {
    assert.equal(ntlmDetail(info), 'rdsh01.contoso.com (CONTOSO\\RDSH01) in contoso.com, version 10.0.17763, clock 2026-01-01T12:00:00.000Z.');
    assert.equal(ntlmDetail({ ...info, dnsComputer: null, dnsDomain: null, dnsTree: null, productVersion: null, serverTime: null }), 'CONTOSO\\RDSH01.');
    assert.equal(ntlmDetail({ ...info, dnsTree: 'corp.test' }), 'rdsh01.contoso.com (CONTOSO\\RDSH01) in contoso.com (forest corp.test), version 10.0.17763, clock 2026-01-01T12:00:00.000Z.');
  });
  it('escapes control and bidi characters a hostile server puts in its names', () => {
    const line = ntlmDetail({ ...info, dnsComputer: 'evil\u001b[2J\u202ehost', netbiosComputer: 'A\u0085B' });
    assert.ok(!/[\u0000-\u001f\u0085\u202e]/.test(line), line);
    assert.match(line, /^evil\\x1b\[2J\\u202ehost \(CONTOSO\\A\\x85B\)/);
  });
});

describe('the negotiation step names the questions that got no answer', () => {
  const base = { rdp: false, ssl: true, hybrid: true, hybridEx: false, rdstls: false, nlaRequired: true, failures: {}, unusable: {}, selected: 'HYBRID', legacy: false, flags: null } as const;
  const detail = (n: Record<string, unknown>): string =>
    buildSteps({ stoppedAt: null, cancelled: false, addresses: ['127.0.0.1'], negotiation: n as never, tls: null, certificate: null, findings: [], port: 3389 }).negotiation.detail;

  it('says the TLS handshake got no answer only when it timed out, not for a selection no client follows (a review of the change)', () => {
    const steps = (n: Record<string, unknown>, more: { tlsUnanswered?: boolean; selectionUnfollowed?: boolean }) =>
      buildSteps({ stoppedAt: null, cancelled: false, addresses: ['127.0.0.1'], negotiation: n as never, tls: null, certificate: null, findings: [], port: 3389, ...more });
    const unfollowed = steps({ ...base, selected: 'RDSTLS', rdstls: null }, { selectionUnfollowed: true });
    assert.match(unfollowed.negotiation.detail, /^Selected RDSTLS\./);
    assert.equal(unfollowed.tls.detail, 'Not started: no client follows that selection.');
    const silent = steps({ ...base, selected: 'SSL', ssl: null }, { tlsUnanswered: true });
    assert.match(silent.negotiation.detail, /^Selected TLS, but its TLS handshake got no answer in time\./);
    assert.equal(silent.tls.detail, 'No answer in time.');
  });

  it('says nothing more when every question was answered', () => {
    assert.doesNotMatch(detail(base), /Not determined/);
  });

  it('lists the open ones, and says whether NLA is required is not known when that rests on them (a live review: NET010 vanished silently)', () => {
    const text = detail({ ...base, rdp: null, ssl: null, nlaRequired: null });
    assert.match(text, /Not determined \(no answer\): Standard RDP Security, TLS, so whether NLA is required is not known\./);
    assert.doesNotMatch(detail({ ...base, rdstls: null }), /whether NLA/);
  });

  it('a legacy server, which is asked nothing more, has nothing open', () => {
    assert.doesNotMatch(detail({ ...base, legacy: true, rdstls: null, selected: 'RDP' }), /Not determined/);
  });
});

describe('the TLS step says when the MCS Connect Initial over TLS got no answer', () => {
  const negotiation = { rdp: false, ssl: true, hybrid: false, hybridEx: false, rdstls: false, nlaRequired: false, failures: {}, unusable: {}, selected: 'SSL', legacy: false, flags: null, connections: 4 } as const;
  const tls = { protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', accepted: { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': true } } as const;
  const tlsStep = (waitedMs?: number) =>
    buildSteps({
      stoppedAt: null,
      cancelled: false,
      addresses: ['127.0.0.1'],
      negotiation,
      tls,
      certificate: null,
      findings: [],
      port: 3389,
      ...(waitedMs !== undefined && { connectInitialUnanswered: { message: `The server sent no MCS Connect Response within ${waitedMs} ms.`, waitedMs } }),
    }).tls;

  it('a silent server (a review: it read as a plain ✓ TLS): not determined, after what the handshake showed, no finding so no error', () => {
    const step = tlsStep(2000);
    assert.equal(
      step.detail,
      'TLSv1.3, TLS_AES_256_GCM_SHA384. Accepts TLS 1.2, 1.3. Refuses TLS 1.0, 1.1. No MCS Connect Response within 2000 ms: whether clients get past TLS is not known.',
    );
    assert.equal(step.status, 'ok');
  });

  it('a longer --timeout is suggested only when the timeout, shorter than the 2 s cap, ended the wait', () => {
    assert.match(tlsStep(400).detail, /No MCS Connect Response within 400 ms: whether clients get past TLS is not known; check again with a longer --timeout\.$/);
    assert.doesNotMatch(tlsStep(2000).detail, /--timeout/);
  });

  it('says nothing when it was answered', () => {
    assert.doesNotMatch(tlsStep().detail, /Connect Response/);
  });
});
