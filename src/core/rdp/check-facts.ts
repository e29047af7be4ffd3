import type { RdpDocument } from './parse';
import { rdpGateway, rdpStrictServerAuthentication, type CheckTarget } from './target';

/** What of a check target depends on the `.rdp` file it came from, beyond where it points. */
export type FileCheckFacts = Pick<CheckTarget, 'gateway' | 'strictServerAuthentication'>;

/**
 * What the `.rdp` files that name one host say of how their clients connect, where they all say the same: the RD
 * Gateway (the same usage method and gateway host) and `authentication level:i:1` (with the same CredSSP setting).
 */
export function fileCheckFacts(docs: readonly RdpDocument[]): FileCheckFacts {
  const gateway = shared(docs.map(rdpGateway), (a, b) => a.usageMethod === b.usageMethod && a.host.toLowerCase() === b.host.toLowerCase());
  const strictServerAuthentication = shared(docs.map(rdpStrictServerAuthentication), (a, b) => a.credssp === b.credssp);
  return { ...(gateway && { gateway }), ...(strictServerAuthentication && { strictServerAuthentication }) };
}

/** The value every one has (by `same`), or none. */
function shared<T>(values: readonly (T | undefined)[], same: (a: T, b: T) => boolean): T | undefined {
  const first = values[0];
  return first !== undefined && values.every((v) => v !== undefined && same(v, first)) ? first : undefined;
}
