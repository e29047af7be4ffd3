import type { Hive, RegData, RegType } from './model';
import { numberOf } from './scopes';
import { normalizeKey } from './registry-path';
import { KEYS } from './well-known-keys';

const TS_POLICY = normalizeKey(KEYS.tsPolicy);

/** A value of the Terminal Services policy key, computer or user: where the `.rdp` publisher policies write. */
function isClientPolicyValue(v: { readonly hive: Hive; readonly key: string; readonly valueName: string }, lowerName: string): boolean {
  return (v.hive === 'HKLM' || v.hive === 'HKCU') && v.valueName.toLowerCase() === lowerName && normalizeKey(v.key) === TS_POLICY;
}

/**
 * The hex digits of each SHA-2 thumbprint, by the prefix that names its algorithm. Since the July 2026 update the
 * policy accepts "SHA-256 thumbprints or a stronger algorithm" behind "the required prefixes" its Help text gives
 * (Microsoft's "RDP file security settings in Group Policy"); that text, as quoted from TerminalServer.adml, names
 * `sha256:`, `sha384:` and `sha512:` and reads an entry without a prefix as a legacy SHA-1 thumbprint.
 */
const SHA2_DIGITS: Readonly<Record<string, number>> = { SHA256: 64, SHA384: 96, SHA512: 128 };

/**
 * The thumbprints one `TrustedCertThumbprints` value lists, uppercase hex: 40 digits without a prefix (SHA-1), or a
 * SHA-2 digest of its length behind its prefix. Anything else is ignored, as the client ignores it ("If the list
 * contains a string that is not a certificate thumbprint, it is ignored"): 64 digits without a prefix are no SHA-1
 * thumbprint, and a prefix whose digest has another length names no certificate.
 */
export function thumbprintsIn(data: RegData): string[] {
  const text = Array.isArray(data) ? data.join(',') : typeof data === 'string' ? data : '';
  const out: string[] = [];
  for (const raw of text.split(/[,;]/)) {
    const t = raw.replace(/\s/g, '').toUpperCase();
    if (/^[0-9A-F]{40}$/.test(t)) out.push(t);
    else {
      const sha2 = /^(SHA\d+):([0-9A-F]+)$/.exec(t);
      if (sha2 && sha2[2]!.length === SHA2_DIGITS[sha2[1]!]) out.push(sha2[2]!);
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
      if (!isClientPolicyValue(v, 'trustedcertthumbprints')) continue;
      for (const t of thumbprintsIn(v.data)) if (!trusted.has(t)) trusted.set(t, file.path);
    }
  }
  return trusted;
}

type PolicyExports = readonly { readonly path: string; readonly values: readonly { readonly hive: Hive; readonly key: string; readonly valueName: string; readonly type: RegType; readonly data: RegData }[] }[];

/**
 * The export that sets a client policy value to 0 (a policy Disabled), under the Terminal Services policy key. The
 * computer's setting decides when an export sets it (the policy "for the computer" affects "all users on the
 * computer", TerminalServer.adml, whose policies set in both scopes say "the Computer Configuration policy setting takes
 * precedence", as its session time limits do), the user's otherwise. Undefined when no export disables it, or when another export enables it in the same scope
 * (which one wins is GPO013's question, not guessed here).
 */
function disabledBy(exports: PolicyExports, lowerName: string): string | undefined {
  const scope = (): { set: boolean; enabled: boolean; disabledBy?: string } => ({ set: false, enabled: false });
  const scopes = { HKLM: scope(), HKCU: scope() };
  for (const file of exports) {
    for (const v of file.values) {
      if (!isClientPolicyValue(v, lowerName)) continue;
      const n = numberOf(v);
      if (n === undefined) continue;
      const s = scopes[v.hive as 'HKLM' | 'HKCU'];
      s.set = true;
      if (n !== 0) s.enabled = true;
      else s.disabledBy ??= file.path;
    }
  }
  const decides = scopes.HKLM.set ? scopes.HKLM : scopes.HKCU;
  return decides.enabled ? undefined : decides.disabledBy;
}

/**
 * The export that disables "Allow .rdp files from unknown publishers" (`AllowUnsignedFiles` = 0): Remote Desktop
 * Connection then opens no unsigned file and no file from an unknown publisher; the user "receives a message that the
 * publisher has been blocked" (TerminalServer.adml).
 */
export function unknownPublishersBlockedBy(exports: PolicyExports): string | undefined {
  return disabledBy(exports, 'allowunsignedfiles');
}

/**
 * The export that disables "Allow .rdp files from valid publishers and user's default .rdp settings"
 * (`AllowSignedFiles` = 0): users "cannot run .rdp files that are signed with a valid certificate" and get the same
 * message (TerminalServer.adml); only a publisher trusted by policy is still let through ("RDP file security settings
 * in Group Policy").
 */
export function validPublishersBlockedBy(exports: PolicyExports): string | undefined {
  return disabledBy(exports, 'allowsignedfiles');
}
