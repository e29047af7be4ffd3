import { lookup } from 'node:dns';
import { isIP } from 'node:net';
import { abortedError, causeOf, timeoutError } from './errors';
import { runStep } from './run-step';
import type { NetResult, StepOptions } from './types';

export type DnsResult = NetResult<{ readonly addresses: readonly string[] }>;

/** The resolver: Node's `dns.lookup` (getaddrinfo, as clients resolve), replaceable in tests. */
export type Lookup = (host: string, options: { all: true; verbatim: true }, callback: (error: NodeJS.ErrnoException | null, addresses: { address: string }[]) => void) => void;

/** Every address the name resolves to, in the resolver's order; an IP literal is its own address. */
export function resolveHost(host: string, options: StepOptions, resolver: Lookup = lookup as Lookup): Promise<DnsResult> {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  if (isIP(bare)) return Promise.resolve({ ok: true, addresses: [bare] });
  return runStep<DnsResult>(
    options,
    {
      timeout: () => ({ ok: false, error: { ...timeoutError(`The name did not resolve within ${options.timeoutMs} ms.`), cause: `no answer within ${options.timeoutMs} ms` } }),
      aborted: () => ({ ok: false, error: abortedError() }),
    },
    (finish) => {
      // getaddrinfo cannot be cancelled; a late answer is ignored.
      resolver(bare, { all: true, verbatim: true }, (error, addresses) => {
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
