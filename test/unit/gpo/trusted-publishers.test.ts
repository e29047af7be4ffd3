import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readGpoReport } from '../../../src/core/gpo/read-gpo-report';
import { readReg } from '../../../src/core/gpo/read-reg';
import { trustedPublishers } from '../../../src/core/gpo/trusted-publishers';
import { KEYS } from '../../../src/core/gpo/well-known-keys';
import { signerThumbprints } from '../../../src/core/rdp/signer';
import { lintRdp } from '../../../src/core/rules/engine';
import { rdp043 } from '../../../src/core/rules/rdp/rdp043-redirection-exposure';
import { policyFacts } from '../../../src/core/rules/xrf/facts';
import { policyXml, reportXml, ROOT } from './helpers';

const CONTOSO = readFileSync(join(ROOT, 'test/fixtures/rdp/signed-by-contoso.rdp'), 'utf8');
const SIGNER = 'EE7982BCCEEFCAE0DAC417040349AD1094F7A853';

const facts = (path: string, doc: ReturnType<typeof readReg>) => ({ path, values: policyFacts(doc, () => path).values });

describe('publishers trusted by policy (TrustedCertThumbprints)', () => {
  it('.reg: the computer and user lists combine; other values and keys do not count', () => {
    const reg = readReg(
      `Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\${KEYS.tsPolicy}]\r\n"TrustedCertThumbprints"="${SIGNER.toLowerCase()}"\r\n` +
        `[HKEY_CURRENT_USER\\${KEYS.tsPolicy}]\r\n"TrustedCertThumbprints"="${'1'.repeat(40)}, junk"\r\n` +
        `[HKEY_LOCAL_MACHINE\\${KEYS.tsClientPolicy}]\r\n"TrustedCertThumbprints"="${'2'.repeat(40)}"\r\n`,
    );
    assert.deepEqual([...trustedPublishers([facts('client.reg', reg)])], [[SIGNER, 'client.reg'], ['1'.repeat(40), 'client.reg']]);
  });

  // Since the July 2026 update the policy takes "SHA-256 thumbprints or a stronger algorithm" behind the prefixes its
  // Help text gives (sha256:, sha384:, sha512:); an entry without one is a SHA-1 thumbprint. RDP Doctor read only
  // SHA-256 and took 64 digits without a prefix for one: a signer listed by SHA-384 was "signed, each still off", and
  // one listed by a bare SHA-256 digest, which the client reads as no SHA-1 thumbprint, was "trusted by policy".
  it('SHA-2 thumbprints count behind their prefix only, SHA-384 and SHA-512 too', () => {
    const signature = CONTOSO.split(/\r?\n/).find((l) => l.startsWith('signature:s:'))!.slice('signature:s:'.length);
    const der = signerThumbprints(signature)!.der;
    const digest = (algorithm: string): string => createHash(algorithm).update(der).digest('hex');
    const verdict = (entry: string): string => {
      const reg = readReg(`Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\${KEYS.tsPolicy}]\r\n"TrustedCertThumbprints"="${entry}"\r\n`);
      return lintRdp(CONTOSO, { rules: [rdp043], trustedPublishers: trustedPublishers([facts('client.reg', reg)]) }).findings[0]!.message;
    };
    for (const algorithm of ['sha256', 'sha384', 'sha512']) {
      const thumbprint = digest(algorithm).toUpperCase();
      assert.match(verdict(`${algorithm}:${digest(algorithm)}`), new RegExp(`its signer ${thumbprint} is trusted by policy \\("TrustedCertThumbprints" in client\\.reg\\)`), algorithm);
    }
    for (const entry of [digest('sha256'), `sha512:${digest('sha384')}`, `md5:${digest('md5')}`]) {
      assert.match(verdict(entry), /it is signed, so clients updated since April 2026 name the publisher/, entry);
    }
  });

  it('report XML: the Administrative Template policy maps to the value, and RDP043 then names the trusted signer', () => {
    const edit = `          <q:EditText>\n            <q:Name>Comma-separated list of SHA1 trusted certificate thumbprints:</q:Name>\n            <q:State>Enabled</q:State>\n            <q:Value>${SIGNER}</q:Value>\n          </q:EditText>`;
    const doc = readGpoReport(reportXml(policyXml('Specify SHA1 thumbprints of certificates representing trusted .rdp publishers', 'Enabled', edit), { gpo: 'RDP publishers' }));
    assert.deepEqual(doc.problems, []);
    const trusted = trustedPublishers([facts('publishers.xml', doc)]);
    assert.equal(trusted.get(SIGNER), 'publishers.xml');
    const [finding] = lintRdp(CONTOSO, { rules: [rdp043], trustedPublishers: trusted }).findings;
    assert.match(finding!.message, /its signer EE7982BCCEEFCAE0DAC417040349AD1094F7A853 is trusted by policy \("TrustedCertThumbprints" in publishers\.xml\)/);
    assert.match(lintRdp(CONTOSO, { rules: [rdp043] }).findings[0]!.message, /it is signed, so clients updated since April 2026 name the publisher/);
  });
});
