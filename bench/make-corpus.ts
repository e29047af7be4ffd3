import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeText } from '../src/core/text/decode';
import { CORPUS_REVISION, mstscFile } from './corpus';

/**
 * Writes `count` UTF-16LE files (as mstsc saves them) into `dir`, unless the folder already holds this revision of
 * the corpus (`<dir>.revision`). Returns whether it wrote them.
 */
export function makeCorpus(dir: string, count: number): boolean {
  const stamp = `${dir}.revision`;
  if (existsSync(dir) && existsSync(stamp) && readFileSync(stamp, 'utf8') === CORPUS_REVISION) return false;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let n = 0; n < count; n++) writeFileSync(join(dir, `host-${String(n).padStart(5, '0')}.rdp`), encodeText(mstscFile(n), 'utf-16le', true));
  writeFileSync(stamp, CORPUS_REVISION);
  return true;
}

if (require.main === module) {
  const made = makeCorpus(process.argv[2]!, Number(process.argv[3] ?? 10000));
  process.stdout.write(made ? 'made\n' : 'up to date\n');
}
