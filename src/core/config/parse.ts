import * as yaml from 'yaml';
import type { Node, Pair } from 'yaml';
import { SEVERITIES, type SeveritySetting } from '../findings/types';
import type { Span } from '../text/line-index';
import { quote } from '../text/quote';
import { readBlockYaml } from './block-yaml';
import { DEFAULT_CONFIG, type InventoryHost, type RdpDoctorConfig } from './types';
import { readHostList } from './inventory';
import { CONCURRENCY_RANGE, TIMEOUT_MS_RANGE } from './ranges';
import { MAX_CONFIG_NESTING, nestsTooDeeply } from './nesting';

/** What is wrong in the file: `invalid` (not YAML, or a value of the wrong kind) or `unknown` (a key or rule ID). The CFG rules judge them. */
export interface ConfigProblem {
  readonly kind: 'invalid' | 'unknown';
  readonly message: string;
  readonly span: Span;
}

export interface ParsedConfig {
  readonly config: RdpDoctorConfig;
  readonly problems: readonly ConfigProblem[];
}

type Problem = Omit<ConfigProblem, 'kind'>;

/** Larger files are refused before parsing: a configuration is a few lines. */
export const MAX_CONFIG_CHARS = 1024 * 1024;
/**
 * The most bytes a config of `MAX_CONFIG_CHARS` takes on disk (a character is at most 4 bytes of UTF-8): a larger file
 * is not read at all where the reader looks at the size first (the editor's), and one within it that has too many
 * characters is refused by the parse (CFG001).
 */
export const MAX_CONFIG_BYTES = 4 * MAX_CONFIG_CHARS;
/** The YAML library's errors listed for one file. */
const MAX_LISTED_ERRORS = 100;

export interface ParseConfigOptions {
  /** Read the YAML with the yaml library alone, not the fast reader of the block subset first (the tests compare the two). */
  readonly libraryOnly?: boolean;
}

/** The last file read and what it gave: the lint session reads a config for the files under it, then lints the config itself. */
let last: { text: string; knownRuleIds: ReadonlySet<string>; libraryOnly: boolean; parsed: ParsedConfig } | undefined;

/** Validates `.rdpdoctor.yaml` with positions; keeps every valid part and reports the rest. */
export function parseConfig(text: string, knownRuleIds: ReadonlySet<string>, options: ParseConfigOptions = {}): ParsedConfig {
  const libraryOnly = options.libraryOnly === true;
  if (last && last.text === text && last.libraryOnly === libraryOnly && sameIds(last.knownRuleIds, knownRuleIds)) return last.parsed;
  const parsed = capped(readConfig(text, knownRuleIds, libraryOnly));
  last = { text, knownRuleIds, libraryOnly, parsed };
  return parsed;
}

/** Problems listed for one file: 50,000 repeated keys or aliases made as many findings (a file is not read past one error anyway). */
const MAX_PROBLEMS = 1000;

/** The first `MAX_PROBLEMS` problems and a note of the rest, an error when any of the rest is. */
function capped(parsed: ParsedConfig): ParsedConfig {
  if (parsed.problems.length <= MAX_PROBLEMS) return parsed;
  const rest = parsed.problems.slice(MAX_PROBLEMS);
  const note: ConfigProblem = {
    kind: rest.some((p) => p.kind === 'invalid') ? 'invalid' : 'unknown',
    message: `… ${rest.length.toLocaleString('en-US')} more problems in this file not listed.`,
    span: rest[0]!.span,
  };
  return { config: parsed.config, problems: [...parsed.problems.slice(0, MAX_PROBLEMS), note] };
}

/** The lint session, the file linter and the check each hold a set of the rule IDs. */
function sameIds(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const id of a) if (!b.has(id)) return false;
  return true;
}

function readConfig(text: string, knownRuleIds: ReadonlySet<string>, libraryOnly: boolean): ParsedConfig {
  // Read once: the CLI loads yaml at first use, each name read through a proxy.
  const { isAlias, isMap, isPair, isScalar, isSeq, parseDocument } = yaml;
  const problems: ConfigProblem[] = [];
  // The YAML library places an error at the end of the text one character past it (pos [length, length + 1]): keep every span inside.
  const inside = (span: Span): Span => {
    const start = Math.min(Math.max(0, span.start), text.length);
    return { start, end: Math.min(Math.max(start, span.end), text.length) };
  };
  /** Where aliases stand: each is reported once as an alias, not again as a value of the wrong kind. */
  const aliasStarts = new Set<number>();
  const aliasProblems: ConfigProblem[] = [];
  const invalid = (p: Problem): void => {
    if (aliasStarts.has(p.span.start)) return;
    problems.push({ kind: 'invalid', message: p.message, span: inside(p.span) });
  };
  const unknown = (p: Problem): void => void problems.push({ kind: 'unknown', message: p.message, span: inside(p.span) });
  // Each key that repeats within one mapping, depth first as yaml's visit() goes (without its path per node).
  const duplicateKeys = (node: unknown): void => {
    if (isAlias(node)) {
      // A configuration is read value by value: `RDP013: *sev` was "must be off, info, warning or error".
      // Not a problem that stops the reading (as a duplicate key does): the rest of the file still applies.
      const span = spanOf(node as Node);
      aliasStarts.add(span.start);
      aliasProblems.push({ kind: 'invalid', message: `The alias ${quote(`*${String(node.source)}`)} is not read: a configuration takes each value written out.`, span: inside(span) });
      return;
    }
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (seen.has(key)) invalid({ message: `The key ${quote(key)} appears twice in one mapping; YAML allows each key once.`, span: spanOf(pair.key) });
        seen.add(key);
      }
      for (const pair of node.items) {
        duplicateKeys(pair.key);
        duplicateKeys(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) duplicateKeys(item);
    } else if (isPair(node)) {
      duplicateKeys(node.key);
      duplicateKeys(node.value);
    }
  };
  const spanOf = (node: Node | null | undefined): Span => (node?.range ? { start: node.range[0], end: node.range[1] } : { start: 0, end: 0 });

  if (text.length > MAX_CONFIG_CHARS) {
    invalid({ message: `The file is larger than ${MAX_CONFIG_CHARS / 1024} KB; a configuration is a few lines. It is not read.`, span: { start: 0, end: 0 } });
    return { config: DEFAULT_CONFIG, problems };
  }
  let root: Node | null;
  try {
    // The block subset a configuration uses is read by a reader of its own (the library takes ~0.5 s for 20,000 keys);
    // anything else, and every error, is the library's.
    const fast = libraryOnly ? undefined : readBlockYaml(text);
    if (fast) root = fast.contents;
    else if (nestsTooDeeply(text)) {
      invalid({ message: `The file is nested too deeply to read: more than ${MAX_CONFIG_NESTING} levels of [ ] and { }, or of "- ", "? ", ": ", anchors and tags before a line's content.`, span: { start: 0, end: 0 } });
      return { config: DEFAULT_CONFIG, problems };
    } else {
      // Duplicate keys are found below in one pass: the library's own check compares every pair of keys.
      const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
      // The file is not applied after any error: the first ones say what to mend (1 MB of "&a " made 333,332).
      if (doc.errors.length > MAX_LISTED_ERRORS) {
        const more = doc.errors.length - MAX_LISTED_ERRORS;
        invalid({ message: `… ${more.toLocaleString('en-US')} more YAML errors not listed.`, span: { start: doc.errors[MAX_LISTED_ERRORS]!.pos[0], end: doc.errors[MAX_LISTED_ERRORS]!.pos[0] } });
      }
      for (const error of doc.errors.slice(0, MAX_LISTED_ERRORS)) {
        // The library turns its own stack overflow (a file nested thousands deep) into an error: say it plainly.
        const message = /call stack/i.test(error.message)
          ? 'The file is nested too deeply to read.'
          : error.code === 'MULTIPLE_DOCS'
            ? // The library's own text advises a function of its API.
              'The file holds more than one YAML document (a "---" line between them); a configuration is one.'
            : error.message.split('\n')[0]!.replace(/\.?$/, '.');
        invalid({ message, span: { start: error.pos[0], end: Math.max(error.pos[1], error.pos[0]) } });
      }
      root = doc.contents;
    }
    if (problems.length === 0) duplicateKeys(root);
  } catch (error) {
    // The parser recurses per nesting level: a file nested thousands deep overflows it.
    invalid({ message: `The file cannot be read: ${error instanceof RangeError ? 'it is nested too deeply' : String(error)}.`, span: { start: 0, end: 0 } });
    return { config: DEFAULT_CONFIG, problems };
  }
  if (problems.length > 0) return { config: DEFAULT_CONFIG, problems };

  const rules: Record<string, SeveritySetting> = {};
  const trust = { ca: [] as string[], expiringSoonDays: DEFAULT_CONFIG.trust.expiringSoonDays };
  const checks: { timeoutMs: number; concurrency: number; ntlmInfo?: boolean; set?: ('timeoutMs' | 'concurrency')[] } = { timeoutMs: DEFAULT_CONFIG.checks.timeoutMs, concurrency: DEFAULT_CONFIG.checks.concurrency };
  const given = (key: 'timeoutMs' | 'concurrency'): void => {
    (checks.set ??= []).push(key);
  };
  const hosts: InventoryHost[] = [];

  if (root === null || (isScalar(root) && root.value === null)) return { config: DEFAULT_CONFIG, problems };
  if (!isMap(root)) {
    invalid({ message: 'The file must be a mapping with keys such as rules, trust, checks and hosts.', span: spanOf(root) });
    return { config: DEFAULT_CONFIG, problems };
  }

  const integer = (node: unknown, min: number, max: number, what: string): number | undefined => {
    if (isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value) && node.value >= min && node.value <= max) return node.value;
    invalid({ message: `${what} must be a whole number from ${min} to ${max}.`, span: spanOf(node as Node) });
    return undefined;
  };
  const str = (node: unknown): string | undefined =>
    isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') && String(node.value).trim() !== '' ? String(node.value).trim() : undefined;
  const eachPair = (node: unknown, what: string, visit: (key: string, pair: Pair<unknown, unknown>) => void): void => {
    if (node === null || (isScalar(node) && node.value === null)) return;
    if (!isMap(node)) return invalid({ message: `${what} must be a mapping.`, span: spanOf(node as Node) });
    for (const pair of node.items) {
      // A merge key (`<<`, a Symbol under `%YAML 1.1`, where the library merges it) was "Unknown rule "Symbol(<<)"" and
      // its settings were dropped: a configuration takes each value written out, as for an alias.
      if (isScalar(pair.key) && (typeof pair.key.value === 'symbol' || pair.key.value === '<<')) {
        invalid({ message: 'The merge key "<<" is not read: a configuration takes each value written out.', span: keySpan(pair) });
        continue;
      }
      visit(String(isScalar(pair.key) ? pair.key.value : ''), pair);
    }
  };
  const keySpan = (pair: Pair<unknown, unknown>): Span => spanOf(pair.key as Node);

  const hostList = (node: unknown, group: string | undefined): void =>
    readHostList(node, group, { invalid, unknown, str, integer, eachPair, spanOf, keySpan, add: (h) => void hosts.push(h) });

  eachPair(root, 'The file', (key, pair) => {
    switch (key) {
      case 'rules':
        return eachPair(pair.value, 'rules', (id, rule) => {
          // Under `%YAML 1.1` a plain `off` is the boolean false (YAML 1.1 bool type): the severity is the word as written.
          const setting = isScalar(rule.value) ? String(typeof rule.value.value === 'boolean' && rule.value.source ? rule.value.source : rule.value.value).toLowerCase() : '';
          if (!knownRuleIds.has(id.toUpperCase())) unknown({ message: `Unknown rule ${quote(id)}.`, span: keySpan(rule) });
          if (!(SEVERITIES as readonly string[]).includes(setting)) {
            invalid({ message: `The severity of ${quote(id)} must be off, info, warning or error.`, span: spanOf(rule.value as Node) });
          } else rules[id.toUpperCase()] = setting as SeveritySetting;
        });
      case 'trust':
        return eachPair(pair.value, 'trust', (k, p) => {
          if (k === 'ca') {
            if (!isSeq(p.value)) return invalid({ message: 'trust.ca must be a list of certificate file paths.', span: spanOf(p.value as Node) });
            for (const item of p.value.items) {
              const path = str(item);
              if (path === undefined) invalid({ message: 'A trust.ca entry must be a file path.', span: spanOf(item as Node) });
              else trust.ca.push(path);
            }
          } else if (k === 'expiringSoonDays') {
            trust.expiringSoonDays = integer(p.value, 0, 3650, 'trust.expiringSoonDays') ?? trust.expiringSoonDays;
          } else unknown({ message: `Unknown trust key ${quote(k)}; expected ca or expiringSoonDays.`, span: keySpan(p) });
        });
      case 'checks':
        return eachPair(pair.value, 'checks', (k, p) => {
          if (k === 'timeoutMs') {
            const value = integer(p.value, TIMEOUT_MS_RANGE.min, TIMEOUT_MS_RANGE.max, 'checks.timeoutMs');
            if (value !== undefined) {
              checks.timeoutMs = value;
              given('timeoutMs');
            }
          } else if (k === 'concurrency') {
            const value = integer(p.value, CONCURRENCY_RANGE.min, CONCURRENCY_RANGE.max, 'checks.concurrency');
            if (value !== undefined) {
              checks.concurrency = value;
              given('concurrency');
            }
          }
          else if (k === 'ntlmInfo') {
            if (isScalar(p.value) && typeof p.value.value === 'boolean') checks.ntlmInfo = p.value.value;
            else invalid({ message: 'checks.ntlmInfo must be true or false.', span: spanOf(p.value as Node) });
          } else unknown({ message: `Unknown checks key ${quote(k)}; expected timeoutMs, concurrency or ntlmInfo.`, span: keySpan(p) });
        });
      case 'hosts':
        return pair.value === null || (isScalar(pair.value) && pair.value.value === null) ? undefined : hostList(pair.value, undefined);
      default:
        return unknown({ message: `Unknown key ${quote(key)}; expected rules, trust, checks or hosts.`, span: keySpan(pair) });
    }
  });

  // The aliases' problems in text order among the others.
  const all = aliasProblems.length === 0 ? problems : [...problems, ...aliasProblems].sort((a, b) => a.span.start - b.span.start);
  return { config: { rules, trust, checks, hosts }, problems: all };
}

