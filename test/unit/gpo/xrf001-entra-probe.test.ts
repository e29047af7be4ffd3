// XRF001 for a file that signs in with Microsoft Entra ID (enablerdsaadauth:i:1) by name, once a check asked the server
// for RDS AAD Auth alone: not selected, the client has neither CredSSP nor the Entra ID sign-in and the verdict is
// firm; selected, the finding says so and stays a warning (whether mstsc asks for it with CredSSP off is not documented).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProbeFacts } from '../../../src/core/rules/xrf/probe-facts';
import { crossCheck } from '../../../src/core/rules/xrf/cross-check';
import { crossCheckProbes } from '../../../src/core/lint/cross-file';
import { XRF_RULES } from '../../../src/core/rules/xrf/index';
import { TS, assertMessage, rdpInput as rdp, regInput as reg } from './helpers';

const NLA = `[HKEY_LOCAL_MACHINE\\${TS}]\r\n"UserAuthentication"=dword:00000001\r\n`;
const FILE = 'full address:s:h.contoso.com\nenablecredsspsupport:i:0\nenablerdsaadauth:i:1\n';
const HEDGE = /whether a server that requires NLA accepts it instead is not documented/;
const probe = (negotiation: ProbeFacts['negotiation']): ProbeFacts => ({ target: 'h.contoso.com', host: 'h.contoso.com', port: 3389, negotiation });

describe('XRF001 with the answer to the Entra ID sign-in question', () => {
  it('a server that does not select RDS AAD Auth: an error, without the Entra hedge, naming the check', () => {
    const found = crossCheck(XRF_RULES, { rdpFiles: [rdp(FILE)], exports: [], probes: [probe({ nlaRequired: true, rdsaad: false })] });
    assert.deepEqual(found.map((f) => [f.ruleId, f.severity]), [['XRF001', 'error']]);
    assertMessage('XRF001', found[0]!.message);
    assert.doesNotMatch(found[0]!.message, HEDGE);
    assert.match(found[0]!.message, /does not help: a check of h\.contoso\.com:3389 found that the server does not select it \(PROTOCOL_RDSAAD\)\.$/);
  });

  it('the same answer makes a policy finding firm too, whichever check of the host asked', () => {
    const found = crossCheck(XRF_RULES, { rdpFiles: [rdp(FILE)], exports: [reg(NLA)], probes: [probe({ nlaRequired: null }), probe({ nlaRequired: null, rdsaad: false })] });
    assert.deepEqual(found.map((f) => [f.ruleId, f.severity]), [['XRF001', 'error']]);
    assert.doesNotMatch(found[0]!.message, HEDGE);
  });

  it('a server that selects RDS AAD Auth: a warning that says so', () => {
    const found = crossCheck(XRF_RULES, { rdpFiles: [rdp(FILE)], exports: [], probes: [probe({ nlaRequired: true, rdsaad: true })] });
    assert.deepEqual(found.map((f) => [f.ruleId, f.severity]), [['XRF001', 'warning']]);
    assertMessage('XRF001', found[0]!.message);
    assert.match(found[0]!.message, /a check of h\.contoso\.com:3389 found that the server selects it \(PROTOCOL_RDSAAD\) for a client that asks for it alone, without CredSSP/);
    assert.match(found[0]!.message, /whether mstsc asks for it with CredSSP off is not documented\.$/);
  });

  it('not asked, or no answer: the hedge stays', () => {
    for (const rdsaad of [undefined, null]) {
      const found = crossCheck(XRF_RULES, { rdpFiles: [rdp(FILE)], exports: [], probes: [probe({ nlaRequired: true, ...(rdsaad === null && { rdsaad }) })] });
      assert.deepEqual(found.map((f) => f.severity), ['warning'], String(rdsaad));
      assert.match(found[0]!.message, HEDGE);
    }
  });

  it('check FILE.rdp and the editor read it the same way (crossCheckProbes); an IP target and a file without Entra are as before', () => {
    const firm = crossCheckProbes([rdp(FILE)], [], [probe({ nlaRequired: true, rdsaad: false })]);
    assert.deepEqual(firm.map((f) => [f.ruleId, f.severity]), [['XRF001', 'error']]);
    const plain = crossCheckProbes([rdp('full address:s:h.contoso.com\nenablecredsspsupport:i:0\n')], [], [probe({ nlaRequired: true, rdsaad: true })]);
    assert.deepEqual(plain.map((f) => f.severity), ['error']);
    assert.doesNotMatch(plain[0]!.message, /Entra/);
  });
});
