// Writes a large `.rdp` text of a shape (shapes.ts) to a file: `node out/bench/large/write-file.js SHAPE LINES FILE`.
import { writeFileSync } from 'node:fs';
import { largeRdp, type Shape } from './shapes';

const [shape, lines, file] = process.argv.slice(2);
writeFileSync(file!, largeRdp(shape as Shape, Number(lines)));
