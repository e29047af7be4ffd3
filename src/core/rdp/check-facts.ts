import type { RdpDocument } from './parse';
import { rdpEntraSignIn, rdpGateway, rdpStrictServerAuthentication, type CheckTarget, type RdpGateway, type StrictServerAuthentication } from './target';

/** What of a check target depends on the `.rdp` file it came from, beyond where it points. */
export type FileCheckFacts = Pick<CheckTarget, 'gateway' | 'strictServerAuthentication' | 'entraSignIn'>;

/**
 * What the `.rdp` files that name one host say of how their clients connect, where they all say the same: the RD
 * Gateway (the same usage method and gateway host) and `authentication level:i:1` (with the same CredSSP setting).
 * Whether the check asks about the Entra ID sign-in: where all of them sign in so (the answer, and any finding it
 * adds, is no part of the result of a file that does not).
 */
export function fileCheckFacts(docs: readonly RdpDocument[]): FileCheckFacts {
  const gateway = shared(docs.map(rdpGateway), sameGateway);
  const strictServerAuthentication = shared(docs.map(rdpStrictServerAuthentication), sameStrict);
  const entraSignIn = docs.length > 0 && docs.every(rdpEntraSignIn);
  return { ...(gateway && { gateway }), ...(strictServerAuthentication && { strictServerAuthentication }), ...(entraSignIn && { entraSignIn }) };
}

/**
 * Whether two targets' files say the same of how their clients connect (both absent counts as the same), and whether
 * the check asks about the Entra ID sign-in: its answer is in the result.
 */
export function sameCheckFacts(a: FileCheckFacts, b: FileCheckFacts): boolean {
  return (
    bothOrNeither(a.gateway, b.gateway, sameGateway) &&
    bothOrNeither(a.strictServerAuthentication, b.strictServerAuthentication, sameStrict) &&
    (a.entraSignIn === true) === (b.entraSignIn === true)
  );
}

function sameGateway(a: RdpGateway, b: RdpGateway): boolean {
  return a.usageMethod === b.usageMethod && a.host.toLowerCase() === b.host.toLowerCase();
}

function sameStrict(a: StrictServerAuthentication, b: StrictServerAuthentication): boolean {
  return a.credssp === b.credssp && a.entraAuth === b.entraAuth;
}

function bothOrNeither<T>(a: T | undefined, b: T | undefined, same: (a: T, b: T) => boolean): boolean {
  return a === undefined || b === undefined ? a === b : same(a, b);
}

/** The value every one has (by `same`), or none. */
function shared<T>(values: readonly (T | undefined)[], same: (a: T, b: T) => boolean): T | undefined {
  const first = values[0];
  return first !== undefined && values.every((v) => v !== undefined && same(v, first)) ? first : undefined;
}
