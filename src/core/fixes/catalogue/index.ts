import type { PowerShellFix } from '../types';
import { resetMachineKeysAzure } from './azure';
import { bindListenerCert, renewSelfSignedCert, showListenerCert } from './certificate';
import { disableClientUdp, enableKeepAlive, openFirewall, setPort, testPort } from './network';
import { allowRemoteConnections, readEffectivePolicy } from './policy';
import { requireNla, setCredSspOracle, setSecurityLayer } from './security';

/** Every fix, in the order the Fixes view, the snippets and the docs list them. */
export const POWERSHELL_FIXES: readonly PowerShellFix[] = [
  showListenerCert,
  renewSelfSignedCert,
  bindListenerCert,
  setSecurityLayer,
  requireNla,
  setCredSspOracle,
  openFirewall,
  testPort,
  setPort,
  disableClientUdp,
  enableKeepAlive,
  readEffectivePolicy,
  allowRemoteConnections,
  resetMachineKeysAzure,
];

const byId = new Map(POWERSHELL_FIXES.map((f) => [f.id, f]));

export function findFix(id: string): PowerShellFix | undefined {
  return byId.get(id.toLowerCase());
}

/** The fixes that address a rule, in catalogue order. */
export function fixesForRule(ruleId: string): readonly PowerShellFix[] {
  const id = ruleId.toUpperCase();
  return POWERSHELL_FIXES.filter((f) => f.fixes.includes(id));
}
