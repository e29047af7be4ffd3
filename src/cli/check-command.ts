import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { X509Certificate } from 'node:crypto';
import { parseConfig } from '../core/config/parse';
import { DEFAULT_CONFIG, type RdpDoctorConfig } from '../core/config/types';
import { checkHosts, readCertificates, TrustStore, type CheckTarget, type HostCheckResult } from '../core/net/index';
import { ALL_RULES } from '../core/rules/registry';
import { decodeBytes } from '../core/text/decode';
import { formatCheckText } from './check-text';
import { describeFsError, findConfigFor, type InputError } from '../core/lint/inputs';
import { toSarif } from '../core/report/sarif';
import { isInputError, parseTarget, targetsFromInventory } from './check-targets';
import { toolVersion } from './version';

export interface CheckCommandOptions {
  readonly targets: readonly string[];
  readonly inventory?: string;
  readonly format: 'text' | 'json' | 'sarif';
  readonly timeout?: string;
  readonly concurrency?: string;
  readonly ca: readonly string[];
  readonly name?: string;
  readonly signal?: AbortSignal;
}

export type CheckCommandResult = { readonly usage: string } | { readonly output: string; readonly errors: readonly InputError[]; readonly exitCode: number };

const KNOWN_RULE_IDS = new Set(ALL_RULES.map((r) => r.id));

function integerOption(value: string | undefined, flag: string, min: number, max: number): number | undefined | { usage: string } {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < min || n > max) return { usage: `${flag} must be a whole number from ${min} to ${max}, not "${value}".` };
  return n;
}

/** The config that applies: the inventory file, or the nearest `.rdpdoctor.yaml` above the working folder. */
function loadConfig(path: string | undefined, errors: InputError[]): { config: RdpDoctorConfig; dir: string } {
  const file = path ?? findConfigFor(join(process.cwd(), '.rdpdoctor.yaml'), new Map());
  if (!file) return { config: DEFAULT_CONFIG, dir: process.cwd() };
  try {
    const { config, problems } = parseConfig(decodeBytes(readFileSync(file)).text, KNOWN_RULE_IDS);
    for (const p of problems) if (p.kind === 'invalid') errors.push({ path: file, message: p.message });
    return { config, dir: dirname(resolve(file)) };
  } catch (error) {
    errors.push({ path: file, message: `Cannot read the config: ${describeFsError(error)}` });
    return { config: DEFAULT_CONFIG, dir: process.cwd() };
  }
}

function loadAnchors(paths: readonly string[], errors: InputError[]): X509Certificate[] {
  const anchors: X509Certificate[] = [];
  for (const path of paths) {
    try {
      const read = readCertificates(readFileSync(path));
      if ('problem' in read) errors.push({ path, message: `Not a CA certificate file: ${read.problem}.` });
      else anchors.push(...read.certificates);
    } catch (error) {
      errors.push({ path, message: `Cannot read the CA file: ${describeFsError(error)}` });
    }
  }
  return anchors;
}

function toJson(hosts: readonly HostCheckResult[], errors: readonly InputError[]): string {
  return JSON.stringify({ tool: 'rdp-doctor', version: toolVersion(), hosts, errors }, null, 2) + '\n';
}

function toSarifText(hosts: readonly HostCheckResult[], targets: readonly CheckTarget[], files: ReadonlySet<string>): string {
  const results = hosts.flatMap((h, i) =>
    h.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: `${h.target}: ${f.message}`,
      ...(files.has(targets[i]!.target) && { path: targets[i]!.target }),
    })),
  );
  return JSON.stringify(toSarif(results), null, 2) + '\n';
}

/** Runs `check` (SPEC §3): the report in the chosen format and the exit code. */
export async function runCheck(options: CheckCommandOptions): Promise<CheckCommandResult> {
  const timeout = integerOption(options.timeout, '--timeout', 100, 600_000);
  const concurrency = integerOption(options.concurrency, '--concurrency', 1, 256);
  for (const v of [timeout, concurrency]) if (typeof v === 'object') return v;
  if (options.targets.length === 0 && options.inventory === undefined) return { usage: 'check needs a host, host:port, an .rdp file or --inventory FILE.' };

  const errors: InputError[] = [];
  const { config, dir } = loadConfig(options.inventory, errors);
  const targets: CheckTarget[] = [];
  const files = new Set<string>();
  for (const arg of options.targets) {
    const t = parseTarget(arg, options.name);
    if (isInputError(t)) errors.push(t);
    else {
      targets.push(t);
      if (t.target === arg && /\.rdp$/i.test(arg)) files.add(arg);
    }
  }
  if (options.inventory !== undefined) {
    const inventory = targetsFromInventory(config.hosts);
    if (inventory.length === 0 && !errors.some((e) => e.path === options.inventory)) errors.push({ path: options.inventory, message: 'The inventory lists no hosts.' });
    targets.push(...inventory);
  }
  const anchors = loadAnchors([...config.trust.ca.map((p) => resolve(dir, p)), ...options.ca], errors);

  const hosts = await checkHosts(targets, {
    timeoutMs: (timeout as number | undefined) ?? config.checks.timeoutMs,
    concurrency: (concurrency as number | undefined) ?? config.checks.concurrency,
    ntlmInfo: config.checks.ntlmInfo ?? true,
    store: new TrustStore(anchors),
    expiringSoonDays: config.trust.expiringSoonDays,
    severities: config.rules,
    ...(options.signal && { signal: options.signal }),
  });

  const output =
    options.format === 'json' ? toJson(hosts, errors) : options.format === 'sarif' ? toSarifText(hosts, targets, files) : formatCheckText(hosts, errors);
  const cancelled = hosts.some((h) => h.cancelled);
  const exitCode = cancelled ? 130 : errors.length > 0 ? 2 : hosts.some((h) => h.findings.some((f) => f.severity === 'error')) ? 1 : 0;
  return { output, errors, exitCode };
}
