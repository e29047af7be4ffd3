// Draws media/rdp-doctor.png (the Marketplace icon, 256×256) from the shapes of media/rdp-doctor.svg:
// the monitor, its stand and the cross, in white on a rounded blue square. No image library is needed.
// `node scripts/make-icon.mjs` (ImageMagick's convert is not installed everywhere).
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 256;
const SCALE = SIZE / 24; // the SVG's viewBox is 24×24
const STROKE = 1.6 / 2;
const BACKGROUND = [0x0b, 0x5c, 0xad];
const FOREGROUND = [0xff, 0xff, 0xff];

/** Signed distance to a rounded rectangle (negative inside). */
function roundedRect(x, y, cx, cy, hw, hh, r) {
  const qx = Math.abs(x - cx) - (hw - r);
  const qy = Math.abs(y - cy) - (hh - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

function segment(x, y, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy);
}

/** Whether a point (in viewBox units) is on the white drawing: the SVG's strokes, centred in the square. */
function ink(x, y) {
  const sx = x;
  const sy = y + 0.5; // the drawing spans y 3.5–20.5: centre it
  const monitor = Math.abs(roundedRect(sx, sy, 12, 10, 9.5, 6.5, 1.5)) <= STROKE;
  const stand = segment(sx, sy, 8, 20.5, 16, 20.5) <= STROKE || segment(sx, sy, 12, 16.5, 12, 20.5) <= STROKE;
  const cross = segment(sx, sy, 12, 7, 12, 13) <= STROKE || segment(sx, sy, 9, 10, 15, 10) <= STROKE;
  return monitor || stand || cross;
}

const SAMPLES = 4;
const rows = [];
for (let py = 0; py < SIZE; py++) {
  const row = Buffer.alloc(1 + SIZE * 4);
  for (let px = 0; px < SIZE; px++) {
    let bg = 0;
    let fg = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const x = (px + (sx + 0.5) / SAMPLES) / SCALE;
        const y = (py + (sy + 0.5) / SAMPLES) / SCALE;
        if (roundedRect(x, y, 12, 12, 12, 12, 4.5) > 0) continue;
        bg += 1;
        // The drawing at 80 % of the square, centred.
        if (ink((x - 12) / 0.8 + 12, (y - 12) / 0.8 + 12)) fg += 1;
      }
    }
    const n = SAMPLES * SAMPLES;
    const a = bg / n;
    const f = bg ? fg / bg : 0;
    const o = 1 + px * 4;
    for (let c = 0; c < 3; c++) row[o + c] = Math.round(BACKGROUND[c] * (1 - f) + FOREGROUND[c] * f);
    row[o + 3] = Math.round(a * 255);
  }
  rows.push(row);
}

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../media/rdp-doctor.png', import.meta.url), png);
console.log(`media/rdp-doctor.png: ${SIZE}×${SIZE}, ${png.length} bytes`);
