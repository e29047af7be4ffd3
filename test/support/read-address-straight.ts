// `full address` reading as it was before issue 16 (colons counted with split): the property test compares
// parseAddress with it.
import { urlProblem, leadingZeroPort, type AddressResult, type RdpAddress } from '../../src/core/text/address';
import { hostProblem, isHostName, isIPv4, isIPv6 } from '../../src/core/text/host-name';
import { quote } from '../../src/core/text/quote';

function parsePort(text: string): number | undefined {
  if (leadingZeroPort(text) !== undefined || !/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : undefined;
}

/** Why a port is none: octal or hex as FreeRDP's _strtoi64(…, 0) reads them (0x and 0X alike, as C's strtol), else no number. */
function portProblem(text: string): string {
  const octal = leadingZeroPort(text);
  if (octal !== undefined) return octal;
  const hex = /^0[xX][0-9a-fA-F]{1,8}$/.test(text) ? Number.parseInt(text.slice(2), 16) : 0;
  if (hex >= 1 && hex <= 65535) return `the port ${quote(text)} is written in hex: FreeRDP reads it as ${hex}, while other clients may not read it at all; write ${hex}`;
  return `the port ${quote(text)} is not a number from 1 to 65535`;
}

export function readAddressStraight(raw: string): AddressResult {
  const lead = raw.length - raw.trimStart().length;
  const value = raw.trim();
  if (value === '') return { ok: false, problem: 'the address is empty' };
  if (/\s/.test(value)) return { ok: false, problem: 'the address contains blanks' };
  const url = urlProblem(value);
  if (url !== undefined) return { ok: false, problem: url };
  if (value.startsWith('[')) {
    const close = value.indexOf(']');
    if (close < 0) return { ok: false, problem: 'the "[" of the IPv6 address is not closed' };
    const host = value.slice(1, close);
    if (!isIPv6(host)) return { ok: false, problem: `${quote(host)} is not an IPv6 address` };
    const rest = value.slice(close + 1);
    if (rest === '') return { ok: true, address: { host, kind: 'ipv6', hostStart: lead + 1, hostEnd: lead + 1 + host.length } };
    const port = rest.startsWith(':') ? parsePort(rest.slice(1)) : undefined;
    if (port === undefined) return { ok: false, problem: rest.startsWith(':') ? portProblem(rest.slice(1)) : `the port ${quote(rest)} is not a number from 1 to 65535` };
    return { ok: true, address: { host, port, kind: 'ipv6', hostStart: lead + 1, hostEnd: lead + 1 + host.length } };
  }
  const colons = value.split(':').length - 1;
  if (colons > 1) {
    return isIPv6(value)
      ? { ok: false, problem: 'a bare IPv6 address is misread by clients that split at the last colon; write it as [address]:port' }
      : { ok: false, problem: 'the address has more than one colon' };
  }
  const [host = '', portText] = value.split(':');
  let port: number | undefined;
  if (portText !== undefined) {
    port = parsePort(portText);
    if (port === undefined) return { ok: false, problem: portProblem(portText) };
  }
  const kind = isIPv4(host) ? 'ipv4' : 'name';
  if (kind === 'name' && !isHostName(host)) return { ok: false, problem: hostProblem(host) };
  const address: RdpAddress = { host, kind, hostStart: lead, hostEnd: lead + host.length, ...(port !== undefined && { port }) };
  return { ok: true, address };
}
