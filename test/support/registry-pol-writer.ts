import { REG_TYPE_NUMBERS } from '../../src/core/gpo/registry-path';
import type { RegType } from '../../src/core/gpo/model';
import { POL_SIGNATURE } from '../../src/core/gpo/registry-pol-records';

/** One record to write: data is given already encoded, or as a number/string/list for the common types. */
export interface PolRecordInput {
  readonly key: string;
  readonly valueName: string;
  readonly type: RegType;
  readonly data: number | string | readonly string[] | Uint8Array | null;
}

function utf16z(s: string): Buffer {
  return Buffer.from(`${s}\0`, 'utf16le');
}

function encode(r: PolRecordInput): Buffer {
  const d = r.data;
  if (d instanceof Uint8Array) return Buffer.from(d);
  if (d === null) return Buffer.alloc(0);
  switch (r.type) {
    case 'REG_DWORD': {
      const b = Buffer.alloc(4);
      b.writeUInt32LE(Number(d));
      return b;
    }
    case 'REG_QWORD': {
      const b = Buffer.alloc(8);
      b.writeBigUInt64LE(BigInt(d as number | string));
      return b;
    }
    case 'REG_MULTI_SZ':
      return Buffer.concat([...(d as readonly string[]).map(utf16z), Buffer.from([0, 0])]);
    case 'REG_SZ':
    case 'REG_EXPAND_SZ':
      return utf16z(String(d));
    default:
      return Buffer.from(String(d), 'hex');
  }
}

const CHAR = (c: string): Buffer => Buffer.from(c, 'utf16le');

/** Writes a Registry.pol (PReg v1), the inverse of `readPolRecords`: for tests, benchmarks and fixtures. */
export function writeRegistryPol(records: readonly PolRecordInput[]): Buffer {
  const parts: Buffer[] = [Buffer.from([...POL_SIGNATURE, 1, 0, 0, 0])];
  for (const r of records) {
    const data = encode(r);
    const type = Buffer.alloc(4);
    type.writeUInt32LE(REG_TYPE_NUMBERS.indexOf(r.type));
    const size = Buffer.alloc(4);
    size.writeUInt32LE(data.length);
    parts.push(CHAR('['), utf16z(r.key), CHAR(';'), utf16z(r.valueName), CHAR(';'), type, CHAR(';'), size, CHAR(';'), data, CHAR(']'));
  }
  return Buffer.concat(parts);
}
