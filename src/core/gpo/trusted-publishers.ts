import type { Hive, RegData } from './model';
import { normalizeKey } from './registry-path';
import { KEYS } from './well-known-keys';

const TS_POLICY = normalizeKey(KEYS.tsPolicy);

/**
 * The thumbprints one `TrustedCertThumbprints` value lists, uppercase hex: 40 digits (SHA-1), or 64 (SHA-256,
 * accepted since the July 2026 update, after a prefix whose syntax is not public: the trailing 64 digits are
 * taken). Anything else is ignored, as the client ignores it.
 */
export function thumbprintsIn(data: RegData): string[] {
  const text = Array.isArray(data) ? data.join(',') : typeof data === 'string' ? data : '';
  const out: string[] = [];
  for (const raw of text.split(/[,;]/)) {
    const t = raw.replace(/\s/g, '').toUpperCase();
    if (/^[0-9A-F]{40}$/.test(t)) out.push(t);
    else {
      const sha256 = /(?:^|[^0-9A-F])([0-9A-F]{64})$/.exec(t) ?? /^([0-9A-F]{64})$/.exec(t);
      if (sha256) out.push(sha256[1]!);
    }
  }
  return out;
}

/**
 * The publishers trusted by policy in a set of exports: thumbprint → the export that trusts it.
 * "Specify (SHA1) thumbprints of certificates representing trusted .rdp publishers" writes
 * `TrustedCertThumbprints` under the Terminal Services policy key; the computer and user lists combine.
 */
export function trustedPublishers(
  exports: readonly { readonly path: string; readonly values: readonly { readonly hive: Hive; readonly key: string; readonly valueName: string; readonly data: RegData }[] }[],
): Map<string, string> {
  const trusted = new Map<string, string>();
  for (const file of exports) {
    for (const v of file.values) {
      if ((v.hive !== 'HKLM' && v.hive !== 'HKCU') || v.valueName.toLowerCase() !== 'trustedcertthumbprints' || normalizeKey(v.key) !== TS_POLICY) continue;
      for (const t of thumbprintsIn(v.data)) if (!trusted.has(t)) trusted.set(t, file.path);
    }
  }
  return trusted;
}
