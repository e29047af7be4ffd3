/**
 * The partial fingerprint each SARIF result carries (SARIF §3.27.17), under this name: a versioned hierarchical
 * string (§3.5.4.2); a fingerprint computed another way gets a new version, and this one stays documented.
 */
export const FINGERPRINT_NAME = 'rdpDoctor/findingHash/v1';

/** What a finding's identity is made of: never its line or column, which move when lines are added above it. */
export interface FingerprintInput {
  readonly ruleId: string;
  /** The artifact as the log names it (its base and URI), or the logical location of a finding in no file. */
  readonly where: string;
  /** The property or setting the finding is about, when known. */
  readonly subject?: string;
  readonly message: string;
}

const OFFSET_LO = 0x84222325;
const OFFSET_HI = 0xcbf29ce4;

const UTF8 = new TextEncoder();

/** FNV-1a, 64 bits, of the text's UTF-8 bytes, as 16 hex digits (no node:crypto: lint loads none at start-up). */
export function fnv1a64(text: string): string {
  let lo = OFFSET_LO;
  let hi = OFFSET_HI;
  for (const byte of UTF8.encode(text)) {
    lo = (lo ^ byte) >>> 0;
    // × 0x100000001b3 (2^40 + 0x1b3) modulo 2^64, in two 32-bit halves.
    const low = lo * 0x1b3;
    hi = (Math.imul(hi, 0x1b3) + (lo << 8) + Math.floor(low / 0x100000000)) >>> 0;
    lo = low >>> 0;
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

/** Numbers in a message (a line it refers to, a count, a time measured) change from run to run without the finding changing. */
function stableMessage(message: string): string {
  return message.replace(/[0-9]+/g, '#');
}

/**
 * One fingerprint per finding, in order: a hash of the rule, the artifact, the subject and the message without its
 * numbers, then `:n`, the finding's place among those with the same hash (so identical findings in one file differ).
 */
export function fingerprints(findings: readonly FingerprintInput[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const hash = fnv1a64([f.ruleId, f.where, f.subject ?? '', stableMessage(f.message)].join('\u0000'));
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    return `${hash}:${n}`;
  });
}
