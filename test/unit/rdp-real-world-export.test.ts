import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintText } from '../../src/core/lint/lint-file';
import { findProperty } from '../../src/core/rdp/properties/index';

// The property set Windows App for macOS writes in a bookmark it exports (`--script bookmark export`), as a public
// Alfred workflow carries it to rebuild the app's rdp:// URIs (text index id 62445296427; two more copies, ids
// 61964349697 and 62089290442). Typed here in its order; the address and user name are the workflow's own additions.
const WINDOWS_APP_MAC_EXPORT = [
  'administrative session:i:0',
  'allow font smoothing:i:1',
  'allowed security protocols:s:*',
  'allowrelativemousemode:i:0',
  'alternate shell:s:',
  'armpath:s:',
  'audiocapturemode:i:0',
  'audiomode:i:0',
  'authentication level:i:2',
  'authoring tool:s:',
  'autoreconnection enabled:i:1',
  'bandwidthautodetect:i:1',
  'camerastoredirect:s:',
  'connect to console:i:0',
  'connection type:i:7',
  'desktopheight:i:0',
  'desktopwidth:i:0',
  'disable cursor setting:i:0',
  'disable cursor settings:i:0',
  'disable full window drag:i:1',
  'disable menu anims:i:1',
  'disable themes:i:0',
  'disable wallpaper:i:0',
  'drivestoredirect:s:*',
  'dynamic resolution:i:1',
  'enablecredsspsupport:i:1',
  'enablerdsaadauth:i:0',
  'forcehidpioptimizations:i:1',
  'gatewayaccesstoken:s:',
  'gatewaybrokeringtype:i:0',
  'gatewaycertificatelogonauthority:s:',
  'gatewayhostname:s:',
  'gatewayusagemethod:i:2',
  'gatewayusername:s:',
  'geo:s:',
  'hubdiscoverygeourl:s:',
  'loadbalanceinfo:s:',
  'networkautodetect:i:1',
  'prompt for credentials on client:i:0',
  'promptcredentialonce:i:0',
  'redirectclipboard:i:1',
  'redirectcomports:i:0',
  'redirected video capture encoding quality:i:0',
  'redirectlocation:i:0',
  'redirectprinters:i:0',
  'redirectsmartcards:i:0',
  'redirectwebauthn:i:1',
  'remoteapplicationappid:s:',
  'remoteapplicationcmdline:s:',
  'remoteapplicationmode:i:0',
  'remoteapplicationname:s:',
  'remoteapplicationprogram:s:',
  'resourceprovider:s:',
  'screen mode id:i:1',
  'session bpp:i:32',
  'shell working directory:s:',
  'smart sizing:i:1',
  'smartrawprinters:s:',
  'targetisaadjoined:i:0',
  'use multimon:i:0',
  'use redirection server name:i:0',
  'wvd endpoint pool:s:',
  'full address:s:rdsh.example.invalid:3389',
  'username:s:user@example.invalid',
  '',
].join('\n');

describe('.rdp files exported by Windows App for macOS', () => {
  it('warns of no name the app writes: three are known, and its "disable cursor settings" is named as its own, as info', () => {
    const unknown = lintText('rdp', WINDOWS_APP_MAC_EXPORT).findings.filter((f) => f.ruleId === 'RDP002');
    assert.deepEqual(unknown.map((f) => [f.subject, f.severity]), [['disable cursor settings', 'info']]);
    assert.match(unknown[0]!.message, /^"disable cursor settings" is not a Remote Desktop Connection or FreeRDP property: Windows App for macOS writes it .*"disable cursor setting"/);
  });

  it('reads "smartrawprinters" as the Azure Virtual Desktop property Microsoft documents, and a value of "*" or driver-name prefixes as valid', () => {
    const info = findProperty('smartrawprinters')!;
    assert.equal(info.type, 's');
    assert.equal(info.clients.avd, 'documented');
    assert.ok(info.sources.includes('AVD-PRINTERS'));
    assert.notEqual(info.unverified, true);
    for (const value of ['*', 'Brother;ZDesigner', '']) {
      const found = lintText('rdp', `full address:s:rdsh.example.invalid\r\nredirectprinters:i:1\r\nsmartrawprinters:s:${value}\r\n`).findings;
      assert.deepEqual(found.filter((f) => f.ruleId !== 'RDP043').map((f) => f.ruleId), [], value);
    }
  });

  it('knows "allowrelativemousemode" as an undocumented integer switch, and checks no value of it', () => {
    const info = findProperty('allowrelativemousemode')!;
    assert.equal(info.type, 'i');
    assert.equal(info.unverified, true);
    const found = lintText('rdp', 'full address:s:rdsh.example.invalid\r\nallowrelativemousemode:i:1\r\n').findings;
    assert.deepEqual(found.map((f) => f.ruleId), []);
  });
});

// The extra options Devolutions' MsRdpEx reads (the mstsc extension Remote Desktop Manager loads): its README's
// "Extended .RDP File Options" table, at 5a64c5d, one line each as a file writes them.
const MSRDPEX_OPTIONS = [
  'full address:s:rdsh.example.invalid',
  'KDCProxyURL:s:https://kdc.example.invalid:443/KdcProxy',
  'UserSpecifiedServerName:s:rdsh01.example.invalid',
  'EnableMouseJiggler:i:1',
  'MouseJigglerInterval:i:60',
  'MouseJigglerMethod:i:0',
  'AllowBackgroundInput:i:1',
  'EnableRelativeMouse:i:0',
  'DisableCredentialsDelegation:i:1',
  'RedirectedAuthentication:i:0',
  'RestrictedLogon:i:1',
  'DisableUDPTransport:i:1',
  'ConnectToChildSession:i:0',
  'EnableHardwareMode:i:0',
  '',
].join('\r\n');

describe('.rdp options Devolutions MsRdpEx reads', () => {
  it('knows every option its README lists, so none is an unknown property, and checks the 0/1 switches', () => {
    assert.deepEqual(lintText('rdp', MSRDPEX_OPTIONS).findings.map((f) => `${f.ruleId} ${f.subject}`), []);
    const bad = lintText('rdp', MSRDPEX_OPTIONS.replace('RestrictedLogon:i:1', 'RestrictedLogon:i:7')).findings;
    assert.deepEqual(bad.map((f) => `${f.ruleId} ${f.subject}`), ['RDP004 restrictedlogon']);
  });
});
