// Draws the app icon (a white envelope on a blue tile with a green check badge: "mail relay, diagnosed")
// and writes icon.png (512), icon.ico (16–256) and icon.icns (128–1024) for electron-builder.
// Pure Node, no image libraries: shapes are signed-distance tests, anti-aliased by 4×4 supersampling.
// Run: node build/make-icons.mjs  (the outputs are committed; rerun only when the design changes).
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** RGBA pixels → PNG bytes. */
export function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

// Shapes in unit coordinates (0..1). Each returns true when the point is inside.
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
  const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && dx * dx + dy * dy <= r * r;
};
const segment = (ax, ay, bx, by, w) => (x, y) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) <= w / 2;
};
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

const tile = roundRect(0.04, 0.04, 0.96, 0.96, 0.2);
const envelope = roundRect(0.17, 0.28, 0.75, 0.7, 0.04);
const flapL = segment(0.19, 0.31, 0.46, 0.52, 0.055);
const flapR = segment(0.73, 0.31, 0.46, 0.52, 0.055);
const badge = circle(0.72, 0.72, 0.19);
const badgeRing = circle(0.72, 0.72, 0.225);
const check1 = segment(0.63, 0.725, 0.695, 0.79, 0.055);
const check2 = segment(0.695, 0.79, 0.815, 0.655, 0.055);

const BLUE = [0x1f, 0x5f, 0xbf];
const WHITE = [0xff, 0xff, 0xff];
const ENVELOPE_LINE = [0x1f, 0x5f, 0xbf];
const GREEN = [0x1e, 0x9e, 0x5a];

/** The colour at a point, or null outside the tile (transparent). Later layers win. */
function colourAt(x, y) {
  if (!tile(x, y)) return null;
  let c = BLUE;
  if (envelope(x, y)) c = flapL(x, y) || flapR(x, y) ? ENVELOPE_LINE : WHITE;
  if (badgeRing(x, y)) c = BLUE;
  if (badge(x, y)) c = check1(x, y) || check2(x, y) ? WHITE : GREEN;
  return c;
}

export function render(size) {
  const px = Buffer.alloc(size * size * 4);
  const S = 4;
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const c = colourAt((i + (sx + 0.5) / S) / size, (j + (sy + 0.5) / S) / size);
          if (!c) continue;
          r += c[0]; g += c[1]; b += c[2]; a += 1;
        }
      }
      const o = (j * size + i) * 4;
      if (a > 0) px.set([Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round((255 * a) / (S * S))], o);
    }
  }
  return encodePng(size, px);
}

/** ICO with PNG-compressed entries (Windows Vista and later). */
export function encodeIco(pngs) {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach(({ size, png }, k) => {
    const e = 6 + 16 * k;
    header[e] = size >= 256 ? 0 : size;
    header[e + 1] = size >= 256 ? 0 : size;
    header.writeUInt16LE(1, e + 4); // planes
    header.writeUInt16LE(32, e + 6); // bits per pixel
    header.writeUInt32LE(png.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...pngs.map((p) => p.png)]);
}

/** ICNS with PNG entries: ic07 128, ic08 256, ic09 512, ic10 1024. */
export function encodeIcns(entries) {
  const parts = entries.map(({ type, png }) => {
    const h = Buffer.alloc(8);
    h.write(type, 0, 'ascii');
    h.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([h, png]);
  });
  const body = Buffer.concat(parts);
  const h = Buffer.alloc(8);
  h.write('icns', 0, 'ascii');
  h.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([h, body]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = new URL('.', import.meta.url);
  const png = new Map([16, 24, 32, 48, 64, 128, 256, 512, 1024].map((s) => [s, render(s)]));
  writeFileSync(new URL('icon.png', dir), png.get(512));
  writeFileSync(new URL('icon.ico', dir), encodeIco([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, png: png.get(size) }))));
  writeFileSync(
    new URL('icon.icns', dir),
    encodeIcns([['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024]].map(([type, s]) => ({ type, png: png.get(s) }))),
  );
  console.log('wrote build/icon.png, icon.ico, icon.icns');
}
