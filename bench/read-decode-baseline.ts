// The baseline for the lint benchmark: the same runtime reading and decoding the same files, the same way the CLI reads them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBytes } from '../src/core/text/decode';

let chars = 0;
const dir = process.argv[2]!;
for (const name of readdirSync(dir).sort()) chars += decodeBytes(readFileSync(join(dir, name))).text.length;
process.stdout.write(`${chars}\n`);
