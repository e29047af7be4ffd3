// How `rdp-doctor check` reads a target on its command line (SPEC §3: host, host:port, [v6]:port, an .rdp file).
import assert from 'node:assert/strict';
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
});
