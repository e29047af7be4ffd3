import { effectiveEntry } from '../../rdp/parse';
import { quote } from '../messages';
import type { RdpRule } from '../types';
import { SIGNED_SETTINGS, signScope } from './signing';

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

export const rdp041: RdpRule = {
  id: 'RDP041',
  name: 'signature-invalid',
  description: 'A signature that cannot verify over the signscope lines (structure and scope checks).',
  defaultSeverity: 'error',
  fixable: false,
  tags: ['signing'],
  check({ doc, report }) {
    const signature = effectiveEntry(doc, 'signature');
    const scopeEntry = effectiveEntry(doc, 'signscope');
    if (!signature && !scopeEntry) return;
    if (!signature || !scopeEntry) {
      const present = (signature ?? scopeEntry)!;
      report({
        message: signature ? 'The file has a "signature" but no "signscope": clients cannot tell which lines it covers.' : 'The file has a "signscope" but no "signature".',
        span: present.nameSpan,
        subject: present.key,
      });
      return;
    }
    const problem = signatureBlobProblem(signature.value);
    if (problem) report({ message: `The signature cannot verify: ${problem}.`, span: signature.valueSpan, subject: 'signature' });
    const scope = signScope(doc) ?? new Set<string>();
    for (const name of scope) {
      const property = SIGNED_SETTINGS.get(name);
      if (!property) {
        report({ message: `"signscope" names ${quote(name)}, which is not a setting rdpsign signs.`, span: scopeEntry.valueSpan, subject: 'signscope' });
      } else if (!doc.byKey.has(property)) {
        report({ message: `"signscope" covers "${property}", but the file has no such line: it was removed after signing, so the signature no longer verifies.`, span: scopeEntry.valueSpan, subject: property });
      }
    }
  },
};
