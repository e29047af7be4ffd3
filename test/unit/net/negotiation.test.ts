import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { followUps, MAIN_REQUEST, selectionProblem, summarizeNegotiation, type NegotiationAnswer } from '../../../src/core/net/negotiation-summary';
import { negotiationFindings } from '../../../src/core/net/negotiation-findings';
import { failureName, PROTOCOL, type ConnectionConfirm } from '../../../src/core/net/x224';

type Answer = Exclude<ConnectionConfirm, { kind: 'invalid' }>;
const select = (selectedProtocol: number, flags = 0): Answer => ({ kind: 'response', flags, selectedProtocol });
const fail = (failureCode: number): Answer => ({ kind: 'failure', failureCode, name: failureName(failureCode) });

/** The servers of test-lab.md ("What the servers answer"), plus two Windows-like ones. */
const SERVERS: Record<string, (requested: number) => Answer | null> = {
  'xrdp negotiate': (r) => select(r & PROTOCOL.SSL ? PROTOCOL.SSL : PROTOCOL.RDP),
  'xrdp tls': (r) => (r & PROTOCOL.SSL ? select(PROTOCOL.SSL) : fail(1)),
  'xrdp rdp': () => select(PROTOCOL.RDP),
  'shadow nla': (r) => (r & PROTOCOL.HYBRID ? select(PROTOCOL.HYBRID) : fail(5)),
  'shadow rdp': (r) => (r === 0 ? select(0) : fail(2)),
  'windows nla hybrid_ex': (r) => (r & PROTOCOL.HYBRID_EX ? select(PROTOCOL.HYBRID_EX, 0x1f) : r & PROTOCOL.HYBRID ? select(PROTOCOL.HYBRID) : fail(5)),
  'windows no certificate': (r) => (r === 0 ? select(0) : fail(3)),
  'legacy': () => ({ kind: 'legacy' }),
};

/** Asks the same questions as checkHost: the main request, then every open question at once. */
function negotiate(server: (requested: number) => Answer | null): NegotiationAnswer[] {
  const answers: NegotiationAnswer[] = [{ requested: MAIN_REQUEST, confirm: server(MAIN_REQUEST) }];
  answers.push(...followUps(answers).map((r) => ({ requested: r, confirm: server(r) })));
  return answers;
}

function outcome(name: string) {
  const answers = negotiate(SERVERS[name]!);
  const s = summarizeNegotiation(answers);
  const { rdp, ssl, hybrid, hybridEx, rdstls, nlaRequired, failures, selected, connections } = s;
  return { summary: { rdp, ssl, hybrid, hybridEx, rdstls, nlaRequired, failures, selected, connections }, rules: negotiationFindings(s, answers).map((f) => f.ruleId), flags: s.flags };
}

describe('negotiation strategy', () => {
  it('xrdp negotiate: TLS and Standard RDP Security, judged by the selected protocol', () => {
    assert.deepEqual(outcome('xrdp negotiate'), {
      summary: { rdp: true, ssl: true, hybrid: false, hybridEx: false, rdstls: false, nlaRequired: false, failures: {}, selected: 'SSL', connections: 3 },
      rules: ['NET011'],
      flags: { extendedClientData: false, dynvcGfx: false, restrictedAdmin: false, remoteCredentialGuard: false },
    });
  });

  it('xrdp tls: TLS only, RDP refused with SSL_REQUIRED_BY_SERVER', () => {
    assert.deepEqual(outcome('xrdp tls').summary, {
      rdp: false, ssl: true, hybrid: false, hybridEx: false, rdstls: false, nlaRequired: false,
      failures: { rdp: 'SSL_REQUIRED_BY_SERVER' }, selected: 'SSL', connections: 3,
    });
    assert.deepEqual(outcome('xrdp tls').rules, ['NET011']);
  });

  it('xrdp rdp: Standard RDP Security for every request (it never sends SSL_NOT_ALLOWED)', () => {
    const o = outcome('xrdp rdp');
    assert.deepEqual(o.summary, { rdp: true, ssl: false, hybrid: false, hybridEx: false, rdstls: false, nlaRequired: false, failures: {}, selected: 'RDP', connections: 2 });
    assert.deepEqual(o.rules, ['NET011', 'NET012']);
  });

  it('shadow /sec:nla: CredSSP required, the rest refused with HYBRID_REQUIRED_BY_SERVER', () => {
    const o = outcome('shadow nla');
    assert.deepEqual(o.summary, {
      rdp: false, ssl: false, hybrid: true, hybridEx: false, rdstls: false, nlaRequired: true,
      failures: { rdp: 'HYBRID_REQUIRED_BY_SERVER', ssl: 'HYBRID_REQUIRED_BY_SERVER', rdstls: 'HYBRID_REQUIRED_BY_SERVER' },
      selected: 'HYBRID', connections: 4,
    });
    assert.deepEqual(o.rules, ['NET010']);
  });

  it('CredSSP selected for every request, none refused: NET010 says what the others got, not "a failure"', () => {
    const answers = negotiate(() => select(PROTOCOL.HYBRID));
    const s = summarizeNegotiation(answers);
    assert.equal(s.nlaRequired, true);
    const net010 = negotiationFindings(s, answers).find((f) => f.ruleId === 'NET010');
    assert.equal(
      net010?.message,
      'The server requires Network Level Authentication: CredSSP is the only protocol a client can use (Standard RDP Security: CredSSP (NLA) selected, which no client follows; TLS: CredSSP (NLA) selected, which no client follows).',
    );
  });

  it('shadow /sec:rdp: SSL_NOT_ALLOWED_BY_SERVER is standard-security-only, not a negotiation failure', () => {
    const o = outcome('shadow rdp');
    assert.equal(o.summary.rdp, true);
    assert.deepEqual(o.summary.failures, { ssl: 'SSL_NOT_ALLOWED_BY_SERVER', hybrid: 'SSL_NOT_ALLOWED_BY_SERVER', hybridEx: 'SSL_NOT_ALLOWED_BY_SERVER', rdstls: 'SSL_NOT_ALLOWED_BY_SERVER' });
    assert.deepEqual(o.rules, ['NET011', 'NET012']);
  });

  it('Windows with HYBRID_EX: flags for restricted admin and Remote Credential Guard', () => {
    const o = outcome('windows nla hybrid_ex');
    assert.equal(o.summary.hybridEx, true);
    assert.equal(o.summary.hybrid, true);
    assert.equal(o.summary.nlaRequired, true);
    assert.deepEqual(o.flags, { extendedClientData: true, dynvcGfx: true, restrictedAdmin: true, remoteCredentialGuard: true });
  });

  it('SSL_CERT_NOT_ON_SERVER is a negotiation failure', () => {
    const o = outcome('windows no certificate');
    assert.deepEqual(o.rules, ['NET011', 'NET013']);
    assert.equal(o.summary.failures.ssl, 'SSL_CERT_NOT_ON_SERVER');
  });

  it('a Confirm without negotiation data: one connection, Standard RDP Security only', () => {
    const o = outcome('legacy');
    assert.equal(o.summary.connections, 1);
    assert.deepEqual(o.rules, ['NET011', 'NET012']);
  });

  it('leaves a protocol undetermined (null) when its question got no answer', () => {
    const s = summarizeNegotiation([{ requested: MAIN_REQUEST, confirm: select(PROTOCOL.SSL) }, { requested: 0, confirm: null }]);
    assert.equal(s.rdp, null);
    assert.equal(s.ssl, true);
  });
});

/** Servers whose answers no client follows, or whose TLS never completes (issue 11). */
const ODD: Record<string, (requested: number) => Answer | null> = {
  // Answers the usual request with RDSTLS, which it did not offer; plain TLS and RDP otherwise.
  'rdstls to 0x0B': (r) => (r === MAIN_REQUEST ? select(PROTOCOL.RDSTLS) : select(r & PROTOCOL.SSL ? PROTOCOL.SSL : PROTOCOL.RDP)),
  'selects 0x80': () => select(0x80),
  'selects SSL|HYBRID at once': (r) => (r === MAIN_REQUEST ? select(PROTOCOL.SSL | PROTOCOL.HYBRID) : fail(5)),
  'refuses everything': () => fail(3),
  // SSL_NOT_ALLOWED_BY_SERVER ("Standard RDP Security only") even to a request for Standard RDP Security alone.
  'not allowed to anything': () => fail(2),
  // The same failure to Standard RDP Security alone, while TLS and CredSSP requests get CredSSP.
  'not allowed alone, CredSSP otherwise': (r) => (r & PROTOCOL.HYBRID ? select(PROTOCOL.HYBRID) : r & PROTOCOL.SSL ? select(PROTOCOL.SSL) : fail(2)),
  // TLS to every request, one for Standard RDP Security alone too (a review's hostile server).
  'TLS to everything': () => select(PROTOCOL.SSL),
  // The undefined mask 0x3 to every request.
  'selects 0x3 to everything': () => select(PROTOCOL.SSL | PROTOCOL.HYBRID),
  // NLA required, and HYBRID_EX even to a request that offered only TLS and CredSSP.
  'HYBRID_EX to SSL|HYBRID': (r) => (r & PROTOCOL.HYBRID ? select(PROTOCOL.HYBRID_EX) : r & PROTOCOL.RDSTLS ? select(PROTOCOL.HYBRID_EX) : fail(5)),
};

function oddOutcome(name: string, tlsFailed = false) {
  const answers = negotiate(ODD[name]!);
  const s = summarizeNegotiation(answers, { tlsFailed });
  return { s, findings: negotiationFindings(s, answers), answers };
}

describe('answers no client follows (NET005)', () => {
  it('RDSTLS in answer to 0x0B: NET005 naming both values; the answer counts for nothing, the follow-ups decide', () => {
    const { s, findings, answers } = oddOutcome('rdstls to 0x0B');
    assert.equal(selectionProblem(MAIN_REQUEST, PROTOCOL.RDSTLS), 'not-requested');
    const net005 = findings.filter((f) => f.ruleId === 'NET005');
    assert.equal(net005.length, 1);
    assert.equal(
      net005[0]!.message,
      'The server selected RDSTLS (0x00000004) although the client requested only TLS, CredSSP, CredSSP with early user authorization (0x0000000B): clients drop the connection.',
    );
    assert.equal(net005[0]!.severity, 'error');
    // Every question was asked again, and the RDSTLS follow-up (RDSTLS|SSL) got TLS: RDSTLS refused, not accepted.
    assert.equal(answers.length, 5);
    assert.deepEqual([s.rdp, s.ssl, s.rdstls, s.nlaRequired, s.selected], [true, true, false, false, 'RDSTLS']);
  });

  it('a value MS-RDPBCGR does not define (0x80, or two protocols at once): NET005, nothing accepted, nlaRequired null', () => {
    for (const [name, value] of [['selects 0x80', '0x00000080'], ['selects SSL|HYBRID at once', '0x00000003']] as const) {
      const { s, findings } = oddOutcome(name);
      const net005 = findings.filter((f) => f.ruleId === 'NET005');
      assert.equal(net005.length, 1, name);
      assert.match(net005[0]!.message, new RegExp(`^The server selected ${value}, a value MS-RDPBCGR does not define as a security protocol, in answer to a request for .*\\(0x0000000B\\): clients drop the connection\\.$`));
      assert.equal(s.ssl === true || s.hybrid === true || s.rdp === true, false, name);
    }
    assert.equal(oddOutcome('selects 0x80').s.nlaRequired, null);
  });

  it('an answer no client follows is an answer: what it leaves unusable is false, with the selection, not "no answer"', () => {
    // Per MS-RDPBCGR 3.3.5.3.2 the server selects one of the requested protocols or PROTOCOL_RDP; a client that asked
    // for Standard RDP Security alone and got TLS drops the connection (NET005), so it cannot use Standard RDP Security.
    const tls = oddOutcome('TLS to everything');
    assert.deepEqual([tls.s.rdp, tls.s.ssl, tls.s.hybrid, tls.s.hybridEx, tls.s.rdstls, tls.s.nlaRequired], [false, true, false, false, false, false]);
    assert.deepEqual([tls.s.unusable, tls.s.failures], [{ rdp: 'SSL' }, {}]);
    assert.deepEqual(tls.findings.map((f) => f.ruleId), ['NET005', 'NET011']);
    // 0x3 to everything: every question was still asked, and each answer leaves what it offered unusable.
    const mask = oddOutcome('selects 0x3 to everything');
    assert.equal(mask.answers.length, 5);
    assert.deepEqual([mask.s.rdp, mask.s.ssl, mask.s.hybrid, mask.s.hybridEx, mask.s.rdstls, mask.s.nlaRequired], [false, false, false, false, false, null]);
    assert.deepEqual(mask.s.unusable, { rdp: '0x3', ssl: '0x3', hybrid: '0x3', hybridEx: '0x3', rdstls: '0x3' });
    // HYBRID_EX to a request for TLS and CredSSP: a client without early user authorization cannot connect, so CredSSP is unusable.
    const ex = oddOutcome('HYBRID_EX to SSL|HYBRID');
    assert.deepEqual([ex.s.rdp, ex.s.ssl, ex.s.hybrid, ex.s.hybridEx, ex.s.rdstls, ex.s.nlaRequired], [false, false, false, true, false, true]);
    assert.deepEqual(ex.s.unusable, { hybrid: 'HYBRID_EX', rdstls: 'HYBRID_EX' });
    // A refusal another answer gave is kept as the refusal, with its failure name.
    assert.deepEqual(ex.s.failures, { rdp: 'HYBRID_REQUIRED_BY_SERVER', ssl: 'HYBRID_REQUIRED_BY_SERVER' });
  });

  it('the follow-up questions are chosen as if the unusable answer had not come, and what another answer decides wins', () => {
    // RDSTLS to the usual request: every question is asked; TLS and Standard RDP Security are accepted by their own answers.
    const { s, answers } = oddOutcome('rdstls to 0x0B');
    assert.deepEqual(followUps([answers[0]!]), [PROTOCOL.RDP, PROTOCOL.SSL, PROTOCOL.SSL | PROTOCOL.HYBRID, PROTOCOL.RDSTLS | PROTOCOL.SSL]);
    assert.deepEqual([s.rdp, s.ssl, s.hybrid, s.hybridEx], [true, true, false, false]);
    assert.deepEqual(s.unusable, { hybridEx: 'RDSTLS' });
  });

  it('Standard RDP Security is always a legal answer, and requested protocols are fine', () => {
    assert.equal(selectionProblem(MAIN_REQUEST, PROTOCOL.RDP), null);
    assert.equal(selectionProblem(MAIN_REQUEST, PROTOCOL.HYBRID_EX), null);
    assert.equal(selectionProblem(PROTOCOL.RDP, PROTOCOL.SSL), 'not-requested');
    assert.equal(selectionProblem(MAIN_REQUEST, PROTOCOL.RDSAAD), 'not-requested');
    assert.equal(selectionProblem(MAIN_REQUEST, 0x20), 'not-defined');
  });
});

describe('what the server truly accepts', () => {
  it('nlaRequired is null, not false, when the server accepts no protocol', () => {
    const { s, findings } = oddOutcome('refuses everything');
    assert.deepEqual([s.rdp, s.ssl, s.hybrid, s.hybridEx, s.rdstls, s.nlaRequired], [false, false, false, false, false, null]);
    assert.deepEqual(findings.map((f) => f.ruleId), ['NET013']);
  });

  it('SSL_NOT_ALLOWED_BY_SERVER even to a Standard-RDP-only request: nothing accepted, a NET013 error beside NET012 (a review found only the warning)', () => {
    const { s, findings } = oddOutcome('not allowed to anything');
    assert.deepEqual([s.rdp, s.ssl, s.hybrid, s.hybridEx, s.rdstls, s.nlaRequired], [false, false, false, false, false, null]);
    assert.deepEqual(findings.map((f) => [f.ruleId, f.severity]), [['NET012', 'warning'], ['NET013', 'error']]);
    assert.equal(
      findings[1]!.message,
      'The server refused a request for Standard RDP Security alone with SSL_NOT_ALLOWED_BY_SERVER (0x00000002), a failure that says Standard RDP Security is the only protocol it allows: it accepts no protocol at all, so no client can connect.',
    );
    // With TLS or CredSSP accepted, usual clients connect: only one that offers Standard RDP Security alone fails, a warning (a review).
    const accepting = oddOutcome('not allowed alone, CredSSP otherwise');
    assert.deepEqual([accepting.s.rdp, accepting.s.ssl, accepting.s.hybrid], [false, true, true]);
    const net013 = accepting.findings.filter((f) => f.ruleId === 'NET013');
    assert.deepEqual(net013.map((f) => f.severity), ['warning']);
    assert.equal(
      net013[0]!.message,
      'The server refused a request for Standard RDP Security alone with SSL_NOT_ALLOWED_BY_SERVER (0x00000002), a failure that says Standard RDP Security is the only protocol it allows.',
    );
    // shadow /sec:rdp sends the same code only to requests that offer TLS or CredSSP, and selects Standard RDP Security alone: no NET013.
    assert.deepEqual(outcome('shadow rdp').rules, ['NET011', 'NET012']);
  });

  it('xrdp negotiate whose TLS never completes: TLS is not accepted, NET011 names only Standard RDP Security', () => {
    const answers = negotiate(SERVERS['xrdp negotiate']!);
    const s = summarizeNegotiation(answers, { tlsFailed: true });
    assert.deepEqual([s.rdp, s.ssl, s.hybrid, s.hybridEx, s.nlaRequired, s.selected], [true, false, false, false, false, 'SSL']);
    const net011 = negotiationFindings(s, answers).filter((f) => f.ruleId === 'NET011');
    assert.deepEqual(net011.map((f) => f.message), ['The server accepts Standard RDP Security without Network Level Authentication.']);
  });

  it('xrdp tls whose TLS never completes: nothing accepted, no NET011, nlaRequired null', () => {
    const answers = negotiate(SERVERS['xrdp tls']!);
    const s = summarizeNegotiation(answers, { tlsFailed: true });
    assert.deepEqual([s.rdp, s.ssl, s.nlaRequired], [false, false, null]);
    assert.deepEqual(negotiationFindings(s, answers).map((f) => f.ruleId), []);
  });

  it('a handshake that got no answer in time leaves TLS and CredSSP undetermined, not refused', () => {
    const answers = negotiate(SERVERS['windows nla hybrid_ex']!);
    const s = summarizeNegotiation(answers, { tlsUnanswered: true });
    // What the server selected runs over TLS: none of it is known to work, none of it is known to be refused.
    assert.deepEqual([s.hybrid, s.hybridEx, s.nlaRequired], [null, null, null]);
    assert.deepEqual(negotiationFindings(s, answers).map((f) => f.ruleId), []);
    // Standard RDP Security and TLS alone were refused in answers of their own (failure 5), and stay so.
    assert.deepEqual([s.rdp, s.ssl], [false, false]);
    const failed = summarizeNegotiation(answers, { tlsFailed: true });
    assert.deepEqual([failed.ssl, failed.hybrid, failed.hybridEx], [false, false, false]);
  });

  it('xrdp rdp whose MCS Connect exchange fails (it cannot read rsakeys.ini): Standard RDP Security not usable, no NET011, nlaRequired null', () => {
    const answers = negotiate(SERVERS['xrdp rdp']!);
    const s = summarizeNegotiation(answers, { standardSecurityFailed: true });
    assert.deepEqual([s.rdp, s.ssl, s.hybrid, s.hybridEx, s.nlaRequired, s.selected], [false, false, false, false, null, 'RDP']);
    assert.deepEqual(negotiationFindings(s, answers).map((f) => f.ruleId), ['NET012']);
  });

  it('xrdp negotiate whose Standard RDP Security fails keeps TLS; one that is only slow leaves Standard RDP Security undetermined', () => {
    const answers = negotiate(SERVERS['xrdp negotiate']!);
    const failed = summarizeNegotiation(answers, { standardSecurityFailed: true });
    assert.deepEqual([failed.rdp, failed.ssl, failed.nlaRequired], [false, true, false]);
    const net011 = negotiationFindings(failed, answers).filter((f) => f.ruleId === 'NET011');
    assert.deepEqual(net011.map((f) => f.message), ['The server accepts TLS without Network Level Authentication.']);
    const slow = summarizeNegotiation(negotiate(SERVERS['xrdp rdp']!), { standardSecurityUnanswered: true });
    assert.deepEqual([slow.rdp, slow.nlaRequired], [null, null]);
    // A refusal in a Confirm is not undone by a slow Connect Response elsewhere.
    assert.equal(summarizeNegotiation(negotiate(SERVERS['xrdp tls']!), { standardSecurityUnanswered: true }).rdp, false);
  });

  it('an NLA-only server whose TLS never completes does not claim NLA required', () => {
    const answers = negotiate(SERVERS['shadow nla']!);
    const s = summarizeNegotiation(answers, { tlsFailed: true });
    assert.deepEqual([s.hybrid, s.nlaRequired], [false, null]);
    assert.deepEqual(negotiationFindings(s, answers).map((f) => f.ruleId), []);
  });
});
