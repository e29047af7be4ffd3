import { intValue } from '../rdp/values';
import { isSigned } from '../rules/rdp/signing';
import { onLine, quote } from '../rules/messages';
import type { TextEdit } from '../text/edits';
import type { Span } from '../text/line-index';
import { parseAddress } from '../text/address';
import { isHostName, isIPv6 } from '../text/host-name';
import { keepBreaksApart, removeLine } from '../rdp/line-edits';
import { effectiveEntry, parseRdp, type RdpDocument, type RdpEntry } from '../rdp/parse';
import { findProperty, isPasswordName, isSecretProperty } from '../rdp/properties/index';
import { isHyperVConsole } from '../rdp/hyperv-console';
import { ADDRESS_KEYS } from '../rdp/target';

export interface HardenOptions {
  /** The DNS name to connect to instead of an IP-literal `full address`. */
  readonly hostName?: string;
}

export interface Hardening {
  /** Non-overlapping edits of the original text; none when the file is already hardened. */
  readonly edits: TextEdit[];
  /** One sentence per change, for the preview. */
  readonly changes: string[];
  /** What the user should know that is not a change (a broken signature, a host name that was not needed). */
  readonly warnings: string[];
}

export type HardenResult = Hardening | { readonly error: string };

/** What the confirmation shows before the edit: each change, then what the user should know (a signature it breaks). */
export function hardeningSummary(hardening: Hardening): string {
  const lines = hardening.changes.map((c) => `• ${c}`);
  if (hardening.warnings.length > 0) lines.push('', ...hardening.warnings.map((w) => `⚠ ${w}`));
  return lines.join('\n');
}

/** The settings a hardened file holds: the value written, and the values already good enough to keep. */
const REQUIRED: readonly { readonly key: string; readonly value: number; readonly keep: readonly number[] }[] = [
  // Level 1 (refuse to connect) is stricter than 2; hardening never weakens it.
  { key: 'authentication level', value: 2, keep: [1, 2] },
  { key: 'enablecredsspsupport', value: 1, keep: [1] },
  { key: 'negotiate security layer', value: 1, keep: [1] },
];
const NEGOTIATE = 'negotiate security layer';
const VM_CONSOLE_NOTE =
  'The file opens a Hyper-V VM console (a "pcb" sent to port 2179), which is opened without security-layer negotiation, so "negotiate security layer:i:0" was kept.';


/** A saved password: any property whose value the engine treats as secret, except integer settings about one. */
function isSavedPassword(entry: RdpEntry): boolean {
  return isSecretProperty(entry.key) && findProperty(entry.key)?.type !== 'i';
}

/** What the value means, as the knowledge base words it, in lower case for the middle of a sentence. */
function meaning(key: string, value: number): string {
  const text = findProperty(key)?.values?.find((v) => v.value === String(value))?.meaning ?? '';
  return text ? `: ${text.charAt(0).toLowerCase()}${text.slice(1)}` : '.';
}

/** The host part of an IP-literal address value (brackets included), relative to the value; undefined for a name. */
function ipHost(value: string): { readonly host: string; readonly start: number; readonly end: number } | undefined {
  const parsed = parseAddress(value);
  if (parsed.ok) {
    const a = parsed.address;
    if (a.kind === 'name') return undefined;
    return a.kind === 'ipv6' ? { host: a.host, start: a.hostStart - 1, end: a.hostEnd + 1 } : { host: a.host, start: a.hostStart, end: a.hostEnd };
  }
  // A bare IPv6 literal is invalid as written, but it is still an IP target a name can replace.
  const lead = value.length - value.trimStart().length;
  const bare = value.trim();
  return isIPv6(bare) ? { host: bare, start: lead, end: lead + bare.length } : undefined;
}

/** The IP address the file's effective `full address` targets, when it is an IP literal. */
export function ipAddressTarget(text: string): string | undefined {
  const full = effectiveEntry(parseRdp(text), 'full address');
  return full?.type === 's' ? ipHost(full.value)?.host : undefined;
}

/** The text after the deletions ends with a line break (or is empty), so appended lines need none before them. */
function endsWithBreak(doc: RdpDocument, deleted: ReadonlySet<number>): boolean {
  const last = [...doc.lines].reverse().find((l) => !deleted.has(l.line));
  return last === undefined || last.eol !== '' || last.span.start === last.span.end;
}

/** Replaces an IP-literal target with the host name: in `full address`, and in `alternate full address` when it holds the same IP. */
function nameTheTarget(doc: RdpDocument, hostName: string): { edits: TextEdit[]; changes: string[] } | { warning: string } {
  const full = effectiveEntry(doc, 'full address');
  if (!full) return { warning: `The file has no full address, so ${hostName} was not used.` };
  const ip = full.type === 's' ? ipHost(full.value) : undefined;
  if (!ip) return { warning: `The full address is not an IP address, so ${hostName} was not used.` };
  const edits: TextEdit[] = [];
  const changes: string[] = [];
  for (const key of ADDRESS_KEYS) {
    const entry = effectiveEntry(doc, key);
    const found = entry?.type === 's' ? ipHost(entry.value) : undefined;
    if (!entry || !found || found.host.toLowerCase() !== ip.host.toLowerCase()) continue;
    const span: Span = { start: entry.valueSpan.start + found.start, end: entry.valueSpan.start + found.end };
    edits.push({ span, newText: hostName });
    changes.push(`Replaced the IP address ${found.host} with ${hostName} in ${key} on ${onLine(entry.line)}, so the certificate name can match.`);
  }
  return { edits, changes };
}

/**
 * "Harden Connection File" (SPEC §6): require server authentication and NLA, negotiate the security layer,
 * drop saved passwords, and optionally replace an IP target with a host name. Hardening a hardened file yields no edits.
 */
export function hardenConnectionFile(text: string, options: HardenOptions): HardenResult {
  const hostName = options.hostName?.trim();
  if (hostName !== undefined && !isHostName(hostName)) {
    return { error: hostName === '' ? 'The host name is empty.' : `${quote(hostName)} is not a DNS host name (letters, digits, hyphens and dots, such as rdsh01.contoso.com).` };
  }
  const doc = parseRdp(text);
  const edits: TextEdit[] = [];
  const changes: string[] = [];
  const warnings: string[] = [];
  const deleted = new Set<number>();
  let secureChanged = false;
  const remove = (entry: RdpEntry, sentence: string): void => {
    deleted.add(entry.line);
    edits.push(removeLine(doc, entry.line));
    changes.push(sentence);
  };

  for (const entry of doc.entries) {
    if (isSavedPassword(entry)) remove(entry, `Removed the saved ${isPasswordName(entry.key) ? 'password' : 'secret'} (${entry.key}) on ${onLine(entry.line)}.`);
  }

  const missing: string[] = [];
  // A Hyper-V VM console is opened without negotiation (FreeRDP's /vmconnect turns it off; RDP021): 1 would break it.
  const vmConsole = isHyperVConsole(doc);
  for (const { key, value, keep } of REQUIRED) {
    if (vmConsole && key === NEGOTIATE) {
      if (intValue(effectiveEntry(doc, key)) === 0) warnings.push(VM_CONSOLE_NOTE);
      continue;
    }
    const list = doc.byKey.get(key) ?? [];
    const effective = list[list.length - 1];
    for (const extra of list.slice(0, -1)) remove(extra, `Removed the duplicate ${key} on ${onLine(extra.line)}.`);
    if (list.length > 1) secureChanged = true;
    if (!effective) {
      missing.push(`${key}:i:${value}`);
      changes.push(`Added ${quote(`${key}:i:${value}`)}${meaning(key, value)}`);
      continue;
    }
    const current = intValue(effective);
    const target = current !== undefined && keep.includes(current) ? current : value;
    if (effective.type === 'i' && effective.value === String(target)) continue;
    edits.push({ span: { start: effective.typeSpan.start, end: effective.valueSpan.end }, newText: `i:${target}` });
    const was = `${effective.type === 'i' ? '' : `${effective.type}:`}${effective.value.trim()}`;
    changes.push(`Set ${key} to ${target} on ${onLine(effective.line)} (was ${quote(was)})${meaning(key, target)}`);
    secureChanged = true;
  }

  if (hostName !== undefined) {
    const named = nameTheTarget(doc, hostName);
    if ('warning' in named) warnings.push(named.warning);
    else {
      edits.push(...named.edits);
      changes.push(...named.changes);
      secureChanged = true;
    }
  }

  if (missing.length) {
    const eol = doc.eol;
    const block = endsWithBreak(doc, deleted) ? missing.map((l) => l + eol).join('') : missing.map((l) => eol + l).join('');
    edits.push({ span: { start: text.length, end: text.length }, newText: block });
    secureChanged = true;
  }

  if (secureChanged && isSigned(doc)) {
    warnings.push('The file is signed: changing its secure settings invalidates the signature, so sign it again (rdpsign) before handing it out.');
  }
  return { edits: keepBreaksApart(text, edits), changes, warnings };
}
