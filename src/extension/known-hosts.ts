import type * as vscode from 'vscode';
import { core } from './core';
import type { CheckTarget } from '../core/net/index';
import type { RdpDocument } from '../core/rdp/parse';
import { hostKey, type KnownHost } from './check-runner';
import type { FileTarget } from './document-model';

/** A host of a folder's `.rdpdoctor.yaml` inventory, with the group that lists it. */
export interface InventoryHost {
  readonly target: CheckTarget;
  readonly group: string | undefined;
}

/**
 * Every host, inventory first (in its order), then the hosts only `.rdp` files name, sorted by key; each with the
 * groups that list it and the files that name it (sorted by URI).
 */
export function knownHosts(inventory: readonly InventoryHost[], files: Iterable<FileTarget>): KnownHost[] {
  const byKey = new Map<string, { target: CheckTarget; groups: string[]; files: vscode.Uri[] }>();
  for (const { target, group } of inventory) {
    const key = hostKey(target.host, target.port);
    const entry = byKey.get(key) ?? { target, groups: [], files: [] };
    if (group !== undefined && !entry.groups.includes(group)) entry.groups.push(group);
    byKey.set(key, entry);
  }
  const fromFiles = [...files].sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
  // The hosts only files name, with their files' parses.
  const fileOnly = new Map<string, RdpDocument[]>();
  for (const file of fromFiles) {
    const key = hostKey(file.host, file.port);
    let entry = byKey.get(key);
    if (!entry) {
      entry = { target: { target: core().displayTarget(file.host, file.port), host: file.host, port: file.port }, groups: [], files: [] };
      byKey.set(key, entry);
      fileOnly.set(key, []);
    }
    entry.files.push(file.uri);
    fileOnly.get(key)?.push(file.doc);
  }
  // A host only files name is checked as they all connect: through the RD Gateway they all name, at the
  // authentication level they all set, as one file's Check Host and `check FILE.rdp` are. When the files differ
  // (one connects directly), each finding is what it is for a plain direct connection, which its file lines show.
  for (const [key, docs] of fileOnly) {
    const entry = byKey.get(key)!;
    entry.target = { ...entry.target, ...core().fileCheckFacts(docs) };
  }
  const inventoryKeys = [...byKey.keys()].filter((k) => !fileOnly.has(k));
  return [...inventoryKeys, ...[...fileOnly.keys()].sort()].map((key) => ({ key, ...byKey.get(key)! }));
}
