import { quote } from '../../text/quote';

const day = (d: Date): string => d.toISOString().slice(0, 10);
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const plural = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** A span of time, never rounded up: whole days, under a day whole hours, under an hour "less than an hour". */
export function timeSpan(ms: number): string {
  const span = Math.max(0, ms);
  if (span >= DAY_MS) return plural(Math.floor(span / DAY_MS), 'day');
  if (span >= HOUR_MS) return plural(Math.floor(span / HOUR_MS), 'hour');
  return 'less than an hour';
}

const list = (items: readonly string[]): string => (items.length ? items.join(', ') : 'nothing');

/** Messages of the NET findings, each a small function of the offending value. */
export const NET_MESSAGES = {
  NET001: (host: string, cause: string) => `The name ${quote(host)} does not resolve (${cause}).`,
  NET002: (address: string, port: number) => `Nothing accepts connections on ${address} port ${port}: the connection was refused.`,
  NET003: (address: string, port: number, ms: number) => `${address} port ${port} did not answer within ${ms} ms (filtered by a firewall, or the host is down).`,
  NET003Unreachable: (address: string, port: number, cause: string) => `${address} port ${port} cannot be reached (${cause}).`,
  NET004: (reason: string) => reason,
  NET010: (failure: string) => `The server requires Network Level Authentication: it answers requests without CredSSP with ${failure}.`,
  NET011: (what: readonly string[]) => `The server accepts ${what.join(' and ')} without Network Level Authentication.`,
  NET012Selected: () => 'The server selected Standard RDP Security although the client offered TLS and CredSSP.',
  NET012Legacy: () => 'The server answered without negotiation data, so only Standard RDP Security is possible.',
  NET012NotAllowed: (failure: string) => `The server refuses TLS and CredSSP with ${failure}.`,
  NET013: (failure: string, code: number, protocols: string) =>
    `The server refused a request for ${protocols} with ${failure} (0x${code.toString(16).padStart(8, '0').toUpperCase()}).`,
  NET020: (notAfter: Date) => `The certificate expired on ${day(notAfter)} (notAfter ${notAfter.toISOString()}).`,
  NET021: (notBefore: Date) => `The certificate is not valid before ${day(notBefore)} (notBefore ${notBefore.toISOString()}).`,
  NET022SelfSigned: (subject: string) => `The certificate ${quote(subject)} is self-signed and not among the trusted roots.`,
  NET022Untrusted: (subject: string, reason: string) => `The certificate ${quote(subject)} does not chain to a trusted root: ${reason}.`,
  NET023: (name: string, names: readonly string[]) => `The certificate does not match ${quote(name)}; it names ${list(names)}.`,
  NET024: (ekus: readonly string[]) => `The certificate's extended key usage (${list(ekus)}) allows neither Server Authentication nor Remote Desktop Authentication.`,
  NET024AnyPurpose: (ekus: readonly string[]) =>
    `The certificate's extended key usage (${list(ekus)}) names Any Purpose but neither Server Authentication nor Remote Desktop Authentication, which the listener requires.`,
  NET025: (algorithm: string, bits: number) => `The certificate's ${algorithm} key has only ${bits} bits.`,
  NET026: (algorithm: string) => `The certificate is signed with ${algorithm}.`,
  NET027: (notAfter: Date, msLeft: number) => `The certificate expires on ${day(notAfter)}, in ${timeSpan(msLeft)}.`,
  NET022Unreadable: (problem: string) => `The certificate cannot be analysed, so it cannot be trusted: ${problem}.`,
  NET028: (protocol: string, cause: string) => `The server selected ${protocol} but the TLS handshake failed (${cause}).`,
  NET028Aborted: (protocol: string, seen: string) =>
    `The server closed the connection after selecting ${protocol}: its certificate or private key could not be used (${seen}).`,
  NET028RdpPdu: (protocol: string, pdu: string) => `The server selected ${protocol} but then sent ${pdu} instead of a TLS record.`,
  NET004NotTls: (protocol: string, problem: string) => `The server selected ${protocol} but then sent data that is not a TLS record: ${problem}.`,
} as const;
