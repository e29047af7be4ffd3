// The text of a Registry.pol view, apart from `vscode` so unit tests can run it.
import type { Hive } from '../core/gpo/model';
import { readRegistryPol } from '../core/gpo/read-registry-pol';
import type { BoundedRead } from './bounded-read';

/** What the view says instead of the records of a file it does not read (`refused`: why, as `BoundedRead` says it). */
export function polViewRefusal(name: string, refused: string): string {
  return `; ${name} is ${refused}, so RDP Doctor does not read it.\n`;
}

/**
 * A Registry.pol's view: its records as LGPO-style text, and the bytes read (kept for the lint). `read` reads the file
 * within the lint's limits (`readWorkspaceFile`): a FIFO, a device or a file past the limit is refused, and said so.
 */
export async function polViewText(name: string, read: () => Promise<BoundedRead>, hive: Hive): Promise<{ text: string; bytes?: Uint8Array }> {
  const file = await read();
  if ('refused' in file) return { text: polViewRefusal(name, file.refused) };
  return { text: readRegistryPol(file.bytes, hive).view.text, bytes: file.bytes };
}
