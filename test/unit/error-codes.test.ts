import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  ERROR_CODES,
  explain,
  explainInFamily,
  lookupErrorCode,
  parseErrorCode,
  type Explanation,
} from '../../src/core/knowledge/error-codes/index';
import { explainInput } from '../../src/core/explain/explain-input';

/** Every rule ID in SPEC §2, copied by hand so a typo in the data cannot hide. */
const SPEC_RULE_IDS = new Set([
  'RDP001', 'RDP002', 'RDP003', 'RDP004', 'RDP005', 'RDP006', 'RDP007', 'RDP008',
  'RDP010', 'RDP011', 'RDP012', 'RDP013', 'RDP014', 'RDP015',
  'RDP020', 'RDP021', 'RDP022',
  'RDP030', 'RDP031', 'RDP032', 'RDP035',
  'RDP040', 'RDP041', 'RDP042', 'RDP043',
  'GPO001', 'GPO002', 'GPO003', 'GPO004', 'GPO005', 'GPO006', 'GPO007',
  'GPO008', 'GPO009', 'GPO010', 'GPO011', 'GPO012', 'GPO013',
  'XRF001', 'XRF002', 'XRF003', 'XRF004', 'XRF005',
  'NET001', 'NET002', 'NET003', 'NET004',
  'NET010', 'NET011', 'NET012', 'NET013',
  'NET020', 'NET021', 'NET022', 'NET023', 'NET024', 'NET025', 'NET026', 'NET027', 'NET028', 'NET029',
  'NET040', 'NET041',
]);

function explained(result: Explanation | { error: string }): Explanation {
  assert.ok(!('error' in result), `expected an explanation, got: ${'error' in result ? result.error : ''}`);
  return result;
}

describe('parseErrorCode', () => {
  const accepted: [string, number][] = [
    ['0x904', 0x904],
    ['0X904', 0x904],
    ['  0x904\n', 0x904],
    ['0x00000007', 7],
    ['2308', 2308],
    ['516', 516],
    ['0', 0],
    ['-0', 0],
    ['-2', -2],
    ['-7', -7],
    ['A06', 0xa06],
    ['c000006d', 0xc000006d],
    ['0xFFFFFFFE', 0xfffffffe],
    ['4294967295', 0xffffffff],
    ['-2147483648', -0x80000000],
  ];
  for (const [text, value] of accepted) {
    it(`accepts ${JSON.stringify(text)}`, () => assert.equal(parseErrorCode(text), value));
  }

  const rejected = [
    '',
    '   ',
    '0x',
    'x904',
    '0x90g',
    '0x 904',
    '9 04',
    '+904',
    '-0x2',
    '--2',
    '1.5',
    '904h',
    'error 0x904',
    '0x904 / 0x7',
    '0x100000000',
    '4294967296',
    '-2147483649',
    'zz',
  ];
  for (const text of rejected) {
    it(`rejects ${JSON.stringify(text)}`, () => assert.equal(parseErrorCode(text), undefined));
  }
});

describe('lookupErrorCode', () => {
  it('finds 0x904 as disconnectReasonAtClientWinsockFDCLOSE', () => {
    const [first] = lookupErrorCode(0x904);
    assert.equal(first?.family, 'disconnect');
    assert.equal(first?.name, 'disconnectReasonAtClientWinsockFDCLOSE');
    assert.match(first?.meaning ?? '', /^Socket closed/);
  });

  it('answers every family for a shared number, disconnect first', () => {
    assert.deepEqual(
      lookupErrorCode(0x3).map((e) => e.family),
      ['disconnect', 'extended', 'errinfo', 'neg-failure', 'logon'],
    );
  });

  it('filters by family', () => {
    const [ext] = lookupErrorCode(7, 'extended');
    assert.equal(ext?.name, 'exDiscReasonServerDeniedConnection');
    assert.equal(lookupErrorCode(7, 'disconnect').length, 0);
  });

  it('matches signed and unsigned forms of logon codes', () => {
    assert.equal(lookupErrorCode(-2, 'logon')[0]?.name, 'ARBITRATION_CODE_CONTINUE_LOGON');
    assert.equal(lookupErrorCode(0xfffffffe, 'logon')[0]?.name, 'ARBITRATION_CODE_CONTINUE_LOGON');
    assert.equal(lookupErrorCode(0xc000006d - 0x100000000, 'logon')[0]?.name, 'STATUS_LOGON_FAILURE');
  });

  it('returns nothing for unknown or out-of-range numbers', () => {
    assert.deepEqual(lookupErrorCode(0x516), []);
    assert.deepEqual(lookupErrorCode(0x100000904), []);
    assert.deepEqual(lookupErrorCode(1.5), []);
  });

  it('marks 1, 2 and 3 as not errors', () => {
    for (const code of [1, 2, 3]) assert.equal(lookupErrorCode(code, 'disconnect')[0]?.notAnError, true);
    assert.notEqual(lookupErrorCode(0x904, 'disconnect')[0]?.notAnError, true);
  });
});

describe('explain', () => {
  it('explains 0x904 with extended 0x7 as the server denying the connection', () => {
    const result = explained(explain('0x904', '0x7'));
    assert.equal(result.code, '0x904');
    assert.equal(result.decimal, 2308);
    assert.equal(result.name, 'disconnectReasonAtClientWinsockFDCLOSE');
    assert.deepEqual(result.extended, {
      code: '0x7',
      decimal: 7,
      name: 'exDiscReasonServerDeniedConnection',
      meaning: 'The server denied the connection.',
    });
    assert.ok(result.likelyCauses.length > 0);
    assert.ok(result.checks.length > 0);
    assert.ok(result.sources.length > 0);
    assert.equal(result.unverified, false);
  });

  const firstReportedIndex = (causes: readonly string[]): number => causes.findIndex((c) => c.startsWith('Reported (unverified)'));

  it('puts Microsoft guidance before anecdotes and keeps each cause once', () => {
    const { likelyCauses, checks } = explained(explain('0x904', '0x7'));
    // The reading of 0x7 as the server's error info leads, labelled as inferred; Microsoft's "can't connect" checks stay,
    // labelled; a closed or blocked port (no answer, 0x204 or 0x108) comes after every other Microsoft cause, saying so.
    assert.match(likelyCauses[0] ?? '', /^Inferred, not documented: .*Set Error Info PDU/);
    assert.ok(likelyCauses.some((c) => /^Microsoft's "can't connect" troubleshooting, which names no error code: The Remote Desktop self-signed certificate/.test(c)));
    assert.ok(likelyCauses.some((c) => /listener is not in the Listen state/.test(c)));
    const port = likelyCauses.findIndex((c) => /PortNumber was changed/.test(c));
    assert.equal(port, firstReportedIndex(likelyCauses) - 1);
    assert.match(likelyCauses[port]!, /\(0x204, 0x108\) rather than 0x904/);
    assert.ok(checks.indexOf('NET013') < checks.indexOf('NET002'), 'the negotiation check before the transport ones');
    const alone = explained(explain('0x904')).likelyCauses;
    assert.match(alone[alone.length - 1] ?? '', /PortNumber was changed.*\(0x204, 0x108\) rather than 0x904/);
    const firstReported = likelyCauses.findIndex((c) => c.startsWith('Reported (unverified)'));
    assert.ok(firstReported > 0);
    assert.ok(likelyCauses.slice(firstReported).every((c) => c.startsWith('Reported (unverified)')));
    assert.equal(new Set(likelyCauses).size, likelyCauses.length);
    assert.equal(new Set(checks).size, checks.length);
    for (const id of ['NET002', 'NET004', 'NET028', 'GPO001', 'GPO002', 'GPO003', 'RDP020', 'XRF001']) {
      assert.ok(checks.includes(id), `missing ${id}`);
    }
  });

  it('explains the SSPI codes NLA passes up, under winerror.h\'s names; only 0x80090302 has a cause (KB4093492)', () => {
    const sspi: [string, string][] = [
      ['0x80090302', 'SEC_E_UNSUPPORTED_FUNCTION'], ['0x80090304', 'SEC_E_INTERNAL_ERROR'], ['0x80090308', 'SEC_E_INVALID_TOKEN'],
      ['0x8009030C', 'SEC_E_LOGON_DENIED'], ['0x80090311', 'SEC_E_NO_AUTHENTICATING_AUTHORITY'], ['0x80090322', 'SEC_E_WRONG_PRINCIPAL'], ['0x80090327', 'SEC_E_CERT_UNKNOWN'],
    ];
    for (const [code, name] of sspi) {
      const e = explained(explain(code));
      assert.equal(e.name, name, code);
      assert.equal(e.unverified, false, code);
      assert.equal(explained(explain(name)).code, code, `${name} by name`);
      assert.equal(e.likelyCauses.length, code === '0x80090302' ? 1 : 0, code);
    }
    assert.match(explained(explain('0x80090302')).likelyCauses[0]!, /encryption oracle/);
    assert.match(explained(explain('0x80090304')).meaning, /Local Security Authority cannot be contacted/);
  });

  it('explains FreeRDP\'s connection errors as its clients log them ("ERRCONNECT_… [0x0002000D]"), by code, by name and by error.h\'s FREERDP_ERROR_ name', () => {
    // include/freerdp/error.h (FreeRDP 9626564): ERRCONNECT_* 0x01–0x1E, made 0x0002xxxx by MAKE_FREERDP_ERROR(CONNECT, …).
    const names = [
      'PRE_CONNECT_FAILED', 'CONNECT_UNDEFINED', 'POST_CONNECT_FAILED', 'DNS_ERROR', 'DNS_NAME_NOT_FOUND', 'CONNECT_FAILED',
      'MCS_CONNECT_INITIAL_ERROR', 'TLS_CONNECT_FAILED', 'AUTHENTICATION_FAILED', 'INSUFFICIENT_PRIVILEGES', 'CONNECT_CANCELLED',
      'SECURITY_NEGO_CONNECT_FAILED', 'CONNECT_TRANSPORT_FAILED', 'PASSWORD_EXPIRED', 'PASSWORD_CERTAINLY_EXPIRED', 'CLIENT_REVOKED',
      'KDC_UNREACHABLE', 'ACCOUNT_DISABLED', 'PASSWORD_MUST_CHANGE', 'LOGON_FAILURE', 'WRONG_PASSWORD', 'ACCESS_DENIED',
      'ACCOUNT_RESTRICTION', 'ACCOUNT_LOCKED_OUT', 'ACCOUNT_EXPIRED', 'LOGON_TYPE_NOT_GRANTED', 'NO_OR_MISSING_CREDENTIALS',
      'ACTIVATION_TIMEOUT', 'TARGET_BOOTING', 'HYBRID_REQUIRED_BY_SERVER',
    ];
    names.forEach((name, i) => {
      const code = `0x${(0x20001 + i).toString(16).toUpperCase().padStart(8, '0')}`;
      const e = explained(explain(code));
      assert.equal(e.name, `ERRCONNECT_${name}`, code);
      assert.equal(e.unverified, false, code);
      assert.equal(explained(explain(`ERRCONNECT_${name}`)).decimal, 0x20001 + i, name);
      assert.ok(e.likelyCauses.length > 0, `${name}: a cause, or that FreeRDP never sets it`);
    });
    assert.equal(lookupErrorCode(0x2001f).length, 0);
    assert.equal(explained(explain('FREERDP_ERROR_CONNECT_TRANSPORT_FAILED')).name, 'ERRCONNECT_CONNECT_TRANSPORT_FAILED');
    assert.equal(explained(explain('freerdp_error_tls_connect_failed')).name, 'ERRCONNECT_TLS_CONNECT_FAILED');
    assert.match(explained(explain('0x0002000D')).meaning, /^The connection transport layer failed\.$/);
    assert.deepEqual(explained(explain('0x0002001E')).checks, ['NET010', 'RDP020', 'XRF001']);
    assert.match(explained(explain('0x00020004')).likelyCauses[0]!, /sets it nowhere/);
    // Released FreeRDP (2.x, 3.x up to 3.30) reports a server that requires NLA as 0x0002000C; 0x0002001E is newer.
    assert.ok(explained(explain('0x0002000C')).likelyCauses.some((c) => /HYBRID_REQUIRED_BY_SERVER/.test(c) && /every released FreeRDP/.test(c)));
    assert.match(explained(explain('0x0002001E')).likelyCauses[0]!, /^FreeRDP after 3\.30 only/);
    assert.ok(explained(explain('0x0002000C')).checks.includes('XRF001'));
    // xfreerdp 2.11.7 and 3.30.0 fail so against an Ed25519 certificate once the handshake is done (session 26, xrdp 0.10.1).
    assert.ok(explained(explain('0x00020008')).likelyCauses.some((c) => /Ed25519/.test(c) && /unable to retrieve bindings/.test(c)));
  });

  it('explains the server\'s error info as FreeRDP reports it (0x0001xxxx), with the ERRINFO entry\'s meaning; the name stays the ERRINFO code', () => {
    const freerdp = explained(explain('0x0001000C'));
    assert.equal(freerdp.name, 'ERRINFO_LOGOFF_BY_USER');
    assert.match(freerdp.meaning, /^FreeRDP's form of the server's error info 0xC: /);
    const denied = explained(explain('0x00010007'));
    const errinfo = explained(explainInFamily('errinfo', '0x7'));
    assert.deepEqual(denied.checks, errinfo.checks);
    assert.deepEqual(denied.likelyCauses, errinfo.likelyCauses);
    assert.equal(denied.name, 'ERRINFO_SERVER_DENIED_CONNECTION');
    // A Set Error Info PDU the client received comes after the negotiation: not the "can't connect" causes, which the
    // extended code 0x7 (what mstsc shows, no PDU needed) keeps, labelled.
    assert.deepEqual(denied.likelyCauses.map((c) => /^Microsoft names no cause\. The listener answered .* Set Error Info PDU/.test(c)), [true]);
    assert.deepEqual(denied.checks, []);
    assert.ok(explained(explainInFamily('extended', '0x7')).likelyCauses.some((c) => /self-signed certificate/.test(c)));
    // FreeRDP makes 0x1 and 0xC up when the server closes with a Disconnect Provider Ultimatum and no error info.
    assert.match(explained(explain('0x00010001')).likelyCauses.at(-1)!, /without giving a reason/);
    assert.equal(explained(explain('0x1', undefined)).likelyCauses.some((c) => /Disconnect Provider Ultimatum/.test(c)), false);
    // By name, the ERRINFO code itself comes first.
    assert.equal(explained(explain('ERRINFO_LOGOFF_BY_USER')).code, '0xC');
    // No FreeRDP form of ERRINFO_NONE (0 is success to FreeRDP, not 0x00010000).
    assert.equal(lookupErrorCode(0x10000).length, 0);
  });

  it('gives an extended code that says why its own causes, not those of 0x904 (a connection that fails to open)', () => {
    const idle = explained(explain('0x904', '0x3'));
    assert.equal(idle.extended?.name, 'exDiscReasonServerIdleTimeout');
    assert.equal(idle.likelyCauses.some((c) => /self-signed certificate|Listen state|PortNumber/.test(c)), false);
    assert.equal(idle.checks.includes('NET013'), false);
    assert.deepEqual(idle.sources.map((s) => s.title), ['IMsTscAxEvents::OnDisconnected (disconnect reason codes)', 'ExtendedDisconnectReasonCode enumeration'], 'the causes\' articles go with them');
    assert.deepEqual(explained(explain('0x904', '0xC')).likelyCauses, []);
    // "No information": 0x904's own causes stay.
    assert.ok(explained(explain('0x904', '0x0')).likelyCauses.some((c) => /self-signed certificate/.test(c)));
    assert.match(explained(explain('0x904')).meaning, /Microsoft documents no single root cause/);
  });

  it('accepts the decimal forms a host prints', () => {
    const result = explained(explain('2308', '7'));
    assert.equal(result.code, '0x904');
    assert.equal(result.extended?.code, '0x7');
  });

  it('reads an extended code missing from its table as ERRINFO, then as a protocol error', () => {
    assert.equal(explained(explain('0x904', '0x10D3')).extended?.name, 'ERRINFO_CONNECTFAILED');
    const ranged = explained(explain('0x904', '0x10E6')).extended;
    assert.equal(ranged?.code, '0x10E6');
    assert.match(ranged?.meaning ?? '', /protocol error/);
  });

  it('falls back to the other families for the main code', () => {
    assert.equal(explained(explain('0x7')).name, 'exDiscReasonServerDeniedConnection');
    assert.equal(explained(explain('-2')).code, '0xFFFFFFFE');
    assert.equal(explained(explain('0x904')).extended, null);
  });

  it('a number that is no OnDisconnected code says so, names the family it is read in, and keeps its own entry', () => {
    const cases: [string, string][] = [['0x4', 'extended'], ['0x5', 'extended'], ['0x7', 'extended'], ['0xC', 'extended'], ['0x17', 'errinfo'], ['0x11', 'errinfo']];
    for (let code = 0x100; code <= 0x10b; code++) if (lookupErrorCode(code)[0]?.family !== 'disconnect') cases.push([`0x${code.toString(16).toUpperCase()}`, 'extended']);
    for (const [code, family] of cases) {
      const e = explained(explain(code));
      assert.equal(e.family, family, code);
      assert.equal(e.code, code);
      assert.match(e.meaning, new RegExp(`Not an OnDisconnected code, .+: read as the ${family === 'extended' ? 'extended error code' : 'server error info code'} ${code}\\. What an "Error code ${code}" .+ is undocumented\\.\\)$`), code);
      assert.equal(explained(explainInFamily(family as 'extended', code)).family, family, `${code}: the family named`);
    }
    assert.equal(explained(explain('0x904')).family, undefined, 'an OnDisconnected code');
    assert.doesNotMatch(explained(explain('ERRINFO_LOGOFF_BY_USER')).meaning, /OnDisconnected/, 'a name is no number mistaken for one');
  });

  it('returns an error for unknown or malformed codes', () => {
    for (const [code, ext] of [['0x516', undefined], ['0xDEAD'], ['garbage'], ['0x904', '0xBEEF'], ['0x904', 'x']]) {
      const result = explain(code as string, ext);
      assert.ok('error' in result, `${code} ${ext ?? ''}`);
      assert.match(result.error, /\.$|\?$/);
    }
  });

  it('says the hex reading of bare decimal digits when it is a known code too', () => {
    const cases: [string, string, string][] = [
      ['10', '0xA', '0x10'],
      ['11', '0xB', '0x11 (ERRINFO_CLOSE_STACK_ON_DRIVER_FAILURE)'],
      ['12', '0xC', '0x12'],
      ['17', '0x11', '0x17'],
      ['18', '0x12', '0x18'],
    ];
    for (const [digits, read, meant] of cases) {
      const ext = explained(explain('0x3', digits)).extended!;
      assert.equal(ext.code, read, digits);
      assert.ok(ext.meaning.includes(`(${digits} is read as a decimal number, ${read}. The Remote Desktop client shows codes in hex: did you mean ${meant}`), `${digits}: ${ext.meaning}`);
      assert.ok(explained(explain(digits)).meaning.includes(`did you mean ${meant}`), `${digits} as the code`);
    }
    assert.match(explained(explainInFamily('errinfo', '17')).meaning, /did you mean 0x17 \(ERRINFO_SERVER_WINLOGON_CRASH\)\?\)$/);
    // Typed in hex, a single digit, or digits whose hex reading is no known code: nothing to say.
    for (const [code, ext] of [['0x3', '0x11'], ['0x3', '7'], ['2308', '7'], ['260', undefined]] as const) {
      const e = explained(explain(code, ext));
      assert.doesNotMatch(`${e.meaning} ${e.extended?.meaning ?? ''}`, /read as a decimal number/, `${code} ${ext ?? ''}`);
    }
  });

  it('suggests the other base when the digits mean a known code', () => {
    const hexTyped = explain('904');
    assert.ok('error' in hexTyped);
    assert.match(hexTyped.error, /0x904/);
    const decimalTyped = explain('0x516');
    assert.ok('error' in decimalTyped);
    assert.match(decimalTyped.error, /516 \(0x204\)/);
  });
});

describe('the error-code table', () => {
  it('uses only rule IDs from SPEC §2', () => {
    for (const e of ERROR_CODES) {
      for (const id of e.checks) assert.ok(SPEC_RULE_IDS.has(id), `${e.family} ${e.name}: ${id}`);
    }
  });

  it('has no duplicate (family, code) pairs', () => {
    const seen = new Set<string>();
    for (const e of ERROR_CODES) {
      const key = `${e.family}:${e.code >>> 0}`;
      assert.ok(!seen.has(key), `duplicate ${key}`);
      seen.add(key);
    }
  });

  it('gives every entry a name, a meaning ending in punctuation and a source', () => {
    for (const e of ERROR_CODES) {
      assert.ok(e.name.length > 0, `${e.family} ${e.code}`);
      assert.match(e.meaning, /[.?"]$/, `${e.family} ${e.name}`);
      assert.ok(e.sources.length > 0, `${e.family} ${e.name}`);
    }
  });

  it('marks entries sourced only from third parties as unverified', () => {
    for (const e of ERROR_CODES) {
      if (e.sources.length === 1 && e.sources[0] === 'THIRD-PARTY') assert.equal(e.unverified, true, e.name);
    }
  });

  it('keeps the SEO claims about 0x904 out of the causes', () => {
    const causes = ERROR_CODES.flatMap((e) => e.likelyCauses).join('\n');
    assert.doesNotMatch(causes, /bandwidth|network instability|unstable network/i);
  });
});

describe('explainInFamily', () => {
  it('reads a number in the family named, where a plain lookup would pick the disconnect code', () => {
    const plain = explained(explain('0x3'));
    const extended = explained(explainInFamily('extended', '0x3'));
    assert.notEqual(plain.name, extended.name);
    assert.equal(extended.name, 'exDiscReasonServerIdleTimeout');
    assert.equal(extended.family, 'extended');
    assert.equal(extended.extended, null);
  });

  it('says no family when the plain lookup gives the same entry', () => {
    const e = explained(explainInFamily('disconnect', '0x904'));
    assert.equal(e.family, undefined);
    assert.deepEqual(e, explained(explain('0x904')));
  });

  it('names the family in its errors, with the right article', () => {
    const unknown = explainInFamily('errinfo', '0xBEEF');
    assert.ok('error' in unknown);
    assert.match(unknown.error, /No known server error info code 0xBEEF/);
    const malformed = explainInFamily('logon', 'zz');
    assert.ok('error' in malformed);
    assert.match(malformed.error, /is not a logon error code/);
  });
});

describe('explainInput', () => {
  it('reads a code, a pair in the separators people type, or a family and a code', () => {
    for (const text of ['0x904 0x7', ' 0x904,0x7 ', '0x904/0x7', '2308 7']) {
      const e = explained(explainInput(text));
      assert.equal(e.code, '0x904', text);
      assert.equal(e.extended?.code, '0x7', text);
    }
    assert.equal(explained(explainInput('ERRINFO 0x10C9')).family, 'errinfo', 'no OnDisconnected code');
    assert.equal(explained(explainInput('errinfo:0xC')).name, 'ERRINFO_LOGOFF_BY_USER');
    assert.equal(explained(explainInput('logon -2')).code, '0xFFFFFFFE');
  });

  it('reads a line pasted from the dialog or a log, as the error-code hover reads it', () => {
    const cases: [string, string, string | undefined][] = [
      ['Error code: 0x904', '0x904', undefined],
      ['error code 0x3 extended error 0x11', '0x3', '0x11'],
      ['Error code: 0x904\nExtended error code: 0x7', '0x904', '0x7'],
      ['Error code: 0x904, Extended error code: 0x7', '0x904', '0x7'],
      ['Extended error code: 0x7', '0x7', undefined],
      ['RDP ClientActiveX has been disconnected (Reason= 2308)', '0x904', undefined],
      ['code: 0x904', '0x904', undefined],
      ['Reason=2308', '0x904', undefined],
    ];
    for (const [text, code, extended] of cases) {
      const e = explained(explainInput(text));
      assert.equal(e.code, code, text);
      assert.equal(e.extended?.code, extended, text);
    }
    assert.equal(explained(explainInput('Extended error code: 0x3')).name, 'exDiscReasonServerIdleTimeout', 'in the family the line names');
  });

  it('keeps the error of a mistyped second code rather than explaining the first alone (not read as a pasted line)', () => {
    for (const text of ['0x904 0x7g', '0x904 ERRINFO_LOGOF_BY_USER', '0x904 7x']) {
      const result = explainInput(text);
      assert.ok('error' in result, text);
      assert.match(result.error, /is not an extended error code/, text);
    }
    assert.ok(!('error' in explainInput('Code: 0x80004005')), 'a label word and a code still read as a pasted line');
  });

  it('refuses a pasted line whose codes make no pair, and repeats nothing of a line without a code', () => {
    const two = explainInput('Error code: 0x904 Error code: 0x204');
    assert.ok('error' in two);
    assert.match(two.error, /names 2 codes, not one error code and its extended error code/);
    for (const text of ['xfreerdp /v:h.example.invalid /p:Secret1 /u:bob', 'mstsc /v:h /p:Secret1 /admin', 'the password is Secret1', 'Error code: Secret1 0x4']) {
      const result = explainInput(text);
      assert.ok('error' in result, text);
      assert.doesNotMatch(result.error, /Secret1/, text);
      assert.match(result.error, /^The text given \(\d+ characters, with blanks, not shown\)/, text);
    }
    // One character is one character (a review: "\x1b[31mzz" was "The text given (1 characters, not shown)").
    const one = explainInput('\x1b[31mzz');
    assert.ok('error' in one && /^The text given \(1 character, not shown\)/.test(one.error), JSON.stringify(one));
  });

  it('refuses empty input, too many codes and a family without its code', () => {
    for (const text of ['', '   ', '0x904 0x7 0x8', 'errinfo', 'errinfo 1 2']) {
      const result = explainInput(text);
      assert.ok('error' in result, JSON.stringify(text));
      assert.match(result.error, /\.$/);
    }
  });
});
