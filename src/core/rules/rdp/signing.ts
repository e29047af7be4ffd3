import { PROPERTIES } from '../../rdp/properties/index';
import { effectiveEntry, type RdpDocument, type RdpEntry } from '../../rdp/parse';
import { checkSignature, type SignatureCheck } from '../../rdp/signer';
import type { Span } from '../../text/line-index';
import type { Severity } from '../types';
import { quote } from '../messages';

/** Secure-setting display names (as `signscope` writes them, compared case-insensitively) to property names. */
export const SIGNED_SETTINGS: ReadonlyMap<string, string> = new Map(
  PROPERTIES.filter((p) => p.signName).map((p) => [p.signName!.toLowerCase(), p.name]),
);

/**
 * The property a `signscope` name (lower-cased) covers: a setting rdpsign is known to sign, else, since every display
 * name is its property's name in other letter case and a newer rdpsign signs more (it added `EnableRdsAadAuth` and
 * `RedirectWebAuthn`), a line of the file with that very name. Undefined when neither.
 */
function signedProperty(doc: RdpDocument, name: string): string | undefined {
  return SIGNED_SETTINGS.get(name) ?? (name !== 'signscope' && name !== 'signature' && doc.byKey.has(name) ? name : undefined);
}

/** The display names a file's `signscope` lists, lower-cased; undefined for an unsigned file. */
export function signScope(doc: RdpDocument): Set<string> | undefined {
  const scope = effectiveEntry(doc, 'signscope');
  if (!scope) return undefined;
  return new Set(
    scope.value
      .split(',')
      .map((n) => n.trim().toLowerCase())
      .filter(Boolean),
  );
}

export function isSigned(doc: RdpDocument): boolean {
  return doc.byKey.has('signature');
}

/** DER of OID 1.2.840.113549.1.7.2 (PKCS #7 signedData). */
const SIGNED_DATA_OID = Buffer.from('06092a864886f70d010702', 'hex');
const HEADER = Buffer.from('0100010001000000', 'hex');

/** Why a signature blob cannot be a valid rdpsign blob, or undefined when its structure holds. */
export function signatureBlobProblem(value: string): string | undefined {
  const b64 = value.replace(/\s+/g, '');
  if (b64 === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64) || b64.length % 4 !== 0) return 'the signature is not valid base64';
  const blob = Buffer.from(b64, 'base64');
  if (blob.length < 12 || !blob.subarray(0, 8).equals(HEADER)) return 'the signature does not start with the rdpsign header';
  const length = blob.readUInt32LE(8);
  if (length !== blob.length - 12) return `the signature says it holds ${length} bytes but holds ${blob.length - 12}`;
  const der = blob.subarray(12);
  if (der[0] !== 0x30 || !der.subarray(0, 32).includes(SIGNED_DATA_OID)) return 'the signature is not a PKCS #7 signedData structure';
  return undefined;
}

/** A reason a file's signature cannot verify (RDP041 reports each), where it shows, and the setting it is about. */
export interface SignatureProblem {
  readonly message: string;
  readonly span: Span;
  readonly subject: string;
  /** A warning for a signature RDP Doctor could not check: not shown broken, not shown valid either. */
  readonly severity?: Severity;
  /** Why RDP Doctor could not verify the signature, when that is the problem rather than a signature shown broken. */
  readonly unverified?: string;
}

/**
 * Why the file's signature cannot verify: its structure, its `signscope`, and then whether the signer's key verifies
 * it over the lines it covers (`checkSignature`), or why that could not be checked. Empty for an unsigned file
 * (neither line) and for a signature that verifies; a warning for a `signscope` alone (the file is unsigned).
 */
export function signatureProblems(doc: RdpDocument): SignatureProblem[] {
  const signature = effectiveEntry(doc, 'signature');
  const scopeEntry = effectiveEntry(doc, 'signscope');
  if (!signature) {
    if (!scopeEntry) return [];
    // No signature, nothing to verify: the file is unsigned (RDP043 says so). Microsoft's "Understanding security
    // warnings when opening RDP files" describes signed and unsigned files only; a leftover scope is neither broken
    // nor signed (script-made RemoteApp files copied from RD Web output without their signature line).
    const message = 'The file has a "signscope" line but no "signature": it is unsigned, and the "signscope" line is a leftover that signs nothing. Remove it, or sign the file with rdpsign.';
    return [{ message, span: scopeEntry.nameSpan, subject: 'signscope', severity: 'warning' }];
  }
  if (!scopeEntry) {
    return [{ message: 'The file has a "signature" but no "signscope": clients cannot tell which lines it covers.', span: signature.nameSpan, subject: 'signature' }];
  }
  const problems: SignatureProblem[] = [];
  const problem = signatureBlobProblem(signature.value);
  if (problem) problems.push({ message: `The signature cannot verify: ${problem}.`, span: signature.valueSpan, subject: 'signature' });
  for (const name of signScope(doc) ?? new Set<string>()) {
    const property = signedProperty(doc, name);
    if (!property) {
      problems.push({ message: `"signscope" names ${quote(name)}, which is not a setting rdpsign signs and not a line of the file.`, span: scopeEntry.valueSpan, subject: 'signscope' });
    } else if (!doc.byKey.has(property)) {
      problems.push({ message: `"signscope" covers "${property}", but the file has no such line: it was removed after signing, so the signature no longer verifies.`, span: scopeEntry.valueSpan, subject: property });
    }
  }
  if (problems.length > 0) return problems;
  const check = signatureCheck(doc, signature, scopeEntry);
  if (check.verdict === 'differs') {
    problems.push({
      message:
        'The signature does not match the lines it covers: a line "signscope" names was changed or added after the file was signed (a new address, a redirection turned on), or the signature itself was altered. Clients cannot tell who published the file now; get a fresh copy from its publisher, or sign it again with rdpsign.',
      span: signature.valueSpan,
      subject: 'signature',
    });
  } else if (check.verdict === 'unacceptable') {
    // RFC 5652 §5.6: the recipient recomputes the digest with the SignerInfo's algorithm; MD5 is one no verdict rests on.
    problems.push({
      message: `RDP Doctor does not accept the signature: ${check.why}. It was not checked, and it does not show who published the lines it covers; sign the file again with rdpsign /sha256.`,
      span: signature.valueSpan,
      subject: 'signature',
      unverified: check.why,
    });
  } else if (check.verdict === 'unchecked') {
    // Not shown broken, but not shown valid: where Remote Desktop Connection cannot verify the publisher either, it
    // warns "Caution: Unknown remote connection" (Microsoft's "Understanding security warnings when opening RDP files").
    problems.push({
      message: `RDP Doctor could not check the signature: ${check.why}. This is no verdict that it is valid: where Remote Desktop Connection cannot verify it either, it warns "Caution: Unknown remote connection" as for an unknown publisher. Sign the file again with rdpsign /sha256 to have it checked.`,
      span: signature.valueSpan,
      subject: 'signature',
      severity: 'warning',
      unverified: check.why,
    });
  }
  return problems;
}

/**
 * The text rdpsign signs (reference §4.2, reverse-engineered: nfedera/rdpsign, openuds; checked against a file
 * signed by rdpsign.exe): each line `signscope` names, as written, in its order, then the `signscope` line, each
 * ended by CR LF, then a NUL, in UTF-16 LE. The line a client reads is the last of its name (`effectiveEntry`):
 * a line added after signing makes the text differ.
 */
export function signedText(doc: RdpDocument, scopeEntry: RdpEntry): Buffer | undefined {
  const lines: string[] = [];
  for (const name of scopeEntry.value.split(',')) {
    if (name.trim() === '') continue;
    const property = signedProperty(doc, name.trim().toLowerCase());
    const entry = property === undefined ? undefined : effectiveEntry(doc, property);
    if (!entry) return undefined;
    lines.push(doc.text.slice(entry.span.start, entry.span.end));
  }
  lines.push(doc.text.slice(scopeEntry.span.start, scopeEntry.span.end));
  return Buffer.from(`${lines.join('\r\n')}\r\n\0`, 'utf16le');
}

/** The last check made, by signature and signed text: RDP041 and RDP043 ask about the same file, and the editor re-lints it on each change. */
let lastCheck: { signature: string; text: Buffer; check: SignatureCheck } | undefined;

/** Whether the file's signature matches the lines it covers (`checkSignature`), remembered for the same signature and text. */
function signatureCheck(doc: RdpDocument, signature: RdpEntry, scopeEntry: RdpEntry): SignatureCheck {
  const text = signedText(doc, scopeEntry);
  if (!text) return { verdict: 'unchecked', why: 'a line it covers is missing' };
  if (lastCheck && lastCheck.signature === signature.value && lastCheck.text.equals(text)) return lastCheck.check;
  const check = checkSignature(signature.value, text);
  lastCheck = { signature: signature.value, text, check };
  return check;
}
