import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unpromptedEndFinding } from '../../../src/core/net/credssp-unprompted';

// NET028 for a CredSSP server that ends every connection once TLS is up. Only FreeRDP's shadow server was seen to do so
// (2.11.7 and 3.30.0, with an Ed25519 or RSA-PSS certificate). gnome-remote-desktop 43.3 with such a certificate sends a
// Deactivate All PDU and an MCS Disconnect Provider Ultimatum in the clear instead, and weston 10 and 11 never select
// CredSSP (their RDP backend sets NlaSecurity FALSE): the message must not name them.
describe('unpromptedEndFinding (NET028, closed before CredSSP)', () => {
  const f = unpromptedEndFinding('CredSSP (NLA)');

  it('is an error of NET028 that says no client gets past, with NTLM or Kerberos', () => {
    assert.equal(f.ruleId, 'NET028');
    assert.equal(f.severity, 'error');
    assert.match(f.message, /^The server completed the TLS handshake after selecting CredSSP \(NLA\), then closed the connection without waiting for the client's first CredSSP message .*whether it signs in with NTLM or Kerberos\./);
  });

  it('names only the server seen to do it, FreeRDP\'s shadow server', () => {
    assert.ok(f.message.includes("FreeRDP's shadow server (freerdp-shadow-cli) does this when it cannot bind CredSSP to its certificate"), f.message);
    assert.doesNotMatch(f.message, /gnome-remote-desktop|weston/i);
    assert.match(f.message, /give the server a certificate with an RSA \(rsaEncryption\) or ECDSA key, and look at its log\.$/);
  });
});
