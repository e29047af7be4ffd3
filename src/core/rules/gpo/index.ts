import { gpo001 } from './gpo001-rdp-connections-denied';
import { gpo002 } from './gpo002-security-layer-rdp';
import { gpo003 } from './gpo003-nla-not-required';
import { gpo004 } from './gpo004-encryption-level';
import { gpo005 } from './gpo005-credssp-oracle';
import { gpo006 } from './gpo006-udp-transport';
import { gpo007 } from './gpo007-session-limits';
import { gpo008 } from './gpo008-keepalive';
import { gpo009 } from './gpo009-schannel-tls-disabled';
import { gpo010 } from './gpo010-rpc-not-encrypted';
import { gpo011 } from './gpo011-password-prompt';
import { gpo012 } from './gpo012-listener-port';
import { gpo013 } from './gpo013-conflicting-policy';
import type { PolicyRule } from './types';

/** The GPO rules of SPEC §2. */
export const GPO_RULES: readonly PolicyRule[] = [gpo001, gpo002, gpo003, gpo004, gpo005, gpo006, gpo007, gpo008, gpo009, gpo010, gpo011, gpo012, gpo013];
