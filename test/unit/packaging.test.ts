import Ajv from 'ajv'
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { inflateSync } from 'node:zlib'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../../db/testing'
import { drawIcon, ICO_SIZES, PNG_SIZE } from '../../scripts/makeIcon'

const require = createRequire(import.meta.url)
const config = parse(fs.readFileSync(path.join(repoRoot(), 'electron-builder.yml'), 'utf8')) as Record<string, unknown>

function validator() {
  const schema = JSON.parse(fs.readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object
  return new Ajv({ allErrors: true, strict: false }).compile(schema)
}

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s own JSON schema', () => {
    const validate = validator()
    const ok = validate(config)
    expect(validate.errors ?? []).toEqual([])
    expect(ok).toBe(true)
  })

  it('the schema check is real: a misspelt option is rejected', () => {
    const validate = validator()
    expect(validate({ ...config, asarr: true })).toBe(false)
    expect(validate({ ...config, win: { target: 42 } })).toBe(false)
  })

  it('builds Windows nsis and msi, Linux AppImage and deb, in an asar with better-sqlite3 unpacked', () => {
    const win = config.win as { target: { target: string }[] }
    const linux = config.linux as { target: string[] }
    expect(win.target.map((t) => t.target)).toEqual(['nsis', 'msi'])
    expect(linux.target).toEqual(['AppImage', 'deb'])
    expect(config.asar).toBe(true)
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**')
  })

  it('ships the built bundles and the migrations the main process runs at start', () => {
    const files = config.files as string[]
    for (const f of ['dist/main/**', 'dist/preload/**', 'dist/renderer/**', 'db/migrations/**']) expect(files).toContain(f)
  })

  // Issue 18, "Hardened build": each fuse named there, set the way it says (electron-builder 26's
  // `electronFuses`, app-builder-lib/scheme.json FuseOptionsV1).
  it('flips every hardening fuse: no run-as-node, NODE_OPTIONS or --inspect; encrypted cookies; app only from a verified asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('the fuse check is real: a fuse left at Electron’s default fails it', () => {
    const fuses = config.electronFuses as Record<string, boolean>
    for (const [name, value] of Object.entries(fuses)) {
      expect({ ...fuses, [name]: !value }, name).not.toEqual(config.electronFuses)
      const { [name]: _missing, ...rest } = fuses
      expect(rest, name).not.toEqual(config.electronFuses)
    }
  })

  it('the MSI installs per machine and keeps one upgrade code for the life of the product', () => {
    const msi = config.msi as { perMachine: boolean; upgradeCode: string }
    expect(msi.perMachine).toBe(true)
    // Changing it would make Windows install a new version beside the old one instead of upgrading.
    expect(msi.upgradeCode).toBe('DDD8EE8D-06B3-4662-A211-73BB5D5E645F')
  })

  it('signs Windows builds from the environment only: no certificate or password in the config', () => {
    const text = fs.readFileSync(path.join(repoRoot(), 'electron-builder.yml'), 'utf8')
    const win = config.win as { signtoolOptions: Record<string, unknown> }
    expect(win.signtoolOptions.signingHashAlgorithms).toEqual(['sha256'])
    expect(Object.keys(win.signtoolOptions)).not.toContain('certificatePassword')
    expect(Object.keys(win.signtoolOptions)).not.toContain('certificateFile')
    expect(config).not.toHaveProperty('cscLink')
    expect(config).not.toHaveProperty('cscKeyPassword')
    const settings = text.split('\n').filter((line) => !line.trimStart().startsWith('#'))
    expect(settings.filter((line) => /password|\.pfx|\.p12/i.test(line))).toEqual([])
  })

  it('ships the application icon: a 256 px image in build/icon.ico and a 512 px build/icon.png, drawn by scripts/makeIcon.ts', () => {
    expect((config.win as { icon: string }).icon).toBe('build/icon.ico')
    expect((config.linux as { icon: string }).icon).toBe('build/icon.png')
    const png = readPng(fs.readFileSync(path.join(repoRoot(), 'build/icon.png')))
    expect(png.size).toBe(PNG_SIZE)
    const ico = readIco(fs.readFileSync(path.join(repoRoot(), 'build/icon.ico')))
    expect(ico.map((i) => i.size)).toEqual([...ICO_SIZES])
    const largest = ico.find((i) => i.size === 256)!
    expect(readPng(largest.png).rgba.equals(drawIcon(256))).toBe(true)
  })
})

// Issue 18, "Runtime and libraries": the packaged app's runtime `dependencies` are what its main
// process loads; the renderer is bundled by Vite into dist/renderer, so its packages are build-time.
describe('package.json dependencies', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
  const SOURCE_DIRS = ['electron', 'shared', 'db', 'renderer', 'scripts', 'bench', 'test']
  const sources = SOURCE_DIRS.flatMap((dir) =>
    (fs.readdirSync(path.join(repoRoot(), dir), { recursive: true }) as string[])
      .filter((f) => /\.(ts|tsx|mjs|cjs|js|css)$/.test(f) && !f.includes('node_modules'))
      .map((f) => ({ file: path.join(dir, f), text: fs.readFileSync(path.join(repoRoot(), dir, f), 'utf8') })),
  ).filter((s) => s.file !== path.join('test', 'unit', 'packaging.test.ts')) // names packages only to check them
  /** Source files that name the package in a module specifier or a file path inside it ('pkg' or 'pkg/...'). */
  const users = (name: string) => {
    const quoted = new RegExp(`['"]${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(/[^'"]*)?['"]`)
    return sources.filter((s) => quoted.test(s.text)).map((s) => s.file)
  }

  it('declares no runtime dependency that nothing uses (dayjs and @mantine/dates were unused)', () => {
    expect(Object.keys(pkg.dependencies).filter((name) => users(name).length === 0)).toEqual([])
  })

  it('keeps renderer-only packages out of the runtime dependencies: Vite bundles them', () => {
    const rendererOnly = Object.keys(pkg.dependencies).filter((name) => {
      const files = users(name).filter((f) => !f.startsWith('test') && !f.startsWith('bench'))
      return files.length > 0 && files.every((f) => f.startsWith('renderer'))
    })
    expect(rendererOnly).toEqual([])
  })

  it('the dependency checks are real: they see the renderer’s own imports', () => {
    expect(users('@mantine/core').every((f) => f.startsWith('renderer') || f.startsWith('test') || f.startsWith('bench'))).toBe(true)
    expect(users('@mantine/core').length).toBeGreaterThan(0)
    expect(users('dayjs')).toEqual([])
  })
})

/** Reads the square RGBA PNGs scripts/makeIcon.ts writes (unfiltered rows). */
function readPng(file: Buffer): { size: number; rgba: Buffer } {
  expect(file.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true)
  let offset = 8
  let size = 0
  const idat: Buffer[] = []
  while (offset < file.length) {
    const length = file.readUInt32BE(offset)
    const type = file.toString('latin1', offset + 4, offset + 8)
    const data = file.subarray(offset + 8, offset + 8 + length)
    if (type === 'IHDR') {
      size = data.readUInt32BE(0)
      expect(data.readUInt32BE(4)).toBe(size)
      expect([...data.subarray(8, 10)]).toEqual([8, 6]) // 8-bit RGBA
    }
    if (type === 'IDAT') idat.push(data)
    offset += 12 + length
  }
  const rows = inflateSync(Buffer.concat(idat))
  const rgba = Buffer.alloc(size * size * 4)
  for (let y = 0; y < size; y++) {
    expect(rows[y * (size * 4 + 1)]).toBe(0)
    rows.copy(rgba, y * size * 4, y * (size * 4 + 1) + 1, (y + 1) * (size * 4 + 1))
  }
  return { size, rgba }
}

function readIco(file: Buffer): { size: number; png: Buffer }[] {
  expect(file.readUInt16LE(2)).toBe(1)
  return Array.from({ length: file.readUInt16LE(4) }, (_, i) => {
    const entry = 6 + 16 * i
    const width = file.readUInt8(entry)
    const png = file.subarray(file.readUInt32LE(entry + 12), file.readUInt32LE(entry + 12) + file.readUInt32LE(entry + 8))
    return { size: width === 0 ? 256 : width, png }
  })
}
