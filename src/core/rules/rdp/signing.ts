import { PROPERTIES } from '../../rdp/properties/index';
import { effectiveEntry, type RdpDocument } from '../../rdp/parse';

/** Secure-setting display names (as `signscope` writes them, compared case-insensitively) to property names. */
export const SIGNED_SETTINGS: ReadonlyMap<string, string> = new Map(
  PROPERTIES.filter((p) => p.signName).map((p) => [p.signName!.toLowerCase(), p.name]),
);

/** The display names a file's `signscope` lists, lower-cased; undefined for an unsigned file. */
export function signScope(doc: RdpDocument): Set<string> | undefined {
  const scope = effectiveEntry(doc, 'signscope');
  if (!scope) return undefined;
  return new Set(
    scope.value
      .split(',')
      .map((n) => n.trim().toLowerCase())
      .filter(Boolean),
  );
}

export function isSigned(doc: RdpDocument): boolean {
  return doc.byKey.has('signature');
}
