import type { CrossRule } from './types';
import { xrf001 } from './xrf001-client-nla-vs-server';
import { xrf002 } from './xrf002-port-vs-listener';
import { xrf003 } from './xrf003-strict-auth-vs-rdp-layer';
import { xrf004 } from './xrf004-thumbprint-mismatch';
import { xrf005 } from './xrf005-ntlm-restricted-vs-target';

/** The XRF rules of SPEC §2. */
export const XRF_RULES: readonly CrossRule[] = [xrf001, xrf002, xrf003, xrf004, xrf005];
