import { decodeBytes } from '../text/decode';
import type { Hive, PolicyDocument } from './model';
import { readGppRegistryFile, readGppServicesFile } from './read-gpp-file';
import { readGpoReport } from './read-gpo-report';
import { readLgpoText } from './read-lgpo-text';
import { readReg } from './read-reg';
import { readRegistryPol, type PolView } from './read-registry-pol';
import { readRsop } from './read-rsop';
import { readSecurityTemplate } from './read-security-template';
import { sniffPolicyExport, type SniffedFormat } from './sniff';

/** The formats read from text (everything but Registry.pol and the backup folder). */
export type TextPolicyFormat = Exclude<SniffedFormat, 'registry-pol' | 'gpo-backup-info'>;

/** Reads a decoded export of a known text format. */
export function readPolicyText(format: TextPolicyFormat, text: string): PolicyDocument {
  switch (format) {
    case 'gpo-report-xml':
      return readGpoReport(text);
    case 'rsop-xml':
      return readRsop(text);
    case 'reg':
      return readReg(text);
    case 'lgpo-text':
      return readLgpoText(text);
    case 'gpp-registry-xml':
      return readGppRegistryFile(text);
    case 'gpp-services-xml':
      return readGppServicesFile(text);
    case 'security-template':
      return readSecurityTemplate(text);
  }
}

/** The hive a Registry.pol's path implies: a `User` folder holds HKCU policy, anything else HKLM. */
export function polHiveFromPath(path: string | undefined): Hive {
  const parts = (path ?? '').split(/[\\/]/);
  return parts.length >= 2 && parts[parts.length - 2]!.toLowerCase() === 'user' ? 'HKCU' : 'HKLM';
}

export interface ReadExport {
  readonly doc: PolicyDocument;
  /** The text spans refer to: the decoded file, or a Registry.pol's rendered view. */
  readonly text: string;
  readonly polView?: PolView;
}

/** Sniffs and reads one export file from its bytes; undefined when it is not a policy export. */
export function readPolicyBytes(bytes: Uint8Array, path?: string): ReadExport | undefined {
  const decoded = decodeBytes(bytes);
  const format = sniffPolicyExport(bytes, decoded.text);
  if (!format || format === 'gpo-backup-info') return undefined;
  if (format === 'registry-pol') {
    const { doc, view } = readRegistryPol(bytes, polHiveFromPath(path));
    return { doc, text: view.text, polView: view };
  }
  return { doc: readPolicyText(format, decoded.text), text: decoded.text };
}
