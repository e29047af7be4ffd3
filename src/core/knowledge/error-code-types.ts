import type { SourceId } from './sources';

/**
 * The code families an admin meets. `disconnect` = the client's "Error code" (discReason),
 * `extended` = "Extended error code" (ExtendedDisconnectReason), `errinfo` = the server's
 * Set Error Info PDU value, `neg-failure` = the X.224 RDP_NEG_FAILURE code a probe sees,
 * `logon` = OnLogonError lError, `client` = other codes the client apps show (HRESULTs in the authentication
 * error dialog, the Windows App and mobile clients' 0x3000000 family), `avd` = the connection errors Azure Virtual
 * Desktop logs in Log Analytics (WVDErrors: a symbolic name and a numeric code that several names share).
 */
export type ErrorCodeFamily = 'disconnect' | 'extended' | 'errinfo' | 'neg-failure' | 'logon' | 'client' | 'avd';

export interface ErrorCodeInfo {
  readonly family: ErrorCodeFamily;
  /** The numeric value (negative for OnLogonError codes such as -2). */
  readonly code: number;
  /** The symbolic name from the source (`disconnectReasonAtClientWinsockFDCLOSE`). */
  readonly name: string;
  /** Other spellings of the name that implementations use (FreeRDP's `ERRINFO_ENCRYPTION_PACKAGE_MISMATCH`). */
  readonly aliases?: readonly string[];
  /** The documented meaning, close to the source's wording. */
  readonly meaning: string;
  /** Likely causes, most common first; empty when no source names one. */
  readonly likelyCauses: readonly string[];
  /** Rule IDs (RDP…, GPO…, NET…, XRF…) whose findings tell the causes apart. */
  readonly checks: readonly string[];
  readonly sources: readonly SourceId[];
  /** Set when the meaning or causes are not confirmed by a primary source. */
  readonly unverified?: boolean;
  /** Not an error: a normal disconnection (1, 2, 3 …). */
  readonly notAnError?: boolean;
}
