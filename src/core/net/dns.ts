import { lookup } from 'node:dns';
import { isIP } from 'node:net';
import { asciiHostName } from '../text/host-name';
import { abortedError, causeOf, timeoutError } from './errors';
import { runStep } from './run-step';
import type { NetResult, StepOptions } from './types';

export type DnsResult = NetResult<{ readonly addresses: readonly string[] }>;

/** The resolver: Node's `dns.lookup` (getaddrinfo, as clients resolve), replaceable in tests. */
export type Lookup = (host: string, options: { all: true; verbatim: true }, callback: (error: NodeJS.ErrnoException | null, addresses: { address: string }[]) => void) => void;

/** The special-use names RFC 6761 tells resolvers to answer themselves, without a query: `localhost.` (§6.3) and `invalid.` (§6.4), with every name under them. */
export type SpecialUseName = 'localhost' | 'invalid';

/** Whether a host name is `localhost`, `invalid` or a name under either (case-insensitive, a trailing dot allowed). */
export function specialUseName(host: string): SpecialUseName | undefined {
  const name = host.toLowerCase().replace(/\.$/, '');
  for (const label of ['localhost', 'invalid'] as const) if (name === label || name.endsWith(`.${label}`)) return label;
  return undefined;
}

/** Whether an IP address is a loopback one: 127.0.0.0/8 (RFC 1122 §3.2.1.3), ::1 (RFC 4291 §2.5.3), or either mapped to IPv6. */
export function isLoopbackAddress(address: string): boolean {
  const a = address.toLowerCase().replace(/^::ffff:(?=\d)/, '');
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a) || /^(?:0{0,4}:){2,7}0{0,3}1$/.test(a);
}

/** RFC 6761 §6.3: a localhost name is the loopback address, IPv4 first (what the demo listener and the test servers bind). */
const LOOPBACK: readonly string[] = ['127.0.0.1', '::1'];
export const INVALID_TLD_CAUSE = 'RFC 6761 §6.4: the .invalid top-level domain never resolves';

/**
 * Every address the name resolves to, in the resolver's order; an IP literal is its own address. A name with
 * non-ASCII letters is asked for by its Punycode form, as Windows' GetAddrInfoW asks (Node's lookup would convert it
 * too, but an injected resolver and the special-use test must see the same name). Names under
 * `.localhost` resolve to loopback and names under `.invalid` fail at once, as RFC 6761 §6.3–6.4 asks, with no
 * DNS query: a check of such a name never sends a packet beyond this machine.
 */
export function resolveHost(host: string, options: StepOptions, resolver?: Lookup): Promise<DnsResult> {
  const bare = asciiHostName(host.replace(/^\[(.*)\]$/, '$1'));
  if (isIP(bare)) return Promise.resolve({ ok: true, addresses: [bare] });
  if (options.signal?.aborted) return Promise.resolve({ ok: false, error: abortedError() });
  const special = specialUseName(bare);
  if (special === 'localhost') return Promise.resolve({ ok: true, addresses: LOOPBACK });
  if (special === 'invalid') return Promise.resolve({ ok: false, error: { kind: 'dns', message: `The name does not resolve (${INVALID_TLD_CAUSE}).`, cause: INVALID_TLD_CAUSE } });
  return runStep<DnsResult>(
    options,
    {
      timeout: () => ({ ok: false, error: { ...timeoutError(`The name did not resolve within ${options.timeoutMs} ms.`), cause: `no answer within ${options.timeoutMs} ms` } }),
      aborted: () => ({ ok: false, error: abortedError() }),
    },
    (finish) => {
      // getaddrinfo cannot be cancelled; a late answer is ignored. node:dns is loaded here, when a name needs it (not for
      // an address, where loading it cost ~2 ms of a check).
      (resolver ?? (lookup as Lookup))(bare, { all: true, verbatim: true }, (error, addresses) => {
        if (error) {
          const cause = causeOf(error);
          finish({ ok: false, error: { kind: 'dns', message: `The name does not resolve (${cause}).`, cause } });
        } else if (addresses.length === 0) {
          finish({ ok: false, error: { kind: 'dns', message: 'The name resolves to no address.', cause: 'ENODATA' } });
        } else {
          finish({ ok: true, addresses: [...new Set(addresses.map((a) => a.address))] });
        }
      });
      return () => undefined;
    },
  );
}
