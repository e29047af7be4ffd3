// How `rdp-doctor check` reads a target on its command line (SPEC §3: host, host:port, [v6]:port, an .rdp file).
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isInputError, parseTarget } from '../../../src/cli/check-targets';

const read = (arg: string) => {
  const t = parseTarget(arg, undefined);
  return isInputError(t) ? t.message : `${t.host} ${t.port}`;
};

describe('check targets on the command line', () => {
  it('host, host:port, [v6], [v6]:port, and a whole IPv6 address on 3389 (its last group never read as a port)', () => {
    assert.equal(read('rdsh01.example.invalid'), 'rdsh01.example.invalid 3389');
    assert.equal(read('127.0.0.1:3390'), '127.0.0.1 3390');
    assert.equal(read('[::1]'), '::1 3389');
    assert.equal(read('[::1]:3391'), '::1 3391');
    assert.equal(read('::1'), '::1 3389');
    assert.equal(read('fe80::1:3389'), 'fe80::1:3389 3389');
  });

  it('anything else is refused with its reason, never looked up', () => {
    assert.match(read('0177.0.0.1'), /^Not a host, host:port or \.rdp file: "0177\.0\.0\.1" ends in a number, which resolvers read as \(part of\) an IPv4 address: write the address as four decimal numbers, or the host's name\.$/);
    assert.match(read('0x7f000001:1'), /^Not a host, host:port or \.rdp file: "0x7f000001" ends in a number/);
    assert.match(read('not_valid-.host'), /is not a valid host name or IP address\.$/);
    assert.match(read('127.0.0.1:2:3'), /more than one colon/);
    assert.match(read('host name'), /blanks/);
  });

  it('a Hyper-V VM console file (pcb to port 2179) is not probed: its host wants the VM ID first, so a reset is no verdict', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rdp-doctor-vmconnect-'));
    const file = (name: string, lines: string[]) => {
      const path = join(dir, name);
      writeFileSync(path, lines.join('\r\n'));
      return path;
    };
    const pcb = 'pcb:s:5A0A1BB5-ED4C-4C24-9F39-3F1D2E7A3C11;EnhancedMode=1';
    assert.match(read(file('vm.rdp', ['full address:s:127.0.0.1:2179', pcb, 'negotiate security layer:i:0'])), /^vm\.rdp opens a Hyper-V VM console \(a "pcb" sent to port 2179\): .*which check does not send, so it cannot probe this connection\./);
    assert.match(read(file('port-line.rdp', ['full address:s:127.0.0.1', 'server port:i:2179', pcb])), /^port-line\.rdp opens a Hyper-V VM console/);
    // A pcb to another port (a load balancer's token) and port 2179 without a pcb are probed as any listener.
    assert.equal(read(file('broker.rdp', ['full address:s:127.0.0.1', 'pcb:s:tsv://vm01'])), '127.0.0.1 3389');
    assert.equal(read(file('no-pcb.rdp', ['full address:s:127.0.0.1:2179'])), '127.0.0.1 2179');
  });
});
