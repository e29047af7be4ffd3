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

/** A value's last entry and its place in the order the scope's entries came. */
interface Held {
  setting: PolicySetting;
  at: number;
}

class Scope implements PolicyScope {
  /**
   * Each value's last entry. An entry is updated in place, never deleted and set again to move it last: V8 keeps a
   * deleted entry in its bucket's chain until the table grows, so a value set over and over walked a chain as long as
   * the file (a .reg of 100,000 values under one key, half of them one name: 1.1 s).
   */
  private readonly byId = new Map<string, Held>();
  /**
   * When each key (hive and normalized key) last had its values deleted, and when it was deleted with its subkeys. A
   * value is gone if either came after it: a deletion looked at every value kept, 30 s for a .reg of 20,000 values
   * and 20,000 `[-key]`.
   */
  private readonly valuesDeleted = new Map<string, number>();
  private readonly keyDeleted = new Map<string, number>();
  private applied = 0;
  /** Whether some value was set again after others: its place then moved. */
  private moved = false;

  constructor(readonly gpo: string | undefined) {}

  apply(s: PolicySetting): void {
    const at = this.applied++;
    switch (s.action) {
      case 'set':
      case 'delete': {
        const id = valueId(s.hive, s.key, s.valueName);
        const held = this.byId.get(id);
        if (held === undefined) this.byId.set(id, { setting: s, at });
        else {
          // The later entry moves last (file order).
          this.moved ||= held.at !== at - 1;
          held.setting = s;
          held.at = at;
        }
        break;
      }
      case 'delete-values':
        this.valuesDeleted.set(`${s.hive}\\${normalizeKey(s.key)}`, at);
        break;
      case 'delete-key':
        this.keyDeleted.set(`${s.hive}\\${normalizeKey(s.key)}`, at);
        break;
      case 'create-key':
        break;
    }
  }

  /** Whether a deletion of the value's key, or of a key above it, came after the value's entry. */
  private removed(held: Held): boolean {
    if (this.valuesDeleted.size === 0 && this.keyDeleted.size === 0) return false;
    let key = `${held.setting.hive}\\${normalizeKey(held.setting.key)}`;
    if ((this.valuesDeleted.get(key) ?? -1) > held.at) return true;
    // The key and each key above it, up to (not including) the hive's root.
    for (let cut = key.length; cut > held.setting.hive.length; cut = key.lastIndexOf('\\')) {
      key = key.slice(0, cut);
      if ((this.keyDeleted.get(key) ?? -1) > held.at) return true;
    }
    return false;
  }

  get(hive: Hive, key: string, valueName: string): PolicySetting | undefined {
    const held = this.byId.get(valueId(hive, key, valueName));
    return held === undefined || this.removed(held) ? undefined : held.setting;
  }

  values(): PolicySetting[] {
    const held: Held[] = [];
    for (const h of this.byId.values()) if (!h.setting.deleted && !this.removed(h)) held.push(h);
    if (this.moved) held.sort((a, b) => a.at - b.at);
    return held.map((h) => h.setting);
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
  const result = scopesOf(doc, isRdpRelevant);
  cache.set(doc, result);
  return result;
}

/**
 * The scopes of `policyScopes` over other values than Remote Desktop's (`keep` picks them; key deletions are always
 * applied): the Windows Firewall values GPO001 reads (`gpo/firewall-scopes.ts`). Not cached.
 */
export function scopesOf(doc: PolicyDocument, keep: (hive: Hive, key: string, valueName: string) => boolean): PolicyScope[] {
  const scopes = new Map<string, Scope>();
  const oneScope = doc.format === 'rsop-xml';
  for (const s of doc.settings) {
    if (s.precedence !== undefined && s.precedence > 1) continue;
    if ((s.action === 'set' || s.action === 'delete') && !keep(s.hive, s.key, s.valueName)) continue;
    const id = oneScope ? '' : (s.gpo ?? '');
    let scope = scopes.get(id);
    if (!scope) scopes.set(id, (scope = new Scope(oneScope ? undefined : s.gpo)));
    scope.apply(s);
  }
  return [...scopes.values()];
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
