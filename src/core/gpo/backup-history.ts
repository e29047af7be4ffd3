import type { BackupIdentity } from './model';

/**
 * `BackupTime` as Backup-GPO writes it (`2023-11-06T14:38:44`, sometimes with fractions or a zone) in milliseconds,
 * for ordering the backups of one GPO; undefined when it is no such time.
 */
export function backupTime(text: string | undefined): number | undefined {
  const m = text?.trim().match(/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?(Z|[+-]\d{2}:\d{2})?$/i);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  let ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(`0.${frac ?? '0'}`) * 1000);
  if (zone && zone.toUpperCase() !== 'Z') ms -= (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
  return Number.isFinite(ms) ? ms : undefined;
}

/** The GPO a backup holds: its GUID and domain (Default Domain Policy has one GUID in every domain). */
const gpoKey = (backup: BackupIdentity): string | undefined =>
  backup.gpo.id !== undefined ? `${backup.gpo.id.replace(/^\{|\}$/g, '').toUpperCase()}\0${backup.gpo.domain?.toLowerCase() ?? ''}` : undefined;

/**
 * The backups of a run that a newer backup of the same GPO supersedes, each with the newest one: Backup-GPO run again
 * into one folder adds a backup each time, and Restore-GPO by name or GUID restores the GPO "from its most recent
 * backup" (Restore-GPO, GroupPolicy module). A backup without a readable `BackupTime`, or as old as the newest, is
 * superseded by none: which one stands for the GPO is not guessed.
 */
export function supersededBackups<E extends { readonly facts: { readonly backup?: BackupIdentity } }>(exports: readonly E[]): Map<E, E> {
  const newest = new Map<string, { export: E; time: number }>();
  const dated: { export: E; key: string; time: number }[] = [];
  for (const e of exports) {
    const backup = e.facts.backup;
    const key = backup && gpoKey(backup);
    const time = backupTime(backup?.time);
    if (key === undefined || time === undefined) continue;
    dated.push({ export: e, key, time });
    const best = newest.get(key);
    if (!best || time > best.time) newest.set(key, { export: e, time });
  }
  const superseded = new Map<E, E>();
  for (const d of dated) {
    const best = newest.get(d.key)!;
    if (d.time < best.time) superseded.set(d.export, best.export);
  }
  return superseded;
}

/** The exports of a run without the backups a newer backup of their GPO supersedes. */
export function currentExports<E extends { readonly facts: { readonly backup?: BackupIdentity } }>(exports: readonly E[]): readonly E[] {
  if (!exports.some((e) => e.facts.backup !== undefined)) return exports;
  const superseded = supersededBackups(exports);
  return superseded.size === 0 ? exports : exports.filter((e) => !superseded.has(e));
}
