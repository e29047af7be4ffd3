import { CONFIG_FILE_NAMES } from '../config/types';
import type { PolicyFormat } from '../gpo/model';
import { sniffPolicyExport } from '../gpo/sniff';
import { findProperty } from '../rdp/properties/index';
import type { DecodedText } from '../text/decode';
import { firstLines } from '../text/line-index';

/** The `format` values of SPEC §3 (plus the GPP registry file and the security template a GPO also keeps). */
export type FileFormat = 'rdp' | 'config' | PolicyFormat;

/** Formats whose content decides, so files with these extensions are read while walking a folder. */
export const SNIFFED_EXTENSIONS: readonly string[] = ['.xml', '.pol', '.reg', '.txt', '.inf'];

const RDP_LINE = /^([^:\r\n]+):[sib]:/;

function baseName(path: string): string {
  // The part after the last separator of either kind, without splitting the whole path (twice a file in a walk).
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase();
}

/** Whether the text reads like an `.rdp` file: most lines are `name:type:value` and some names are known. */
export function looksLikeRdp(text: string): boolean {
  const lines = firstLines(text, 60, 64 * 1024).filter((l) => l.trim() !== '');
  if (lines.length === 0) return false;
  let shaped = 0;
  let known = 0;
  for (const line of lines) {
    const match = RDP_LINE.exec(line);
    if (!match) continue;
    shaped++;
    if (findProperty(match[1]!)) known++;
  }
  return shaped >= lines.length * 0.6 && known > 0;
}

/** A policy export recognized from its content, never from its name alone (unrelated XML and `.reg` files are not linted). */
export function sniffExport(decoded: Pick<DecodedText, 'text'>, bytes?: Uint8Array): PolicyFormat | undefined {
  const format = sniffPolicyExport(bytes, decoded.text);
  return format === 'gpo-backup-info' ? undefined : format;
}

/**
 * Detects a file's format from its name and content. Returns undefined for files RDP Doctor does not read.
 * `named` = the user named this file explicitly, so content alone may decide. `bytes` lets a binary
 * Registry.pol be recognized.
 */
export function detectFormat(path: string, decoded: DecodedText, named: boolean, bytes?: Uint8Array): FileFormat | undefined {
  const name = baseName(path);
  if ((CONFIG_FILE_NAMES as readonly string[]).includes(name)) return 'config';
  if (name.endsWith('.rdp')) return 'rdp';
  if ((named || name.endsWith('.txt')) && !decoded.binary && looksLikeRdp(decoded.text)) return 'rdp';
  if (named || SNIFFED_EXTENSIONS.some((e) => name.endsWith(e))) return sniffExport(decoded, bytes);
  return undefined;
}

/** Whether a file name is worth reading while walking a folder (exports are then recognized by content). */
export function isCandidateName(path: string): boolean {
  const name = baseName(path);
  return name.endsWith('.rdp') || (CONFIG_FILE_NAMES as readonly string[]).includes(name) || SNIFFED_EXTENSIONS.some((e) => name.endsWith(e));
}
