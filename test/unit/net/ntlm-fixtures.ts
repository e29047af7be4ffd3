/**
 * A CHALLENGE as a domain member sends it to nmap's rdp-ntlm-info: every AV pair nmap prints, and a timestamp. With
 * `workgroup`, as FreeRDP's winpr server sends it for a computer of that name: its name as the NetBIOS and DNS
 * domain, no forest, neither target-type flag (winpr/libwinpr/sspi/NTLM/ntlm.c, ntlm_av_pairs.c at 2.11.7).
 */
export function windowsChallenge(options: { timestamp?: bigint; dns?: string; workgroup?: string; flags?: number } = {}): Buffer {
  const av = (id: number, value: Buffer): Buffer => Buffer.concat([Buffer.from([id & 0xff, id >> 8, value.length & 0xff, value.length >> 8]), value]);
  const u = (s: string): Buffer => Buffer.from(s, 'utf16le');
  const stamp = Buffer.alloc(8);
  stamp.writeBigUInt64LE(options.timestamp ?? 0x01d9_0000_0000_0000n);
  const wg = options.workgroup;
  const names = wg
    ? [av(2, u(wg.toUpperCase())), av(1, u(wg.toUpperCase())), av(4, u(wg)), av(3, u(options.dns ?? wg))]
    : [av(2, u('CONTOSO')), av(1, u('RDSH01')), av(4, u('contoso.com')), av(3, u(options.dns ?? 'rdsh01.contoso.com')), av(5, u('contoso.com'))];
  const info = Buffer.concat([...names, av(7, stamp), av(0, Buffer.alloc(0))]);
  const head = Buffer.alloc(56);
  head.write('NTLMSSP\0', 0, 'latin1');
  head.writeUInt32LE(2, 8);
  // NTLMSSP_TARGET_TYPE_DOMAIN (0x00010000) for the domain member; winpr's server sets neither type.
  head.writeUInt32LE((options.flags ?? (wg ? 0xe2888215 : 0xe2898215)) >>> 0, 20);
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
