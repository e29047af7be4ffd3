/** A CHALLENGE as Windows sends it to nmap's rdp-ntlm-info: every AV pair nmap prints, and a timestamp. */
export function windowsChallenge(options: { timestamp?: bigint; dns?: string } = {}): Buffer {
  const av = (id: number, value: Buffer): Buffer => Buffer.concat([Buffer.from([id & 0xff, id >> 8, value.length & 0xff, value.length >> 8]), value]);
  const u = (s: string): Buffer => Buffer.from(s, 'utf16le');
  const stamp = Buffer.alloc(8);
  stamp.writeBigUInt64LE(options.timestamp ?? 0x01d9_0000_0000_0000n);
  const info = Buffer.concat([
    av(2, u('CONTOSO')), av(1, u('RDSH01')), av(4, u('contoso.com')), av(3, u(options.dns ?? 'rdsh01.contoso.com')), av(5, u('contoso.com')), av(7, stamp), av(0, Buffer.alloc(0)),
  ]);
  const head = Buffer.alloc(56);
  head.write('NTLMSSP\0', 0, 'latin1');
  head.writeUInt32LE(2, 8);
  head.writeUInt32LE(0xe28a8215, 20);
  head.writeUInt16LE(info.length, 40);
  head.writeUInt16LE(info.length, 42);
  head.writeUInt32LE(56, 44);
  head.writeUInt8(10, 48);
  head.writeUInt8(0, 49);
  head.writeUInt16LE(17763, 50);
  head.writeUInt8(15, 55);
  head.writeUInt32LE(56, 16); // empty TargetName at the payload start
  return Buffer.concat([head, info]);
}

/** A Date as the FILETIME MsvAvTimestamp carries (100 ns since 1601-01-01). */
export function filetimeOf(date: Date): bigint {
  return (BigInt(date.getTime()) + 11_644_473_600_000n) * 10_000n;
}
