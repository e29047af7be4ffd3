import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintText } from '../../src/core/lint/lint-file';
import { LineIndex } from '../../src/core/text/line-index';

/** The rule IDs and 1-based lines of a `.rdp` text's findings. */
function findings(text: string): string[] {
  const index = new LineIndex(text);
  return lintText('rdp', text).findings.map((f) => `${f.ruleId}@${index.positionAt(f.span.start).line + 1}`);
}

// The property set and order Microsoft Remote Desktop for Mac writes when it exports a PC, as public repositories
// carry it (a macOS set-up script and a Go launcher template in the text index, ids 10882395255 and 51964825387).
// Typed here as an excerpt: one line per property the client writes, with its default values.
const MAC_EXPORT = [
  'smart sizing:i:0',
  'armpath:s:',
  'targetisaadjoined:i:0',
  'hubdiscoverygeourl:s:',
  'redirected video capture encoding quality:i:0',
  'camerastoredirect:s:',
  'gatewaybrokeringtype:i:0',
  'use redirection server name:i:0',
  'alternate shell:s:',
  'disable themes:i:0',
  'geo:s:',
  'disable cursor setting:i:1',
  'remoteapplicationname:s:',
  'resourceprovider:s:',
  'disable menu anims:i:1',
  'remoteapplicationcmdline:s:',
  'promptcredentialonce:i:0',
  'gatewaycertificatelogonauthority:s:',
  'audiocapturemode:i:0',
  'prompt for credentials on client:i:0',
  'allowed security protocols:s:*',
  'gatewayhostname:s:rdgw.example.invalid',
  'remoteapplicationprogram:s:',
  'gatewayusagemethod:i:2',
  'screen mode id:i:2',
  'use multimon:i:0',
  'authentication level:i:2',
  'desktopwidth:i:0',
  'desktopheight:i:0',
  'redirectsmartcards:i:0',
  'redirectclipboard:i:1',
  'forcehidpioptimizations:i:0',
  'full address:s:rdsh.example.invalid:3389',
  'drivestoredirect:s:',
  'loadbalanceinfo:s:',
  'networkautodetect:i:1',
  'enablecredsspsupport:i:1',
  'redirectprinters:i:1',
  'autoreconnection enabled:i:1',
  'session bpp:i:32',
  'administrative session:i:0',
  'audiomode:i:0',
  'bandwidthautodetect:i:1',
  'authoring tool:s:',
  'connection type:i:7',
  'remoteapplicationmode:i:0',
  'disable full window drag:i:0',
  'gatewayusername:s:user@example.invalid',
  'dynamic resolution:i:0',
  'shell working directory:s:',
  'wvd endpoint pool:s:',
  'remoteapplicationappid:s:',
  'username:s:user@example.invalid',
  'allow font smoothing:i:1',
  'disable wallpaper:i:0',
  'gatewayaccesstoken:s:',
  '',
].join('\n');

describe('.rdp files exported by Microsoft Remote Desktop for Mac', () => {
  it('knows every property the client writes and accepts its "Default" size of 0', () => {
    const found = findings(MAC_EXPORT);
    assert.deepEqual(found.filter((f) => /^RDP00[24]@/.test(f)), [], 'no unknown property and no invalid value');
  });

  it('still rejects a size that is neither 0 nor in 200–8192', () => {
    const text = MAC_EXPORT.replace('desktopwidth:i:0', 'desktopwidth:i:100');
    const line = MAC_EXPORT.split('\n').indexOf('desktopwidth:i:0') + 1;
    assert.ok(findings(text).includes(`RDP004@${line}`));
    const message = lintText('rdp', text).findings.find((f) => f.ruleId === 'RDP004')!.message;
    assert.match(message, /allowed: 0 or 200–8192/);
  });
});

// Every line Remmina's .rdp export writes, in its order, with a profile's defaults (FreeRDP/Remmina
// plugins/rdp/rdp_file.c, remmina_rdp_file_export_channel, at bb33690).
const REMMINA_EXPORT = [
  'screen mode id:i:2',
  'desktopwidth:i:1920',
  'desktopheight:i:1080',
  'session bpp:i:8',
  'compression:i:1',
  'keyboardhook:i:2',
  'displayconnectionbar:i:1',
  'disable wallpaper:i:1',
  'disable full window drag:i:1',
  'allow desktop composition:i:0',
  'allow font smoothing:i:0',
  'disable menu anims:i:1',
  'disable themes:i:0',
  'disable cursor setting:i:0',
  'bitmapcachepersistenable:i:1',
  'full address:s:rdsh.example.invalid',
  'audiomode:i:2',
  'audiocapturemode:i:0',
  'redirectprinters:i:0',
  'redirectsmartcard:i:0',
  'redirectcomports:i:0',
  'redirectsmartcards:i:0',
  'redirectclipboard:i:1',
  'redirectposdevices:i:0',
  'autoreconnection enabled:i:1',
  'authentication level:i:0',
  'prompt for credentials:i:1',
  'negotiate security layer:i:1',
  'remoteapplicationmode:i:0',
  'alternate shell:s:',
  'shell working directory:s:',
  'gatewayhostname:s:',
  'gatewayusagemethod:i:4',
  'gatewaycredentialssource:i:4',
  'gatewayprofileusagemethod:i:0',
  'precommand:s:',
  'promptcredentialonce:i:1',
  'drivestoredirect:s:',
  '',
].join('\r\n');

describe('.rdp files exported by Remmina', () => {
  it('names the two lines only Remmina writes as Remmina\'s, as info, and warns of no other name (a review: "precommand" on every export)', () => {
    const unknown = lintText('rdp', REMMINA_EXPORT).findings.filter((f) => f.ruleId === 'RDP002');
    assert.deepEqual(unknown.map((f) => [f.subject, f.severity]), [['redirectsmartcard', 'info'], ['precommand', 'info']]);
    assert.match(unknown[1]!.message, /^"precommand" is not a Remote Desktop Connection or FreeRDP property: Remmina writes it, empty, in every \.rdp file it exports .*Remmina's \.rdp import does not read it back, so the line sets nothing\.$/);
  });

  it('names the "microphone" line older Remmina versions wrote (rdp_file.c at 11518a3) as Remmina\'s, as info, not an unknown warning', () => {
    const older = REMMINA_EXPORT.replace('audiocapturemode:i:0', 'microphone:i:1');
    const unknown = lintText('rdp', older).findings.filter((f) => f.ruleId === 'RDP002');
    assert.deepEqual(unknown.map((f) => [f.subject, f.severity]), [['microphone', 'info'], ['redirectsmartcard', 'info'], ['precommand', 'info']]);
    assert.match(unknown[0]!.message, /^"microphone" is not a Remote Desktop Connection or FreeRDP property: older Remmina versions wrote it in every \.rdp file they exported and read it back as their microphone switch .* set "audiocapturemode:i:1"\.$/);
  });

  it('knows "client hostname", a name Remmina reads when it imports a file', () => {
    const [found] = lintText('rdp', 'full address:s:h\r\nclient hostname:s:kiosk-07\r\n').findings.filter((f) => f.ruleId === 'RDP002');
    assert.equal(found!.severity, 'info');
    assert.match(found!.message, /^"client hostname" is not a Remote Desktop Connection or FreeRDP property: Remmina reads it .* as the client name it sends/);
  });
});
