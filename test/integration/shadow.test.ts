import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkHost, TrustStore } from '../../src/core/net/index';
import { generateCertificates, type CertCase } from './lab/certs';
import { missingBinaries } from './lab/processes';
import { ShadowServer } from './lab/shadow';

const missing = missingBinaries(['freerdp-shadow-cli', 'Xvfb', 'winpr-hash', 'openssl']);
const skip = missing.length > 0 && `not installed: ${missing.join(', ')} (CI installs them; see .ci/run)`;

describe('FreeRDP shadow server with /sec:nla (real server)', { skip }, () => {
  let dir: string;
  let valid: CertCase;
  let store: TrustStore;
  let shadow: ShadowServer;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-shadow-'));
    const generated = generateCertificates(dir, ['valid']);
    valid = generated.cases.valid!;
    store = new TrustStore([new X509Certificate(generated.caPem)]);
    shadow = await ShadowServer.start(dir, valid);
  });
  after(async () => {
    await shadow?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('requires NLA: CredSSP selected, everything else refused with HYBRID_REQUIRED_BY_SERVER', async () => {
    const r = await checkHost({ target: `127.0.0.1:${shadow.port}`, host: '127.0.0.1', port: shadow.port }, { timeoutMs: 3000, store });
    const n = r.negotiation!;
    assert.deepEqual(
      { rdp: n.rdp, ssl: n.ssl, hybrid: n.hybrid, hybridEx: n.hybridEx, rdstls: n.rdstls, nlaRequired: n.nlaRequired, selected: n.selected },
      { rdp: false, ssl: false, hybrid: true, hybridEx: false, rdstls: false, nlaRequired: true, selected: 'HYBRID' },
    );
    assert.equal(n.failures.rdp, 'HYBRID_REQUIRED_BY_SERVER');
    assert.equal(n.failures.ssl, 'HYBRID_REQUIRED_BY_SERVER');
    assert.deepEqual(r.findings.map((f) => f.ruleId), ['NET010']);
    assert.equal(r.findings[0]!.severity, 'info');
    assert.ok(r.tls, 'the TLS handshake under CredSSP completes without credentials');
    assert.equal(r.certificate!.sha1, valid.sha1);
    assert.equal(r.certificate!.sha256, valid.sha256);
    assert.equal(r.certificate!.trusted, true);
  });
});
