import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { followUps, MAIN_REQUEST, summarizeNegotiation, type NegotiationAnswer } from '../../../src/core/net/negotiation';
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
