import type { Hive } from '../../gpo/model';
import { builtOnFirstUse } from '../../built-once';
import { findValueInfo, registryValues } from '../../gpo/policy-values/index';
import type { RegistryValueInfo } from '../../gpo/policy-values/row';
import { normalizeKey } from '../../gpo/registry-path';
import { originOf, schannelKey } from '../../gpo/well-known-keys';
import type { ValueRef } from './lookup';

/** User policy applies only under a `Policies` key; the listener's own keys are the computer's. */
function hivesFor(key: string, hives: readonly Hive[]): readonly Hive[] {
  return /^software\\policies\\/i.test(key) ? hives : hives.filter((h) => h === 'HKLM');
}

/**
 * Where a rule reads a value, in the order that wins, derived from the policy table (`gpo/policy-values/`):
 * its keys in table order (the policy key first, then the listener's own value: "policy wins over the listener
 * value where both are present"), and for each key the computer before the user (the ADML: the computer
 * setting takes precedence). `key` picks one of the table's keys (Schannel's per-protocol keys).
 */
export function valueRefs(valueName: string, key?: string): ValueRef[] {
  const info = key !== undefined ? findValueInfo(key, valueName) : registryValues().find((v) => v.valueName === valueName);
  if (!info) throw new Error(`${valueName} is not in the policy table`);
  const keys = key !== undefined ? info.keys.filter((k) => normalizeKey(k) === normalizeKey(key)) : info.keys;
  return refsAt(info, keys);
}

function refsAt(info: RegistryValueInfo, keys: readonly string[]): ValueRef[] {
  return keys.flatMap((k) => hivesFor(k, info.hives).map((hive) => ({ hive, key: k, name: info.valueName })));
}

/**
 * The policy values that override the listener's or the computer's own value at `key`, in the order that wins: the
 * policy keys of its row in the policy table; none for a policy value itself, or a value no policy sets (Schannel's).
 */
export function policyRefsOver(key: string, valueName: string): readonly ValueRef[] {
  const info = findValueInfo(key, valueName);
  if (!info || originOf(key) === 'policy') return [];
  return refsAt(
    info,
    info.keys.filter((k) => originOf(k) === 'policy'),
  );
}

/** Where each rule's values are read, built on first use: a lint of `.rdp` files reads none (issue 16). */
export const gpoRefs = builtOnFirstUse('GPO value refs', () => ({
  denyConnections: valueRefs('fDenyTSConnections'),
  termServiceStart: valueRefs('Start'),
  securityLayer: valueRefs('SecurityLayer'),
  clientAuthenticationLevel: valueRefs('AuthenticationLevel'),
  userAuthentication: valueRefs('UserAuthentication'),
  minEncryptionLevel: valueRefs('MinEncryptionLevel'),
  encryptionOracle: valueRefs('AllowEncryptionOracle'),
  selectTransport: valueRefs('SelectTransport'),
  clientDisableUdp: valueRefs('fClientDisableUDP'),
  keepAliveEnable: valueRefs('KeepAliveEnable'),
  keepAliveInterval: valueRefs('KeepAliveInterval'),
  tcpKeepAliveTime: valueRefs('KeepAliveTime'),
  tls12ServerEnabled: valueRefs('Enabled', schannelKey('TLS 1.2', 'Server')),
  tls12ServerDisabledByDefault: valueRefs('DisabledByDefault', schannelKey('TLS 1.2', 'Server')),
  tls13ServerEnabled: valueRefs('Enabled', schannelKey('TLS 1.3', 'Server')),
  tls13ServerDisabledByDefault: valueRefs('DisabledByDefault', schannelKey('TLS 1.3', 'Server')),
  encryptRpc: valueRefs('fEncryptRPCTraffic'),
  promptForPassword: valueRefs('fPromptForPassword'),
  disablePasswordSaving: valueRefs('DisablePasswordSaving'),
  resetBroken: valueRefs('fResetBroken'),
  maxIdleTime: valueRefs('MaxIdleTime'),
  maxDisconnectionTime: valueRefs('MaxDisconnectionTime'),
  maxConnectionTime: valueRefs('MaxConnectionTime'),
  portNumber: valueRefs('PortNumber'),
  certificateHash: valueRefs('SSLCertificateSHA1Hash'),
  restrictSendingNtlm: valueRefs('RestrictSendingNTLMTraffic'),
  ntlmServerExceptions: valueRefs('ClientAllowedNTLMServers'),
  tryIpSpn: valueRefs('TryIPSPN'),
  restrictedRemoteAdministration: valueRefs('RestrictedRemoteAdministration'),
  restrictedRemoteAdministrationType: valueRefs('RestrictedRemoteAdministrationType'),
  restrictReceivingNtlm: valueRefs('RestrictReceivingNTLMTraffic'),
  restrictNtlmInDomain: valueRefs('RestrictNTLMInDomain'),
  dcNtlmServerExceptions: valueRefs('DCAllowedNTLMServers'),
}));

/** The name of one entry of `gpoRefs()`, as a rule's check names the values it reads. */
export type RefName = keyof ReturnType<typeof gpoRefs>;
