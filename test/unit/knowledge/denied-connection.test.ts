import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { explain, explainInFamily, type Explanation } from '../../../src/core/knowledge/error-codes/index';

function explained(result: Explanation | { error: string }): Explanation {
  assert.ok(!('error' in result), 'error' in result ? result.error : '');
  return result;
}

/** How sure each cause of "the server denied the connection" is, said at its start. */
const LABELS = [
  /^Inferred, not documented: /,
  /^Suggested, not documented for this code: /,
  /^Microsoft's "can't connect" troubleshooting, which names no error code: /,
  /^Reported \(unverified\): /,
];

describe('"the server denied the connection": the extended code 0x7 and ERRINFO 0x7 tell one story', () => {
  const pair = explained(explain('0x904', '0x7'));
  const extended = explained(explainInFamily('extended', '0x7'));
  const errinfo = explained(explainInFamily('errinfo', '0x7'));

  it('every cause of extended 0x7, alone or with 0x904, says how sure it is', () => {
    for (const e of [pair, extended]) {
      for (const cause of e.likelyCauses) assert.ok(LABELS.some((label) => label.test(cause)), cause);
    }
  });

  it('extended 0x7 leads with its reading as the server\'s error info, labelled as inferred, and says what follows from it', () => {
    for (const e of [pair, extended]) {
      const first = e.likelyCauses[0]!;
      assert.match(first, /^Inferred, not documented: the extended code 7 is the server's ERRINFO_SERVER_DENIED_CONNECTION passed through/);
      assert.match(first, /Microsoft does not say the two are one/);
      assert.match(first, /If so, the listener answered and refused later in the connection/);
    }
  });

  it('ERRINFO 0x7 says the same of the Set Error Info PDU, in the same words, and claims no cause', () => {
    const [cause] = errinfo.likelyCauses;
    assert.equal(errinfo.likelyCauses.length, 1);
    assert.match(cause!, /^Microsoft names no cause\. The listener answered and the refusal came later in the connection: /);
    const implied = /a server sends its error info in a Set Error Info PDU.*\(MS-RDPBCGR 1\.3\.1\.1, 2\.2\.1\.3\)/.exec(cause!)![0];
    assert.ok(pair.likelyCauses[0]!.includes(implied), 'the extended text gives the same reasons');
    assert.ok(errinfo.sources.some((s) => s.title.startsWith('[MS-RDPBCGR]: ')), 'the spec as a source');
  });

  it("keeps Microsoft's \"can't connect\" checklist for 0x904 / 0x7, labelled, after the reading that would rule it out", () => {
    const checklist = pair.likelyCauses.filter((c) => c.startsWith("Microsoft's \"can't connect\""));
    for (const check of [/self-signed certificate/, /Security-protocol negotiation/, /Listen state/, /fDenyTSConnections/, /TermService or UmRdpService/, /PortNumber/]) {
      assert.ok(checklist.some((c) => check.test(c)), String(check));
    }
    assert.ok(pair.likelyCauses.indexOf(checklist[0]!) > 0);
    assert.match(pair.likelyCauses[0]!, /If not, the checks from Microsoft's "can't connect" troubleshooting below may apply\./);
  });

  it('0x904 alone labels the same checklist', () => {
    const alone = explained(explain('0x904'));
    assert.ok(alone.likelyCauses.length > 0);
    for (const cause of alone.likelyCauses) assert.match(cause, /^Microsoft's "can't connect" troubleshooting, which names no error code: /);
  });
});
