/**
 * Draws the Teams app icons (run once; the PNGs are committed): `node scripts/make-icons.ts`.
 * color.png 192×192: a white shield on MKB-ish teal; outline.png 32×32: a white shield on transparency.
 */
import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

function shield(size: number, background: [number, number, number, number]): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const u = x / size - 0.5;
      const v = y / size;
      // A shield: straight top half, tapering to a point at the bottom.
      const half = v < 0.2 || v > 0.85 ? -1 : v < 0.55 ? 0.3 : 0.3 * (1 - (v - 0.55) / 0.3);
      const inside = Math.abs(u) <= half;
      const i = (y * size + x) * 4;
      const [r, g, b, a] = inside ? [255, 255, 255, 255] : background;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = a;
    }
  }
  return PNG.sync.write(png);
}

const dir = new URL('../manifest/', import.meta.url).pathname;
writeFileSync(`${dir}color.png`, shield(192, [0, 105, 110, 255]));
writeFileSync(`${dir}outline.png`, shield(32, [0, 0, 0, 0]));
