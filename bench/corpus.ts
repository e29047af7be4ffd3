// Realistic mstsc-style .rdp files for the benchmarks: the key order and values mstsc writes, varied per file.
// Their hosts are on this machine or nowhere (127.0.0.0/8, names under `.invalid`): a check of bench/data, from the
// CLI or the editor's hosts view, never reaches a network.

/** Changed whenever the files below would change, so `npm run bench` makes the corpus again (bench/make-corpus.ts). */
export const CORPUS_REVISION = '2: hosts in 127.0.0.0/8 and under .invalid';

const LINES = [
  'screen mode id:i:2', 'use multimon:i:0', 'desktopwidth:i:1920', 'desktopheight:i:1080', 'session bpp:i:32',
  'winposstr:s:0,1,0,0,800,600', 'compression:i:1', 'keyboardhook:i:2', 'audiocapturemode:i:0', 'videoplaybackmode:i:1',
  'connection type:i:7', 'networkautodetect:i:1', 'bandwidthautodetect:i:1', 'displayconnectionbar:i:1',
  'enableworkspacereconnect:i:0', 'disable wallpaper:i:0', 'allow font smoothing:i:0', 'allow desktop composition:i:0',
  'disable full window drag:i:1', 'disable menu anims:i:1', 'disable themes:i:0', 'disable cursor setting:i:0',
  'bitmapcachepersistenable:i:1', 'full address:s:HOST', 'audiomode:i:0', 'redirectprinters:i:1', 'redirectlocation:i:0',
  'redirectcomports:i:0', 'redirectsmartcards:i:1', 'redirectwebauthn:i:1', 'redirectclipboard:i:1', 'redirectposdevices:i:0',
  'autoreconnection enabled:i:1', 'authentication level:i:2', 'prompt for credentials:i:0', 'negotiate security layer:i:1',
  'remoteapplicationmode:i:0', 'alternate shell:s:', 'shell working directory:s:', 'gatewayhostname:s:',
  'gatewayusagemethod:i:4', 'gatewaycredentialssource:i:4', 'gatewayprofileusagemethod:i:0', 'promptcredentialonce:i:0',
  'gatewaybrokeringtype:i:0', 'use redirection server name:i:0', 'rdgiskdcproxy:i:0', 'kdcproxyname:s:',
  'enablerdsaadauth:i:0', 'drivestoredirect:s:', 'username:s:CONTOSO\\user', 'smart sizing:i:1', 'dynamic resolution:i:1',
];

/** The text of the n-th file, with `lines` lines and CRLF endings; some files carry typical mistakes. */
export function mstscFile(n: number, lines = 50): string {
  const host = n % 5 === 0 ? `127.0.${(n >> 8) & 255}.${n & 255}` : `rdsh${n}.contoso.invalid`;
  const out: string[] = [];
  for (let i = 0; out.length < lines; i++) out.push(LINES[i % LINES.length]!.replace('HOST', host));
  if (n % 7 === 0) out[3] = 'enablecredsspsupport:i:0';
  if (n % 11 === 0) out[5] = 'redirectclipbaord:i:1';
  return out.join('\r\n') + '\r\n';
}
