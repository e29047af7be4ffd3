import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { runExplain } from '../../../src/cli/explain-command';
import { explain, lookupErrorCode, lookupErrorName } from '../../../src/core/knowledge/error-codes/index';
import { explainInput } from '../../../src/core/explain/explain-input';

/**
 * MS-RDPBCGR 2.2.5.1.1, copied by hand from the spec's table (as its transcriptions in public code give it):
 * [value, the spec's name, FreeRDP's spelling where it differs].
 */
const SPEC: readonly [number, string, string?][] = [
  [0x0, 'ERRINFO_NONE', 'ERRINFO_SUCCESS'],
  [0x1, 'ERRINFO_RPC_INITIATED_DISCONNECT'],
  [0x2, 'ERRINFO_RPC_INITIATED_LOGOFF'],
  [0x3, 'ERRINFO_IDLE_TIMEOUT'],
  [0x4, 'ERRINFO_LOGON_TIMEOUT'],
  [0x5, 'ERRINFO_DISCONNECTED_BY_OTHERCONNECTION', 'ERRINFO_DISCONNECTED_BY_OTHER_CONNECTION'],
  [0x6, 'ERRINFO_OUT_OF_MEMORY'],
  [0x7, 'ERRINFO_SERVER_DENIED_CONNECTION'],
  [0x9, 'ERRINFO_SERVER_INSUFFICIENT_PRIVILEGES'],
  [0xa, 'ERRINFO_SERVER_FRESH_CREDENTIALS_REQUIRED'],
  [0xb, 'ERRINFO_RPC_INITIATED_DISCONNECT_BYUSER', 'ERRINFO_RPC_INITIATED_DISCONNECT_BY_USER'],
  [0xc, 'ERRINFO_LOGOFF_BY_USER'],
  [0xf, 'ERRINFO_CLOSE_STACK_ON_DRIVER_NOT_READY'],
  [0x10, 'ERRINFO_SERVER_DWM_CRASH'],
  [0x11, 'ERRINFO_CLOSE_STACK_ON_DRIVER_FAILURE'],
  [0x12, 'ERRINFO_CLOSE_STACK_ON_DRIVER_IFACE_FAILURE'],
  [0x17, 'ERRINFO_SERVER_WINLOGON_CRASH'],
  [0x18, 'ERRINFO_SERVER_CSRSS_CRASH'],
  [0x19, 'ERRINFO_SERVER_SHUTDOWN'],
  [0x1a, 'ERRINFO_SERVER_REBOOT'],
  [0x100, 'ERRINFO_LICENSE_INTERNAL'],
  [0x101, 'ERRINFO_LICENSE_NO_LICENSE_SERVER'],
  [0x102, 'ERRINFO_LICENSE_NO_LICENSE'],
  [0x103, 'ERRINFO_LICENSE_BAD_CLIENT_MSG'],
  [0x104, 'ERRINFO_LICENSE_HWID_DOESNT_MATCH_LICENSE'],
  [0x105, 'ERRINFO_LICENSE_BAD_CLIENT_LICENSE'],
  [0x106, 'ERRINFO_LICENSE_CANT_FINISH_PROTOCOL'],
  [0x107, 'ERRINFO_LICENSE_CLIENT_ENDED_PROTOCOL'],
  [0x108, 'ERRINFO_LICENSE_BAD_CLIENT_ENCRYPTION'],
  [0x109, 'ERRINFO_LICENSE_CANT_UPGRADE_LICENSE'],
  [0x10a, 'ERRINFO_LICENSE_NO_REMOTE_CONNECTIONS'],
  [0x400, 'ERRINFO_CB_DESTINATION_NOT_FOUND'],
  [0x402, 'ERRINFO_CB_LOADING_DESTINATION'],
  [0x404, 'ERRINFO_CB_REDIRECTING_TO_DESTINATION'],
  [0x405, 'ERRINFO_CB_SESSION_ONLINE_VM_WAKE'],
  [0x406, 'ERRINFO_CB_SESSION_ONLINE_VM_BOOT'],
  [0x407, 'ERRINFO_CB_SESSION_ONLINE_VM_NO_DNS'],
  [0x408, 'ERRINFO_CB_DESTINATION_POOL_NOT_FREE'],
  [0x409, 'ERRINFO_CB_CONNECTION_CANCELLED'],
  [0x410, 'ERRINFO_CB_CONNECTION_ERROR_INVALID_SETTINGS'],
  [0x411, 'ERRINFO_CB_SESSION_ONLINE_VM_BOOT_TIMEOUT'],
  [0x412, 'ERRINFO_CB_SESSION_ONLINE_VM_SESSMON_FAILED'],
  [0x10c9, 'ERRINFO_UNKNOWNPDUTYPE2', 'ERRINFO_UNKNOWN_DATA_PDU_TYPE'],
  [0x10ca, 'ERRINFO_UNKNOWNPDUTYPE', 'ERRINFO_UNKNOWN_PDU_TYPE'],
  [0x10cb, 'ERRINFO_DATAPDUSEQUENCE', 'ERRINFO_DATA_PDU_SEQUENCE'],
  [0x10cd, 'ERRINFO_CONTROLPDUSEQUENCE', 'ERRINFO_CONTROL_PDU_SEQUENCE'],
  [0x10ce, 'ERRINFO_INVALIDCONTROLPDUACTION', 'ERRINFO_INVALID_CONTROL_PDU_ACTION'],
  [0x10cf, 'ERRINFO_INVALIDINPUTPDUTYPE', 'ERRINFO_INVALID_INPUT_PDU_TYPE'],
  [0x10d0, 'ERRINFO_INVALIDINPUTPDUMOUSE', 'ERRINFO_INVALID_INPUT_PDU_MOUSE'],
  [0x10d1, 'ERRINFO_INVALIDREFRESHRECTPDU', 'ERRINFO_INVALID_REFRESH_RECT_PDU'],
  [0x10d2, 'ERRINFO_CREATEUSERDATAFAILED', 'ERRINFO_CREATE_USER_DATA_FAILED'],
  [0x10d3, 'ERRINFO_CONNECTFAILED', 'ERRINFO_CONNECT_FAILED'],
  [0x10d4, 'ERRINFO_CONFIRMACTIVEWRONGSHAREID', 'ERRINFO_CONFIRM_ACTIVE_HAS_WRONG_SHAREID'],
  [0x10d5, 'ERRINFO_CONFIRMACTIVEWRONGORIGINATOR', 'ERRINFO_CONFIRM_ACTIVE_HAS_WRONG_ORIGINATOR'],
  [0x10da, 'ERRINFO_PERSISTENTKEYPDUBADLENGTH', 'ERRINFO_PERSISTENT_KEY_PDU_BAD_LENGTH'],
  [0x10db, 'ERRINFO_PERSISTENTKEYPDUILLEGALFIRST', 'ERRINFO_PERSISTENT_KEY_PDU_ILLEGAL_FIRST'],
  [0x10dc, 'ERRINFO_PERSISTENTKEYPDUTOOMANYTOTALKEYS', 'ERRINFO_PERSISTENT_KEY_PDU_TOO_MANY_TOTAL_KEYS'],
  [0x10dd, 'ERRINFO_PERSISTENTKEYPDUTOOMANYCACHEKEYS', 'ERRINFO_PERSISTENT_KEY_PDU_TOO_MANY_CACHE_KEYS'],
  [0x10de, 'ERRINFO_INPUTPDUBADLENGTH', 'ERRINFO_INPUT_PDU_BAD_LENGTH'],
  [0x10df, 'ERRINFO_BITMAPCACHEERRORPDUBADLENGTH', 'ERRINFO_BITMAP_CACHE_ERROR_PDU_BAD_LENGTH'],
  [0x10e0, 'ERRINFO_SECURITYDATATOOSHORT', 'ERRINFO_SECURITY_DATA_TOO_SHORT'],
  [0x10e1, 'ERRINFO_VCHANNELDATATOOSHORT', 'ERRINFO_VCHANNEL_DATA_TOO_SHORT'],
  [0x10e2, 'ERRINFO_SHAREDATATOOSHORT', 'ERRINFO_SHARE_DATA_TOO_SHORT'],
  [0x10e3, 'ERRINFO_BADSUPRESSOUTPUTPDU', 'ERRINFO_BAD_SUPPRESS_OUTPUT_PDU'],
  [0x10e5, 'ERRINFO_CONFIRMACTIVEPDUTOOSHORT', 'ERRINFO_CONFIRM_ACTIVE_PDU_TOO_SHORT'],
  [0x10e7, 'ERRINFO_CAPABILITYSETTOOSMALL', 'ERRINFO_CAPABILITY_SET_TOO_SMALL'],
  [0x10e8, 'ERRINFO_CAPABILITYSETTOOLARGE', 'ERRINFO_CAPABILITY_SET_TOO_LARGE'],
  [0x10e9, 'ERRINFO_NOCURSORCACHE', 'ERRINFO_NO_CURSOR_CACHE'],
  [0x10ea, 'ERRINFO_BADCAPABILITIES', 'ERRINFO_BAD_CAPABILITIES'],
  [0x10ec, 'ERRINFO_VIRTUALCHANNELDECOMPRESSIONERR', 'ERRINFO_VIRTUAL_CHANNEL_DECOMPRESSION'],
  [0x10ed, 'ERRINFO_INVALIDVCCOMPRESSIONTYPE', 'ERRINFO_INVALID_VC_COMPRESSION_TYPE'],
  [0x10ef, 'ERRINFO_INVALIDCHANNELID', 'ERRINFO_INVALID_CHANNEL_ID'],
  [0x10f0, 'ERRINFO_VCHANNELSTOOMANY', 'ERRINFO_VCHANNELS_TOO_MANY'],
  [0x10f3, 'ERRINFO_REMOTEAPPSNOTENABLED', 'ERRINFO_REMOTEAPP_NOT_ENABLED'],
  [0x10f4, 'ERRINFO_CACHECAPNOTSET', 'ERRINFO_CACHE_CAP_NOT_SET'],
  [0x10f5, 'ERRINFO_BITMAPCACHEERRORPDUBADLENGTH2', 'ERRINFO_BITMAP_CACHE_ERROR_PDU_BAD_LENGTH2'],
  [0x10f6, 'ERRINFO_OFFSCRCACHEERRORPDUBADLENGTH', 'ERRINFO_OFFSCREEN_CACHE_ERROR_PDU_BAD_LENGTH'],
  [0x10f7, 'ERRINFO_DNGCACHEERRORPDUBADLENGTH', 'ERRINFO_DRAWNINEGRID_CACHE_ERROR_PDU_BAD_LENGTH'],
  [0x10f8, 'ERRINFO_GDIPLUSPDUBADLENGTH', 'ERRINFO_GDIPLUS_PDU_BAD_LENGTH'],
  ...Array.from({ length: 22 }, (_, i): [number, string, string] => [0x1111 + i, `ERRINFO_SECURITYDATATOOSHORT${i + 2}`, `ERRINFO_SECURITY_DATA_TOO_SHORT${i + 2}`]),
  [0x1129, 'ERRINFO_BADMONITORDATA', 'ERRINFO_BAD_MONITOR_DATA'],
  [0x112a, 'ERRINFO_VCDECOMPRESSEDREASSEMBLEFAILED', 'ERRINFO_VC_DECOMPRESSED_REASSEMBLE_FAILED'],
  [0x112b, 'ERRINFO_VCDATATOOLONG', 'ERRINFO_VC_DATA_TOO_LONG'],
  [0x112c, 'ERRINFO_BAD_FRAME_ACK_DATA'],
  [0x112d, 'ERRINFO_GRAPHICSMODENOTSUPPORTED', 'ERRINFO_GRAPHICS_MODE_NOT_SUPPORTED'],
  [0x112e, 'ERRINFO_GRAPHICSSUBSYSTEMRESETFAILED', 'ERRINFO_GRAPHICS_SUBSYSTEM_RESET_FAILED'],
  [0x112f, 'ERRINFO_GRAPHICSSUBSYSTEMFAILED', 'ERRINFO_GRAPHICS_SUBSYSTEM_FAILED'],
  [0x1130, 'ERRINFO_TIMEZONEKEYNAMELENGTHTOOSHORT', 'ERRINFO_TIMEZONE_KEY_NAME_LENGTH_TOO_SHORT'],
  [0x1131, 'ERRINFO_TIMEZONEKEYNAMELENGTHTOOLONG', 'ERRINFO_TIMEZONE_KEY_NAME_LENGTH_TOO_LONG'],
  [0x1132, 'ERRINFO_DYNAMICDSTDISABLEDFIELDMISSING', 'ERRINFO_DYNAMIC_DST_DISABLED_FIELD_MISSING'],
  [0x1133, 'ERRINFO_VCDECODINGERROR', 'ERRINFO_VC_DECODING_ERROR'],
  [0x1134, 'ERRINFO_VIRTUALDESKTOPTOOLARGE'],
  [0x1135, 'ERRINFO_MONITORGEOMETRYVALIDATIONFAILED'],
  [0x1136, 'ERRINFO_INVALIDMONITORCOUNT'],
  [0x1191, 'ERRINFO_UPDATESESSIONKEYFAILED', 'ERRINFO_UPDATE_SESSION_KEY_FAILED'],
  [0x1192, 'ERRINFO_DECRYPTFAILED', 'ERRINFO_DECRYPT_FAILED'],
  [0x1193, 'ERRINFO_ENCRYPTFAILED', 'ERRINFO_ENCRYPT_FAILED'],
  [0x1194, 'ERRINFO_ENCPKGMISMATCH', 'ERRINFO_ENCRYPTION_PACKAGE_MISMATCH'],
  [0x1195, 'ERRINFO_DECRYPTFAILED2', 'ERRINFO_DECRYPT_FAILED2'],
];

const hex = (n: number) => `0x${n.toString(16).toUpperCase()}`;

describe('the ERRINFO table (MS-RDPBCGR 2.2.5.1.1)', () => {
  it('carries every code of the spec under the spec\'s name', () => {
    assert.ok(SPEC.length > 100);
    for (const [code, name] of SPEC) assert.equal(lookupErrorCode(code, 'errinfo')[0]?.name, name, hex(code));
  });

  it('finds each code by the spec\'s name and by FreeRDP\'s spelling, in any case', () => {
    for (const [code, name, freerdp] of SPEC) {
      assert.deepEqual(lookupErrorName(name, 'errinfo').map((e) => e.code), [code], name);
      if (freerdp) assert.deepEqual(lookupErrorName(freerdp.toLowerCase(), 'errinfo').map((e) => e.code), [code], freerdp);
    }
  });

  it('explain finds every code, as text and as JSON (the CLI\'s explain), by number in the errinfo family', () => {
    for (const [code, name] of SPEC) {
      const json = runExplain(hex(code), undefined, 'json', 'errinfo');
      assert.equal(json.exitCode, 0, `${hex(code)}: ${json.error}`);
      const parsed = JSON.parse(json.output);
      assert.equal(parsed.name, name);
      assert.equal(parsed.decimal, code);
      assert.ok(parsed.sources.length > 0);
      const text = runExplain(String(code), undefined, 'text', 'errinfo');
      assert.equal(text.exitCode, 0);
      assert.ok(text.output.includes(name), `${hex(code)} text names ${name}`);
    }
  });

  it('explain finds every code by either name, with its family', () => {
    for (const [code, name, freerdp] of SPEC) {
      for (const spelling of [name, freerdp].filter((s): s is string => s !== undefined)) {
        const result = runExplain(spelling, undefined, 'json');
        assert.equal(result.exitCode, 0, `${spelling}: ${result.error}`);
        const parsed = JSON.parse(result.output);
        assert.equal(parsed.code, hex(code), spelling);
        assert.equal(parsed.name, name, spelling);
        assert.equal(parsed.family, 'errinfo', spelling);
      }
    }
  });

  it('0x19 and 0x1A are no longer reported as missing from the ERRINFO table', () => {
    for (const code of ['0x19', '0x1A']) {
      const e = explain('0x904', code);
      assert.ok(!('error' in e));
      assert.match(e.extended!.name, /^ERRINFO_SERVER_(SHUTDOWN|REBOOT)$/);
      assert.doesNotMatch(e.extended!.meaning, /not in the ERRINFO table/);
    }
    const reboot = explainInput('errinfo 26');
    assert.ok(!('error' in reboot));
    assert.equal(reboot.name, 'ERRINFO_SERVER_REBOOT');
  });

  it('an unknown name is refused with a clear message', () => {
    for (const name of ['ERRINFO_NO_SUCH_THING', 'undocumented']) {
      const result = runExplain(name, undefined, 'json');
      assert.equal(result.exitCode, 2, name);
      assert.match(result.error!, /not an error code or a name RDP Doctor knows/);
    }
  });

  it('a pasted command line is described, not repeated: it may hold a password (a session 17 review)', () => {
    const result = runExplain('xfreerdp /v:h.example.invalid /p:Hunter2Secret /u:bob', undefined, 'json');
    assert.equal(result.exitCode, 2);
    assert.doesNotMatch(result.error!, /Hunter2Secret/);
    assert.match(result.error!, /^The text given \(\d+ characters, with blanks, not shown\) is not an error code/);
    assert.doesNotMatch(runExplain(`0x${'Z'.repeat(80)}`, undefined, 'json').error!, /ZZZZ/, 'nor a text longer than any code or name');
    assert.match(runExplain('0xZZ', undefined, 'json').error!, /^"0xZZ" is not an error code/, 'a short one is quoted');
    for (const secret of ['/p:Secret1', 'Secret1!']) assert.doesNotMatch(runExplain(secret, undefined, 'json').error!, /Secret1/, 'nor one no code or name looks like');
  });

  it('the built CLI explains a name and a new code (text and JSON)', () => {
    const cli = join(resolve(__dirname, '../../../..'), 'dist/cli.js');
    const text = spawnSync(process.execPath, [cli, 'explain', 'ERRINFO_ENCRYPTION_PACKAGE_MISMATCH'], { encoding: 'utf8' });
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /ERRINFO_ENCPKGMISMATCH/);
    const json = spawnSync(process.execPath, [cli, 'explain', '--family', 'errinfo', '0x10F7', '--format', 'json'], { encoding: 'utf8' });
    assert.equal(json.status, 0, json.stderr);
    assert.equal(JSON.parse(json.stdout).name, 'ERRINFO_DNGCACHEERRORPDUBADLENGTH');
  });
});
