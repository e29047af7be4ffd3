import type { RuleMeta } from '../types';
import { punycodeBeside } from '../../text/host-name';
import { quote } from '../../text/quote';
import { shortList } from '../../text/short-list';

/** The names, the first ten of them when there are more (the report's `certificate` object keeps them all). */
const list = (items: readonly string[]): string => (items.length ? shortList(items) : 'nothing');

export const NET023: RuleMeta = {
  id: 'NET023',
  name: 'cert-name-mismatch',
  description: 'No common name or alternative name of the certificate matches the name the client uses.',
  defaultSeverity: 'warning',
  fixable: false,
  tags: ['net', 'certificate'],
};

/** The messages of NET023 findings, each a small function of the offending value. */
export const NET023_MESSAGES = {
  NET023: (name: string, names: readonly string[]) => `The certificate does not match ${quote(name)}${punycodeBeside(name)}; it names ${list(names)}.`,
  NET023SingleLabelWildcard: (name: string, wildcard: string) =>
    `The certificate matches ${quote(name)}${punycodeBeside(name)} only by ${quote(wildcard)}, a wildcard over a single-label domain: FreeRDP-based clients accept it, but Windows and other TLS libraries may reject it (Node and browsers do). Put ${quote(name)} itself on the certificate as a DNS name.`,
} as const;
