/** The TypeScript files of a source folder, for the tests that check the tree itself (layers, CommonJS globals). */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every `.ts` file under a folder, recursively. */
export function tsFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? tsFilesUnder(full) : full.endsWith('.ts') ? [full] : [];
  });
}
