import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeText } from '../src/core/text/decode';
import { mstscFile } from './corpus';

/** Writes `count` UTF-16LE files (as mstsc saves them) into `dir`. */
export function makeCorpus(dir: string, count: number): void {
  mkdirSync(dir, { recursive: true });
  for (let n = 0; n < count; n++) writeFileSync(join(dir, `host-${String(n).padStart(5, '0')}.rdp`), encodeText(mstscFile(n), 'utf-16le', true));
}

if (require.main === module) makeCorpus(process.argv[2]!, Number(process.argv[3] ?? 10000));
