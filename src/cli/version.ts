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

/**
 * The same document as `toJsonOutput`, byte for byte, in pieces: the header, then each element of the array
 * fields named in `streamed` on its own, so a report of a million findings is never one string.
 */
export function* toJsonChunks(body: Readonly<Record<string, unknown>>): Generator<string> {
  const whole: Record<string, unknown> = { ...jsonHeader(), ...body };
  const keys = Object.keys(whole).filter((k) => whole[k] !== undefined);
  yield '{\n';
  for (const [i, key] of keys.entries()) {
    const value = whole[key];
    const comma = i < keys.length - 1 ? ',' : '';
    if (Array.isArray(value) && value.length > 0) {
      yield `  ${JSON.stringify(key)}: [\n`;
      for (const [j, item] of value.entries()) yield `${indent(JSON.stringify(item, null, 2), '    ')}${j < value.length - 1 ? ',' : ''}\n`;
      yield `  ]${comma}\n`;
    } else {
      yield `  ${JSON.stringify(key)}: ${indent(JSON.stringify(value, null, 2), '  ').trimStart()}${comma}\n`;
    }
  }
  yield '}\n';
}

function indent(text: string, by: string): string {
  return by + text.replace(/\n/g, `\n${by}`);
}
