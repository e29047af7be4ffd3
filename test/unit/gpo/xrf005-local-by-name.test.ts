// XRF005 for a `.rdp` file that connects by name but signs in with a local account of the server (docs/known-gaps.md
// until session 28): Windows signs a local account in with NTLM only, so denied NTLM fails it by name as by address.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readRegistryPol } from '../../../src/core/gpo/read-registry-pol';
import { readSecurityTemplate } from '../../../src/core/gpo/read-security-template';
import { KEYS } from '../../../src/core/gpo/well-known-keys';
import { crossCheck } from '../../../src/core/rules/xrf/cross-check';
import { XRF_RULES } from '../../../src/core/rules/xrf/index';
import { accountOf } from '../../../src/core/rules/xrf/xrf005-ntlm-incoming';
import { xrf005 } from '../../../src/core/rules/xrf/xrf005-ntlm-restricted-vs-target';
import { writeRegistryPol } from '../../support/registry-pol-writer';
import { assertMessage } from './helpers';
import { exported, FORMATS, MSV, NETLOGON, rdp } from './xrf005-fixtures';

const OUTGOING = 'Network security: Restrict NTLM: Outgoing NTLM traffic to remote servers';
const HOST = 'full address:s:rdsh01.corp.invalid\r\n';
/** Where the host of `full address:s:` starts: the finding's place. */
const AT = 'client.rdp:15';

/** An account a file names, and whether it is a local account of the server at `rdsh01.corp.invalid` (the table's key). */
const LOCAL: readonly [string, string][] = [
  ['.\\admin', 'username:s:.\\admin\r\n'],
  ['domain "." and user admin', 'username:s:admin\r\ndomain:s:.\r\n'],
  ['RDSH01\\admin (the first label, upper case)', 'username:s:RDSH01\\admin\r\n'],
  ['rdsh01\\admin', 'username:s:rdsh01\\admin\r\n'],
  ['domain RDSH01 and user admin', 'username:s:admin\r\ndomain:s:RDSH01\r\n'],
];
const NOT_LOCAL: readonly [string, string][] = [
  ['CORP\\alice (a domain)', 'username:s:CORP\\alice\r\n'],
  ['domain CORP and user alice', 'username:s:alice\r\ndomain:s:CORP\r\n'],
  ['alice@corp.invalid (a UPN)', 'username:s:alice@corp.invalid\r\n'],
  ['alice (no domain: the server decides)', 'username:s:alice\r\n'],
  ['RDSH02\\admin (another computer\'s name)', 'username:s:RDSH02\\admin\r\n'],
  ['rdsh01.corp.invalid\\admin (the whole name, not the first label)', 'username:s:rdsh01.corp.invalid\\admin\r\n'],
  ['corp\\admin (the second label)', 'username:s:corp\\admin\r\n'],
  ['no user at all', ''],
  ['domain "." and no user name (the prompt may take any account)', 'domain:s:.\r\n'],
];

describe('XRF005: a local account of the server reached by name', () => {
  describe('the client denies outgoing NTLM (RestrictSendingNTLMTraffic 2)', () => {
    for (const [format, make] of Object.entries(FORMATS)) {
      const deny = make(MSV, 'RestrictSendingNTLMTraffic', 2, OUTGOING);
      for (const [title, user] of LOCAL) {
        it(`${format}: rejects ${title}`, () => {
          const found = crossCheck(XRF_RULES, { rdpFiles: [rdp(HOST + user)], exports: [deny] });
          assert.deepEqual(found.map((f) => [f.ruleId, f.severity, f.subject, f.at]), [['XRF005', 'error', 'full address', AT]]);
          assert.deepEqual(found[0]!.related.map((r) => r.path), [deny.path]);
          assertMessage('XRF005', found[0]!.message);
          assert.match(
            found[0]!.message,
            /^The "full address" target "rdsh01\.corp\.invalid" is reached by name and outgoing NTLM is denied \("RestrictSendingNTLMTraffic" is 2 in [^)]+\): the file's (user "[^"]+"|account) is a local account of the server.*, which Windows signs in with NTLM only \(Kerberos serves domain accounts\), so CredSSP cannot authenticate and the connection fails\. Sign in with a domain account, or add "rdsh01\.corp\.invalid" to "Network security: Restrict NTLM: Add remote server exceptions for NTLM authentication" on the client\.$/,
          );
        });
      }
      it(`${format}: accepts every account that is not a local one, and Allow all (0) and Audit all (1)`, () => {
        for (const [title, user] of NOT_LOCAL) assert.deepEqual(crossCheck(XRF_RULES, { rdpFiles: [rdp(HOST + user)], exports: [deny] }), [], title);
        for (const n of [0, 1]) assert.deepEqual(crossCheck(XRF_RULES, { rdpFiles: [rdp(`${HOST}username:s:.\\admin\r\n`)], exports: [make(MSV, 'RestrictSendingNTLMTraffic', n, OUTGOING)] }), [], `value ${n}`);
      });
    }

    it('the message names the target\'s first label when it makes the account local', () => {
      const found = crossCheck([xrf005], { rdpFiles: [rdp(`${HOST}username:s:RDSH01\\admin\r\n`)], exports: [FORMATS['.reg']!(MSV, 'RestrictSendingNTLMTraffic', 2)] });
      assert.match(found[0]!.message, /the file's user "RDSH01\\admin" is a local account of the server \("RDSH01" is the target's first label, the server's own computer name\), which Windows signs in with NTLM only/);
    });

    it('a first label longer than 15 characters is the computer name cut to 15 (Computer Names), or whole', () => {
      const deny = FORMATS['GptTmpl.inf']!(MSV, 'RestrictSendingNTLMTraffic', 2);
      const long = 'full address:s:verylongservername01.corp.invalid\r\n';
      for (const user of ['VERYLONGSERVERN\\admin', 'verylongservername01\\admin']) {
        assert.deepEqual(crossCheck([xrf005], { rdpFiles: [rdp(`${long}username:s:${user}\r\n`)], exports: [deny] }).map((f) => f.severity), ['error'], user);
      }
      assert.deepEqual(crossCheck([xrf005], { rdpFiles: [rdp(`${long}username:s:VERYLONGSERVER\\admin\r\n`)], exports: [deny] }), [], 'cut to 14 is another name');
    });

    it('a single-label target, an alternate full address, and each target on its own', () => {
      const deny = FORMATS['.reg']!(MSV, 'RestrictSendingNTLMTraffic', 2);
      assert.deepEqual(crossCheck([xrf005], { rdpFiles: [rdp('full address:s:RDSH01:3390\r\nusername:s:rdsh01\\admin\r\n')], exports: [deny] }).map((f) => f.at), [AT]);
      const both = rdp('full address:s:rdsh01.corp.invalid\nalternate full address:s:rdsh02.corp.invalid\nusername:s:RDSH02\\admin\n');
      const found = crossCheck([xrf005], { rdpFiles: [both], exports: [deny] });
      assert.deepEqual(found.map((f) => [f.subject, f.at]), [['alternate full address', 'client.rdp:60']], 'RDSH02 is local to the alternate target only');
      const ip = rdp('full address:s:rdsh01.corp.invalid\nalternate full address:s:127.0.0.5\nusername:s:.\\admin\n');
      assert.deepEqual(crossCheck([xrf005], { rdpFiles: [ip], exports: [deny] }).map((f) => f.subject), ['alternate full address', 'full address'], 'the IP target first, as before');
    });

    it('a file that turns CredSSP off sends no NTLM of its own: not reported', () => {
      const off = rdp(`${HOST}username:s:.\\admin\r\nenablecredsspsupport:i:0\r\n`);
      assert.deepEqual(crossCheck([xrf005], { rdpFiles: [off], exports: [FORMATS['GptTmpl.inf']!(MSV, 'RestrictSendingNTLMTraffic', 2)] }), []);
    });

    it('TryIPSPN changes nothing for a local account by name: still an error, with no SPN advice', () => {
      const tryIp = FORMATS['.reg']!(KEYS.kerberosParameters, 'TryIPSPN', 1);
      const found = crossCheck([xrf005], { rdpFiles: [rdp(`${HOST}username:s:.\\admin\r\n`)], exports: [FORMATS['GptTmpl.inf']!(MSV, 'RestrictSendingNTLMTraffic', 2), { ...tryIp, path: 'kerberos.reg' }] });
      assert.deepEqual(found.map((f) => [f.severity, f.related.map((r) => r.path)]), [['error', ['GptTmpl.inf']]]);
      assert.doesNotMatch(found[0]!.message, /TERMSRV|TryIPSPN/);
    });
  });

  describe('the NTLM server exception list (ClientAllowedNTLMServers) names servers by the name the client uses', () => {
    const template = (list: string) =>
      exported(
        'GptTmpl.inf',
        readSecurityTemplate(`[Unicode]\r\nUnicode=yes\r\n[Version]\r\nsignature="$CHICAGO$"\r\nRevision=1\r\n[Registry Values]\r\nMACHINE\\${MSV}\\RestrictSendingNTLMTraffic=4,2\r\nMACHINE\\${MSV}\\ClientAllowedNTLMServers=7,${list}\r\n`),
      );
    const local = rdp(`${HOST}username:s:.\\admin\r\n`);

    it('a list that names the target (exactly, without case, by a wildcard, or "*") silences it', () => {
      for (const list of ['rdsh01.corp.invalid', 'RDSH01.CORP.INVALID', 'rdsh*.corp.invalid', '*.corp.invalid', 'rdsh0*', 'other.invalid,rdsh01.corp.invalid', '*']) {
        assert.deepEqual(crossCheck(XRF_RULES, { rdpFiles: [local], exports: [template(list)] }), [], list);
      }
    });

    it('a list that does not name it: an error that says so and points at the list', () => {
      const found = crossCheck([xrf005], { rdpFiles: [local], exports: [template('rdsh02.corp.invalid,127.0.0.*')] });
      assert.deepEqual(found.map((f) => f.severity), ['error']);
      assert.match(found[0]!.message, / The NTLM server exception list \("ClientAllowedNTLMServers" in GptTmpl\.inf\) does not name "rdsh01\.corp\.invalid"\. Sign in with a domain account/);
      assert.equal(found[0]!.related[1]!.message, '"ClientAllowedNTLMServers" in the NTLM security options (Lsa\\MSV1_0) lists "rdsh02.corp.invalid", "127.0.0.*": NTLM may be sent only to these.');
    });

    it('an entry in the other form (NetBIOS name or FQDN) or an SPN: no verdict Microsoft documents, so a warning that says why', () => {
      const cases: [string, string, RegExp][] = [
        [HOST, 'RDSH01', /its entry "RDSH01" names the server in its other form \(NetBIOS name or FQDN\), and Microsoft does not say whether one form covers a connection made with the other \(it advises listing both\)\./],
        ['full address:s:verylongservername01.corp.invalid\r\n', 'VERYLONGSERVERN', /its entry "VERYLONGSERVERN" names the server in its other form/],
        ['full address:s:RDSH01\r\n', 'rdsh01.corp.invalid', /its entry "rdsh01\.corp\.invalid" names the server in its other form/],
        [HOST, 'TERMSRV/rdsh01.corp.invalid', /its entry "TERMSRV\/rdsh01\.corp\.invalid" is written as a service principal name, and Microsoft does not say whether such an entry is matched\./],
        [HOST, 'TERMSRV/RDSH01', /its entry "TERMSRV\/RDSH01" is written as a service principal name and names the server in its other form/],
      ];
      for (const [target, list, words] of cases) {
        const found = crossCheck([xrf005], { rdpFiles: [rdp(`${target}username:s:.\\admin\r\n`)], exports: [template(list)] });
        assert.deepEqual(found.map((f) => f.severity), ['warning'], list);
        assertMessage('XRF005', found[0]!.message);
        assert.match(found[0]!.message, /the connection fails\. Whether the NTLM server exception list \("ClientAllowedNTLMServers" in GptTmpl\.inf\) lets NTLM through is not known: its entry /, list);
        assert.match(found[0]!.message, words, list);
      }
      for (const list of ['RDSH02', 'rdsh01.other.invalid', 'TERMSRV/rdsh02.corp.invalid', 'HOST/', '/rdsh01.corp.invalid']) {
        assert.deepEqual(crossCheck([xrf005], { rdpFiles: [local], exports: [template(list)] }).map((f) => f.severity), ['error'], list);
      }
    });

    it('an IP target listed only in SPN form is a warning too; a name entry is no form of an IP address', () => {
      const ip = rdp('full address:s:127.0.0.5\r\n');
      const spn = crossCheck([xrf005], { rdpFiles: [ip], exports: [template('TERMSRV/127.0.0.5')] });
      assert.deepEqual(spn.map((f) => f.severity), ['warning']);
      assert.match(spn[0]!.message, /its entry "TERMSRV\/127\.0\.0\.5" is written as a service principal name, and Microsoft does not say whether such an entry is matched\. Connect by the server's name\.$/);
      assert.deepEqual(crossCheck([xrf005], { rdpFiles: [ip], exports: [template('127')] }).map((f) => f.severity), ['error'], 'an IP address has no first label');
    });

    it('a Registry.pol list beside a .reg that denies counts, as for IP targets', () => {
      const list = exported('Machine/Registry.pol', readRegistryPol(writeRegistryPol([{ key: MSV, valueName: 'ClientAllowedNTLMServers', type: 'REG_MULTI_SZ', data: ['RDSH01.corp.invalid'] }])).doc);
      assert.deepEqual(crossCheck([xrf005], { rdpFiles: [local], exports: [FORMATS['.reg']!(MSV, 'RestrictSendingNTLMTraffic', 2), list] }), []);
    });
  });

  describe('the server refuses incoming NTLM', () => {
    for (const [format, make] of Object.entries(FORMATS)) {
      it(`${format}: Deny all accounts (2) fails a local account by name; Deny all domain accounts (1), Allow all (0) and domain accounts do not`, () => {
        const deny = make(MSV, 'RestrictReceivingNTLMTraffic', 2);
        for (const [title, user] of LOCAL) {
          const found = crossCheck(XRF_RULES, { rdpFiles: [rdp(HOST + user)], exports: [deny] });
          assert.deepEqual(found.map((f) => [f.ruleId, f.severity, f.at]), [['XRF005', 'error', AT]], title);
          assert.equal(found[0]!.related[0]!.path, deny.path);
          assertMessage('XRF005', found[0]!.message);
          assert.match(
            found[0]!.message,
            /^The "full address" target "rdsh01\.corp\.invalid" is reached by name, and the server refuses every incoming NTLM sign-in \("Network security: Restrict NTLM: Incoming NTLM traffic" is "Deny all accounts", "RestrictReceivingNTLMTraffic" = 2 in [^)]+\): the file's (user "[^"]+"|account) is a local account of the server.*, which Windows signs in with NTLM only \(Kerberos serves domain accounts\), so the connection fails\. Sign in with a domain account so that Kerberos is used, or relax the policy\.$/,
            title,
          );
        }
        for (const [title, user] of NOT_LOCAL) assert.deepEqual(crossCheck(XRF_RULES, { rdpFiles: [rdp(HOST + user)], exports: [deny] }), [], title);
        for (const n of [0, 1]) assert.deepEqual(crossCheck([xrf005], { rdpFiles: [rdp(`${HOST}username:s:.\\admin\r\n`)], exports: [make(MSV, 'RestrictReceivingNTLMTraffic', n)] }), [], `value ${n}`);
      });

      it(`${format}: a domain controller's RestrictNTLMInDomain never concerns a local account (no pass-through)`, () => {
        for (const n of [1, 3, 5, 7]) {
          const dc = make(NETLOGON, 'RestrictNTLMInDomain', n, 'Network security: Restrict NTLM: NTLM authentication in this domain');
          assert.deepEqual(crossCheck([xrf005], { rdpFiles: [rdp(`${HOST}username:s:.\\admin\r\n`), rdp(`${HOST}username:s:CORP\\alice\r\n`, 'domain.rdp')], exports: [dc] }), [], `value ${n}`);
        }
      });
    }

    it('a gpresult of the server named by the target is certain; of another computer, only info that says why', () => {
      const gpresult = FORMATS['gpresult XML']!(MSV, 'RestrictReceivingNTLMTraffic', 2);
      assert.deepEqual(crossCheck([xrf005], { rdpFiles: [rdp(`${HOST}username:s:.\\admin\r\n`)], exports: [gpresult] }).map((f) => f.severity), ['error']);
      const other = crossCheck([xrf005], { rdpFiles: [rdp('full address:s:legacy01.corp.invalid\r\nusername:s:LEGACY01\\admin\r\n')], exports: [gpresult] });
      assert.deepEqual(other.map((f) => f.severity), ['info']);
      assert.match(other[0]!.message, /Whether the value applies there is not certain: the gpresult in gpresult\.xml was run for "CORP\\RDSH01\$", and whether "legacy01\.corp\.invalid" reaches that computer/);
    });

    it('the client side wins: denied outgoing NTLM keeps its own message, one finding per target', () => {
      const both = exported(
        'GptTmpl.inf',
        readSecurityTemplate(`[Unicode]\r\nUnicode=yes\r\n[Version]\r\nsignature="$CHICAGO$"\r\nRevision=1\r\n[Registry Values]\r\nMACHINE\\${MSV}\\RestrictSendingNTLMTraffic=4,2\r\nMACHINE\\${MSV}\\RestrictReceivingNTLMTraffic=4,2\r\n`),
      );
      const found = crossCheck([xrf005], { rdpFiles: [rdp(`${HOST}username:s:.\\admin\r\n`)], exports: [both] });
      assert.equal(found.length, 1);
      assert.match(found[0]!.message, /outgoing NTLM is denied/);
    });
  });

  it('reads NAME\\user as local only against a name target whose first label is NAME', () => {
    const user = rdp(`${HOST}username:s:RDSH01\\admin\r\n`).facts.user;
    assert.equal(accountOf(user, 'rdsh01.corp.invalid').kind, 'local');
    assert.equal(accountOf(user, 'Rdsh01').kind, 'local');
    assert.equal(accountOf(user, 'rdsh02.corp.invalid').kind, 'named');
    assert.equal(accountOf(user).kind, 'named', 'without a name target, as for an IP address');
  });
});
