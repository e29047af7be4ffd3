import type { RuleMeta } from '../types';

export const NET013: RuleMeta = {
  id: 'NET013',
  name: 'negotiation-failure',
  description: 'The server refuses the negotiation with a failure such as SSL_CERT_NOT_ON_SERVER, or selects Standard RDP Security and then fails its exchange (a warning: CredSSP that gives no NTLM CHALLENGE to the first NTLM message).',
  defaultSeverity: 'error',
  fixable: false,
  tags: ['net', 'negotiation'],
};

/** The messages of NET013 findings, each a small function of the offending value. */
export const NET013_MESSAGES = {
  NET013: (failure: string, code: number, protocols: string) =>
    `The server refused a request for ${protocols} with ${failure} (0x${code.toString(16).padStart(8, '0').toUpperCase()}).`,
  NET013NotAllowedAlone: (failure: string, code: number, nothingAccepted: boolean) =>
    `The server refused a request for Standard RDP Security alone with ${failure} (0x${code.toString(16).padStart(8, '0').toUpperCase()}), a failure that says Standard RDP Security is the only protocol it allows${nothingAccepted ? ': it accepts no protocol at all, so no client can connect' : ''}.`,
  NET013StandardSecurity: (what: string) =>
    `The server selected Standard RDP Security but could not go on with it, so no client can connect with it. ${what} Most often the server cannot read the key or certificate Standard RDP Security needs (xrdp: /etc/xrdp/rsakeys.ini).`,
  NET013CredSsp: (what: string) =>
    `The server selected CredSSP and completed TLS, then gave no NTLM CHALLENGE to the first CredSSP message: ${what} A client that signs in with NTLM (to an IP address, or without a domain) fails there at NLA; one that signs in with Kerberos may not, since a server that refuses NTLM by policy ends such a connection too.`,
  NET013StandardSecurityTimeout: (what: string) =>
    `The server selected Standard RDP Security but did not answer the MCS Connect Initial in time. ${what} A client waiting as long fails the same way, and whether the server can complete Standard RDP Security is not known.`,
} as const;
