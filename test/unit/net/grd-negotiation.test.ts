// The Confirms gnome-remote-desktop 43.3 sent (captured on loopback; test/integration/lab/grd.ts), judged as the check
// judges its answers: CredSSP only, NLA required, as its source sets it (grd-session-rdp.c: RdpSecurity and TlsSecurity
// FALSE, NlaSecurity TRUE) and FreeRDP 2's server code answers (connection.c rdp_server_accept_nego).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FOLLOW_UPS, MAIN_REQUEST, summarizeNegotiation, type NegotiationAnswer } from '../../../src/core/net/negotiation-summary';
import { parseConnectionConfirm } from '../../../src/core/net/x224';

/** RDP_NEG_RSP selecting HYBRID, flags EXTENDED_CLIENT_DATA_SUPPORTED | DYNVC_GFX_PROTOCOL_SUPPORTED. */
const SELECTS_HYBRID = '030000130ed000000000000203080002000000';
/** RDP_NEG_FAILURE HYBRID_REQUIRED_BY_SERVER. */
const HYBRID_REQUIRED = '030000130ed000000000000300080005000000';

/** What it answered each requestedProtocols value (none, 0x0–0xF, 0x10 were asked): HYBRID when offered, else the failure. */
const answerOf = (requested: number): string => (requested & 0x2 ? SELECTS_HYBRID : HYBRID_REQUIRED);

function answer(requested: number): NegotiationAnswer {
  const confirm = parseConnectionConfirm(Buffer.from(answerOf(requested), 'hex'));
  assert.notEqual(confirm.kind, 'invalid');
  return { requested, confirm: confirm as NegotiationAnswer['confirm'] };
}

describe('gnome-remote-desktop 43 negotiation (captured Confirms)', () => {
  it('the check\'s questions: CredSSP accepted, every other protocol refused with HYBRID_REQUIRED_BY_SERVER, NLA required', () => {
    const n = summarizeNegotiation([answer(MAIN_REQUEST), ...FOLLOW_UPS.map((f) => answer(f.requested))]);
    assert.deepEqual(
      { selected: n.selected, rdp: n.rdp, ssl: n.ssl, hybrid: n.hybrid, hybridEx: n.hybridEx, rdstls: n.rdstls, rdsaad: n.rdsaad, nlaRequired: n.nlaRequired },
      { selected: 'HYBRID', rdp: false, ssl: false, hybrid: true, hybridEx: false, rdstls: false, rdsaad: false, nlaRequired: true },
    );
    // The Entra ID question (0x10, asked for a file with enablerdsaadauth:i:1) got the same failure.
    assert.deepEqual(n.failures, { rdp: 'HYBRID_REQUIRED_BY_SERVER', ssl: 'HYBRID_REQUIRED_BY_SERVER', rdstls: 'HYBRID_REQUIRED_BY_SERVER', rdsaad: 'HYBRID_REQUIRED_BY_SERVER' });
    assert.deepEqual(n.flags, { extendedClientData: true, dynvcGfx: true, restrictedAdmin: false, remoteCredentialGuard: false });
  });

  it('HYBRID_EX judged refused from the main answer agrees with asking it alone (0x8 got HYBRID_REQUIRED_BY_SERVER)', () => {
    const n = summarizeNegotiation([answer(MAIN_REQUEST), answer(0x8)]);
    assert.equal(n.hybridEx, false);
  });
});
