import type { BackupIdentity, GpoIdentity, Hive, PolicyDocument, PolicySetting, RegData, RegType, RsopSubject } from '../../gpo/model';
import { displayPath } from '../../gpo/registry-path';
import { policyScopes } from '../../gpo/scopes';
import { isRdpRelevant } from '../../gpo/well-known-keys';
import { effectiveEntry, type RdpDocument } from '../../rdp/parse';
import type { Span } from '../../text/line-index';
import { intValue, textValue } from '../../rdp/values';
import { isHyperVConsole } from '../../rdp/hyperv-console';
import { rdpTarget, targets } from '../../rdp/target';

/**
 * The small, serializable facts the cross-checks compare, so they can be gathered per file (in worker
 * threads, or per editor document) and compared later. `L` is how a front end locates a fact.
 */
export interface RdpFacts<L> {
  /** Effective `enablecredsspsupport`, when it is a plain integer. */
  readonly credssp?: { readonly value: number; readonly at: L };
  readonly authenticationLevel?: { readonly value: number; readonly at: L };
  /** Effective `negotiate security layer`, when it is a plain integer. */
  readonly negotiateSecurityLayer?: { readonly value: number; readonly at: L };
  /** The port the client connects to (`rdpTarget`), located at the address line it comes from (`key`: the alternate one when the file sets it). */
  readonly port?: { readonly value: number; readonly from: 'address' | 'server port' | 'default'; readonly key: 'full address' | 'alternate full address'; readonly at: L };
  readonly host?: string;
  /** The addresses the client connects to (`full address`, `alternate full address`) that are IP literals: Kerberos cannot serve them by default. */
  readonly ipTargets?: readonly { readonly key: string; readonly host: string; readonly at: L }[];
  /**
   * The addresses that are names, kept only when the file names a user: a local account of the server reached by name
   * still has no Kerberos (XRF005), and without a user name the prompt may take any account.
   */
  readonly nameTargets?: readonly { readonly key: string; readonly host: string; readonly at: L }[];
  /**
   * The file opens a Hyper-V VM console (`isHyperVConsole`): it connects to the Hyper-V host's VM console on port 2179,
   * not to a Remote Desktop listener, so the listener's settings and the Remote Desktop Session Host policies in an
   * export (XRF001 to XRF003) say nothing of it. XRF005 still applies: the client's NTLM settings, and the incoming NTLM
   * settings of the computer at the address (the Hyper-V host, which signs the user in).
   */
  readonly vmConsole?: true;
  /**
   * The account the file fills in (`username`, and `domain` when set): a server that refuses NTLM for domain accounts
   * only still signs in a local one (XRF005). Located at the `username` value, else the `domain` value.
   */
  readonly user?: { readonly name?: string; readonly domain?: string; readonly at: L };
  /**
   * `enablerdsaadauth:i:1`: the client signs in with Microsoft Entra ID (RDS AAD Auth) where the remote PC supports it,
   * not through CredSSP (XRF005). Located at the value.
   */
  readonly entraAuth?: { readonly at: L };
}

/** One registry value in effect in an export (per GPO), for the cross-checks and cross-file GPO013. */
export interface PolicyFact<L> {
  readonly hive: Hive;
  readonly key: string;
  readonly valueName: string;
  readonly type: RegType;
  readonly data: RegData;
  readonly gpo?: string;
  /** Where the GPO is linked, when the export says (see `mayApplyTogether`). */
  readonly links?: readonly string[];
  /** Set by a Group Policy Preferences item with item-level targeting: it applies only where its filters match. */
  readonly targeted?: boolean;
  /** `HKLM\…\Name`, the finding's subject. */
  readonly subject: string;
  readonly at: L;
}

export interface PolicyFacts<L> {
  readonly values: readonly PolicyFact<L>[];
  /** gpresult: the computer it reports on and its GPOs (`export-scope.ts`: where its winners are certain). */
  readonly rsop?: RsopSubject;
  /** Get-GPOReport: its GPOs' GUIDs and domains, by name. */
  readonly gpos?: readonly GpoIdentity[];
  /** GPO backup: its GPO and backup time (`backup-history.ts`: a newer backup of the GPO supersedes it). */
  readonly backup?: BackupIdentity;
}

/** What the cross-checks need from an `.rdp` file. */
export function rdpFacts<L>(doc: RdpDocument, locate: (span: Span) => L): RdpFacts<L> {
  const credssp = effectiveEntry(doc, 'enablecredsspsupport');
  const auth = effectiveEntry(doc, 'authentication level');
  const negotiate = effectiveEntry(doc, 'negotiate security layer');
  const all = targets(doc);
  const target = rdpTarget(doc);
  const located = target.ok ? all.find((t) => t.entry.key === target.key) : undefined;
  const atHost = (t: (typeof all)[number]) => ({ key: t.entry.key, host: t.address.host, at: locate(t.hostSpan) });
  const ipTargets = all.filter((t) => t.address.kind !== 'name').map(atHost);
  const credsspValue = credssp?.type === 'i' ? intValue(credssp) : undefined;
  const authValue = auth?.type === 'i' ? intValue(auth) : undefined;
  const negotiateValue = negotiate?.type === 'i' ? intValue(negotiate) : undefined;
  const username = effectiveEntry(doc, 'username');
  const domain = effectiveEntry(doc, 'domain');
  const name = username?.type === 's' ? textValue(username) : undefined;
  const domainName = domain?.type === 's' ? textValue(domain) : undefined;
  const userAt = name !== undefined ? username!.valueSpan : domainName !== undefined ? domain!.valueSpan : undefined;
  const entra = effectiveEntry(doc, 'enablerdsaadauth');
  const nameTargets = name !== undefined ? all.filter((t) => t.address.kind === 'name').map(atHost) : [];
  return {
    ...(credsspValue !== undefined && { credssp: { value: credsspValue, at: locate(credssp!.valueSpan) } }),
    ...(authValue !== undefined && { authenticationLevel: { value: authValue, at: locate(auth!.valueSpan) } }),
    ...(negotiateValue !== undefined && { negotiateSecurityLayer: { value: negotiateValue, at: locate(negotiate!.valueSpan) } }),
    ...(ipTargets.length > 0 && { ipTargets }),
    ...(nameTargets.length > 0 && { nameTargets }),
    ...(isHyperVConsole(doc) && { vmConsole: true as const }),
    ...(entra && intValue(entra) === 1 && { entraAuth: { at: locate(entra.valueSpan) } }),
    ...(userAt && { user: { ...(name !== undefined && { name }), ...(domainName !== undefined && { domain: domainName }), at: locate(userAt) } }),
    ...(located &&
      target.ok && {
        host: target.host,
        port: { value: target.port, from: target.portFrom, key: target.key, at: locate(located.entry.valueSpan) },
      }),
  };
}

/** The Remote Desktop values in effect in an export, one per GPO. */
export function policyFacts<L>(doc: PolicyDocument, locate: (s: PolicySetting) => L): PolicyFacts<L> {
  const values: PolicyFact<L>[] = [];
  for (const scope of policyScopes(doc)) {
    for (const s of scope.values()) {
      if (!isRdpRelevant(s.hive, s.key, s.valueName)) continue;
      values.push({
        hive: s.hive,
        key: s.key,
        valueName: s.valueName,
        type: s.type,
        data: s.data,
        ...(s.gpo !== undefined && { gpo: s.gpo }),
        ...(s.links !== undefined && { links: s.links }),
        ...(s.targeted === true && { targeted: true }),
        subject: displayPath(s.hive, s.key, s.valueName),
        at: locate(s),
      });
    }
  }
  return { values, ...(doc.rsop && { rsop: doc.rsop }), ...(doc.gpos && { gpos: doc.gpos }), ...(doc.backup && { backup: doc.backup }) };
}
