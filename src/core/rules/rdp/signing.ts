import { PROPERTIES } from '../../rdp/properties/index';
import { effectiveEntry, type RdpDocument } from '../../rdp/parse';
import type { Span } from '../../text/line-index';
import { quote } from '../messages';

/** Secure-setting display names (as `signscope` writes them, compared case-insensitively) to property names. */
export const SIGNED_SETTINGS: ReadonlyMap<string, string> = new Map(
  PROPERTIES.filter((p) => p.signName).map((p) => [p.signName!.toLowerCase(), p.name]),
);

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
}

/**
 * Why the file's signature cannot verify, from its structure and its `signscope` (no cryptographic check): empty for
 * an unsigned file (neither line) and for a signature whose structure and scope hold.
 */
export function signatureProblems(doc: RdpDocument): SignatureProblem[] {
  const signature = effectiveEntry(doc, 'signature');
  const scopeEntry = effectiveEntry(doc, 'signscope');
  if (!signature && !scopeEntry) return [];
  if (!signature || !scopeEntry) {
    const present = (signature ?? scopeEntry)!;
    const message = signature ? 'The file has a "signature" but no "signscope": clients cannot tell which lines it covers.' : 'The file has a "signscope" but no "signature".';
    return [{ message, span: present.nameSpan, subject: present.key }];
  }
  const problems: SignatureProblem[] = [];
  const problem = signatureBlobProblem(signature.value);
  if (problem) problems.push({ message: `The signature cannot verify: ${problem}.`, span: signature.valueSpan, subject: 'signature' });
  for (const name of signScope(doc) ?? new Set<string>()) {
    const property = SIGNED_SETTINGS.get(name);
    if (!property) {
      problems.push({ message: `"signscope" names ${quote(name)}, which is not a setting rdpsign signs.`, span: scopeEntry.valueSpan, subject: 'signscope' });
    } else if (!doc.byKey.has(property)) {
      problems.push({ message: `"signscope" covers "${property}", but the file has no such line: it was removed after signing, so the signature no longer verifies.`, span: scopeEntry.valueSpan, subject: property });
    }
  }
  return problems;
}
