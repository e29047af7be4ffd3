import { isFirewallScopeValue } from './firewall-keys';
import type { Hive, PolicyDocument, PolicySetting, ReadProblem, RegData, RegType, SettingAction } from './model';
import { decodeRegData, u32 } from './reg-data';
import { readPolRecords, recordLength, type PolRecord } from './registry-pol-records';
import type { Span } from '../text/line-index';
import { cutAt } from '../text/quote';
import { isRdpRelevant } from './well-known-keys';

/** The read-only LGPO-style text of a Registry.pol; each setting's span is its entry's action line. */
export interface PolView {
  readonly text: string;
}

/** The span of every setting when no view is rendered: they are located by record and byte offset alone. */
const NO_VIEW_SPAN = Object.freeze({ start: 0, end: 0 });

export interface PolReadResult {
  readonly doc: PolicyDocument;
  /** Absent when not asked for (the CLI places Registry.pol findings by record, and skips rendering 100,000 entries). */
  readonly view?: PolView;
}

const DEL = '**del.';
const DELVALS = '**delvals.';
const STAR = 42;

/** Escapes what LGPO text cannot hold on one line. */
function oneLine(s: string): string {
  return s.includes('\n') || s.includes('\r') ? s.replace(/\r/g, '\\r').replace(/\n/g, '\\n') : s;
}

/** Bytes of a binary value the text view lists; a longer value (no policy holds one) shows its start and its size. */
const MAX_VIEW_BYTES = 65_536;

function hexList(hex: string): string {
  const shown = hex.length > 2 * MAX_VIEW_BYTES ? hex.slice(0, 2 * MAX_VIEW_BYTES) : hex;
  const list = shown.match(/../g)?.join(',') ?? '';
  return shown === hex ? list : `${list},… (${hex.length / 2} bytes in all)`;
}

/** Characters of a string value the text view shows; a longer value (no policy holds one) shows its start and its length. */
const MAX_VIEW_CHARS = 65_536;

function viewString(s: string): string {
  return s.length > MAX_VIEW_CHARS ? `${oneLine(cutAt(s, MAX_VIEW_CHARS))}… (${s.length} characters in all)` : oneLine(s);
}

/** The LGPO action line for a value (`DWORD:0`, `SZ:text`, …). */
function actionLine(type: RegType, data: RegData): string {
  switch (type) {
    case 'REG_DWORD':
    case 'REG_DWORD_BIG_ENDIAN':
      return typeof data === 'number' ? `DWORD:${data}` : `BINARY:${hexList(String(data))}`;
    case 'REG_QWORD':
      return /^\d+$/.test(String(data)) ? `QWORD:${data}` : `BINARY:${hexList(String(data))}`;
    case 'REG_SZ':
      return `SZ:${viewString(String(data))}`;
    case 'REG_EXPAND_SZ':
      return `EXSZ:${viewString(String(data))}`;
    case 'REG_MULTI_SZ':
      return `MULTISZ:${viewString((data as string[]).map(oneLine).join('\\0'))}`;
    default:
      return `BINARY:${hexList(data === null ? '' : String(data))}`;
  }
}

/** What one record writes, before it is located: name, type, data and action. */
interface Write {
  readonly key: string;
  readonly valueName: string;
  readonly type: RegType;
  readonly data: RegData;
  readonly action: SettingAction;
}

interface Entry {
  readonly valueLine: string;
  readonly action: string;
  readonly writes: readonly Write[];
  readonly note?: string;
}

/** The special `**` value names: `**del.`/`**delvals.` (matched case-insensitively), `**DeleteValues`, `**DeleteKeys`, `**SecureKey`. */
function special(bytes: Uint8Array, r: PolRecord, type: RegType): Entry | undefined {
  const lower = r.valueName.toLowerCase();
  if (lower.startsWith(DEL)) {
    const name = r.valueName.slice(DEL.length);
    return { valueLine: name, action: 'DELETE', writes: [{ key: r.key, valueName: name, type, data: null, action: 'delete' }] };
  }
  if (lower.startsWith(DELVALS)) return { valueLine: '*', action: 'DELETEALLVALUES', writes: [{ key: r.key, valueName: '', type, data: null, action: 'delete-values' }] };
  if (lower === '**deletevalues' || lower === '**deletekeys') {
    const names = String(decodeRegData('REG_SZ', bytes.subarray(r.dataStart, r.dataEnd)).data).split(';').filter((n) => n !== '');
    const keys = lower === '**deletekeys';
    return {
      valueLine: names.join(';'),
      action: keys ? 'DELETEKEYS' : 'DELETE',
      writes: names.map((n) => (keys ? { key: `${r.key}\\${n}`, valueName: '', type, data: null, action: 'delete-key' as const } : { key: r.key, valueName: n, type, data: null, action: 'delete' as const })),
    };
  }
  if (lower === '**securekey') return { valueLine: '*', action: '; SECUREKEY (not applied by RDP Doctor)', writes: [] };
  return undefined;
}

/**
 * What one record means: a value set, a deletion, a key created. Its action line is written only for a view
 * (`render`): for a 63 MB REG_BINARY value its comma-separated hex took 27 s and 4.7 GB, for a lint that never
 * shows it (a hostile-input review).
 */
function interpret(bytes: Uint8Array, r: PolRecord, render: boolean): Entry {
  const type = r.type ?? 'REG_BINARY';
  if (r.valueName.charCodeAt(0) === STAR && r.valueName.charCodeAt(1) === STAR) {
    const entry = special(bytes, r, type);
    if (entry) return entry;
  }
  if (r.valueName === '' && type === 'REG_NONE' && r.dataEnd === r.dataStart) return { valueLine: '*', action: 'CREATEKEY', writes: [{ key: r.key, valueName: '', type, data: null, action: 'create-key' }] };
  const decoded = decodeRegData(type, bytes.subarray(r.dataStart, r.dataEnd));
  const note = !r.type ? `the value type ${r.typeNumber} is not a registry type` : decoded.problem;
  return {
    valueLine: r.valueName === '' ? '(Default)' : oneLine(r.valueName),
    action: !render ? '' : r.type ? actionLine(type, decoded.data) : `BINARY:${hexList(String(decoded.data ?? ''))}`,
    writes: [{ key: r.key, valueName: r.valueName, type, data: decoded.data, action: 'set' }],
    ...(note && { note }),
  };
}

/**
 * Reads a Registry.pol into the normalized model and renders it as LGPO `/parse`-style text; each
 * setting's span points into that text and carries its record number and byte offset.
 * `hive`: HKLM for a Machine policy file, HKCU for a User one (the file itself does not say).
 */
export function readRegistryPol(bytes: Uint8Array, hive: Hive = 'HKLM'): PolReadResult & { view: PolView } {
  return readPol(bytes, hive, true) as PolReadResult & { view: PolView };
}

/**
 * Reads without rendering the view: every span is empty and findings are placed by record and byte offset. A value set
 * or deleted that no reader of the model asks about (the Remote Desktop values of `isRdpRelevant` and the firewall
 * values of `isFirewallScopeValue`, which `policyScopes`, GPO001's firewall scopes, GPO013 and the cross-check facts take) is left out, so a
 * Registry.pol of 100,000 unrelated records is not held as 100,000 settings (issue 5's figure); key deletions and
 * creations, and every record's problems, are kept. The editor's view reads every record (`readRegistryPol`).
 */
export function readRegistryPolRecords(bytes: Uint8Array, hive: Hive = 'HKLM'): PolReadResult {
  return readPol(bytes, hive, false);
}

/** Whether a value set or deleted is one the lint reads (`readRegistryPolRecords`). */
function readByLint(hive: Hive, key: string, valueName: string): boolean {
  return isRdpRelevant(hive, key, valueName) || isFirewallScopeValue(hive, key, valueName);
}

function readPol(bytes: Uint8Array, hive: Hive, render: boolean): PolReadResult {
  const configuration = hive === 'HKCU' ? 'User' : 'Computer';
  const header = `; Registry.pol as read by RDP Doctor (read-only; LGPO /parse style), ${configuration} policy (${hive})\n`;
  const parts: string[] = [header];
  let length = header.length;
  let lastKey = '';
  let lastKeyLine = '';
  /** Appends one entry to the view and returns the span of its action line. */
  const place = (r: PolRecord, valueLine: string, action: string): Span => {
    if (r.key !== lastKey) {
      lastKey = r.key;
      lastKeyLine = oneLine(r.key);
    }
    const head = `\n; record ${r.number}, byte ${r.byteOffset}\n${configuration}\n${lastKeyLine}\n${valueLine}\n`;
    const span = { start: length + head.length, end: length + head.length + action.length };
    parts.push(`${head}${action}\n`);
    length = span.end + 1;
    return span;
  };
  const settings: PolicySetting[] = [];
  const problems: ReadProblem[] = [];
  const { damage, version, count } = readPolRecords(bytes, (r) => {
    // The common record, a plain REG_DWORD value, skips the general path.
    if (r.type === 'REG_DWORD' && r.dataEnd - r.dataStart === 4 && r.valueName.charCodeAt(0) !== STAR && r.valueName !== '') {
      if (!render && !readByLint(hive, r.key, r.valueName)) return;
      const data = u32(bytes, r.dataStart);
      const span = render ? place(r, oneLine(r.valueName), `DWORD:${data}`) : NO_VIEW_SPAN;
      settings.push({ hive, key: r.key, valueName: r.valueName, type: 'REG_DWORD', data, action: 'set', deleted: false, source: { span, record: r.number, byteOffset: r.byteOffset, byteLength: recordLength(r) } });
      return;
    }
    const entry = interpret(bytes, r, render);
    const source = { span: render ? place(r, entry.valueLine, entry.action) : NO_VIEW_SPAN, record: r.number, byteOffset: r.byteOffset, byteLength: recordLength(r) };
    for (const w of entry.writes) {
      if (!render && (w.action === 'set' || w.action === 'delete') && !readByLint(hive, w.key, w.valueName)) continue;
      const deleted = w.action === 'delete' || w.action === 'delete-values' || w.action === 'delete-key';
      settings.push({ hive, key: w.key, valueName: w.valueName, type: w.type, data: w.data, action: w.action, deleted, source });
    }
    if (entry.note) problems.push({ severity: 'warning', message: `Record ${r.number} (byte ${r.byteOffset}): ${entry.note}.`, ...source });
  });
  if (version !== undefined && version !== 1) {
    problems.unshift({ severity: 'warning', message: `The Registry.pol version is ${version}; only version 1 is known.`, span: render ? { start: 0, end: header.length - 1 } : NO_VIEW_SPAN, record: 0, byteOffset: 4, byteLength: 4 });
  }
  if (damage) {
    const line = `ERROR: ${damage.message}`;
    const start = length + 3;
    parts.push('\n; ', line, '\n');
    length += 4 + line.length;
    problems.push({ severity: 'error', message: damage.message, span: render ? { start, end: start + line.length } : NO_VIEW_SPAN, record: damage.record, byteOffset: damage.byteOffset });
  }
  parts.push(`\n; ${count} record${count === 1 ? '' : 's'}\n`);
  const doc: PolicyDocument = { format: 'registry-pol', settings, problems };
  return render ? { doc, view: { text: parts.join('') } } : { doc };
}
