import type { RuleMeta } from '../types';

/** SPEC §2 NET014: weak or no encryption under Standard RDP Security, read from the Server Security Data. */
export const NET014: RuleMeta = {
  id: 'NET014',
  name: 'rdp-encryption-weak',
  description: 'Under Standard RDP Security the server encrypts nothing, only client-to-server data, or with 40- or 56-bit RC4.',
  defaultSeverity: 'warning',
  fixable: false,
  tags: ['net', 'negotiation', 'encryption'],
};

export const NET014_MESSAGES = {
  none: (method: string, level: string) =>
    `Standard RDP Security encrypts nothing on this server (encryption level ${level}, method ${method}): keystrokes and credentials cross the network in the clear.`,
  noneOverLoopback: (method: string, level: string) =>
    `Standard RDP Security encrypted nothing for this check (encryption level ${level}, method ${method}), but the check ran over loopback: FreeRDP-based servers (its shadow server, weston's RDP backend) turn encryption off for a client on the same machine only, while a server set to encrypt nothing (xrdp's crypt_level=none) does so for everyone, and this check cannot tell the two apart: check from another machine before concluding either way.`,
  low: (method: string) => `The server's encryption level is low: only client-to-server data is encrypted (${method}); what the server sends is in the clear.`,
  weakMethod: (method: string, level: string) => `The server selected ${method} although the client offered 128-bit RC4 (encryption level ${level}).`,
  lowAndWeak: (method: string) => `The server's encryption level is low (only client-to-server data is encrypted) and it selected ${method} although the client offered 128-bit RC4.`,
  fips: (method: string, level: string) => `The server requires FIPS 140-1 methods (Triple DES and SHA-1) under Standard RDP Security (encryption level ${level}, method ${method}); clients without them cannot connect.`,
} as const;
