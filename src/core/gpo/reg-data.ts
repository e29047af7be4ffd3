import type { RegData, RegType } from './model';

export function toHex(bytes: Uint8Array): string {
  // One flat string: appending two characters at a time builds a rope that needs ~20 times the bytes.
  return asBuffer(bytes).toString('hex');
}

/** A Buffer view of bytes (no copy), for Node's fast string decoding. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** UTF-16LE code units of `bytes[start, end)` as a string. */
export function decodeUtf16(bytes: Uint8Array, start: number, end: number): string {
  return asBuffer(bytes).toString('utf16le', start, start + ((end - start) & ~1));
}

/** Reads little-endian uint32 at `offset`. */
export function u32(bytes: Uint8Array, offset: number): number {
  return (bytes[offset]! | (bytes[offset + 1]! << 8) | (bytes[offset + 2]! << 16)) + bytes[offset + 3]! * 0x1000000;
}

/**
 * Interprets raw registry data of a type, as Registry.pol and `.reg` hex values store it. `wide` = strings are
 * UTF-16LE (Registry.pol, regedit 5.00); otherwise single-byte (REGEDIT4). Returns a problem text when the size is wrong.
 */
export function decodeRegData(type: RegType, data: Uint8Array, wide = true): { data: RegData; problem?: string } {
  // The common case first, without allocating a result per call site.
  if (type === 'REG_DWORD' && data.length === 4) return { data: u32(data, 0) };
  switch (type) {
    case 'REG_SZ':
    case 'REG_EXPAND_SZ': {
      const text = wide ? decodeUtf16(data, 0, data.length & ~1) : Buffer.from(data).toString('latin1');
      const nul = text.indexOf('\0');
      return { data: nul < 0 ? text : text.slice(0, nul) };
    }
    case 'REG_MULTI_SZ': {
      const text = wide ? decodeUtf16(data, 0, data.length & ~1) : Buffer.from(data).toString('latin1');
      const parts = text.split('\0');
      while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
      return { data: parts };
    }
    case 'REG_DWORD':
      if (data.length !== 4) return { data: toHex(data), problem: `a REG_DWORD holds 4 bytes, this one ${data.length}` };
      return { data: u32(data, 0) };
    case 'REG_DWORD_BIG_ENDIAN':
      if (data.length !== 4) return { data: toHex(data), problem: `a REG_DWORD_BIG_ENDIAN holds 4 bytes, this one ${data.length}` };
      return { data: u32(Uint8Array.from(data).reverse(), 0) };
    case 'REG_QWORD': {
      if (data.length !== 8) return { data: toHex(data), problem: `a REG_QWORD holds 8 bytes, this one ${data.length}` };
      const value = BigInt(u32(data, 0)) + (BigInt(u32(data, 4)) << 32n);
      return { data: value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString() };
    }
    case 'REG_NONE':
      return { data: data.length === 0 ? null : toHex(data) };
    default:
      return { data: toHex(data) };
  }
}
