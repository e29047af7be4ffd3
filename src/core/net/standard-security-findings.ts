import { NET004, NET013 } from '../rules/net/index';
import { NET_MESSAGES } from '../rules/net/messages';
import { NET014, NET014_MESSAGES as M } from '../rules/net/net014-rdp-encryption-weak';
import type { Severity } from '../rules/types';
import { ENCRYPTION_METHOD } from './gcc-conference';
import { describeStandardSecurity, ENCRYPTION_LEVEL, type SecurityReading } from './standard-security';
import type { NetFinding } from './types';

const WEAK_METHODS: ReadonlySet<number> = new Set([ENCRYPTION_METHOD.BIT40, ENCRYPTION_METHOD.BIT56]);

/**
 * NET014 from the Server Security Data [MS-RDPBCGR 2.2.1.4.3, 5.3.1, 5.3.2]: error when nothing is
 * encrypted, warning for level Low or a 40/56-bit method, info for FIPS; nothing for High or
 * Client Compatible with 128-bit RC4. Over loopback "nothing" is a warning that says why: FreeRDP's server
 * turns encryption off for a local peer (libfreerdp/core/nego.c, "Turning off encryption for local peer with
 * standard rdp security"), so what a check from the same machine sees is not what remote clients get.
 */
export function standardSecurityFindings(method: number, level: number, overLoopback = false): NetFinding[] {
  const names = describeStandardSecurity(method, level);
  const make = (severity: Severity, message: string): NetFinding[] => [{ ruleId: NET014.id, severity, message }];
  if (method === ENCRYPTION_METHOD.NONE || level === ENCRYPTION_LEVEL.NONE) {
    return overLoopback ? make('warning', M.noneOverLoopback(names.encryptionMethod, names.encryptionLevel)) : make('error', M.none(names.encryptionMethod, names.encryptionLevel));
  }
  const low = level === ENCRYPTION_LEVEL.LOW;
  const weak = WEAK_METHODS.has(method);
  if (low && weak) return make('warning', M.lowAndWeak(names.encryptionMethod));
  if (low) return make('warning', M.low(names.encryptionMethod));
  if (weak) return make('warning', M.weakMethod(names.encryptionMethod, names.encryptionLevel));
  if (method === ENCRYPTION_METHOD.FIPS || level === ENCRYPTION_LEVEL.FIPS) return make('info', M.fips(names.encryptionMethod, names.encryptionLevel));
  return [];
}

/**
 * The finding of a server that selected Standard RDP Security and then gave no Connect Response, as NET028 is for
 * TLS: it ended the exchange (NET013: Standard RDP Security's cryptographic negotiation [MS-RDPBCGR 5.3.2] failed),
 * or sent what is not a Connect Response (NET004). A timeout is a NET013 error when the client's own request met
 * Standard RDP Security (it waits as long), a warning when only the probe's Standard-RDP-only question did.
 */
export function standardSecurityFailureFinding(reading: Extract<SecurityReading, { ok: false }>, clientsMeetIt: boolean): NetFinding | undefined {
  const what = reading.error.message;
  switch (reading.failure) {
    case 'ended': return { ruleId: NET013.id, severity: NET013.defaultSeverity, message: NET_MESSAGES.NET013StandardSecurity(what) };
    case 'malformed': return { ruleId: NET004.id, severity: NET004.defaultSeverity, message: NET_MESSAGES.NET004StandardSecurity(what) };
    case 'timeout': return { ruleId: NET013.id, severity: clientsMeetIt ? NET013.defaultSeverity : 'warning', message: NET_MESSAGES.NET013StandardSecurityTimeout(what) };
    case 'aborted': return undefined;
  }
}
