import type * as Saxes from 'saxes';

let saxesModule: typeof Saxes | undefined;

/**
 * saxes, loaded the first time a reader needs it: the scanners (`xml-scan.ts`, `quickXmlHead`) read the shapes exports
 * have without it, and leave it the rest (a head they cannot decide, a text they cannot read).
 */
export function saxes(): typeof Saxes {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (saxesModule ??= require('saxes') as typeof Saxes);
}
