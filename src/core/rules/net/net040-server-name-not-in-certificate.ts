import { quote } from '../../text/quote';
import { shortList } from '../../text/short-list';
import type { RuleMeta } from '../types';

export const NET040: RuleMeta = {
  id: 'NET040',
  name: 'server-name-not-in-certificate',
  description: "The server's own DNS name (from its NTLM challenge) is in neither the certificate's alternative names nor its common name.",
  defaultSeverity: 'warning',
  fixable: false,
  tags: ['net', 'certificate', 'nla'],
};

export const NET040_MESSAGES = {
  notNamed: (dnsComputer: string, names: readonly string[]) =>
    `The server calls itself ${quote(dnsComputer)} in its NTLM challenge, but the certificate names ${names.length ? shortList(names) : 'nothing'}.`,
} as const;
