import { dirname, join, resolve } from 'node:path';
import type { X509Certificate } from 'node:crypto';
import { parseConfig } from '../core/config/parse';
import { DEFAULT_CONFIG, type RdpDoctorConfig } from '../core/config/types';
import { checkHosts, readCertificates, TrustStore, type CheckTarget, type HostCheckResult } from '../core/net/index';
import { KNOWN_RULE_IDS } from '../core/rules/registry';
import { decodeBytes } from '../core/text/decode';
import { formatCheckText } from './check-text';
import { type InputError } from '../core/lint/inputs';
import { findConfigFor, readInput, type SkippedConfig } from '../core/lint/read-file';
import { processTrust } from '../core/lint/config-trust';
import { toSarif } from '../core/report/sarif';
import { isInputError, parseTarget, targetsFromInventory, type LocatedTarget } from './check-targets';
import { NO_PAINT, type Paint } from './output';
import { toJsonOutput } from './version';
import { jsonText } from '../core/text/json-safe';
import { appendAll } from '../core/text/collections';
import { isCertificateName } from '../core/text/host-name';
import { quote } from '../core/text/quote';
import { crossCheckProbes } from '../core/lint/cross-file';
import { applySeverities, type SeverityOverrides } from '../core/findings/severity';
import { CONCURRENCY_RANGE, TIMEOUT_MS_RANGE } from '../core/config/ranges';

export interface CheckCommandOptions {
  readonly targets: readonly string[];
  readonly inventory?: string;
  readonly format: 'text' | 'json' | 'sarif';
  readonly timeout?: string;
  readonly concurrency?: string;
  readonly ca: readonly string[];
  readonly name?: string;
  readonly signal?: AbortSignal;
  readonly paint?: Paint;
  /** Called as each host finishes (the CLI's one-line verdicts on a terminal). */
  readonly onHostDone?: (host: HostCheckResult) => void;
  /** Told of a config above the working folder passed over (another user's), once. */
  readonly onConfigSkipped?: (config: SkippedConfig) => void;
}

export type CheckCommandResult = { readonly usage: string } | { readonly output: string; readonly errors: readonly InputError[]; readonly exitCode: number };


function integerOption(value: string | undefined, flag: string, min: number, max: number): number | undefined | { usage: string } {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < min || n > max) return { usage: `${flag} must be a whole number from ${min} to ${max}, not "${value}".` };
  return n;
}

/**
 * The config that applies: the inventory file, or the nearest `.rdpdoctor.yaml` at or above the working folder that may
 * be used (`findConfigFor`: one above it must be yours or root's); its text locates inventory hosts.
 */
function loadConfig(path: string | undefined, errors: InputError[], skipped?: (config: SkippedConfig) => void): { config: RdpDoctorConfig; dir: string; file?: { path: string; text: string } } {
  const file = path ?? findConfigFor(join(process.cwd(), '.rdpdoctor.yaml'), new Map(), processTrust(), skipped);
  if (!file) return { config: DEFAULT_CONFIG, dir: process.cwd() };
  const read = readInput(file);
  if ('error' in read) {
    errors.push({ path: file, message: `Cannot read the config: ${read.error}` });
    return { config: DEFAULT_CONFIG, dir: process.cwd() };
  }
  const text = decodeBytes(read.bytes).text;
  const { config, problems } = parseConfig(text, KNOWN_RULE_IDS);
  for (const p of problems) if (p.kind === 'invalid') errors.push({ path: file, message: p.message });
  return { config, dir: dirname(resolve(file)), file: { path: file, text } };
}

function loadAnchors(paths: readonly string[], errors: InputError[]): X509Certificate[] {
  const anchors: X509Certificate[] = [];
  for (const path of paths) {
    const bytes = readInput(path);
    if ('error' in bytes) {
      errors.push({ path, message: `Cannot read the CA file: ${bytes.error}` });
      continue;
    }
    const read = readCertificates(bytes.bytes);
    if ('problem' in read) errors.push({ path, message: `Not a CA certificate file: ${read.problem}.` });
    else appendAll(anchors, read.certificates);
  }
  return anchors;
}

/**
 * A host whose check stopped before the negotiation (DNS, TCP, no Connection Confirm): SPEC §3 writes `negotiation`
 * as an object whose protocol booleans are null when not determined, so a pipeline reading `negotiation.nlaRequired`
 * gets null, not a TypeError on `null.nlaRequired`.
 */
const NOT_NEGOTIATED = { rdp: null, ssl: null, hybrid: null, hybridEx: null, rdstls: null, nlaRequired: null, failures: {}, unusable: {}, selected: null, legacy: null, flags: null, connections: 0 } as const;

function toJson(hosts: readonly HostCheckResult[], errors: readonly InputError[]): string {
  return toJsonOutput({ hosts: hosts.map((h) => (h.negotiation === null ? { ...h, negotiation: NOT_NEGOTIATED } : h)), errors });
}

/**
 * One result per finding, located where the host was written down (the `.rdp` file's `full address` line,
 * the inventory entry) so code scanning shows it there; a host typed on the command line is a logical location.
 */
function toSarifText(hosts: readonly HostCheckResult[], targets: readonly LocatedTarget[], errors: readonly InputError[]): string {
  const results = hosts.flatMap((h, i) => {
    const source = targets[i]?.source;
    const where = source
      ? {
          path: source.path,
          region: { startLine: source.position.line, startColumn: source.position.column, endLine: source.position.endLine, endColumn: source.position.endColumn },
        }
      : {};
    return h.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: `${h.target}: ${f.message}`, ...where, logicalLocation: h.target }));
  });
  return jsonText(toSarif(results, { root: process.cwd(), invocation: { endTimeUtc: new Date().toISOString(), errors } })) + '\n';
}

/**
 * XRF001 and XRF003 for a host read from an `.rdp` file: the file turns CredSSP off (`enablecredsspsupport:i:0`) and
 * the check found the server requires NLA, or it sets `authentication level:i:1` and the check found the file's client
 * ends on Standard RDP Security. Among the host's findings, naming the file's line; the editor shows the same on the
 * file after a check from it.
 */
function withProbeCrossChecks(host: HostCheckResult, target: LocatedTarget | undefined, severities: SeverityOverrides | undefined): HostCheckResult {
  if (!target?.rdpFacts || !target.source || host.cancelled) return host;
  const file = target.source.path;
  const found = applySeverities(crossCheckProbes([{ path: file, facts: target.rdpFacts }], [], [host]), severities);
  if (found.length === 0) return host;
  const more = found.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: `${f.message} (${file}:${f.at.line})` }));
  return { ...host, findings: [...host.findings, ...more] };
}

/** Runs `check` (SPEC §3): the report in the chosen format and the exit code. */
export async function runCheck(options: CheckCommandOptions): Promise<CheckCommandResult> {
  const timeout = integerOption(options.timeout, '--timeout', TIMEOUT_MS_RANGE.min, TIMEOUT_MS_RANGE.max);
  const concurrency = integerOption(options.concurrency, '--concurrency', CONCURRENCY_RANGE.min, CONCURRENCY_RANGE.max);
  for (const v of [timeout, concurrency]) if (typeof v === 'object') return v;
  if (options.targets.length === 0 && options.inventory === undefined) return { usage: 'check needs a host, host:port, an .rdp file or --inventory FILE.' };
  // The name the certificate must match, as the inventory's `name` is read: a host name (a wildcard's `*.` allowed) or an address.
  if (options.name !== undefined && !isCertificateName(options.name)) return { usage: `--name must be a host name or an IP address, not ${quote(options.name)}.` };

  const errors: InputError[] = [];
  const { config, dir, file } = loadConfig(options.inventory, errors, options.onConfigSkipped);
  const targets: LocatedTarget[] = [];
  for (const arg of options.targets) {
    const t = parseTarget(arg, options.name);
    if (isInputError(t)) errors.push(t);
    else targets.push(t);
  }
  if (options.inventory !== undefined) {
    const inventory = targetsFromInventory(config.hosts, file);
    if (inventory.length === 0 && !errors.some((e) => e.path === options.inventory)) errors.push({ path: options.inventory, message: 'The inventory lists no hosts.' });
    appendAll(targets, inventory);
  }
  const anchors = loadAnchors([...config.trust.ca.map((p) => resolve(dir, p)), ...options.ca], errors);

  const checked = await checkHosts(
    targets.map(({ source: _source, rdpFacts: _facts, ...target }): CheckTarget => target),
    {
    timeoutMs: (timeout as number | undefined) ?? config.checks.timeoutMs,
    concurrency: (concurrency as number | undefined) ?? config.checks.concurrency,
    ntlmInfo: config.checks.ntlmInfo ?? true,
    store: new TrustStore(anchors),
    expiringSoonDays: config.trust.expiringSoonDays,
    severities: config.rules,
    ...(options.signal && { signal: options.signal }),
    ...(options.onHostDone && { onResult: options.onHostDone }),
  });

  const hosts = checked.map((h, i) => withProbeCrossChecks(h, targets[i], config.rules));
  const output =
    options.format === 'json' ? toJson(hosts, errors) : options.format === 'sarif' ? toSarifText(hosts, targets, errors) : formatCheckText(hosts, errors, options.paint ?? NO_PAINT);
  const cancelled = hosts.some((h) => h.cancelled);
  const exitCode = cancelled ? 130 : errors.length > 0 ? 2 : hosts.some((h) => h.findings.some((f) => f.severity === 'error')) ? 1 : 0;
  return { output, errors, exitCode };
}
