// The Entra ID sign-in question (PROTOCOL_RDSAAD, MS-RDPBCGR 2.2.1.1.1): asked alone, as FreeRDP asks for it first
// (libfreerdp/core/nego.c, nego_attempt_rdsaad), and only for a `.rdp` file that signs in so (enablerdsaadauth:i:1).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { followUps, MAIN_REQUEST, RDSAAD_QUESTION, summarizeNegotiation, type NegotiationAnswer } from '../../../src/core/net/negotiation-summary';
import { negotiationFindings } from '../../../src/core/net/negotiation-findings';
import { negotiationDetail } from '../../../src/core/net/step-details';
import { encodeConnectionRequest, failureName, PROTOCOL, type ConnectionConfirm } from '../../../src/core/net/x224';

type Answer = Exclude<ConnectionConfirm, { kind: 'invalid' }>;
const select = (selectedProtocol: number): Answer => ({ kind: 'response', flags: 0, selectedProtocol });
const fail = (failureCode: number): Answer => ({ kind: 'failure', failureCode, name: failureName(failureCode) });

/** A Windows-like listener that requires NLA and answers the Entra ID question as `aad` says. */
const windows = (aad: Answer | null) => (r: number): Answer | null =>
  r === PROTOCOL.RDSAAD ? aad : r & PROTOCOL.HYBRID_EX ? select(PROTOCOL.HYBRID_EX) : r & PROTOCOL.HYBRID ? select(PROTOCOL.HYBRID) : fail(5);

function negotiate(server: (requested: number) => Answer | null, entra: boolean): NegotiationAnswer[] {
  const answers: NegotiationAnswer[] = [{ requested: MAIN_REQUEST, confirm: server(MAIN_REQUEST) }];
  answers.push(...followUps(answers, entra).map((r) => ({ requested: r, confirm: server(r) })));
  return answers;
}

describe('the Entra ID sign-in question', () => {
  it('asks for RDS AAD Auth alone: requestedProtocols 0x10, no TLS or CredSSP bit beside it', () => {
    assert.equal(RDSAAD_QUESTION, 0x10);
    assert.equal(encodeConnectionRequest(RDSAAD_QUESTION).toString('hex'), '030000130ee000000000000100080010000000');
  });

  it('is asked only for a file that signs in with Entra ID, and then once more than without it', () => {
    const server = windows(select(PROTOCOL.RDSAAD));
    const main = [{ requested: MAIN_REQUEST, confirm: server(MAIN_REQUEST) }];
    assert.equal(followUps(main).includes(RDSAAD_QUESTION), false);
    assert.equal(followUps(main, true).includes(RDSAAD_QUESTION), true);
    const without = summarizeNegotiation(negotiate(server, false));
    const withIt = summarizeNegotiation(negotiate(server, true));
    assert.equal('rdsaad' in without, false, 'a check that did not ask keeps the SPEC §3 shape');
    assert.equal(withIt.connections, without.connections + 1);
    const { rdsaad, connections: _c, ...rest } = withIt;
    const { connections: _d, ...before } = without;
    assert.equal(rdsaad, true);
    assert.deepEqual(rest, before, 'the answer changes nothing else');
  });

  it('a legacy listener (no negotiation data) is asked nothing more', () => {
    assert.deepEqual(followUps([{ requested: MAIN_REQUEST, confirm: { kind: 'legacy' } }], true), []);
  });

  it('selected: supported; Standard RDP Security or a refusal with any failure code: not supported; no Confirm: not known', () => {
    const read = (aad: Answer | null) => {
      const answers = negotiate(windows(aad), true);
      const s = summarizeNegotiation(answers);
      return { rdsaad: s.rdsaad, failure: s.failures.rdsaad, nlaRequired: s.nlaRequired, rules: negotiationFindings(s, answers).map((f) => f.ruleId) };
    };
    assert.deepEqual(read(select(PROTOCOL.RDSAAD)), { rdsaad: true, failure: undefined, nlaRequired: true, rules: ['NET010'] });
    assert.deepEqual(read(select(PROTOCOL.RDP)), { rdsaad: false, failure: undefined, nlaRequired: false, rules: ['NET011'] });
    for (const code of [1, 2, 3, 4, 5, 6]) {
      // A refusal of the Entra ID sign-in is an answer, not a fault of the listener: no NET013 for it.
      assert.deepEqual(read(fail(code)), { rdsaad: false, failure: failureName(code), nlaRequired: true, rules: ['NET010'] }, failureName(code));
    }
    assert.deepEqual(read(null), { rdsaad: null, failure: undefined, nlaRequired: true, rules: ['NET010'] });
  });

  it('a selection the question did not offer (TLS) leaves it unusable, with NET005 as for any question', () => {
    const answers = negotiate(windows(select(PROTOCOL.SSL)), true);
    const s = summarizeNegotiation(answers);
    assert.equal(s.rdsaad, false);
    assert.equal(s.unusable.rdsaad, 'SSL');
    assert.deepEqual(negotiationFindings(s, answers).map((f) => f.ruleId), ['NET005', 'NET010']);
  });

  it('selected stays selected when the main connection\'s TLS or CredSSP steps fail or go unanswered: they say nothing of it', () => {
    const answers = negotiate(windows(select(PROTOCOL.RDSAAD)), true);
    // tlsFailed includes a CredSSP-only symptom (check-host: a server that ends every connection before CredSSP).
    const failed = summarizeNegotiation(answers, { tlsFailed: true });
    assert.equal(failed.rdsaad, true);
    assert.equal(failed.hybrid, false, 'the main connection\'s protocols still cannot be used');
    assert.equal(summarizeNegotiation(answers, { tlsUnanswered: true }).rdsaad, true);
  });

  it("the ladder's Negotiation step names the answer only where the question was asked", () => {
    const line = (aad: Answer | null, entra: boolean): string => negotiationDetail(summarizeNegotiation(negotiate(windows(aad), entra)), false, false);
    assert.match(line(select(PROTOCOL.RDSAAD), true), /Accepts [^.]*RDS AAD \(Microsoft Entra ID sign-in\)\./);
    assert.match(line(fail(5), true), /Refuses [^.]*RDS AAD \(Microsoft Entra ID sign-in\)\./);
    assert.match(line(null, true), /Not determined \(no answer\): RDS AAD \(Microsoft Entra ID sign-in\)\./);
    assert.doesNotMatch(line(select(PROTOCOL.RDSAAD), false), /RDS AAD/);
  });
});
