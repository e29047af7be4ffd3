import type { RuleMeta } from '../types';
import { NET001 } from './net001-dns-failure';
import { NET002 } from './net002-tcp-refused';
import { NET003 } from './net003-tcp-timeout';
import { NET004 } from './net004-not-rdp';
import { NET005 } from './net005-protocol-not-requested';
import { NET010 } from './net010-nla-required';
import { NET011 } from './net011-nla-not-enforced';
import { NET012 } from './net012-standard-security-only';
import { NET013 } from './net013-negotiation-failure';
import { NET014 } from './net014-rdp-encryption-weak';
import { NET020 } from './net020-cert-expired';
import { NET021 } from './net021-cert-not-yet-valid';
import { NET022 } from './net022-cert-untrusted';
import { NET023 } from './net023-cert-name-mismatch';
import { NET024 } from './net024-cert-eku';
import { NET025 } from './net025-cert-weak-key';
import { NET026 } from './net026-cert-weak-signature';
import { NET027 } from './net027-cert-expiring-soon';
import { NET028 } from './net028-tls-handshake-failed';
import { NET029 } from './net029-tls-legacy-protocol';
import { NET040 } from './net040-server-name-not-in-certificate';
import { NET041 } from './net041-clock-skew';

export { NET001 } from './net001-dns-failure';
export { NET002 } from './net002-tcp-refused';
export { NET003 } from './net003-tcp-timeout';
export { NET004 } from './net004-not-rdp';
export { NET005 } from './net005-protocol-not-requested';
export { NET010 } from './net010-nla-required';
export { NET011 } from './net011-nla-not-enforced';
export { NET012 } from './net012-standard-security-only';
export { NET013 } from './net013-negotiation-failure';
export { NET014 } from './net014-rdp-encryption-weak';
export { NET020 } from './net020-cert-expired';
export { NET021 } from './net021-cert-not-yet-valid';
export { NET022 } from './net022-cert-untrusted';
export { NET023 } from './net023-cert-name-mismatch';
export { NET024 } from './net024-cert-eku';
export { NET025 } from './net025-cert-weak-key';
export { NET026 } from './net026-cert-weak-signature';
export { NET027 } from './net027-cert-expiring-soon';
export { NET028 } from './net028-tls-handshake-failed';
export { NET029 } from './net029-tls-legacy-protocol';
export { NET040 } from './net040-server-name-not-in-certificate';
export { NET041 } from './net041-clock-skew';

/**
 * The NET rules of SPEC §2, one file per rule with its messages (`net0NN-<name>.ts`). Their findings come from
 * the probe (`src/core/net`), not from text.
 */
export const NET_RULES: readonly RuleMeta[] = [
  NET001, NET002, NET003, NET004, NET005,
  NET010, NET011, NET012, NET013, NET014,
  NET020, NET021, NET022, NET023, NET024, NET025, NET026, NET027, NET028, NET029,
  NET040, NET041,
];
