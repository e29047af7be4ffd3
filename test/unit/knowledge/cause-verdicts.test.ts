import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { causeVerdicts } from '../../../src/core/explain/cause-verdicts';
import { explain, type Explanation } from '../../../src/core/knowledge/error-codes/index';
import { CANCELLED, EXPIRED, REFUSED, TLS_FAILED } from './host-results';

const checks = (...ids: string[]): Pick<Explanation, 'checks'> => ({ checks: ids });
const verdicts = (ids: string[], result: Parameters<typeof causeVerdicts>[1]): [string, string][] =>
  causeVerdicts(checks(...ids), result).map((v) => [v.ruleId, v.verdict]);

describe('causeVerdicts', () => {
  it('a refused port: found NET002, ruled out the other TCP rule and DNS, cannot tell the later steps', () => {
    assert.deepEqual(verdicts(['NET002', 'NET003', 'NET001', 'NET013', 'NET028', 'NET020'], REFUSED), [
      ['NET002', 'found'],
      ['NET003', 'ruled-out'],
      ['NET001', 'ruled-out'],
      ['NET013', 'not-determined'],
      ['NET028', 'not-determined'],
      ['NET020', 'not-determined'],
    ]);
  });

  it('a failed TLS handshake: negotiation rules ruled out, certificate rules not determined', () => {
    assert.deepEqual(verdicts(['NET028', 'NET013', 'NET010', 'NET020', 'NET022'], TLS_FAILED), [
      ['NET028', 'found'],
      ['NET013', 'ruled-out'],
      ['NET010', 'ruled-out'],
      ['NET020', 'not-determined'],
      ['NET022', 'not-determined'],
    ]);
  });

  it('a full check: the certificate findings are found, the rest ruled out', () => {
    assert.deepEqual(verdicts(['NET020', 'NET022', 'NET023', 'NET028', 'NET002'], EXPIRED), [
      ['NET020', 'found'],
      ['NET022', 'found'],
      ['NET023', 'ruled-out'],
      ['NET028', 'ruled-out'],
      ['NET002', 'ruled-out'],
    ]);
  });

  it('a rule the configuration turned off is not determined, even when its step ran', () => {
    const withoutNet022 = { ...EXPIRED, findings: EXPIRED.findings.filter((f) => f.ruleId !== 'NET022'), rulesOff: ['NET022'] };
    const [net022, net023] = causeVerdicts(checks('NET022', 'NET023'), withoutNet022);
    assert.equal(net022!.verdict, 'not-determined');
    assert.match(net022!.detail, /turned off/);
    assert.equal(net022!.step, 'certificate');
    assert.equal(net023!.verdict, 'ruled-out');
  });

  it('a cancelled check tells nothing', () => {
    assert.deepEqual(verdicts(['NET001', 'NET002'], CANCELLED), [
      ['NET001', 'not-determined'],
      ['NET002', 'not-determined'],
    ]);
  });

  it('rules the probe does not evaluate are not determined, and say where to look', () => {
    const [rdp, gpo, xrf, unknown] = causeVerdicts(checks('RDP020', 'GPO001', 'XRF004', 'NET099'), EXPIRED);
    assert.equal(rdp!.verdict, 'not-determined');
    assert.match(rdp!.detail, /\.rdp file/);
    assert.match(gpo!.detail, /policy export/);
    assert.match(xrf!.detail, /Compares/);
    assert.equal(unknown!.detail, 'The host check does not evaluate this rule.');
    assert.equal(rdp!.step, undefined);
  });

  it('details: the finding message when found, the step line otherwise', () => {
    const [found, ruledOut, skipped] = causeVerdicts(checks('NET002', 'NET001', 'NET013'), REFUSED);
    assert.deepEqual(found, { ruleId: 'NET002', verdict: 'found', detail: 'The connection to 10.0.0.5:3389 was refused.', step: 'tcp' });
    assert.deepEqual(ruledOut, { ruleId: 'NET001', verdict: 'ruled-out', detail: 'DNS: 10.0.0.5.', step: 'dns' });
    assert.deepEqual(skipped, { ruleId: 'NET013', verdict: 'not-determined', detail: 'Negotiation: Not reached.', step: 'negotiation' });
  });

  it('covers every check of the 0x904 / 0x7 explanation, in its order', () => {
    const e = explain('0x904', '0x7');
    assert.ok(!('error' in e));
    const result = causeVerdicts(e, REFUSED);
    assert.deepEqual(result.map((v) => v.ruleId), e.checks);
    assert.equal(result.find((v) => v.ruleId === 'NET002')?.verdict, 'found');
  });
});
