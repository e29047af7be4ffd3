import type { Hive } from '../../gpo/model';
import { KEYS, schannelKey } from '../../gpo/well-known-keys';
import type { ValueRef } from './lookup';

const ref = (hive: Hive, key: string, name: string): ValueRef => ({ hive, key, name });

/** Policy first, then the listener's own value: "policy wins over the listener value where both are present". */
export function policyThenListener(name: string): ValueRef[] {
  return [ref('HKLM', KEYS.tsPolicy, name), ref('HKLM', KEYS.listener, name)];
}

/** Computer policy, then user policy (the ADML: the computer setting takes precedence), then the listener. */
export function sessionLimit(name: string): ValueRef[] {
  return [ref('HKLM', KEYS.tsPolicy, name), ref('HKCU', KEYS.tsPolicy, name), ref('HKLM', KEYS.listener, name)];
}

export const REFS = {
  denyConnections: [ref('HKLM', KEYS.tsPolicy, 'fDenyTSConnections'), ref('HKLM', KEYS.terminalServer, 'fDenyTSConnections')],
  securityLayer: policyThenListener('SecurityLayer'),
  userAuthentication: policyThenListener('UserAuthentication'),
  minEncryptionLevel: policyThenListener('MinEncryptionLevel'),
  encryptionOracle: [ref('HKLM', KEYS.credssp, 'AllowEncryptionOracle')],
  selectTransport: [ref('HKLM', KEYS.tsPolicy, 'SelectTransport')],
  clientDisableUdp: [ref('HKLM', KEYS.tsClientPolicy, 'fClientDisableUDP')],
  keepAliveEnable: [ref('HKLM', KEYS.tsPolicy, 'KeepAliveEnable')],
  keepAliveInterval: [ref('HKLM', KEYS.tsPolicy, 'KeepAliveInterval')],
  tcpKeepAliveTime: [ref('HKLM', KEYS.tcpip, 'KeepAliveTime')],
  tls12ServerEnabled: [ref('HKLM', schannelKey('TLS 1.2', 'Server'), 'Enabled')],
  tls12ServerDisabledByDefault: [ref('HKLM', schannelKey('TLS 1.2', 'Server'), 'DisabledByDefault')],
  tls13ServerEnabled: [ref('HKLM', schannelKey('TLS 1.3', 'Server'), 'Enabled')],
  encryptRpc: [ref('HKLM', KEYS.tsPolicy, 'fEncryptRPCTraffic')],
  promptForPassword: policyThenListener('fPromptForPassword'),
  disablePasswordSaving: [ref('HKLM', KEYS.tsPolicy, 'DisablePasswordSaving'), ref('HKCU', KEYS.tsPolicy, 'DisablePasswordSaving')],
  resetBroken: sessionLimit('fResetBroken'),
  portNumber: [ref('HKLM', KEYS.listener, 'PortNumber')],
  certificateHash: [ref('HKLM', KEYS.listener, 'SSLCertificateSHA1Hash')],
  restrictSendingNtlm: [ref('HKLM', KEYS.ntlm, 'RestrictSendingNTLMTraffic')],
  tryIpSpn: [ref('HKLM', KEYS.kerberosParameters, 'TryIPSPN')],
} as const;
