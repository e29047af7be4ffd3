import { isIPv4, isIPv6 } from '../text/host-name';
import { normalizeParamValue, psQuote, showValue, validateParam } from './params';
import type { FixRunsOn, PowerShellFix, RenderResult, ValueForm } from './types';

export const RUNS_ON_LABEL: Readonly<Record<FixRunsOn, string>> = {
  server: 'the server (RD Session Host)',
  client: 'the client computer',
  'client-or-server': 'the client or the server, whichever computer holds the value to change',
  azure: 'any computer with the Az PowerShell module, against the Azure VM',
};

/** The comment lines every script starts with, from the entry's data. */
export function headerLines(fix: PowerShellFix): string[] {
  return [
    `# ${fix.title} (rdp-doctor fix ${fix.id})`,
    `# What it does: ${fix.description}`,
    `# To undo: ${fix.undo}`,
    ...(fix.warning ? [`# Warning: ${fix.warning}`] : []),
    `# Run on: ${RUNS_ON_LABEL[fix.runsOn]}.`,
    `# Addresses: ${fix.fixes.join(', ')}.`,
  ];
}

const CONDITION = /^\{\{([?!])([A-Za-z]+)(?::(ip|name))?\}\}/;
const SLOT = /\{\{([A-Za-z]+)\}\}/g;

export interface Expansion {
  /**
   * Whether an optional parameter has a value, for `{{?key}}` / `{{!key}}` lines; with a form, whether it has a value
   * of that form, for `{{?key:ip}}` / `{{?key:name}}` lines.
   */
  readonly has: (key: string, form?: ValueForm) => boolean;
  /** The text for a `{{key}}` slot. */
  readonly slot: (key: string) => string;
  /** Literal template text, e.g. escaped for a snippet. */
  readonly literal?: (text: string) => string;
}

/** Header plus script lines, with conditions applied and slots filled. Throws on a slot the entry does not declare. */
export function expandLines(fix: PowerShellFix, expansion: Expansion): string[] {
  const literal = expansion.literal ?? ((text: string) => text);
  const declared = new Set(fix.params.map((p) => p.key));
  const check = (key: string): string => {
    if (!declared.has(key)) throw new Error(`Fix ${fix.id} uses the undeclared parameter ${key}.`);
    return key;
  };
  const out = headerLines(fix).map(literal);
  for (const line of fix.script) {
    const condition = CONDITION.exec(line);
    if (condition) {
      const [, sign, key, form] = condition;
      if (sign === '!' && form) throw new Error(`Fix ${fix.id} has a {{!${key}:${form}}} line: only {{?key}} lines take a form.`);
      if (expansion.has(check(key!), form as ValueForm | undefined) !== (sign === '?')) continue;
    }
    const text = condition ? line.slice(condition[0].length) : line;
    let rendered = '';
    let at = 0;
    for (const m of text.matchAll(SLOT)) {
      rendered += literal(text.slice(at, m.index)) + expansion.slot(check(m[1]!));
      at = m.index! + m[0].length;
    }
    out.push(rendered + literal(text.slice(at)));
  }
  return out;
}

/** An IP address, as the parameter checks accept one (params.ts), rather than a host name. */
export function isIpAddress(value: string): boolean {
  return isIPv4(value) || isIPv6(value);
}

function has(params: Readonly<Record<string, string>>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(params, key) && typeof params[key] === 'string';
}

/**
 * Validates every value and renders the script, or lists every problem. An optional parameter that
 * is absent or empty takes its default, or (computerName) means this computer.
 */
export function renderFix(fix: PowerShellFix, params: Readonly<Record<string, string>>): RenderResult {
  const errors: string[] = [];
  const known = new Set(fix.params.map((p) => p.key));
  for (const key of Object.keys(params)) {
    if (known.has(key)) continue;
    const takes = fix.params.length ? `it takes ${fix.params.map((p) => p.key).join(', ')}` : 'it takes no parameters';
    errors.push(`Unknown parameter ${showValue(key)} for fix ${fix.id}; ${takes}.`);
  }
  const values = new Map<string, string>();
  for (const param of fix.params) {
    const raw = has(params, param.key) ? params[param.key]! : undefined;
    if (raw === undefined || (raw === '' && !param.required)) {
      if (param.required) errors.push(`Missing parameter "${param.key}" for fix ${fix.id}: ${param.description}`);
      else if (param.default !== undefined) values.set(param.key, param.default);
      continue;
    }
    const problem = validateParam(param, raw);
    if (problem) errors.push(problem);
    else values.set(param.key, normalizeParamValue(param, raw));
  }
  if (errors.length) return { ok: false, errors };
  const slot = (key: string): string => {
    const value = values.get(key);
    if (value === undefined) throw new Error(`Fix ${fix.id} uses ${key} on a line not guarded by {{?${key}}}.`);
    return psQuote(value);
  };
  const hasValue = (key: string, form?: ValueForm): boolean => {
    const value = values.get(key);
    return value !== undefined && (form === undefined || (form === 'ip') === isIpAddress(value));
  };
  const lines = expandLines(fix, { has: hasValue, slot });
  return { ok: true, script: lines.join('\n') + '\n' };
}

/** Every parameter at its placeholder (or only the required ones), for docs, tests and previews. */
export function exampleParams(fix: PowerShellFix, which: 'all' | 'required' = 'all'): Record<string, string> {
  return Object.fromEntries(fix.params.filter((p) => which === 'all' || p.required).map((p) => [p.key, p.placeholder]));
}
