// `check FILE.rdp` for a file that goes through an RD Gateway: the probe is direct, the client's path is not.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runCheck } from '../../../src/cli/check-command';
import { isInputError, parseTarget } from '../../../src/cli/check-targets';
import { throughGateway } from '../../../src/core/net/gateway-findings';
import { checkHost } from '../../../src/core/net/index';
import { ROOT } from './cli-harness';

const FIXTURES = join(ROOT, 'test/fixtures/rdp');
const ALWAYS = join(FIXTURES, 'gateway-always.rdp');
const FALLBACK = join(FIXTURES, 'gateway-fallback.rdp');
const THROUGH_ALWAYS =
  'The client does not connect here directly: the file sends every connection through the RD Gateway rdgw.invalid (gatewayusagemethod 1), which reaches the session host from its own network. This check probed the session host directly and did not check the gateway path.';

interface Host {
  gateway?: { usageMethod: number; host: string };
  findings: { ruleId: string; severity: string; message: string }[];
}

async function checkJson(targets: string[]): Promise<{ exitCode: number; hosts: Host[] }> {
  const r = await runCheck({ targets, format: 'json', ca: [], timeout: '1000' });
  assert.ok('output' in r, JSON.stringify(r));
  return { exitCode: r.exitCode, hosts: JSON.parse(r.output).hosts };
}

/** A port on 127.0.0.1 that nothing listens on (the kernel picked it, then it was closed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('check of an .rdp file that goes through an RD Gateway', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-gateway-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('the target carries the gateway: method 1 or 2 with a gatewayhostname, nothing for 0, 3, 4 or without a name', () => {
    const gatewayOf = (text: string) => {
      const path = join(dir, 'g.rdp');
      writeFileSync(path, text);
      const t = parseTarget(path, undefined);
      assert.ok(!isInputError(t));
      return t.gateway;
    };
    assert.deepEqual(gatewayOf('full address:s:rdsh01.invalid\ngatewayusagemethod:i:1\ngatewayhostname:s: rdgw.invalid \n'), { usageMethod: 1, host: 'rdgw.invalid' });
    assert.deepEqual(gatewayOf('full address:s:rdsh01.invalid\ngatewayusagemethod:i:2\ngatewayhostname:s:rdgw.invalid:8443\n'), { usageMethod: 2, host: 'rdgw.invalid:8443' });
    for (const method of [0, 3, 4]) assert.equal(gatewayOf(`full address:s:rdsh01.invalid\ngatewayusagemethod:i:${method}\ngatewayhostname:s:rdgw.invalid\n`), undefined);
    assert.equal(gatewayOf('full address:s:rdsh01.invalid\ngatewayusagemethod:i:1\ngatewayhostname:s:\n'), undefined);
  });

  it('gatewayusagemethod 1: a name that does not resolve from here is a warning that names the gateway, and the check exits 0', async () => {
    const { exitCode, hosts } = await checkJson([ALWAYS]);
    assert.deepEqual(hosts[0]!.gateway, { usageMethod: 1, host: 'rdgw.invalid' });
    assert.deepEqual(hosts[0]!.findings.map((f) => [f.ruleId, f.severity]), [['NET001', 'warning']]);
    assert.ok(hosts[0]!.findings[0]!.message.endsWith(` ${THROUGH_ALWAYS}`), hosts[0]!.findings[0]!.message);
    assert.equal(exitCode, 0);
  });

  it('gatewayusagemethod 1: a refused direct connection to 127.0.0.1 is a warning too', async () => {
    const path = join(dir, 'refused.rdp');
    writeFileSync(path, `full address:s:127.0.0.1:${await closedPort()}\r\ngatewayusagemethod:i:1\r\ngatewayhostname:s:rdgw.invalid\r\n`);
    const { exitCode, hosts } = await checkJson([path]);
    assert.deepEqual(hosts[0]!.findings.map((f) => [f.ruleId, f.severity]), [['NET002', 'warning']]);
    assert.match(hosts[0]!.findings[0]!.message, /^Nothing accepts connections on 127\.0\.0\.1 port \d+: the connection was refused\. The client does not connect here directly/);
    assert.equal(exitCode, 0);
  });

  it('gatewayusagemethod 2: the client tries the direct path first, so its failure stays an error, with the gateway named', async () => {
    const { exitCode, hosts } = await checkJson([FALLBACK]);
    assert.deepEqual(hosts[0]!.findings.map((f) => [f.ruleId, f.severity]), [['NET001', 'error']]);
    assert.match(hosts[0]!.findings[0]!.message, / The client tries this direct connection first and, when it fails, goes through the RD Gateway rdgw\.invalid:8443 \(gatewayusagemethod 2\); this check did not check the gateway path\.$/);
    assert.equal(exitCode, 1);
  });

  it('the same host typed on the command line, or from a file without a gateway, is an error as before', async () => {
    const path = join(dir, 'direct.rdp');
    writeFileSync(path, 'full address:s:rdsh01.invalid\r\ngatewayusagemethod:i:4\r\ngatewayhostname:s:rdgw.invalid\r\n');
    const { exitCode, hosts } = await checkJson(['rdsh01.invalid', path]);
    for (const h of hosts) {
      assert.equal(h.gateway, undefined);
      assert.deepEqual(h.findings.map((f) => [f.ruleId, f.severity]), [['NET001', 'error']]);
      assert.doesNotMatch(h.findings[0]!.message, /Gateway/);
    }
    assert.equal(exitCode, 1);
  });

  it('the text report says plainly that the client goes through the gateway and the check probed the host directly', async () => {
    const r = await runCheck({ targets: [ALWAYS], format: 'text', ca: [], timeout: '1000' });
    assert.ok('output' in r);
    assert.match(
      r.output,
      /\n {2}→ Gateway {6}The client connects through the RD Gateway rdgw\.invalid \(gatewayusagemethod 1\); this check probed the session host directly, not the gateway path\.\n/,
    );
    assert.match(r.output, /! DNS/);
    assert.match(r.output, /1 host checked: 0 with errors, 1 with warnings, 0 fine\./);
  });

  it('a configured severity still wins, and what comes after TCP is left as it is (the gateway tunnels it to the same host)', async () => {
    const through = throughGateway(
      [
        { ruleId: 'NET003', severity: 'error', message: 'No answer.' },
        { ruleId: 'NET004', severity: 'error', message: 'Not RDP.' },
        { ruleId: 'NET023', severity: 'warning', message: 'Name.' },
      ],
      { usageMethod: 1, host: 'rdgw.invalid' },
    );
    assert.deepEqual(through.map((f) => [f.ruleId, f.severity]), [['NET003', 'warning'], ['NET004', 'error'], ['NET023', 'warning']]);
    assert.deepEqual(through.slice(1).map((f) => f.message), ['Not RDP.', 'Name.']);
    const gateway = { usageMethod: 1, host: 'rdgw.invalid' } as const;
    const configured = await checkHost({ target: 'rdsh01.invalid', host: 'rdsh01.invalid', port: 3389, gateway }, { timeoutMs: 1000, severities: { NET001: 'error' } });
    assert.deepEqual(configured.findings.map((f) => [f.ruleId, f.severity]), [['NET001', 'error']]);
    assert.deepEqual(configured.gateway, gateway);
  });
});
