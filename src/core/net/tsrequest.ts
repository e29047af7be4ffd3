import type * as Forge from 'node-forge';
import { forge } from './forge-asn1';

/** The TSRequest version the probe announces [MS-CSSP 2.2.1]; servers answer with theirs. */
export const TSREQUEST_VERSION = 6;
/** Nothing a server sends before authentication comes near it. */
export const MAX_TSREQUEST_BYTES = 64 * 1024;

type Asn1 = Forge.asn1.Asn1;

/** `TSRequest { version [0], negoTokens [1] NegoData }` carrying one token [MS-CSSP 2.2.1, 2.2.1.1], DER. */
export function encodeTsRequest(negoToken: Buffer, version = TSREQUEST_VERSION): Buffer {
  const { asn1 } = forge();
  const ctx = (tag: number, inner: Asn1): Asn1 => asn1.create(asn1.Class.CONTEXT_SPECIFIC, tag, true, [inner]);
  const request = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    ctx(0, asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(version).getBytes())),
    ctx(
      1,
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
        asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
          ctx(0, asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, negoToken.toString('latin1'))),
        ]),
      ]),
    ),
  ]);
  return Buffer.from(asn1.toDer(request).getBytes(), 'latin1');
}

/**
 * How many bytes the DER element at the start of `bytes` takes: 'need-more' until its header and body
 * are all there, or a problem when it cannot be a TSRequest.
 */
export function derElementLength(bytes: Uint8Array): number | 'need-more' | { problem: string } {
  if (bytes.length < 2) return 'need-more';
  if (bytes[0] !== 0x30) return { problem: `the reply starts with 0x${bytes[0]!.toString(16).padStart(2, '0')}, not a DER SEQUENCE` };
  const first = bytes[1]!;
  let length: number;
  let header: number;
  if (first < 0x80) {
    length = first;
    header = 2;
  } else {
    const count = first & 0x7f;
    if (count === 0 || count > 3) return { problem: 'the reply has an unusable DER length' };
    if (bytes.length < 2 + count) return 'need-more';
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[2 + i]!;
    header = 2 + count;
  }
  if (header + length > MAX_TSREQUEST_BYTES) return { problem: `the reply announces ${header + length} bytes` };
  return bytes.length < header + length ? 'need-more' : header + length;
}

export type TsRequestParse =
  | { readonly ok: true; readonly version: number | null; readonly negoToken: Buffer | null; readonly errorCode: number | null }
  | { readonly ok: false; readonly problem: string };

const ctxChild = (children: readonly Asn1[], tag: number): Asn1 | undefined =>
  children.find((c) => c.tagClass === forge().asn1.Class.CONTEXT_SPECIFIC && c.type === tag && Array.isArray(c.value) && c.value.length === 1);

function integerOf(node: Asn1 | undefined): number | null {
  const inner = node && (node.value as Asn1[])[0];
  if (!inner || inner.type !== forge().asn1.Type.INTEGER || typeof inner.value !== 'string' || inner.value.length === 0) return null;
  const bytes = Buffer.from(inner.value, 'latin1');
  // An NTSTATUS such as 0xC000006D arrives as a negative 4-byte or a positive 5-byte INTEGER.
  if (bytes.length === 5 && bytes[0] === 0) return bytes.readUInt32BE(1);
  return bytes.length <= 4 ? bytes.readIntBE(0, bytes.length) : null;
}

/** Reads a server's TSRequest: its first negoToken, or the NTSTATUS errorCode it reported. Never throws. */
export function parseTsRequest(der: Uint8Array): TsRequestParse {
  const f = forge();
  const { asn1 } = f;
  // The typings predate the options object; node-forge 1.x reads { strict, parseAllBytes, decodeBitStrings }.
  const fromDer = asn1.fromDer as unknown as (bytes: Forge.util.ByteStringBuffer, options: object) => Asn1;
  let root: Asn1;
  try {
    root = fromDer(f.util.createBuffer(Buffer.from(der).toString('binary')), { strict: true, parseAllBytes: true, decodeBitStrings: false });
  } catch (error) {
    return { ok: false, problem: `the reply is not valid DER (${error instanceof Error ? error.message : String(error)})` };
  }
  if (root.tagClass !== asn1.Class.UNIVERSAL || root.type !== asn1.Type.SEQUENCE || !Array.isArray(root.value)) {
    return { ok: false, problem: 'the reply is not a TSRequest SEQUENCE' };
  }
  const children = root.value as Asn1[];
  const version = integerOf(ctxChild(children, 0));
  const errorCode = integerOf(ctxChild(children, 4));
  // NegoData ::= SEQUENCE OF SEQUENCE { negoToken [0] OCTET STRING }
  const nego = ctxChild(children, 1);
  const first = nego && ((nego.value as Asn1[])[0]?.value as Asn1[] | string | undefined);
  const item = Array.isArray(first) ? (first[0]?.value as Asn1[] | string | undefined) : undefined;
  const tokenCtx = Array.isArray(item) ? item.find((c) => c.tagClass === asn1.Class.CONTEXT_SPECIFIC && c.type === 0) : undefined;
  const octets = tokenCtx && Array.isArray(tokenCtx.value) ? tokenCtx.value[0] : undefined;
  const negoToken = octets && octets.type === asn1.Type.OCTETSTRING && typeof octets.value === 'string' ? Buffer.from(octets.value, 'latin1') : null;
  if (version === null) return { ok: false, problem: 'the TSRequest has no version' };
  return { ok: true, version, negoToken, errorCode: errorCode === null ? null : errorCode >>> 0 };
}
