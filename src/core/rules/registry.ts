import { rdp001 } from './rdp/rdp001-malformed-line';
import { rdp002 } from './rdp/rdp002-unknown-property';
import { rdp003 } from './rdp/rdp003-type-mismatch';
import { rdp004 } from './rdp/rdp004-invalid-value';
import { rdp005 } from './rdp/rdp005-duplicate-property';
import { rdp006 } from './rdp/rdp006-encoding';
import { rdp007 } from './rdp/rdp007-deprecated-property';
import { rdp008 } from './rdp/rdp008-indented-property';
import { rdp010 } from './rdp/rdp010-missing-full-address';
import { rdp011 } from './rdp/rdp011-invalid-address';
import { rdp012 } from './rdp/rdp012-ip-address-target';
import { rdp013 } from './rdp/rdp013-short-hostname';
import { rdp014 } from './rdp/rdp014-port-conflict';
import { rdp015 } from './rdp/rdp015-alternate-address-differs';
import { rdp020 } from './rdp/rdp020-credssp-disabled';
import { rdp021 } from './rdp/rdp021-negotiation-disabled';
import { rdp022 } from './rdp/rdp022-server-auth-disabled';
import { rdp030 } from './rdp/rdp030-gateway-missing-host';
import { rdp031 } from './rdp/rdp031-gateway-unused';
import { rdp032 } from './rdp/rdp032-gateway-basic-auth';
import { rdp035 } from './rdp/rdp035-remoteapp-missing-program';
import { rdp040 } from './rdp/rdp040-stored-password';
import { rdp041 } from './rdp/rdp041-signature-invalid';
import { rdp042 } from './rdp/rdp042-unsigned-secure-setting';
import { rdp043 } from './rdp/rdp043-redirection-exposure';
import { CONFIG_RULES } from './cfg/index';
import { GPO_RULES } from './gpo/index';
import { NET_RULES } from './net/index';
import { XRF_RULES } from './xrf/index';
import type { RdpRule, RuleMeta } from './types';

export const RDP_RULES: readonly RdpRule[] = [
  rdp001, rdp002, rdp003, rdp004, rdp005, rdp006, rdp007, rdp008,
  rdp010, rdp011, rdp012, rdp013, rdp014, rdp015,
  rdp020, rdp021, rdp022,
  rdp030, rdp031, rdp032, rdp035,
  rdp040, rdp041, rdp042, rdp043,
];

/** Every rule RDP Doctor knows, for `rules`, SARIF and the docs links. */
export const ALL_RULES: readonly RuleMeta[] = [...RDP_RULES, ...GPO_RULES, ...XRF_RULES, ...NET_RULES, ...CONFIG_RULES];

const byId = new Map(ALL_RULES.map((r) => [r.id, r]));

/** The ID of every rule, as a config's `rules` keys must name them. */
export const KNOWN_RULE_IDS: ReadonlySet<string> = new Set(byId.keys());

export function ruleById(id: string): RuleMeta | undefined {
  return byId.get(id.toUpperCase());
}
