// The silent connection behind NET028's "closed before CredSSP" (credssp-unprompted.ts), against fake CredSSP servers
// that end one NTLM question and then treat the next connection badly: it costs no more than the check's budget, leaves
// nothing open, and a connection reset by chance is not taken for a server that ends every connection.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkHost } from '../../src/core/net/index';
import { generateCertificates } from './lab/certs';
import { startCredSspServer, type AfterNtlmClose } from './lab/credssp-servers';
import { settled } from './lab/handles';
import { missingBinaries } from './lab/processes';

const skip = missingBinaries(['openssl']).length > 0 && 'openssl not installed (test certificates)';
/** Scheduling slack on a busy machine. */
const MARGIN_MS = 500;
/** For a server that answers: so long that only an answer that did not wait for it ends the check (no clock is read). */
const ANSWERED_TIMEOUT_MS = 600_000;
/** Ends a check that waits out ANSWERED_TIMEOUT_MS as a failure, not a hang. */
const HANG_MS = 60_000;

describe('the silent connection after an NTLM question ended without a byte', { skip }, () => {
  let dir: string;
  let tlsKey: { cert: Buffer; key: Buffer };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-unprompted-'));
    const valid = generateCertificates(dir, ['valid']).cases.valid!;
    tlsKey = { cert: readFileSync(valid.cert), key: readFileSync(valid.key) };
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const check = async (afterClose: AfterNtlmClose, options: { timeoutMs: number; budgetMs?: number }) => {
    const server = await startCredSspServer('close', tlsKey, afterClose);
    const began = Date.now();
    const host = await checkHost({ target: afterClose, host: '127.0.0.1', port: server.port }, options);
    const took = Date.now() - began;
    await server.close();
    assert.deepEqual(await settled(), [], 'nothing of the check is left open');
    return { host, took };
  };
  const refusal = (host: Awaited<ReturnType<typeof checkHost>>): void => {
    assert.deepEqual(host.findings.filter((f) => f.ruleId === 'NET028'), [], JSON.stringify(host.findings));
    assert.deepEqual(host.findings.filter((f) => f.ruleId === 'NET013').map((f) => f.severity), ['warning']);
    assert.equal(host.negotiation?.hybrid, true);
  };

  // gnome-remote-desktop 43 now and then resets a connection (grd.ts): one NTLM question closed and one silent
  // connection reset are two drops, not a server that ends every connection; FreeRDP's servers that cannot bind
  // CredSSP end it with a FIN (seen with freerdp-shadow-cli 2.11 and an Ed25519 certificate: 'end', then 'close').
  it('reset once TLS is up: not counted as a close, so still the NTLM-refusal warning', async () => {
    const { host } = await check('reset', { timeoutMs: 2000 });
    refusal(host);
  });

  // Two orderly ends by chance are as much a flaky server's doing: the server that ends every connection ends a second
  // silent one too, and only then is it NET028 (credssp-hostile.test.ts: close-after-handshake).
  it('ends one silent connection in order and waits on the next: still the NTLM-refusal warning', async () => {
    const { host } = await check('end-once', { timeoutMs: 2000 });
    refusal(host);
    assert.ok((host.timings.credSspSilenceMs ?? 0) >= 900, 'the second silent connection was watched');
  });

  // Cancelled while the silent connection waits: a cancelled check, as during any other step, not a complete result
  // with NTLM's warning (the extension keeps an earlier complete result over a cancelled one, check-service.ts).
  it('cancelled during the silent connection: the result says cancelled', async () => {
    const server = await startCredSspServer('close', tlsKey, 'stall-confirm');
    const controller = new AbortController();
    const cancel = setTimeout(() => controller.abort(), 1000);
    const host = await checkHost({ target: 'cancel', host: '127.0.0.1', port: server.port }, { timeoutMs: 3000, signal: controller.signal });
    clearTimeout(cancel);
    await server.close();
    assert.ok((host.timings.credSspSilenceMs ?? 0) > 0, `the cancel came during the silent connection: ${JSON.stringify(host.timings)}`);
    assert.equal(host.cancelled, true);
    assert.deepEqual(await settled(), []);
  });

  // The Confirm comes with a TLS record, then nothing (hostile.test.ts tls-record-with-confirm): the silent connection's
  // handshake fails on that record at once; on the socket's handle alone it never got it and waited out the step's timeout.
  it('record-with-confirm: the silent connection ends on the record that came with its Confirm, and the warning stays', { timeout: HANG_MS }, async () => {
    const { host } = await check('record-with-confirm', { timeoutMs: ANSWERED_TIMEOUT_MS });
    assert.deepEqual(host.findings.filter((f) => f.ruleId === 'NET013').map((f) => f.severity), ['warning']);
    // A capped handshake that came after the NTLM question's end met the record too (a TLS 1.3-only warning at most).
    assert.ok(!host.findings.some((f) => f.severity === 'error'), JSON.stringify(host.findings));
    assert.notEqual(host.timings.credSspSilenceMs, undefined, 'the silent connection was asked');
  });

  for (const afterClose of ['stall-confirm', 'stall-tls'] as const) {
    it(`${afterClose}: the silent connection ends with the check's budget, and the warning stays`, async () => {
      const { host, took } = await check(afterClose, { timeoutMs: 2000, budgetMs: 1500 });
      refusal(host);
      assert.ok(took < 1500 + MARGIN_MS, `took ${took} ms`);
    });
    it(`${afterClose}: one step's timeout at most when the budget is larger`, async () => {
      const { host, took } = await check(afterClose, { timeoutMs: 800 });
      refusal(host);
      assert.ok((host.timings.credSspSilenceMs ?? 0) < 800 + MARGIN_MS, JSON.stringify(host.timings));
      assert.ok(took < 2400 + MARGIN_MS, `took ${took} ms`);
    });
  }
});
