import { version } from '../../package.json';

export function toolVersion(): string {
  return version;
}

/** The first fields of every JSON the CLI prints (SPEC §3); `schemaVersion` changes only when a field does. */
export function jsonHeader(): { tool: 'rdp-doctor'; version: string; schemaVersion: 1 } {
  return { tool: 'rdp-doctor', version: toolVersion(), schemaVersion: 1 };
}

/** A JSON document with the header first, as the CLI prints it. */
export function toJsonOutput(body: object): string {
  return JSON.stringify({ ...jsonHeader(), ...body }, null, 2) + '\n';
}
