import type { PolicyDocument, PolicySetting, ReadProblem } from './model';
import { readPolicyBytes, type ReadExport } from './read-export';
import { disabledByFlags, disabledHalfNote, type GpoHalf } from './disabled-half';
import { readBackupFlags, readBackupInfo, readBackupLinks, type BackupMetadata } from './backup-metadata';

/** The files of a GPO backup RDP Doctor reads, by path relative to the backup folder (gpo-formats.md §3.5). */
export const BACKUP_PARTS = {
  info: 'bkupinfo.xml',
  coreSettings: 'backup.xml',
  report: 'gpreport.xml',
  machinePol: 'domainsysvol/gpo/machine/registry.pol',
  userPol: 'domainsysvol/gpo/user/registry.pol',
  securityTemplate: 'domainsysvol/gpo/machine/microsoft/windows nt/secedit/gpttmpl.inf',
  machinePreferences: 'domainsysvol/gpo/machine/preferences/registry/registry.xml',
  userPreferences: 'domainsysvol/gpo/user/preferences/registry/registry.xml',
  /** Preference service items: a computer extension only (hraedon/gpo-studio's GPMC backup keeps it here). */
  machineServices: 'domainsysvol/gpo/machine/preferences/services/services.xml',
} as const;

export type BackupPartName = keyof typeof BACKUP_PARTS;

/** A path relative to the backup folder, compared case-insensitively (folder case varies between backups). */
export function backupPartOf(relativePath: string): BackupPartName | undefined {
  const normalized = relativePath.replace(/\\/g, '/').replace(/^\.?\//, '').toLowerCase();
  return (Object.keys(BACKUP_PARTS) as BackupPartName[]).find((k) => BACKUP_PARTS[k] === normalized);
}

/** Whether a folder is a GPO backup: it holds `bkupInfo.xml` (in any case). */
export function isBackupFolder(fileNames: readonly string[]): boolean {
  return fileNames.some((n) => n.toLowerCase() === BACKUP_PARTS.info);
}

export interface BackupFile {
  /** Relative to the backup folder, `/` or `\` separated, in the case found on disk. */
  readonly path: string;
  readonly bytes: Uint8Array;
}

export interface BackupPart {
  readonly path: string;
  readonly part: BackupPartName;
  /** What spans in this part refer to: the decoded file, or a Registry.pol's rendered view. */
  readonly text: string;
}

export interface BackupReadResult {
  /** `GPODisplayName` from bkupInfo.xml. */
  readonly gpoName?: string;
  readonly parts: readonly BackupPart[];
  /** The files read only for what they say of the GPO (bkupInfo.xml, Backup.xml, gpreport.xml) that have problems. */
  readonly metadata: readonly BackupPart[];
  /** Every setting and problem of the backup, each located by `source.file` / `file`. */
  readonly doc: PolicyDocument;
}

/** The half of the GPO each part belongs to (gpreport.xml holds both and says itself which is disabled). */
const PART_HALVES: Partial<Record<BackupPartName, GpoHalf>> = {
  machinePol: 'computer',
  securityTemplate: 'computer',
  machinePreferences: 'computer',
  machineServices: 'computer',
  userPol: 'user',
  userPreferences: 'user',
};

/** What a GPO backup keeps in each part, for the message when a part holds something else. */
const PART_FORMATS: Record<BackupPartName, string> = {
  info: 'backup information (bkupInfo.xml)',
  coreSettings: "the GPO's core settings (Backup.xml)",
  report: 'a Get-GPOReport XML report',
  machinePol: 'a Registry.pol file',
  userPol: 'a Registry.pol file',
  securityTemplate: 'a security template (GptTmpl.inf)',
  machinePreferences: 'a preference Registry.xml',
  userPreferences: 'a preference Registry.xml',
  machineServices: 'a preference Services.xml',
};

/** One part read on its own: a part that cannot be read is a message about that part, never the end of the backup. */
function readPart(file: BackupFile): ReadExport | string {
  const part = backupPartOf(file.path)!;
  try {
    return readPolicyBytes(file.bytes, file.path) ?? `Not ${PART_FORMATS[part]} as a GPO backup keeps it here, so its settings are not read; the backup's other parts are.`;
  } catch (error) {
    return `Cannot read this part (${error instanceof Error ? error.message : String(error)}); the backup's other parts are read.`;
  }
}

/**
 * Reads a GPO backup as one export: the registry.pol files, the security template and the preference
 * registry and service items, named after the GPO. `gpreport.xml` renders the same settings, so it is read only
 * when the backup has no registry.pol. The parts of a half Backup.xml's flags disable are read but not applied.
 * A damaged bkupInfo.xml, Backup.xml or gpreport.xml (read for the GPO's name, flags and links) is a problem of that
 * file that says what was lost; a missing one is not (not every backup has all three).
 */
export function readGpoBackup(files: readonly BackupFile[]): BackupReadResult {
  const byPart = new Map<BackupPartName, BackupFile>();
  for (const file of files) {
    const part = backupPartOf(file.path);
    if (part && !byPart.has(part)) byPart.set(part, file);
  }
  const problems: ReadProblem[] = [];
  const metadata: BackupPart[] = [];
  const readMetadata = <T>(part: BackupPartName, read: (bytes: Uint8Array) => BackupMetadata<T>): T | undefined => {
    const file = byPart.get(part);
    if (!file) return undefined;
    const { value, text, problems: own } = read(file.bytes);
    if (own.length > 0) metadata.push({ path: file.path, part, text });
    for (const p of own) problems.push({ ...p, file: file.path });
    return value;
  };
  const info = readMetadata('info', readBackupInfo);
  const gpoName = info?.name;
  const flags = readMetadata('coreSettings', readBackupFlags);
  const wanted: BackupPartName[] = ['machinePol', 'userPol', 'securityTemplate', 'machinePreferences', 'userPreferences', 'machineServices'];
  // Without a registry.pol the report is read whole, its links with it; otherwise only for where the GPO was linked.
  const readWhole = !byPart.has('machinePol') && !byPart.has('userPol');
  if (readWhole) wanted.unshift('report');
  const links = (!readWhole && readMetadata('report', readBackupLinks)) || [];
  const parts: BackupPart[] = [];
  const settings: PolicySetting[] = [];
  for (const name of wanted) {
    const file = byPart.get(name);
    if (!file) continue;
    const read = readPart(file);
    if (typeof read === 'string') {
      problems.push({ severity: 'warning', message: read, span: { start: 0, end: 0 }, file: file.path });
      continue;
    }
    parts.push({ path: file.path, part: name, text: read.text });
    const half = PART_HALVES[name];
    if (half && flags !== undefined && disabledByFlags(flags, half)) {
      // Windows skips a disabled half (MS-GPOL 3.2.5.1.6): its values are neither applied nor checked.
      const note = disabledHalfNote(half, read.doc.settings, `Backup.xml "Options" is ${flags}`, gpoName);
      if (note) problems.push({ severity: 'info', message: note, span: { start: 0, end: 0 }, file: file.path });
      continue;
    }
    for (const s of read.doc.settings) {
      settings.push({ ...s, ...(gpoName !== undefined && s.gpo === undefined && { gpo: gpoName }), ...(links.length > 0 && s.links === undefined && { links }), source: { ...s.source, file: file.path } });
    }
    for (const p of read.doc.problems) problems.push({ ...p, file: file.path });
  }
  const backup = info?.gpo ? { gpo: info.gpo, ...(info.time !== undefined && { time: info.time }) } : undefined;
  return { ...(gpoName !== undefined && { gpoName }), parts, metadata, doc: { format: 'gpo-backup', settings, problems, ...(backup && { backup }) } };
}
