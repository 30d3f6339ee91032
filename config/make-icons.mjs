/**
 * Draws the add-in's ribbon and store icons (assets/icon-{16,32,64,80}.png, plus icon-128.png for the store).
 * The mark is geometric on purpose: a green rounded square holding a white form sheet with a check mark.
 * No font or image library is needed, so the icons can be redrawn on any machine:
 *
 *   node config/make-icons.mjs
 */
import { deflateSync } from "node:zlib";
import { writeFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const SIZES = [16, 32, 64, 80, 128];
const GREEN = [0x10, 0x7c, 0x41];
const WHITE = [0xff, 0xff, 0xff];
const LINE = [0x9c, 0xc9, 0xb0];
const SS = 4; // supersampling per axis, for smooth edges

/** CRC-32 of a buffer (PNG chunk checksums). */
function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes RGBA pixels (width*height*4 bytes) as a PNG file. */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Distance from point p to segment ab, all in unit coordinates. */
function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The colour of the mark at unit point (x, y) in [0,1]², or null when transparent. */
function sample(x, y, size) {
  const r = 0.18; // corner radius of the green square
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if (Math.hypot(x - cx, y - cy) > r) return null;
  // The check mark, drawn over the sheet; thicker on small icons so it stays readable.
  const stroke = size <= 16 ? 0.085 : 0.065;
  const d = Math.min(
    segmentDistance(x, y, 0.3, 0.55, 0.45, 0.7),
    segmentDistance(x, y, 0.45, 0.7, 0.74, 0.36)
  );
  if (d < stroke) return GREEN;
  // A white sheet with form rows (the rows only where there is room to see them).
  if (x > 0.2 && x < 0.8 && y > 0.16 && y < 0.84) {
    if (size >= 32) {
      for (const ly of [0.3, 0.44, 0.58, 0.72])
        if (Math.abs(y - ly) < 0.018 && x > 0.28 && x < 0.72) return LINE;
    }
    return WHITE;
  }
  return GREEN;
}

/** Renders the icon at one pixel size. */
export function renderIcon(size) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let rs = 0;
      let gs = 0;
      let bs = 0;
      let covered = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const c = sample((px + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size, size);
          if (!c) continue;
          rs += c[0];
          gs += c[1];
          bs += c[2];
          covered++;
        }
      }
      const o = (py * size + px) * 4;
      if (covered > 0) {
        rgba[o] = Math.round(rs / covered);
        rgba[o + 1] = Math.round(gs / covered);
        rgba[o + 2] = Math.round(bs / covered);
        rgba[o + 3] = Math.round((255 * covered) / (SS * SS));
      }
    }
  }
  return encodePng(size, size, rgba);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = new URL("../assets/", import.meta.url);
  mkdirSync(dir, { recursive: true });
  for (const size of SIZES) {
    writeFileSync(new URL(`icon-${size}.png`, dir), renderIcon(size));
    console.log(`assets/icon-${size}.png`);
  }
}
