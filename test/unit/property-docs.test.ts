import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAddress } from '../../src/core/text/address';
import { isIPv6 } from '../../src/core/text/host-name';
import { propertyMarkdown, valueMarkdown } from '../../src/core/rdp/property-docs';
import { findProperty, PROPERTIES } from '../../src/core/rdp/properties/index';

describe('hover text', () => {
  it('documents a property: type, every value with its meaning, default, clients and source', () => {
    const md = propertyMarkdown(findProperty('authentication level')!);
    assert.match(md, /\*\*authentication level\*\* `i` — integer/);
    for (const v of ['0', '1', '2', '3']) assert.match(md, new RegExp(`- \`${v}\` — `));
    assert.match(md, /\*\*Default:\*\* `3`/);
    assert.match(md, /mstsc .* · Azure Virtual Desktop .* · FreeRDP applied/);
    assert.match(md, /\*\*Source:\*\* \[Microsoft Learn: Supported RDP properties\]\(https:\/\/learn\.microsoft\.com/);
  });

  it('documents every property without throwing', () => {
    for (const p of PROPERTIES) assert.ok(propertyMarkdown(p).includes(p.name));
  });

  it('says what a value does, and marks the default', () => {
    const info = findProperty('enablecredsspsupport')!;
    assert.match(valueMarkdown(info, '0')!, /`0`/);
    assert.match(valueMarkdown(info, '1')!, /\(default\)/);
    assert.equal(valueMarkdown(info, '7'), undefined);
    assert.match(valueMarkdown(findProperty('desktopwidth')!, '1920')!, /allowed range/);
  });
});

describe('parseAddress', () => {
  it('reads host, port and kind', () => {
    assert.deepEqual(parseAddress('rdsh01.contoso.com:3390'), { ok: true, address: { host: 'rdsh01.contoso.com', port: 3390, kind: 'name', hostStart: 0, hostEnd: 18 } });
    assert.deepEqual(parseAddress(' 10.0.0.1'), { ok: true, address: { host: '10.0.0.1', kind: 'ipv4', hostStart: 1, hostEnd: 9 } });
    assert.deepEqual(parseAddress('[::1]:3389'), { ok: true, address: { host: '::1', port: 3389, kind: 'ipv6', hostStart: 1, hostEnd: 4 } });
  });

  it('recognises IPv6 forms and rejects lookalikes', () => {
    for (const ok of ['::1', '::', '1::', 'fe80::1%eth0', '2001:db8::192.0.2.1', '::ffff:192.0.2.1', '1:2:3:4:5:6:7:8']) assert.ok(isIPv6(ok), ok);
    for (const bad of ['1:2:3', '::1::2', 'fe80::g', '1:2:3:4:5:6:7:8:9', 'host', ':::', '1:::2', ':1', '1:', '::1:', ':1::', '1.2.3.4::', '::1.2.3']) assert.ok(!isIPv6(bad), bad);
  });

  it('refuses ":::" as a host, bracketed or bare', () => {
    assert.deepEqual(parseAddress('[:::]:3389'), { ok: false, problem: '":::" is not an IPv6 address' });
    assert.deepEqual(parseAddress(':::'), { ok: false, problem: 'the address has more than one colon' });
  });

  it('treats dotted numbers that are not an IPv4 address as invalid', () => {
    assert.equal(parseAddress('300.1.1.1').ok, false);
    assert.equal(parseAddress('10.0.0').ok, false);
  });
});

describe('what FreeRDP does with the camera settings (a review read file.c alone and took them for applied)', () => {
  // client/common/file.c hands them to the rdpecam channel as arguments (3.0.0 and later); the channel's client,
  // first in 3.5.0, never asks for its arguments (channels/rdpecam/client/camera_device_enum_main.c, up to 3.30.0).
  it('calls the encoding settings read but not used, and says why', () => {
    for (const name of ['encode redirected video capture', 'redirected video capture encoding quality']) {
      const md = propertyMarkdown(findProperty(name)!);
      assert.match(md, /FreeRDP read but not used/, name);
      assert.match(md, /FreeRDP 3 hands it to its camera channel as the argument `(encode|quality):`, with `camerastoredirect`, but the channel reads none of its arguments/, name);
    }
  });
  it('says that FreeRDP redirects every camera whatever the list', () => {
    assert.match(propertyMarkdown(findProperty('camerastoredirect')!), /does not read the list: its camera channel offers the server every camera it finds\./);
  });
});
