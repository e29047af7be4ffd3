/**
 * Keeps a file's secrets out of its findings: the redaction `lintRdpDocument` applies to every finding's text once
 * the rules have run.
 */
import { EntryIndex } from '../rdp/entry-index';
import type { RdpDocument, RdpEntry } from '../rdp/parse';
import { findProperty, isSecretProperty, SECRET_KEYS } from '../rdp/properties/index';
import type { PropertyInfo } from '../rdp/property-types';
import type { Span } from '../text/line-index';
import type { Finding } from './types';

const REDACTED = '"(a saved password)"';

/** Whether a quoted value shows the secret, whole or cut short by `quote()` ("abc…"). */
function holdsSecret(shown: string, secret: string): boolean {
  if (shown.includes(secret)) return true;
  return shown.endsWith('…') && shown.length > 4 && secret.startsWith(shown.slice(0, -1));
}

/** Quoted values longer than this (no `quote()` makes one) are compared with each secret in turn. */
const MAX_INDEXED_SHOWN = 128;

/**
 * `holdsSecret` against every secret of a file at once: a file of 100,000 saved passwords compared each
 * quoted value of each finding with each of them (14.8 s for 3 MB). Each substring of a quoted value
 * whose length some secret has is looked up in a set, and a value cut short is looked up among the sorted secrets.
 */
class SecretIndex {
  private readonly secrets: ReadonlySet<string>;
  private readonly lengths: readonly number[];
  private readonly sorted: readonly string[];

  constructor(secrets: Iterable<string>) {
    this.secrets = new Set(secrets);
    this.sorted = [...this.secrets].sort();
    this.lengths = [...new Set(this.sorted.map((s) => s.length))].sort((a, b) => a - b);
  }

  /** Whether the quoted value is a secret itself, whole or cut short by `quote()`, not a text with one inside. */
  isWhole(shown: string): boolean {
    return this.secrets.has(shown) || this.cutShort(shown);
  }

  holds(shown: string): boolean {
    if (shown.length > MAX_INDEXED_SHOWN) {
      for (const secret of this.secrets) if (holdsSecret(shown, secret)) return true;
      return false;
    }
    for (const length of this.lengths) {
      if (length > shown.length) break;
      for (let at = 0; at + length <= shown.length; at++) if (this.secrets.has(shown.slice(at, at + length))) return true;
    }
    return this.cutShort(shown);
  }

  /** Whether the quoted value is a secret cut short by `quote()` ("abc…"). */
  private cutShort(shown: string): boolean {
    if (!(shown.endsWith('…') && shown.length > 4)) return false;
    // The first secret at or after the cut value in sorted order is the one it would be a prefix of.
    const cut = shown.slice(0, -1);
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.sorted[mid]! < cut) low = mid + 1;
      else high = mid;
    }
    return low < this.sorted.length && this.sorted[low]!.startsWith(cut);
  }
}

/**
 * Whether a text appears in the file, letter case aside, somewhere that overlaps no secret value. Occurrences
 * past `MAX_OCCURRENCES` are not looked at (a text then counts as not shown: redacted), so a hostile file of many
 * secrets costs a bounded search per quoted text; answers are remembered per text.
 */
class ShownOutsideSecrets {
  private static readonly MAX_OCCURRENCES = 64;
  private readonly text: string;
  private readonly folded: boolean;
  private readonly answers = new Map<string, boolean>();

  constructor(
    text: string,
    private readonly hidden: readonly Span[],
  ) {
    // Folded only where folding keeps every offset (some characters lower-case to two code units).
    const lower = text.toLowerCase();
    this.folded = lower.length === text.length;
    this.text = this.folded ? lower : text;
  }

  has(shown: string): boolean {
    let answer = this.answers.get(shown);
    if (answer === undefined) this.answers.set(shown, (answer = this.search(this.folded ? shown.toLowerCase() : shown)));
    return answer;
  }

  private search(needle: string): boolean {
    if (needle === '') return false;
    let from = 0;
    for (let seen = 0; seen < ShownOutsideSecrets.MAX_OCCURRENCES; seen++) {
      const at = this.text.indexOf(needle, from);
      if (at < 0) return false;
      if (!this.overlapsHidden(at, at + needle.length)) return true;
      from = at + 1;
    }
    return false;
  }

  /** Whether [start, end) overlaps a secret value's span (the spans are in text order and do not overlap). */
  private overlapsHidden(start: number, end: number): boolean {
    let low = 0;
    let high = this.hidden.length;
    // The first span that ends after `start`.
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.hidden[mid]!.end <= start) low = mid + 1;
      else high = mid;
    }
    return low < this.hidden.length && this.hidden[low]!.start < end;
  }
}

/**
 * The safety net for a secret value that slipped into a message (the rules never quote them): a quoted
 * value holding a secret is replaced whole. Words the message itself wrote are left alone, so a password
 * that happens to be "password" does not garble "holds a saved password"; and so is a quoted text that only
 * holds the secret inside it when the file shows that text outside its secrets, or it is a property's name
 * (`"password:s:"` with the password "password", `"full address"` with "address"): replacing those said
 * nothing the file hid, garbled the message, and told the reader what the secret is part of.
 */
export function redact(doc: RdpDocument, findings: Finding[], property: (entry: RdpEntry) => PropertyInfo | undefined): Finding[] {
  if (findings.length === 0 || !mayHoldSecret(doc)) return findings;
  const secrets: string[] = [];
  /** Where the secret values sit in the text, in order. */
  const hidden: Span[] = [];
  const entries = doc.entries;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    // The property as the rules looked it up (no second lookup per entry); an unknown name as isSecretProperty judges it.
    const info = property(e);
    if (info ? info.secret !== true : !isSecretProperty(e.key)) continue;
    const value = e.value.trim();
    if (value.length >= 3) secrets.push(value);
    hidden.push(e.valueSpan);
  }
  if (secrets.length === 0) return findings;
  const index = new SecretIndex(secrets);
  const shownElsewhere = new ShownOutsideSecrets(doc.text, hidden);
  const redacts = (shown: string): boolean => index.holds(shown) && (index.isWhole(shown) || !(findProperty(shown) !== undefined || shownElsewhere.has(shown)));
  const clean = (text: string): string => text.replace(/"[^"]*"/g, (quoted) => (redacts(quoted.slice(1, -1)) ? REDACTED : quoted));
  // Every text a finding shows: its message, its related notes (printed and in SARIF) and its fix's title (a light bulb).
  return findings.map((f) => {
    const message = clean(f.message);
    const related = f.related?.map((r) => {
      const note = clean(r.message);
      return note === r.message ? r : { ...r, message: note };
    });
    const changedRelated = related !== undefined && related.some((r, i) => r !== f.related![i]);
    const title = f.fix && clean(f.fix.title);
    const changedFix = f.fix !== undefined && title !== f.fix.title;
    if (message === f.message && !changedRelated && !changedFix) return f;
    return { ...f, message, ...(changedRelated && { related }), ...(changedFix && { fix: { ...f.fix!, title: title! } }) };
  });
}

/**
 * Whether the document may have a line that holds a secret: a key of a secret property, or an unknown key
 * `isSecretProperty` judges one. Asked of its key index (a few lookups) rather than of each of its entries, as most
 * files of a run have findings and no secret (issue 16).
 */
function mayHoldSecret(doc: RdpDocument): boolean {
  const index = doc.byKey;
  if (!(index instanceof EntryIndex)) return true;
  for (let i = 0; i < SECRET_KEYS.length; i++) if (index.has(SECRET_KEYS[i]!)) return true;
  return index.someUnknownKey(isSecretProperty);
}
