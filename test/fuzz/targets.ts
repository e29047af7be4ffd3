/**
 * The fuzz targets: one per reader, each an input generator (mutated real fixtures and arbitrary input) and a check
 * that throws when a property is broken. The unit suite runs a few thousand cases of each (test/unit/fuzz/), `npm run
 * fuzz` 100,000 (test/fuzz/run.ts). Properties: no throw escapes the reader; every span, position and byte offset it
 * returns lies inside the text (or bytes) it read; for `.rdp` and the config, `lint --fix` output re-lints without a fix
 * left to apply.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import fc from 'fast-check';
import { parseConfig } from '../../src/core/config/parse';
import type { PolicyDocument } from '../../src/core/gpo/model';
import { readGpoBackup, type BackupFile } from '../../src/core/gpo/read-gpo-backup';
import { readPolicyBytes, readPolicyText, type TextPolicyFormat } from '../../src/core/gpo/read-export';
import { readRegistryPol } from '../../src/core/gpo/read-registry-pol';
import { lintText } from '../../src/core/lint/lint-file';
import { AfterConfirmReader, describeServerPdu } from '../../src/core/net/after-confirm';
import { analyzeCertificate, describeChain } from '../../src/core/net/certificate';
import { parseConferenceCreateResponse, serverSecurity } from '../../src/core/net/gcc-conference';
import { parseConnectResponse } from '../../src/core/net/mcs-connect';
import { parseChallengeMessage } from '../../src/core/net/ntlm';
import { TpktReader } from '../../src/core/net/tpkt';
import { derElementLength, encodeTsRequest, parseTsRequest } from '../../src/core/net/tsrequest';
import { CONFIRM_MAX_LENGTH, CONFIRM_MIN_LENGTH, parseConnectionConfirm } from '../../src/core/net/x224';
import { parseRdp } from '../../src/core/rdp/parse';
import { fixAll, unattendedFixes } from '../../src/core/rules/fix-all';
import { ALL_RULES } from '../../src/core/rules/registry';
import type { Finding } from '../../src/core/rules/types';
import { decodeBytes, encodeText, type Encoding } from '../../src/core/text/decode';
import type { Span } from '../../src/core/text/line-index';
import { writeRegistryPol, type PolRecordInput } from '../support/registry-pol-writer';
import { makeCert } from '../unit/net/cert-fixtures';
import { WESTON_RDP4, XRDP_HIGH } from '../unit/net/mcs-fixtures';
import { windowsChallenge } from '../unit/net/ntlm-fixtures';

export interface FuzzTarget<T = unknown> {
  readonly name: string;
  readonly input: fc.Arbitrary<T>;
  /** Runs the reader; throws a `PropertyBroken` when a property does not hold, anything else when the reader threw. */
  readonly check: (input: T) => void;
  /** How much slower a case is than the others: the unit suite runs RUNS / weight of them (`npm run fuzz` runs FUZZ_RUNS of every target). */
  readonly weight?: number;
}

/** A property the reader's answer breaks (as opposed to an error the reader let escape). */
export class PropertyBroken extends Error {}

function expect(ok: boolean, what: string): void {
  if (!ok) throw new PropertyBroken(what);
}

/** Runs the reader itself: anything it throws is an escaped error. */
function read<R>(reader: () => R): R {
  return reader();
}

// ---------------------------------------------------------------- the fixtures

function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'test', 'fixtures'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the repository root above ' + __dirname);
    dir = up;
  }
  return dir;
}

const ROOT = repoRoot();

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full));
    else out.push(full);
  }
  return out;
}

const ALL_FILES = [join(ROOT, 'test/fixtures'), join(ROOT, 'examples'), join(ROOT, '../shared/samples')].flatMap(filesUnder);

function seeds(test: (path: string, text: string) => boolean): Buffer[] {
  const out: Buffer[] = [];
  for (const path of ALL_FILES) {
    const bytes = readFileSync(path);
    if (bytes.length > 256 * 1024) continue;
    if (test(path.toLowerCase(), decodeBytes(bytes).text)) out.push(bytes);
  }
  return out;
}

const textSeeds = (test: (path: string, text: string) => boolean): string[] => seeds(test).map((b) => decodeBytes(b).text);

const RDP_SEEDS = textSeeds((p) => p.endsWith('.rdp'));
const REG_SEEDS = textSeeds((p, t) => p.endsWith('.reg') && /^\uFEFF?\s*(Windows Registry Editor Version 5\.00|REGEDIT4)/.test(t));
const LGPO_SEEDS = textSeeds((p) => p.endsWith('.lgpo.txt') || p.endsWith('lgpo-utf16.txt'));
const INF_SEEDS = textSeeds((p) => p.endsWith('.inf'));
const GPP_SEEDS = textSeeds((p) => p.endsWith('registry.xml'));
const REPORT_SEEDS = textSeeds((p, t) => p.endsWith('.xml') && t.includes('GPO') && !p.includes('gpresult') && !p.endsWith('registry.xml') && !p.includes('bkupinfo') && !p.includes('manifest'));
const RSOP_SEEDS = textSeeds((p) => p.includes('gpresult') && p.endsWith('.xml'));
const POL_SEEDS = seeds((p) => p.endsWith('.pol'));
/** Every policy export as bytes (UTF-16 with BOM, UTF-8, binary): what the sniffer and the decoder see. */
const EXPORT_SEEDS = seeds((p) => /\.(pol|reg|inf|xml|txt)$/.test(p) && !p.endsWith('readme.md'));
const CONFIG_SEEDS = [...textSeeds((p) => p.endsWith('.rdpdoctor.yaml')), CONFIG_EXTRA()];

function CONFIG_EXTRA(): string {
  return [
    'rules:',
    '  RDP013: off',
    '  RDP020: error',
    'checks:',
    '  timeoutMs: 2000',
    '  concurrency: 4',
    '  ntlmInfo: false',
    '  caFile: ca.pem',
    'hosts:',
    '  - host: rdsh01.contoso.localhost',
    '    port: 3389',
    '  - rdsh02.invalid:3390',
    'ignore:',
    '  - "**/old/**"',
    '',
  ].join('\n');
}

/** The files of each GPO backup folder under the fixtures and examples. */
const BACKUPS: BackupFile[][] = (() => {
  const roots = ALL_FILES.filter((p) => p.toLowerCase().endsWith('bkupinfo.xml')).map(dirname);
  return roots.map((root) => ALL_FILES.filter((p) => p.startsWith(root + '/')).map((p) => ({ path: relative(root, p).split('\\').join('/'), bytes: readFileSync(p) })));
})();

// ---------------------------------------------------------------- mutation

/** Text that tends to break readers: quotes, escapes, separators, line endings, NULs, surrogates, markup. */
const TOKENS = [
  '"', "'", '\\', '=', ':', ';', ',', '[', ']', '{', '}', '<', '>', '&', '&amp;', '&#0;', '&#xD800;', '<![CDATA[', ']]>', '<!--', '-->', '/>',
  '\r', '\n', '\r\n', '\0', '\t', ' ', '\uFEFF', '\uFFFD', '\uD800', '\uDC00', '\u202E', '\x1b[2J', '%', '%%', '@', '*', '**del.', '**delvals.',
  'hex:', 'hex(2):', 'hex(7):', 'hex(b):', 'dword:', 'dword:ffffffff', 'DWORD:', 'SZ:', 'EXSZ:', 'MULTISZ:', 'DELETE', 'DELETEALLVALUES', 'Computer', 'User',
  's:', 'i:', 'b:', 'full address:s:', 'i:-1', 'i:99999999999999999999', 'MACHINE\\', '[HKEY_LOCAL_MACHINE\\', '[-HKEY', '4,', '1,"', '\\\r\n  ',
  'xmlns="', '<q1:', '</', '- ', '? ', '&a', '*a', '!!', '---', '...', '  ', '\u00A0', '\u2028', '0x', '-1', '4294967296', '1e400', 'NaN',
];

type Mutation =
  | { readonly op: 'set'; readonly at: number; readonly value: number }
  | { readonly op: 'insert'; readonly at: number; readonly bytes: Uint8Array }
  | { readonly op: 'token'; readonly at: number; readonly token: number }
  | { readonly op: 'delete'; readonly at: number; readonly length: number }
  | { readonly op: 'copy'; readonly at: number; readonly length: number; readonly to: number }
  | { readonly op: 'cut'; readonly at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({ op: fc.constant('token' as const), at: fc.nat(), token: fc.nat({ max: TOKENS.length - 1 }) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ op: fc.constant('copy' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 256 }), to: fc.nat() }),
  fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
);

const mutations = fc.array(mutation, { minLength: 1, maxLength: 8 });

/** Applies mutations to a string; inserted bytes become characters (0–255). */
function mutateText(text: string, list: readonly Mutation[]): string {
  let s = text;
  for (const m of list) {
    const at = s.length === 0 ? 0 : m.at % (s.length + 1);
    switch (m.op) {
      case 'set':
        s = s.slice(0, at) + String.fromCharCode(m.value) + s.slice(at + 1);
        break;
      case 'insert':
        s = s.slice(0, at) + String.fromCharCode(...m.bytes) + s.slice(at);
        break;
      case 'token':
        s = s.slice(0, at) + TOKENS[m.token]! + s.slice(at);
        break;
      case 'delete':
        s = s.slice(0, at) + s.slice(at + m.length);
        break;
      case 'copy': {
        const to = s.length === 0 ? 0 : m.to % (s.length + 1);
        s = s.slice(0, to) + s.slice(at, at + m.length) + s.slice(to);
        break;
      }
      case 'cut':
        s = s.slice(0, at);
        break;
    }
  }
  return s;
}

/** Applies mutations to bytes; a token is inserted as UTF-16LE (what Registry.pol and most exports hold) or Latin-1. */
function mutateBytes(bytes: Uint8Array, list: readonly Mutation[]): Buffer {
  let b = Buffer.from(bytes);
  for (const m of list) {
    const at = b.length === 0 ? 0 : m.at % (b.length + 1);
    switch (m.op) {
      case 'set':
        if (b.length > 0) {
          b = Buffer.from(b);
          b[Math.min(at, b.length - 1)] = m.value;
        }
        break;
      case 'insert':
        b = Buffer.concat([b.subarray(0, at), m.bytes, b.subarray(at)]);
        break;
      case 'token':
        b = Buffer.concat([b.subarray(0, at), Buffer.from(TOKENS[m.token]!, m.token % 2 === 0 ? 'utf16le' : 'latin1'), b.subarray(at)]);
        break;
      case 'delete':
        b = Buffer.concat([b.subarray(0, at), b.subarray(at + m.length)]);
        break;
      case 'copy': {
        const to = b.length === 0 ? 0 : m.to % (b.length + 1);
        b = Buffer.concat([b.subarray(0, to), b.subarray(at, at + m.length), b.subarray(to)]);
        break;
      }
      case 'cut':
        b = b.subarray(0, at);
        break;
    }
  }
  return b;
}

/** A seed mutated, or (one time in five) text made of reader-breaking tokens and arbitrary characters. */
function textInput(seedTexts: readonly string[], header = ''): fc.Arbitrary<string> {
  const mutated = fc.tuple(fc.nat({ max: Math.max(0, seedTexts.length - 1) }), mutations).map(([i, list]) => mutateText(seedTexts[i] ?? header, list));
  const piece = fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 12, unit: 'grapheme-ascii' }), fc.string({ maxLength: 6, unit: 'binary' }));
  const arbitrary = fc.array(piece, { maxLength: 40 }).map((parts) => header + parts.join(''));
  return fc.oneof({ weight: 4, arbitrary: mutated }, { weight: 1, arbitrary });
}

function byteInput(seedBytes: readonly Uint8Array[], extra: fc.Arbitrary<Uint8Array>): fc.Arbitrary<Buffer> {
  const mutated = fc.tuple(fc.nat({ max: Math.max(0, seedBytes.length - 1) }), mutations).map(([i, list]) => mutateBytes(seedBytes[i] ?? new Uint8Array(0), list));
  return fc.oneof({ weight: 3, arbitrary: mutated }, { weight: 1, arbitrary: extra.map((b) => Buffer.from(b)) }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)) });
}

// ---------------------------------------------------------------- the properties

function spanInside(span: Span, length: number, what: string): void {
  expect(
    Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= length,
    `${what}: span ${span.start}–${span.end} outside the text of ${length} characters`,
  );
}

function findingsInside(findings: readonly Finding[], length: number): void {
  for (const f of findings) {
    spanInside(f.span, length, `${f.ruleId} "${f.message}"`);
    for (const r of f.related ?? []) if (r.path === undefined) spanInside(r.span, length, `${f.ruleId} related`);
    for (const e of f.fix?.edits ?? []) spanInside(e.span, length, `${f.ruleId} fix edit`);
    expect(typeof f.message === 'string' && f.message.length > 0, `${f.ruleId}: empty message`);
  }
}

function policyInside(doc: PolicyDocument, length: number, bytes?: number): void {
  for (const s of doc.settings) {
    spanInside(s.source.span, length, `setting ${s.key}\\${s.valueName}`);
    if (bytes !== undefined && s.source.byteOffset !== undefined) expect(s.source.byteOffset >= 0 && s.source.byteOffset < bytes, `setting byte offset ${s.source.byteOffset} outside ${bytes} bytes`);
  }
  for (const p of doc.problems) {
    spanInside(p.span, length, `problem "${p.message}"`);
    if (bytes !== undefined && p.byteOffset !== undefined) expect(p.byteOffset >= 0 && p.byteOffset <= bytes, `problem byte offset ${p.byteOffset} outside ${bytes} bytes`);
  }
}

/** `lint --fix` then lint again: no fix a fix-all would apply is left (unless the passes ran out), and a second fix-all changes nothing. */
function fixesSettle(text: string, lint: (text: string) => readonly Finding[]): void {
  const fixed = fixAll(text, lint);
  const after = lint(fixed.text);
  findingsInside(after, fixed.text.length);
  if (fixed.passes >= 10) return;
  const left = unattendedFixes(after);
  expect(left.length === 0, `after lint --fix, ${left.length} fix(es) remain: ${after.filter((f) => f.fix && !f.fix.reviewFirst).map((f) => f.ruleId).join(', ')}`);
}

function policyTextTarget(name: string, format: TextPolicyFormat, seedTexts: readonly string[], header = '', weight = 1): FuzzTarget<string> {
  return {
    name,
    weight,
    input: textInput(seedTexts, header),
    check(text) {
      const doc = read(() => readPolicyText(format, text));
      policyInside(doc, text.length);
      const linted = read(() => lintText(format, text));
      findingsInside(linted.findings, text.length);
    },
  };
}

const ENCODINGS: readonly Encoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'latin1'];
const RULE_IDS: ReadonlySet<string> = new Set(ALL_RULES.map((r) => r.id));

const rdpLint = (text: string): readonly Finding[] => lintText('rdp', text).findings;
const configLint = (text: string): readonly Finding[] => lintText('config', text).findings;

// ---------------------------------------------------------------- network answers

function tpkt(body: Buffer): Buffer {
  const head = Buffer.from([3, 0, 0, 0]);
  head.writeUInt16BE(body.length + 4, 2);
  return Buffer.concat([head, body]);
}

const CONFIRMS = [
  tpkt(Buffer.from('0ed000001234000201080002000000', 'hex')),
  tpkt(Buffer.from('0ed000001234000203080005000000', 'hex')),
  tpkt(Buffer.from('06d000001234', 'hex')),
  tpkt(Buffer.from('0ed00000123400020f08000b000000', 'hex')),
];
const AFTER_CONFIRM = [tpkt(Buffer.from('02f08021', 'hex')), tpkt(Buffer.from('0680000000000', 'hex')), Buffer.from('160303002a', 'hex'), tpkt(Buffer.from('02f080', 'hex'))];
const CHALLENGE = windowsChallenge();

/** A TSRequest whose negoToken is a CHALLENGE, as a server sends it; and one with an errorCode. */
const TSREQUESTS = [encodeTsRequest(CHALLENGE), encodeTsRequest(Buffer.alloc(0), 2), Buffer.from('300da003020106a406020400000005', 'hex')];

let certSeeds: Buffer[] | undefined;
function certificateSeeds(): Buffer[] {
  return (certSeeds ??= (() => {
    const ca = makeCert({ cn: 'Contoso Root', ca: true, bits: 1024 });
    return [
      makeCert({ cn: 'rdsh01.contoso.test', dns: ['rdsh01.contoso.test', 'rdsh01'], ips: ['127.0.0.1'], bits: 1024 }).der,
      makeCert({ cn: 'old', md: 'sha1', eku: null, bits: 1024, issuer: ca }).der,
      ca.der,
    ];
  })());
}

/** Feeds a stream to a reader in pieces cut at arbitrary places. */
function pieces(bytes: Buffer, cuts: readonly number[]): Buffer[] {
  const at = [...new Set(cuts.map((c) => (bytes.length === 0 ? 0 : c % bytes.length)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let from = 0;
  for (const c of at) {
    out.push(bytes.subarray(from, c));
    from = c;
  }
  out.push(bytes.subarray(from));
  return out;
}

// ---------------------------------------------------------------- the targets

const polRecord: fc.Arbitrary<PolRecordInput> = fc.record({
  key: fc.oneof(fc.constantFrom('Software\\Policies\\Microsoft\\Windows NT\\Terminal Services', 'SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp', ''), fc.string({ maxLength: 20 })),
  valueName: fc.oneof(fc.constantFrom('fDenyTSConnections', 'SecurityLayer', 'UserAuthentication', 'MinEncryptionLevel', '**del.fDenyTSConnections', '**delvals.', ''), fc.string({ maxLength: 12 })),
  type: fc.constantFrom('REG_DWORD', 'REG_SZ', 'REG_EXPAND_SZ', 'REG_MULTI_SZ', 'REG_BINARY', 'REG_QWORD', 'REG_NONE', 'REG_DWORD_BIG_ENDIAN'),
  data: fc.oneof(fc.constant(null), fc.uint8Array({ maxLength: 16 })),
}) as fc.Arbitrary<PolRecordInput>;

export const TARGETS: readonly FuzzTarget<never>[] = [
  {
    name: '.rdp (every encoding: decode + parse + lint)',
    weight: 2,
    input: fc.record({ text: textInput(RDP_SEEDS), encoding: fc.constantFrom(...ENCODINGS), bom: fc.boolean(), bytes: fc.option(mutations, { freq: 3 }) }),
    check({ text, encoding, bom, bytes }: { text: string; encoding: Encoding; bom: boolean; bytes: Mutation[] | null }) {
      let raw: Buffer;
      try {
        raw = encodeText(text, encoding, bom);
      } catch {
        raw = Buffer.from(text, 'utf8');
      }
      if (bytes) raw = mutateBytes(raw, bytes);
      const decoded = read(() => decodeBytes(raw));
      expect(typeof decoded.text === 'string', 'decodeBytes returned no text');
      const doc = read(() => parseRdp(decoded.text));
      for (const line of doc.lines) spanInside(line.span, decoded.text.length, `line ${line.line}`);
      for (const e of doc.entries) {
        for (const [part, span] of [['entry', e.span], ['name', e.nameSpan], ['type', e.typeSpan], ['value', e.valueSpan]] as const) {
          spanInside(span, decoded.text.length, `the ${part} of line ${e.line}`);
          if (part !== 'entry') expect(span.start >= e.span.start && span.end <= e.span.end, `the ${part} of line ${e.line} outside its entry`);
        }
        expect(decoded.text.slice(e.valueSpan.start, e.valueSpan.end) === e.value, `the value span of line ${e.line} does not hold its value`);
      }
      findingsInside(read(() => rdpLint(decoded.text)), decoded.text.length);
    },
  },
  {
    name: '.rdp lint --fix re-lints clean',
    weight: 2,
    input: textInput(RDP_SEEDS),
    check(text: string) {
      fixesSettle(text, rdpLint);
    },
  },
  policyTextTarget('.reg (version 5)', 'reg', REG_SEEDS.filter((t) => !/^\uFEFF?REGEDIT4/.test(t)), 'Windows Registry Editor Version 5.00\r\n', 2),
  policyTextTarget('.reg (REGEDIT4)', 'reg', REG_SEEDS.filter((t) => /^\uFEFF?REGEDIT4/.test(t)), 'REGEDIT4\r\n'),
  {
    name: 'Registry.pol',
    input: fc.oneof(byteInput(POL_SEEDS, fc.array(polRecord, { maxLength: 8 }).map(writeRegistryPol)), fc.tuple(fc.array(polRecord, { maxLength: 6 }), mutations).map(([r, m]) => mutateBytes(writeRegistryPol(r), m))),
    check(bytes: Buffer) {
      for (const hive of ['HKLM', 'HKCU'] as const) {
        const { doc, view } = read(() => readRegistryPol(bytes, hive));
        policyInside(doc, view.text.length, bytes.length);
      }
    },
  },
  policyTextTarget('LGPO text', 'lgpo-text', LGPO_SEEDS, '; ----------------------------------------------------------------------\r\nComputer\r\n'),
  policyTextTarget('GptTmpl.inf', 'security-template', INF_SEEDS, '[Unicode]\r\nUnicode=yes\r\n'),
  policyTextTarget('GPP Registry.xml', 'gpp-registry-xml', GPP_SEEDS, '<?xml version="1.0" encoding="utf-8"?><RegistrySettings clsid="{A3CCFC41-DFDB-43a5-8D26-0FE8B954DA51}">', 2),
  policyTextTarget('Get-GPOReport XML', 'gpo-report-xml', REPORT_SEEDS, '<?xml version="1.0" encoding="utf-16"?><GPO xmlns="http://www.microsoft.com/GroupPolicy/Settings">', 5),
  policyTextTarget('gpresult XML', 'rsop-xml', RSOP_SEEDS, '<?xml version="1.0" encoding="utf-16"?><Rsop xmlns="http://www.microsoft.com/GroupPolicy/Rsop">', 4),
  {
    name: 'any export from its bytes (sniff + decode + read)',
    weight: 3,
    input: byteInput(EXPORT_SEEDS, fc.uint8Array({ maxLength: 200 })),
    check(bytes: Buffer) {
      const read_ = read(() => readPolicyBytes(bytes, 'Machine/Registry.pol'));
      if (read_) policyInside(read_.doc, read_.text.length, read_.polView ? bytes.length : undefined);
    },
  },
  {
    name: 'GPO backup',
    weight: 4,
    input: fc.tuple(fc.nat({ max: BACKUPS.length - 1 }), fc.array(fc.tuple(fc.nat(), mutations), { minLength: 1, maxLength: 3 })).map(([i, changes]) => {
      const files = BACKUPS[i]!.map((f) => ({ ...f }));
      for (const [which, list] of changes) {
        const f = files[which % files.length]!;
        files[which % files.length] = { path: f.path, bytes: mutateBytes(f.bytes, list) };
      }
      return files;
    }),
    check(files: BackupFile[]) {
      const backup = read(() => readGpoBackup(files));
      // A damaged bkupInfo.xml, Backup.xml or gpreport.xml is listed with its text, where its problems are.
      const textOf = new Map([...backup.parts, ...backup.metadata].map((p) => [p.path, p.text]));
      expect(backup.metadata.every((m) => !backup.parts.some((p) => p.path === m.path)), 'a file is both a part and metadata');
      for (const s of backup.doc.settings) {
        const text = textOf.get(s.source.file ?? '');
        expect(text !== undefined, `setting from ${s.source.file} has no part`);
        spanInside(s.source.span, text!.length, `setting in ${s.source.file}`);
      }
      for (const p of backup.doc.problems) spanInside(p.span, textOf.get(p.file ?? '')?.length ?? 0, `problem "${p.message}" in ${p.file}`);
    },
  },
  {
    name: '.rdpdoctor.yaml (parse + lint --fix)',
    weight: 4,
    input: textInput(CONFIG_SEEDS),
    check(text: string) {
      const parsed = read(() => parseConfig(text, RULE_IDS));
      for (const p of parsed.problems) spanInside(p.span, text.length, `config problem "${p.message}"`);
      findingsInside(read(() => configLint(text)), text.length);
      fixesSettle(text, configLint);
    },
  },
  {
    name: 'X.224 Connection Confirm and TPKT',
    input: fc.tuple(byteInput(CONFIRMS, fc.uint8Array({ minLength: 4, maxLength: 24 })), fc.array(fc.nat(), { maxLength: 4 })),
    check([bytes, cuts]: [Buffer, number[]]) {
      read(() => parseConnectionConfirm(bytes));
      const reader = new TpktReader(CONFIRM_MIN_LENGTH, CONFIRM_MAX_LENGTH);
      let state = read(() => reader.push(Buffer.alloc(0)));
      for (const piece of pieces(bytes, cuts)) state = read(() => reader.push(piece));
      if (state.state === 'packet') {
        expect(state.packet.length >= CONFIRM_MIN_LENGTH && state.packet.length <= CONFIRM_MAX_LENGTH, `a packet of ${state.packet.length} bytes`);
        read(() => parseConnectionConfirm(state.state === 'packet' ? state.packet : Buffer.alloc(0)));
      }
      // The verdict does not depend on how the bytes were cut.
      const whole = new TpktReader(CONFIRM_MIN_LENGTH, CONFIRM_MAX_LENGTH).push(bytes);
      expect(whole.state === state.state || (bytes.length === 0 && state.state === 'need-more'), `split ${state.state}, whole ${whole.state}`);
    },
  },
  {
    name: 'after the Confirm (TLS record or TPKT PDU)',
    input: fc.tuple(byteInput(AFTER_CONFIRM, fc.uint8Array({ minLength: 1, maxLength: 40 })), fc.array(fc.nat(), { maxLength: 4 }), fc.constantFrom('closed', 'reset')),
    check([bytes, cuts, how]: [Buffer, number[], 'closed' | 'reset']) {
      const split = new AfterConfirmReader();
      for (const piece of pieces(bytes, cuts)) read(() => split.push(piece));
      const whole = new AfterConfirmReader();
      read(() => whole.push(bytes));
      const a = split.verdict ?? read(() => split.end(how));
      const b = whole.verdict ?? read(() => whole.end(how));
      expect(JSON.stringify(a) === JSON.stringify(b), `split ${JSON.stringify(a)}, whole ${JSON.stringify(b)}`);
      if (bytes.length >= 5) read(() => describeServerPdu(bytes));
    },
  },
  {
    name: 'certificate (analyzeCertificate on mutated DER)',
    weight: 2,
    input: fc.tuple(fc.nat(), mutations, fc.boolean()).map(([i, list, raw]) => {
      const all = certificateSeeds();
      return raw ? mutateBytes(all[i % all.length]!.subarray(0, 40), list) : mutateBytes(all[i % all.length]!, list);
    }),
    check(der: Buffer) {
      const analysis = read(() => analyzeCertificate(der));
      if (analysis.ok) expect(typeof analysis.facts.sha256 === 'string', 'no fingerprint');
      else expect(typeof analysis.problem === 'string' && analysis.problem.length > 0, 'a failed analysis names no problem');
      read(() => describeChain([der, certificateSeeds()[2]!], analysis));
    },
  },
  {
    name: 'NTLM CHALLENGE and TSRequest',
    input: fc.oneof(
      byteInput([CHALLENGE], fc.uint8Array({ minLength: 8, maxLength: 80 })).map((b) => ({ challenge: b, ts: encodeTsRequest(b) })),
      byteInput(TSREQUESTS, fc.uint8Array({ minLength: 2, maxLength: 60 })).map((b) => ({ challenge: undefined, ts: b })),
    ),
    check({ challenge, ts }: { challenge: Buffer | undefined; ts: Buffer }) {
      if (challenge) read(() => parseChallengeMessage(challenge));
      const length = read(() => derElementLength(ts));
      if (typeof length === 'number') expect(length >= 2, `a DER element of ${length} bytes`);
      const parsed = read(() => parseTsRequest(ts));
      if (parsed.ok && 'negoToken' in parsed && parsed.negoToken) read(() => parseChallengeMessage(parsed.negoToken as Uint8Array));
    },
  },
  {
    name: 'MCS Connect Response and GCC Conference Create Response',
    input: byteInput([XRDP_HIGH, WESTON_RDP4], fc.uint8Array({ minLength: 8, maxLength: 120 })),
    check(packet: Buffer) {
      const r = read(() => parseConnectResponse(packet));
      if (r.kind === 'response') {
        const gcc = read(() => parseConferenceCreateResponse(r.userData));
        if (gcc.ok) read(() => serverSecurity(gcc.blocks));
      }
    },
  },
] as unknown as readonly FuzzTarget<never>[];

export interface FuzzTally {
  readonly name: string;
  readonly cases: number;
  /** Errors a reader let escape. */
  readonly escaped: number;
  /** Answers that broke a property. */
  readonly broken: number;
  /** The first failing input of each kind, as fast-check prints it, with the error. */
  readonly examples: string[];
}

/** Runs `runs` cases of one target, counting (not stopping at) escaped errors and broken properties. */
export function runTarget<T>(target: FuzzTarget<T>, runs: number, seed?: number): FuzzTally {
  let escaped = 0;
  let broken = 0;
  let cases = 0;
  const examples: string[] = [];
  fc.check(
    fc.property(target.input, (input) => {
      cases++;
      try {
        target.check(input);
      } catch (error) {
        const isBroken = error instanceof PropertyBroken;
        if (isBroken) broken++;
        else escaped++;
        if (examples.length < 3) examples.push(`${isBroken ? 'broken' : 'escaped'}: ${error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 4).join(' | ') : String(error)}\n  input: ${fc.stringify(input).slice(0, 600)}`);
      }
      return true;
    }),
    { numRuns: runs, ...(seed !== undefined && { seed }) },
  );
  return { name: target.name, cases, escaped, broken, examples };
}
