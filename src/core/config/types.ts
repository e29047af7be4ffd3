import type { SeverityOverrides } from '../findings/severity';
import type { Span } from '../text/line-index';

export interface InventoryHost {
  readonly host: string;
  readonly port?: number;
  /** The name the certificate must match, when the host is reached by another name or address. */
  readonly name?: string;
  readonly group?: string;
  readonly span: Span;
}

/** `.rdpdoctor.yaml` after validation, with defaults filled in (SPEC §4). */
export interface RdpDoctorConfig {
  /** As the file sets them; floors only (`raiseOnly`) where the file is read for an untrusted workspace. */
  readonly rules: SeverityOverrides;
  readonly trust: { readonly ca: readonly string[]; readonly expiringSoonDays: number };
  /**
   * `ntlmInfo` is absent unless the file sets it (then it wins over the editor setting); `set` names the other keys the
   * file sets, which win over the editor's settings too (a default filled in does not).
   */
  readonly checks: { readonly timeoutMs: number; readonly concurrency: number; readonly ntlmInfo?: boolean; readonly set?: readonly ('timeoutMs' | 'concurrency')[] };
  readonly hosts: readonly InventoryHost[];
}

export const DEFAULT_CONFIG: RdpDoctorConfig = {
  rules: {},
  trust: { ca: [], expiringSoonDays: 30 },
  checks: { timeoutMs: 5000, concurrency: 16 },
  hosts: [],
};

export const CONFIG_FILE_NAMES = ['.rdpdoctor.yaml', '.rdpdoctor.yml'] as const;
