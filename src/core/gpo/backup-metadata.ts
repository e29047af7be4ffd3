import { decodeBytes } from '../text/decode';
import { quote } from '../text/quote';
import type { Span } from '../text/line-index';
import type { GpoIdentity, ReadProblem } from './model';
import { NS } from './namespaces';
import { ALL_BUT_LINKS, linksOf } from './links';
import { childNamed, parseXml, trimmedSpan, type XmlElement, type XmlTree } from './xml-tree';

/**
 * What a GPO backup's bkupInfo.xml, Backup.xml or gpreport.xml says of the GPO (its name, flags, links), and what
 * went wrong reading it: spans are in `text`, the decoded file.
 */
export interface BackupMetadata<T> {
  readonly value?: T;
  readonly text: string;
  readonly problems: readonly ReadProblem[];
}

/** An element the file closed: one its end cut off may hold half its value. */
function closed(tree: XmlTree, element: XmlElement | undefined): XmlElement | undefined {
  return element && !tree.unclosed?.includes(element) ? element : undefined;
}

/**
 * The problems of a metadata file: its XML problems (errors: the file was not read in full), the first one saying what
 * was lost with the value (`lost`, one sentence); for a well-formed file that does not give the value, `missing`.
 */
function problemsOf(tree: XmlTree, found: boolean, lost: string, missing: ReadProblem | undefined): ReadProblem[] {
  if (tree.problems.length === 0) return !found && missing ? [missing] : [];
  if (found) return [...tree.problems];
  const [first, ...rest] = tree.problems;
  return [{ ...first!, message: `${first!.message} ${lost}` }, ...rest];
}

/** Where a warning about a file that lacks something points: that element's content, the root's start tag, or the start. */
function spanOf(text: string, tree: XmlTree, element: XmlElement | undefined): Span {
  if (element) return trimmedSpan(text, element.contentSpan);
  return tree.root ? trimmedSpan(text, tree.root.tagSpan) : { start: 0, end: 0 };
}

const NAME_UNREAD = 'The GPO\'s name ("GPODisplayName") was not read, so findings do not name the GPO.';

/** What bkupInfo.xml says of the backup: the GPO's display name, GUID and domain, and when it was backed up. */
export interface BackupInfo {
  readonly name?: string;
  readonly gpo?: GpoIdentity;
  /** `BackupTime` as written. */
  readonly time?: string;
}

/**
 * bkupInfo.xml (a backup's folder is named by the backup ID, not the GPO): the GPO's display name, and its GUID, domain
 * and backup time, which tell the backups of one GPO apart (Backup-GPO run again into one folder adds one each time).
 * A problem says when the name is missing; the others are optional.
 */
export function readBackupInfo(bytes: Uint8Array): BackupMetadata<BackupInfo> {
  const text = decodeBytes(bytes).text;
  const tree = parseXml(text);
  const root = tree.root?.uri === NS.backupManifest && tree.root.local === 'BackupInst' ? tree.root : undefined;
  const field = (local: string): string | undefined => (root && closed(tree, childNamed(root, NS.backupManifest, local))?.text.trim()) || undefined;
  const element = root && closed(tree, childNamed(root, NS.backupManifest, 'GPODisplayName'));
  const name = element?.text.trim() || undefined;
  const id = field('GPOGuid');
  const domain = field('GPODomain');
  const time = field('BackupTime');
  const gpo: GpoIdentity | undefined = id !== undefined ? { ...(name !== undefined && { name }), id, ...(domain !== undefined && { domain }) } : undefined;
  const value: BackupInfo = { ...(name !== undefined && { name }), ...(gpo && { gpo }), ...(time !== undefined && { time }) };
  const missing: ReadProblem = { severity: 'warning', message: 'This file does not give the GPO\'s name ("GPODisplayName" in "BackupInst"), so findings do not name the GPO.', span: spanOf(text, tree, element) };
  return { value, text, problems: problemsOf(tree, name !== undefined, NAME_UNREAD, missing) };
}

/** Backup.xml's elements a reader does not need: the security groups and descriptor, and the list of files. */
const SETTINGS_SKIP: ReadonlySet<string> = new Set(['SecurityGroups', 'SecurityDescriptor', 'FilePaths', 'GroupPolicyExtension']);

const BOTH_HALVES = 'so its computer and user settings are both checked as enabled.';

/**
 * The GPO's flags, `GroupPolicyCoreSettings/Options` in Backup.xml (GPMC writes the groupPolicyContainer's `flags`
 * there). Without them both halves count as enabled, and a problem says so.
 */
export function readBackupFlags(bytes: Uint8Array): BackupMetadata<number> {
  const text = decodeBytes(bytes).text;
  const tree = parseXml(text, { skip: SETTINGS_SKIP });
  const root = tree.root?.uri === NS.backupScheme && tree.root.local === 'GroupPolicyBackupScheme' ? tree.root : undefined;
  const gpo = root && childNamed(root, NS.backupScheme, 'GroupPolicyObject');
  const core = gpo && childNamed(gpo, NS.backupScheme, 'GroupPolicyCoreSettings');
  const element = core && closed(tree, childNamed(core, NS.backupScheme, 'Options'));
  const options = element?.text.trim();
  const value = options !== undefined && /^\d{1,10}$/.test(options) ? Number(options) : undefined;
  const missing: ReadProblem = {
    severity: 'warning',
    message: options === undefined ? `This file does not give the GPO's flags ("Options" in "GroupPolicyCoreSettings"), ${BOTH_HALVES}` : `The GPO's flags ("Options") are ${quote(options)}, not a number, ${BOTH_HALVES}`,
    span: spanOf(text, tree, element),
  };
  return { ...(value !== undefined && { value }), text, problems: problemsOf(tree, value !== undefined, `The GPO's flags ("Options") were not read, ${BOTH_HALVES}`, missing) };
}

/**
 * Where the GPO was linked when it was backed up, from gpreport.xml (read for its links alone: the backup's other
 * parts hold the settings). Unknown when the report is cut short or damaged, since its `LinksTo` come last: a GPO
 * whose links are unknown is compared with every other (GPO013), and a problem says so.
 */
export function readBackupLinks(bytes: Uint8Array): BackupMetadata<readonly string[]> {
  const text = decodeBytes(bytes).text;
  const tree = parseXml(text, { skip: ALL_BUT_LINKS });
  const root = tree.root?.uri === NS.settings && tree.root.local === 'GPO' ? tree.root : undefined;
  const value = root && tree.problems.length === 0 ? linksOf(text, root) : undefined;
  const missing: ReadProblem = { severity: 'warning', message: 'Not a Get-GPOReport XML report as a GPO backup keeps it here, so where the GPO is linked is not read: its values are compared with every other GPO\'s.', span: spanOf(text, tree, undefined) };
  return { ...(value !== undefined && { value }), text, problems: problemsOf(tree, value !== undefined, 'Where the GPO is linked ("LinksTo") was not read, so its values are compared with every other GPO\'s.', missing) };
}
