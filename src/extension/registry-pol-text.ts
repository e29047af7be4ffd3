// The text of a Registry.pol view, apart from `vscode` so unit tests can run it.
import type { Hive } from '../core/gpo/model';
import { readRegistryPol } from '../core/gpo/read-registry-pol';
import { MAX_FILE_BYTES } from '../core/lint/read-file';

/** What the view says instead of the records of a file it does not read, or undefined when it reads it. */
export function polViewRefusal(name: string, file: { readonly size: number; readonly isFile: boolean }): string | undefined {
  // A FIFO or a device would never end, and a file past the lint's limit would be held in memory whole, twice.
  if (!file.isFile) return `; ${name} is not a regular file (a FIFO, socket or device), so RDP Doctor does not read it.\n`;
  if (file.size > MAX_FILE_BYTES) return `; ${name} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB, so RDP Doctor does not read it: no Registry.pol comes near that size.\n`;
  return undefined;
}

/**
 * A Registry.pol's view: its records as LGPO-style text, and the bytes read (kept for the lint). The file's size is
 * looked at before it is read, and the bytes read again after: a file that grew in between is refused all the same.
 */
export async function polViewText(
  name: string,
  file: { readonly size: number; readonly isFile: boolean },
  read: () => Promise<Uint8Array>,
  hive: Hive,
): Promise<{ text: string; bytes?: Uint8Array }> {
  const refused = polViewRefusal(name, file);
  if (refused !== undefined) return { text: refused };
  const bytes = await read();
  const grown = polViewRefusal(name, { size: bytes.length, isFile: true });
  if (grown !== undefined) return { text: grown };
  return { text: readRegistryPol(bytes, hive).view.text, bytes };
}
