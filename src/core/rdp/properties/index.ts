import type { PropertyInfo } from '../property-types';
import { OTHER_SECRET_NAME } from '../../text/secret-words';
import { CONNECTION_PROPERTIES } from './connection';
import { CONNECTION_AVD_PROPERTIES } from './connection-avd';
import { CONNECTION_HOST_PROPERTIES } from './connection-host';
import { CONNECTION_MSRDPEX_PROPERTIES } from './connection-msrdpex';
import { CONNECTION_WEB_PROPERTIES } from './connection-web';
import { DISPLAY_PROPERTIES } from './display';
import { GATEWAY_PROPERTIES } from './gateway';
import { REDIRECTION_PROPERTIES } from './redirection';
import { REDIRECTION_SWITCH_PROPERTIES } from './redirection-switches';
import { REMOTEAPP_PROPERTIES } from './remoteapp';
import { SESSION_PROPERTIES } from './session';
import { SESSION_INPUT_PROPERTIES } from './session-input';
import { SIGNING_PROPERTIES } from './signing';

/**
 * A property with every field present, in one order. The tables write only the fields a property has, so their
 * objects come in dozens of shapes, and the rules' reads of `info.type` or `info.values` met them all: V8 then looks
 * each read up the slow (megamorphic) way. One shape keeps those reads direct (issue 16).
 */
function uniform(p: PropertyInfo): PropertyInfo {
  return {
    name: p.name,
    displayName: p.displayName,
    type: p.type,
    otherType: p.otherType,
    category: p.category,
    values: p.values,
    writtenValues: p.writtenValues,
    range: p.range,
    closedSet: p.closedSet,
    format: p.format,
    default: p.default,
    clients: p.clients,
    description: p.description,
    sources: p.sources,
    unverified: p.unverified,
    deprecated: p.deprecated,
    signName: p.signName,
    secret: p.secret,
    aliases: p.aliases,
  };
}

/** Every known `.rdp` property, grouped by category in file order. */
export const PROPERTIES: readonly PropertyInfo[] = [
  ...CONNECTION_PROPERTIES,
  ...CONNECTION_HOST_PROPERTIES,
  ...CONNECTION_WEB_PROPERTIES,
  ...CONNECTION_AVD_PROPERTIES,
  ...CONNECTION_MSRDPEX_PROPERTIES,
  ...GATEWAY_PROPERTIES,
  ...SESSION_PROPERTIES,
  ...SESSION_INPUT_PROPERTIES,
  ...REDIRECTION_PROPERTIES,
  ...REDIRECTION_SWITCH_PROPERTIES,
  ...DISPLAY_PROPERTIES,
  ...REMOTEAPP_PROPERTIES,
  ...SIGNING_PROPERTIES,
].map(uniform);

export const PROPERTY_NAMES: readonly string[] = PROPERTIES.map((property) => property.name);

function normalizeName(name: string): string {
  return name.trim().toLowerCase();
}

const BY_NAME: ReadonlyMap<string, PropertyInfo> = new Map(
  PROPERTIES.flatMap((property) =>
    [property.name, ...(property.aliases ?? [])].map((name) => [normalizeName(name), property] as const),
  ),
);

/** Every known property name and alias (trimmed, lower case), each at its number (`knownKeyId`): the table's own strings. */
const KEY_NAMES: readonly string[] = [...BY_NAME.keys()];

/** Each key's number (`knownKeyId`), for the key index's own lookups (entry-index.ts). */
export const KEY_IDS: ReadonlyMap<string, number> = new Map(KEY_NAMES.map((key, id) => [key, id]));

/** Each key's property, at its number (`knownKeyId`). */
const KEY_PROPERTIES: readonly PropertyInfo[] = KEY_NAMES.map((key) => BY_NAME.get(key)!);

/** The table's own string for the key numbered `id` (`knownKeyId`), and its property: the parser reads both after one lookup. */
export function knownKeyName(id: number): string {
  return KEY_NAMES[id]!;
}

export function knownKeyProperty(id: number): PropertyInfo {
  return KEY_PROPERTIES[id]!;
}

/** How many names `knownKeyId` numbers (from 0). */
export const KNOWN_KEY_COUNT = KEY_NAMES.length;

/** The number of a known property name or alias as entry keys hold it (trimmed, lower case), or -1. */
export function knownKeyId(key: string): number {
  return KEY_IDS.get(key) ?? -1;
}

/** Looks a property up by name or alias; names are case-insensitive, as clients treat them. */
export function findProperty(name: string): PropertyInfo | undefined {
  // Entry keys are already normalized: look them up without allocating.
  return BY_NAME.get(name) ?? BY_NAME.get(normalizeName(name));
}

/** The keys (names and aliases, as entry keys hold them) of the properties that hold a secret. */
export const SECRET_KEYS: readonly string[] = PROPERTIES.filter((p) => p.secret === true).flatMap((p) => [p.name, ...(p.aliases ?? [])].map(normalizeName));

/** An unknown name that mentions a password: `pas+w(or)?d` anywhere (password51, passwd51, a misspelt pasword 51). */
const PASSWORD_NAME = /pas+w(or)?d|pass\b|pwd/i;

/**
 * Whether a line's value is a secret: a property the table marks `secret`, or, for a name the table does not
 * know, any name that mentions a password (`clear password`, a misspelt `pasword 51`…), a PIN, a private key or a
 * token, to be safe.
 */
export function isSecretProperty(key: string): boolean {
  const known = findProperty(key);
  // A session 16 review found misspelt password names shown; a session 26 review, a smart-card PIN and a token.
  return known ? known.secret === true : PASSWORD_NAME.test(key) || OTHER_SECRET_NAME.test(key);
}

/** Whether an unknown secret's name says it is a password (the rest are PINs, keys and tokens). */
export function isPasswordName(key: string): boolean {
  return findProperty(key) !== undefined || PASSWORD_NAME.test(key);
}
