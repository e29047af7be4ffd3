import type { Hive, PolicyDocument, PolicySetting } from './model';
import { normalizeKey, valueId } from './registry-path';
import { isRdpRelevant } from './well-known-keys';

/**
 * The values one GPO (or one GPO-less file) leaves in the registry once its entries are applied in order; for gpresult,
 * the winning values of all its GPOs together.
 */
export interface PolicyScope {
  readonly gpo?: string;
  /** The last entry for the value (a set, or a deletion with `deleted`), if any. */
  get(hive: Hive, key: string, valueName: string): PolicySetting | undefined;
  /** Every Remote Desktop value the scope ends up setting (deletions excluded), in file order. */
  values(): PolicySetting[];
}

class Scope implements PolicyScope {
  private readonly byId = new Map<string, PolicySetting>();

  constructor(readonly gpo: string | undefined) {}

  apply(s: PolicySetting): void {
    switch (s.action) {
      case 'set':
      case 'delete': {
        const id = valueId(s.hive, s.key, s.valueName);
        this.byId.delete(id); // keeps file order: the later entry moves last
        this.byId.set(id, s);
        break;
      }
      case 'delete-values':
      case 'delete-key': {
        const key = normalizeKey(s.key);
        for (const [id, v] of this.byId) {
          if (v.hive !== s.hive) continue;
          const k = normalizeKey(v.key);
          if (k === key || (s.action === 'delete-key' && k.startsWith(`${key}\\`))) this.byId.delete(id);
        }
        break;
      }
      case 'create-key':
        break;
    }
  }

  get(hive: Hive, key: string, valueName: string): PolicySetting | undefined {
    return this.byId.get(valueId(hive, key, valueName));
  }

  values(): PolicySetting[] {
    return [...this.byId.values()].filter((s) => !s.deleted);
  }
}

const cache = new WeakMap<PolicyDocument, PolicyScope[]>();

/**
 * Groups a document's settings by GPO and applies each group in order (later entries win, deletions
 * remove). A gpresult report is one scope: its winning values (precedence 1) all apply to the one computer and user it
 * was run for, whichever GPO set each; the values that lost (precedence above 1) are left out, as not in effect. The
 * GPOs of a Get-GPOReport `-All` report or a backup folder stay apart: their link order is unknown.
 * Only the Remote Desktop values every reader of scopes asks about are kept (plus key deletions, which may remove
 * them), so a Registry.pol of 100,000 unrelated records costs little. Computed once per document.
 */
export function policyScopes(doc: PolicyDocument): readonly PolicyScope[] {
  const cached = cache.get(doc);
  if (cached) return cached;
  const scopes = new Map<string, Scope>();
  const oneScope = doc.format === 'rsop-xml';
  for (const s of doc.settings) {
    if (s.precedence !== undefined && s.precedence > 1) continue;
    if ((s.action === 'set' || s.action === 'delete') && !isRdpRelevant(s.hive, s.key, s.valueName)) continue;
    const id = oneScope ? '' : (s.gpo ?? '');
    let scope = scopes.get(id);
    if (!scope) scopes.set(id, (scope = new Scope(oneScope ? undefined : s.gpo)));
    scope.apply(s);
  }
  const result = [...scopes.values()];
  cache.set(doc, result);
  return result;
}

/** A setting that is in effect: present and not a deletion. */
export function live(s: PolicySetting | undefined): PolicySetting | undefined {
  return s && !s.deleted ? s : undefined;
}

/** The number a value holds: DWORD/QWORD data, or a decimal string (security templates, GPP REG_SZ). */
export function numberOf(s: Pick<PolicySetting, 'data' | 'type'> & { readonly deleted?: boolean } | undefined): number | undefined {
  if (!s || s.deleted) return undefined;
  if (typeof s.data === 'number') return s.data;
  if (typeof s.data === 'string' && (s.type === 'REG_SZ' || s.type === 'REG_EXPAND_SZ') && /^\s*\d{1,15}\s*$/.test(s.data)) return Number(s.data);
  return undefined;
}
