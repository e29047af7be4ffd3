// The negotiation's protocols in words: each requestedProtocols flag and each selectedProtocol name as the ladder, the
// findings and the reports say them (MS-RDPBCGR 2.2.1.1.1, 2.2.1.2.1).
import type { NegotiationSummary, ProtocolKey } from './types';

export const PROTOCOL_LABELS: Readonly<Record<ProtocolKey, string>> = {
  rdp: 'Standard RDP Security',
  ssl: 'TLS',
  hybrid: 'CredSSP',
  hybridEx: 'CredSSP with early user authorization',
  rdstls: 'RDSTLS',
  rdsaad: 'RDS AAD (Microsoft Entra ID sign-in)',
};

/** The protocols a summary says anything of: the Entra ID sign-in only where it was asked about. */
export function protocolKeys(n: NegotiationSummary): ProtocolKey[] {
  return (Object.keys(PROTOCOL_LABELS) as ProtocolKey[]).filter((k) => n[k] !== undefined);
}

/** Words for the selectedProtocol names. */
export const SELECTED_LABELS: Readonly<Record<string, string>> = {
  RDP: 'Standard RDP Security',
  SSL: 'TLS',
  HYBRID: 'CredSSP (NLA)',
  HYBRID_EX: 'CredSSP with early user authorization (NLA)',
  RDSTLS: 'RDSTLS',
  RDSAAD: 'RDS AAD',
};

const KEY_OF_SELECTED: Readonly<Record<string, ProtocolKey>> = { RDP: 'rdp', SSL: 'ssl', HYBRID: 'hybrid', HYBRID_EX: 'hybridEx', RDSTLS: 'rdstls', RDSAAD: 'rdsaad' };

/** A selectedProtocol name as a protocol, without the "(NLA)" of a selection: `TLS`, `RDS AAD`, or the value (`0x3`). */
export function selectionLabel(selected: string): string {
  const key = KEY_OF_SELECTED[selected];
  return key ? PROTOCOL_LABELS[key] : SELECTED_LABELS[selected] ?? selected;
}

/** The server selected a protocol no client can carry through: its TLS handshake or MCS exchange failed. */
export function selectionUnusable(n: NegotiationSummary): boolean {
  const key = n.selected ? KEY_OF_SELECTED[n.selected] : undefined;
  return key !== undefined && n[key] === false;
}
