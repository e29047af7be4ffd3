// The Negotiation step's mark: a review saw "✓ Negotiation  Selected TLS, but it cannot be used." against xrdp whose
// key does not match its certificate, because the step took its status only from the findings filed under it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { certificateDocument } from '../../../src/core/net/certificate-text';
import { buildSteps } from '../../../src/core/net/ladder';
import type { HostCheckResult, NegotiationSummary, NetFinding } from '../../../src/core/net/types';

const TLS_ONLY: NegotiationSummary = {
  rdp: false, ssl: true, hybrid: false, hybridEx: false, rdstls: false, nlaRequired: false,
  failures: { rdp: 'SSL_REQUIRED_BY_SERVER' }, unusable: {}, selected: 'SSL', legacy: false, flags: null, connections: 3,
};
/** What xrdp security_layer=tls answers when its key does not match its certificate: TLS selected, then given up. */
const TLS_UNUSABLE: NegotiationSummary = { ...TLS_ONLY, ssl: false, nlaRequired: null };
const NET028: NetFinding = { ruleId: 'NET028', severity: 'error', message: 'The server closed the connection after selecting TLS.' };

const steps = (negotiation: NegotiationSummary, findings: NetFinding[]) =>
  buildSteps({ stoppedAt: null, cancelled: false, addresses: ['127.0.0.1'], port: 3389, negotiation, tls: null, certificate: null, findings });

describe('the Negotiation step of a selection that cannot be used', () => {
  it('is ✗ with the TLS step when the TLS handshake failed, though NET028 is filed under TLS', () => {
    const s = steps(TLS_UNUSABLE, [NET028]);
    assert.match(s.negotiation.detail, /^Selected TLS, but it cannot be used\./);
    assert.deepEqual([s.negotiation.status, s.tls.status], ['error', 'error']);
  });

  it('follows a configured severity of the reason, and is a warning, never ✓, when the reason is turned off', () => {
    assert.equal(steps(TLS_UNUSABLE, [{ ...NET028, severity: 'warning' }]).negotiation.status, 'warning');
    assert.equal(steps(TLS_UNUSABLE, []).negotiation.status, 'warning');
  });

  it('leaves a usable selection, and one whose handshake only timed out, to its own findings', () => {
    assert.equal(steps(TLS_ONLY, []).negotiation.status, 'ok');
    assert.equal(steps({ ...TLS_ONLY, ssl: null }, [{ ...NET028, message: 'The TLS handshake got no answer in time.' }]).negotiation.status, 'ok');
  });

  it('the certificate document still blames the TLS handshake, not a stop at the Negotiation step', () => {
    const findings = [NET028];
    const result: HostCheckResult = {
      target: '127.0.0.1:3389', host: '127.0.0.1', port: 3389, name: '127.0.0.1', addresses: ['127.0.0.1'], timings: { totalMs: 5 },
      negotiation: TLS_UNUSABLE, standardSecurity: null, tls: null, certificate: null, chain: [], findings, steps: steps(TLS_UNUSABLE, findings),
    };
    assert.match(certificateDocument(result, new Date(0)), /^No certificate\. The TLS handshake did not complete\. The server closed the connection after selecting TLS\.$/m);
  });
});

describe('the Negotiation step of an answer no client follows', () => {
  // A review: a server that selected TLS for a Standard-RDP-only request was reported as "Not determined (no answer)".
  const D: NegotiationSummary = { ...TLS_ONLY, rdp: false, failures: {}, unusable: { rdp: 'SSL' } };

  it('says what the server answered, neither "no answer" nor "refuses"', () => {
    const detail = steps(D, []).negotiation.detail;
    assert.equal(detail, 'Selected TLS. Accepts TLS. Refuses CredSSP, CredSSP with early user authorization, RDSTLS. Unusable: Standard RDP Security (the server selected TLS, which no client follows).');
  });

  it('groups the protocols by the selection, and names a value that is no protocol as sent', () => {
    const mask: NegotiationSummary = {
      ...TLS_ONLY, rdp: false, ssl: false, hybrid: false, hybridEx: false, rdstls: false, nlaRequired: null, failures: {}, selected: '0x3',
      unusable: { rdp: '0x3', ssl: '0x3', hybrid: '0x3', hybridEx: 'HYBRID', rdstls: '0x3' },
    };
    const detail = steps(mask, []).negotiation.detail;
    assert.equal(detail, 'Selected 0x3. Unusable: Standard RDP Security, TLS, CredSSP, RDSTLS (the server selected 0x3, which no client follows); CredSSP with early user authorization (the server selected CredSSP, which no client follows).');
    assert.doesNotMatch(detail, /no answer/);
  });

  it('keeps "no answer" for a question that got none', () => {
    assert.match(steps({ ...D, rdp: null, unusable: {} }, []).negotiation.detail, /Not determined \(no answer\): Standard RDP Security\.$/);
  });
});
