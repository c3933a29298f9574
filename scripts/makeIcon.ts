// Draws the application icon (issue 18, "Hardened build": an application icon for the installers
// and the window) and writes build/icon.png (512 x 512, Linux and the window) and build/icon.ico
// (16 to 256 px, Windows: electron-builder needs a 256 px image in it). Run `npx tsx
// scripts/makeIcon.ts` after changing the drawing; the generated files are committed, and
// test/unit/packaging.test.ts checks they are this drawing.
//
// No image library is needed: the drawing is a few shapes given as signed distances, sampled 4 x 4
// per pixel for smooth edges, and written as PNG with Node's zlib (ICO files hold PNG images).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { deflateSync } from 'node:zlib'

type Rgb = readonly [number, number, number]
/** A shape in unit coordinates (0..1, y down): negative inside, positive outside. */
type Shape = (x: number, y: number) => number

const NAVY: Rgb = [0x1f, 0x3a, 0x5f]
const SLATE: Rgb = [0x5b, 0x7b, 0xa3]
const WHITE: Rgb = [0xff, 0xff, 0xff]
const GREEN: Rgb = [0x00, 0x70, 0x3c]

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number): Shape {
  const cx = (x0 + x1) / 2
  const cy = (y0 + y1) / 2
  const hx = (x1 - x0) / 2 - r
  const hy = (y1 - y0) / 2 - r
  return (x, y) => {
    const dx = Math.abs(x - cx) - hx
    const dy = Math.abs(y - cy) - hy
    return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0) - r
  }
}

function circle(cx: number, cy: number, r: number): Shape {
  return (x, y) => Math.hypot(x - cx, y - cy) - r
}

/** A stroke with round ends along the polyline through `points`. */
function stroke(points: readonly (readonly [number, number])[], width: number): Shape {
  return (x, y) => {
    let best = Infinity
    for (let i = 1; i < points.length; i++) {
      const [ax, ay] = points[i - 1]!
      const [bx, by] = points[i]!
      const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)))
      best = Math.min(best, Math.hypot(x - ax - t * (bx - ax), y - ay - t * (by - ay)))
    }
    return best - width / 2
  }
}

/** Painted back to front: a navy tile, a white case sheet with three lines, a green tick badge. */
const LAYERS: readonly (readonly [Shape, Rgb])[] = [
  [roundedRect(0.03, 0.03, 0.97, 0.97, 0.2), NAVY],
  [roundedRect(0.22, 0.15, 0.7, 0.85, 0.05), WHITE],
  [stroke([[0.31, 0.32], [0.61, 0.32]], 0.05), SLATE],
  [stroke([[0.31, 0.45], [0.61, 0.45]], 0.05), SLATE],
  [stroke([[0.31, 0.58], [0.5, 0.58]], 0.05), SLATE],
  [circle(0.7, 0.72, 0.2), WHITE],
  [circle(0.7, 0.72, 0.165), GREEN],
  [stroke([[0.615, 0.725], [0.675, 0.79], [0.79, 0.655]], 0.05), WHITE],
]

const SAMPLES = 4

/** The icon at `size` x `size` pixels, RGBA, rows top to bottom. */
export function drawIcon(size: number): Buffer {
  const rgba = Buffer.alloc(size * size * 4)
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size
          const y = (py + (sy + 0.5) / SAMPLES) / size
          let colour: Rgb | null = null
          for (const [shape, fill] of LAYERS) if (shape(x, y) <= 0) colour = fill
          if (colour) {
            r += colour[0]; g += colour[1]; b += colour[2]; a += 1
          }
        }
      }
      const i = (py * size + px) * 4
      if (a > 0) {
        rgba[i] = Math.round(r / a)
        rgba[i + 1] = Math.round(g / a)
        rgba[i + 2] = Math.round(b / a)
        rgba[i + 3] = Math.round((255 * a) / (SAMPLES * SAMPLES))
      }
    }
  }
  return rgba
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Buffer): number {
  let c = 0xffffffff
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

/** A PNG file (8-bit RGBA, no filtering) of `rgba`, a square image `size` pixels wide. */
export function encodePng(rgba: Buffer, size: number): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr.set([8, 6, 0, 0, 0], 8) // bit depth 8, colour type 6 (RGBA), deflate, filter 0, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** An ICO file holding one PNG image per size (the form Windows Vista and later read). */
export function encodeIco(images: readonly { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(1, 2) // type 1: icon
  header.writeUInt16LE(images.length, 4)
  let offset = 6 + 16 * images.length
  const entries = images.map(({ size, png }) => {
    const e = Buffer.alloc(16)
    e.writeUInt8(size >= 256 ? 0 : size, 0) // 0 means 256
    e.writeUInt8(size >= 256 ? 0 : size, 1)
    e.writeUInt16LE(1, 4) // colour planes
    e.writeUInt16LE(32, 6) // bits per pixel
    e.writeUInt32LE(png.length, 8)
    e.writeUInt32LE(offset, 12)
    offset += png.length
    return e
  })
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)])
}

export const PNG_SIZE = 512
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const

function main(): void {
  const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'build')
  fs.mkdirSync(out, { recursive: true })
  fs.writeFileSync(path.join(out, 'icon.png'), encodePng(drawIcon(PNG_SIZE), PNG_SIZE))
  fs.writeFileSync(path.join(out, 'icon.ico'), encodeIco(ICO_SIZES.map((size) => ({ size, png: encodePng(drawIcon(size), size) }))))
  console.log(`wrote ${path.join(out, 'icon.png')} and icon.ico`)
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main()
