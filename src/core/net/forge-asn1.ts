import type * as Forge from 'node-forge';

/** A node of node-forge's ASN.1 tree. */
export type Asn1 = Forge.asn1.Asn1;

let forgeModule: typeof Forge | undefined;
/** node-forge is loaded on first use, so the extension does not pay for it at activation. */
export function forge(): typeof Forge {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (forgeModule ??= require('node-forge') as typeof Forge);
}

/** A binary string (as node-forge holds bytes) as a Buffer. */
export function bytes(binary: string): Buffer {
  return Buffer.from(binary, 'binary');
}

/** DER bytes (a binary string) to the tree; BIT STRINGs stay raw, so a key usage's bits are never read as ASN.1. */
export function parse(der: string): Asn1 {
  const f = forge();
  // The typings predate the options object; node-forge 1.x reads { strict, parseAllBytes, decodeBitStrings }.
  const fromDer = f.asn1.fromDer as unknown as (input: Forge.util.ByteStringBuffer, options: object) => Asn1;
  return fromDer(f.util.createBuffer(der), { strict: true, parseAllBytes: true, decodeBitStrings: false });
}

export function children(node: Asn1 | undefined): Asn1[] {
  return node && Array.isArray(node.value) ? (node.value as Asn1[]) : [];
}

export function oidOf(node: Asn1 | undefined): string {
  if (!node || node.type !== forge().asn1.Type.OID || typeof node.value !== 'string') throw new Error('an object identifier is missing');
  return forge().asn1.derToOid(node.value);
}
