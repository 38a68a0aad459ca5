// Draws media/icon.png (128×128): a volume (cylinder) on Marathon blue with a green check — "mount tested".
// Plain zlib + a hand-written PNG encoder, so no image tool is needed. Rerun after changing the drawing.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const size = 128;
const px = Buffer.alloc(size * size * 4);
const set = (x, y, [r, g, b, a = 255]) => px.set([r, g, b, a], (y * size + x) * 4);
const blue = [30, 58, 95], light = [226, 236, 247], mid = [150, 180, 212], green = [46, 204, 113];

for (let y = 0; y < size; y++) {
  for (let x = 0; x < size; x++) {
    // rounded square background (radius 20), transparent corners
    const r = 20, cx = Math.min(Math.max(x, r), size - 1 - r), cy = Math.min(Math.max(y, r), size - 1 - r);
    if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) { set(x, y, [0, 0, 0, 0]); continue; }
    set(x, y, blue);
    // cylinder: body x 30..98, y 36..92, ellipse caps with radii 34×12
    const ex = (x - 64) / 34;
    const top = (ex ** 2 + ((y - 36) / 12) ** 2) <= 1, bottom = (ex ** 2 + ((y - 92) / 12) ** 2) <= 1;
    if (Math.abs(ex) <= 1 && ((y >= 36 && y <= 92) || bottom)) set(x, y, light);
    if (top) set(x, y, mid);
    // two rings on the body
    for (const ry of [55, 74]) if (Math.abs(ex) <= 1 && Math.abs(y - (ry + 12 * Math.sqrt(Math.max(0, 1 - ex * ex)))) < 1.6) set(x, y, mid);
  }
}
// check mark (thick polyline) at the lower right
const seg = (x0, y0, x1, y1, w) => {
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    const t = Math.max(0, Math.min(1, ((x - x0) * (x1 - x0) + (y - y0) * (y1 - y0)) / ((x1 - x0) ** 2 + (y1 - y0) ** 2)));
    if ((x - (x0 + t * (x1 - x0))) ** 2 + (y - (y0 + t * (y1 - y0))) ** 2 <= w * w) set(x, y, green);
  }
};
seg(74, 94, 86, 106, 6);
seg(86, 106, 112, 76, 6);

const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc32 = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4); ihdr[8] = 8; ihdr[9] = 6; // 8-bit RGBA
const raw = Buffer.concat(Array.from({ length: size }, (_, y) => Buffer.concat([Buffer.from([0]), px.subarray(y * size * 4, (y + 1) * size * 4)])));
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
const out = join(dirname(fileURLToPath(import.meta.url)), '../media/icon.png');
writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
