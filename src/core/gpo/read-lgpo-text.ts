import { quote } from '../text/quote';
import { setting, type Hive, type PolicyDocument, type PolicySetting, type ReadProblem, type RegData, type RegType } from './model';
import { trimKey } from './registry-path';
import { namesSecret, SECRET_NOT_SHOWN, showLine } from './secret-names';
import { splitLines, type TextLine } from './text-lines';

/** The hive of a configuration line: `Computer`, `User`, `User:<account>` (case-insensitive). */
export function lgpoConfiguration(line: string): Hive | undefined {
  const t = line.trim().toLowerCase();
  if (t === 'computer') return 'HKLM';
  if (t === 'user' || t.startsWith('user:')) return 'HKCU';
  return undefined;
}

const VALUE_ACTION = /^(DWORD|QWORD|SZ|EXSZ|MULTISZ|BINARY):(.*)$/is;

/** Whether a line is one of LGPO's actions (`DWORD:0`, `DELETE`, …). */
export function isLgpoAction(line: string): boolean {
  const t = line.trim();
  return VALUE_ACTION.test(t) || /^(DELETE|DELETEALLVALUES|CREATEKEY|DELETEKEYS|CLEAR)$/i.test(t);
}

function valueOf(kind: string, raw: string): { type: RegType; data: RegData } | string {
  switch (kind.toUpperCase()) {
    case 'DWORD':
    case 'QWORD': {
      const t = raw.trim();
      const n = /^0x[0-9a-f]+$/i.test(t) ? parseInt(t, 16) : /^\d+$/.test(t) ? Number(t) : NaN;
      if (!Number.isSafeInteger(n) || (kind.toUpperCase() === 'DWORD' && n > 0xffffffff)) return `${quote(raw)} is not a ${kind.toUpperCase()} number`;
      return { type: kind.toUpperCase() === 'DWORD' ? 'REG_DWORD' : 'REG_QWORD', data: n };
    }
    case 'SZ':
      return { type: 'REG_SZ', data: raw };
    case 'EXSZ':
      return { type: 'REG_EXPAND_SZ', data: raw };
    case 'MULTISZ':
      return { type: 'REG_MULTI_SZ', data: raw === '' ? [] : raw.split('\\0') };
    default: {
      const list = raw.replace(/\s+/g, '');
      if (list !== '' && !/^[0-9a-f]{2}(,[0-9a-f]{2})*$/i.test(list)) return `${quote(raw)} is not a comma-separated list of bytes`;
      return { type: 'REG_BINARY', data: list.replace(/,/g, '').toLowerCase() };
    }
  }
}

/** Reads LGPO text (`LGPO.exe /parse` output, or `/t` input): four lines per entry, `;` comments. Never throws. */
export function readLgpoText(text: string): PolicyDocument {
  const settings: PolicySetting[] = [];
  const problems: ReadProblem[] = [];
  const lines = splitLines(text);
  const isGap = (l: TextLine | undefined): boolean => !l || l.text.trim() === '' || l.text.trimStart().startsWith(';');
  // A line in, or just after, the entry of a value that names a secret may be that secret (a line missing
  // before it shifts the entry): the line itself or any of the three lines before it naming one keeps it unquoted.
  // Blank and comment lines are passed over, not counted: three of them between a value name and its data
  // (DefaultPassword, then SZ:…) showed the password.
  const nearSecret = (i: number): boolean => {
    if (namesSecret(lines.at(i)?.text ?? '')) return true;
    for (let j = i - 1, counted = 0; j >= 0 && counted < 3; j--) {
      const line = lines.at(j);
      if (isGap(line)) continue;
      counted++;
      if (namesSecret(line!.text)) return true;
    }
    return false;
  };
  for (let i = 0; i < lines.count; i++) {
    const first = lines.at(i)!;
    if (isGap(first)) continue;
    const hive = lgpoConfiguration(first.text);
    const entry = Array.from({ length: Math.min(4, lines.count - i) }, (_, k) => lines.at(i + k)!);
    if (!hive || entry.length < 4 || entry.some(isGap)) {
      problems.push({
        severity: 'warning',
        message: hive ? 'The entry needs four lines (configuration, key, value name, action) before the next blank or comment line.' : `Line is not Computer, User or User:<name>, which starts an entry: ${showLine(first.text.trim(), nearSecret(i))}.`,
        span: first.span,
      });
      while (i + 1 < lines.count && !isGap(lines.at(i + 1))) i++;
      continue;
    }
    i += 3;
    const key = trimKey(entry[1]!.text);
    const name = entry[2]!.text.trim();
    const action = entry[3]!;
    const verb = action.text.trim();
    const source = { span: action.span };
    const valueName = name === '(Default)' || name === '*' ? '' : name;
    const base = { hive, key, valueName, source };
    const upper = verb.toUpperCase();
    if (upper === 'DELETE') settings.push(setting({ ...base, type: 'REG_NONE', data: null, action: 'delete' }));
    else if (upper === 'DELETEALLVALUES') settings.push(setting({ ...base, valueName: '', type: 'REG_NONE', data: null, action: 'delete-values' }));
    else if (upper === 'CREATEKEY') settings.push(setting({ ...base, valueName: '', type: 'REG_NONE', data: null, action: 'create-key' }));
    else if (upper === 'DELETEKEYS') {
      for (const sub of name.split(';').filter((s) => s !== '')) settings.push(setting({ ...base, key: `${key}\\${sub}`, valueName: '', type: 'REG_NONE', data: null, action: 'delete-key' }));
    } else if (upper === 'CLEAR') continue;
    else {
      const match = VALUE_ACTION.exec(verb);
      const parsed = match ? valueOf(match[1]!, match[2]!) : `${quote(verb)} is not an LGPO action`;
      if (typeof parsed === 'string') problems.push({ severity: 'warning', message: `The action of ${quote(name)} cannot be read: ${namesSecret(name) || namesSecret(key) ? SECRET_NOT_SHOWN : parsed}.`, span: action.span });
      else settings.push(setting({ ...base, type: parsed.type, data: parsed.data, action: 'set' }));
    }
  }
  return { format: 'lgpo-text', settings, problems };
}
