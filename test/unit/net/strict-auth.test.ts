// A client at `authentication level:i:1` refuses a server it cannot authenticate: the certificate findings say
// whether Kerberos can stand in for the certificate (src/core/net/strict-auth-findings.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { atStrictServerAuthentication } from '../../../src/core/net/strict-auth-findings';
import type { WorkgroupEvidence } from '../../../src/core/rules/net/messages';
import type { NetFinding } from '../../../src/core/net/types';
import { parseRdp } from '../../../src/core/rdp/parse';
import { fileCheckFacts, sameCheckFacts } from '../../../src/core/rdp/check-facts';
import { rdpStrictServerAuthentication } from '../../../src/core/rdp/target';

const FINDINGS: NetFinding[] = [
  { ruleId: 'NET011', severity: 'warning', message: 'NLA is not enforced.' },
  { ruleId: 'NET022', severity: 'warning', message: 'Untrusted.' },
  { ruleId: 'NET023', severity: 'warning', message: 'Other name.' },
  { ruleId: 'NET020', severity: 'error', message: 'Expired.' },
];

const severities = (findings: readonly NetFinding[]): string[] => findings.map((f) => `${f.ruleId} ${f.severity}`);

describe('authentication level 1 against the certificate findings', () => {
  it('reads the level and CredSSP from the line clients read (the last), level 1 only', () => {
    assert.deepEqual(rdpStrictServerAuthentication(parseRdp('authentication level:i:2\nauthentication level:i:1\n')), { credssp: true });
    assert.deepEqual(rdpStrictServerAuthentication(parseRdp('authentication level:i:1\nenablecredsspsupport:i:0\n')), { credssp: false });
    assert.deepEqual(rdpStrictServerAuthentication(parseRdp('authentication level:i:1\nenablerdsaadauth:i:1\n')), { credssp: true, entraAuth: true });
    for (const text of ['authentication level:i:2\n', 'authentication level:i:0\n', 'authentication level:i:3\n', 'full address:s:h\n', 'authentication level:i:1\nauthentication level:i:2\n']) {
      assert.equal(rdpStrictServerAuthentication(parseRdp(text)), undefined, text);
    }
  });

  it('makes an untrusted or misnamed certificate an error when Kerberos cannot stand in, and says why', () => {
    const cases: [string, boolean, string | null, string, RegExp][] = [
      ['TLS alone', true, 'SSL', 'rdsh01.contoso.invalid', /selected TLS without CredSSP/],
      ['CredSSP off', false, 'HYBRID', 'rdsh01.contoso.invalid', /enablecredsspsupport:i:0/],
      ['an IPv4 target', true, 'HYBRID', '127.0.0.5', /IP address.*TryIPSPN/],
      ['an IPv6 target', true, 'HYBRID_EX', '::1', /IP address/],
    ];
    for (const [what, credssp, selected, host, why] of cases) {
      const out = atStrictServerAuthentication(FINDINGS, { credssp }, { selected, host });
      assert.deepEqual(severities(out), ['NET011 warning', 'NET022 error', 'NET023 error', 'NET020 error'], what);
      assert.match(out[1]!.message, /^Untrusted\. The file sets authentication level:i:1, so the client refuses to connect: /, what);
      assert.match(out[2]!.message, why, what);
      assert.equal(out[0], FINDINGS[0], 'other findings are left as they are');
      assert.equal(out[3], FINDINGS[3]);
    }
  });

  it("leaves NET022's note alone: a path Windows clients trust that only FreeRDP-based clients reject is no failed server authentication", () => {
    const note: NetFinding = { ruleId: 'NET022', severity: 'info', message: 'Windows clients trust the certificate, but FreeRDP-based clients reject it.' };
    const out = atStrictServerAuthentication([note], { credssp: true }, { selected: 'SSL', host: '127.0.0.5' });
    assert.deepEqual(out, [note]);
    const beside = atStrictServerAuthentication([note, FINDINGS[2]!], { credssp: true }, { selected: 'SSL', host: '127.0.0.5' });
    assert.deepEqual(severities(beside), ['NET022 info', 'NET023 error']);
    assert.equal(beside[0], note);
  });

  it('keeps the warning, with what the connection depends on, for a CredSSP server reached by name', () => {
    for (const selected of ['HYBRID', 'HYBRID_EX', null]) {
      const out = atStrictServerAuthentication(FINDINGS, { credssp: true }, { selected, host: 'rdsh01.contoso.invalid' });
      assert.deepEqual(severities(out), severities(FINDINGS));
      assert.match(out[1]!.message, /connects only when Kerberos authenticates the server/);
    }
  });

  it('makes them an error for a CredSSP server reached by name whose NTLM CHALLENGE shows a workgroup computer, and says what shows it', () => {
    const cases: [WorkgroupEvidence, RegExp][] = [
      [{ name: 'VM' }, /shows a computer in no domain \(it answers for itself rather than for a domain, its NetBIOS domain is its own name, "VM", and it names no forest\), which no Kerberos sign-in can authenticate, so the certificate is the only proof of the server\.$/],
    ];
    for (const [workgroup, why] of cases) {
      const out = atStrictServerAuthentication(FINDINGS, { credssp: true }, { selected: 'HYBRID', host: 'vm.invalid', workgroup });
      assert.deepEqual(severities(out), ['NET011 warning', 'NET022 error', 'NET023 error', 'NET020 error'], workgroup.name);
      assert.match(out[1]!.message, /^Untrusted\. The file sets authentication level:i:1, so the client refuses to connect: the server's NTLM challenge/);
      assert.match(out[2]!.message, why);
    }
    // The file's own reasons come first: they hold whatever the server is.
    const off = atStrictServerAuthentication(FINDINGS, { credssp: false }, { selected: 'HYBRID', host: 'vm.invalid', workgroup: { name: 'VM' } });
    assert.match(off[1]!.message, /enablecredsspsupport:i:0/);
    // A file that signs in with Microsoft Entra ID (enablerdsaadauth:i:1) does not authenticate through NTLM or Kerberos:
    // the CHALLENGE's domain does not decide it, so the finding stays a warning (a review of session 19).
    const entra = atStrictServerAuthentication(FINDINGS, { credssp: true, entraAuth: true }, { selected: 'HYBRID', host: 'vm.invalid', workgroup: { name: 'VM' } });
    assert.deepEqual(severities(entra), ['NET011 warning', 'NET022 warning', 'NET023 warning', 'NET020 error']);
    assert.match(entra[1]!.message, /signs in with Microsoft Entra ID \(enablerdsaadauth:i:1\): .* is not documented\.$/);
    assert.doesNotMatch(entra[1]!.message, /domain sign-in through CredSSP/);
  });

  it('keeps them warnings for a file without CredSSP against a server that requires NLA: its negotiation fails before any certificate (a live review)', () => {
    for (const [selected, host] of [['HYBRID', '127.0.0.1'], ['HYBRID_EX', 'rdsh01.contoso.invalid']] as const) {
      const out = atStrictServerAuthentication(FINDINGS, { credssp: false }, { selected, host, nlaRequired: true, workgroup: { name: 'VM' } });
      assert.deepEqual(severities(out), severities(FINDINGS), host);
      assert.equal(
        out[1]!.message,
        'Untrusted. The file sets authentication level:i:1, but its client does not get as far as the certificate: the file turns CredSSP off (enablecredsspsupport:i:0) and the server requires NLA, so the negotiation fails first (HYBRID_REQUIRED_BY_SERVER).',
      );
      assert.doesNotMatch(out[2]!.message, /refuses to connect/);
    }
    // NLA not required (or not known): the file's client reaches TLS and the certificate, and refuses it there.
    for (const nlaRequired of [false, null]) {
      const out = atStrictServerAuthentication(FINDINGS, { credssp: false }, { selected: 'HYBRID', host: 'rdsh01.contoso.invalid', nlaRequired });
      assert.deepEqual(severities(out), ['NET011 warning', 'NET022 error', 'NET023 error', 'NET020 error'], String(nlaRequired));
    }
    // With CredSSP on, the file's client gets past an NLA server's negotiation: the usual reasons decide.
    const on = atStrictServerAuthentication(FINDINGS, { credssp: true }, { selected: 'HYBRID', host: '127.0.0.1', nlaRequired: true });
    assert.deepEqual(severities(on), ['NET011 warning', 'NET022 error', 'NET023 error', 'NET020 error']);
  });

  it('changes nothing when the certificate raised neither finding', () => {
    const clean = FINDINGS.filter((f) => f.ruleId !== 'NET022' && f.ruleId !== 'NET023');
    assert.deepEqual(atStrictServerAuthentication(clean, { credssp: false }, { selected: 'SSL', host: '127.0.0.5', workgroup: { name: 'VM' } }), clean);
  });
});

describe('what the .rdp files of one host say of how their clients connect', () => {
  const doc = (text: string) => parseRdp(text);
  const viaGw = 'full address:s:h.invalid\ngatewayhostname:s:GW.invalid\ngatewayusagemethod:i:1\n';
  it('keeps a gateway and a level 1 only where every file has the same', () => {
    assert.deepEqual(fileCheckFacts([doc(viaGw), doc(viaGw.replace('GW', 'gw'))]), { gateway: { usageMethod: 1, host: 'GW.invalid' } });
    assert.deepEqual(fileCheckFacts([doc(viaGw), doc('full address:s:h.invalid\n')]), {});
    assert.deepEqual(fileCheckFacts([doc(viaGw), doc(viaGw.replace('usagemethod:i:1', 'usagemethod:i:2'))]), {});
    const strict = 'full address:s:h.invalid\nauthentication level:i:1\n';
    assert.deepEqual(fileCheckFacts([doc(strict), doc(strict)]), { strictServerAuthentication: { credssp: true } });
    assert.deepEqual(fileCheckFacts([doc(strict), doc(`${strict}enablecredsspsupport:i:0\n`)]), {});
    assert.deepEqual(fileCheckFacts([doc(strict), doc('full address:s:h.invalid\n')]), {});
    assert.deepEqual(fileCheckFacts([]), {});
  });

  it('asks about the Microsoft Entra ID sign-in only where every file signs in so: its answer is in the result', () => {
    const entra = 'full address:s:h.invalid\nenablerdsaadauth:i:1\n';
    assert.deepEqual(fileCheckFacts([doc(entra), doc(entra)]), { entraSignIn: true });
    // A file without it gets the result it gets alone: no answer, no finding from it.
    assert.deepEqual(fileCheckFacts([doc('full address:s:h.invalid\n'), doc(entra)]), {});
    assert.deepEqual(fileCheckFacts([doc(entra.replace('i:1', 'i:0'))]), {});
    assert.equal(sameCheckFacts(fileCheckFacts([doc(entra)]), {}), false);
    assert.equal(sameCheckFacts(fileCheckFacts([doc(entra)]), { entraSignIn: true }), true);
  });
});

