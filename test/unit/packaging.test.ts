import Ajv from 'ajv'
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../../db/testing'

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

  it('builds Windows nsis, Linux AppImage and deb, in an asar with better-sqlite3 unpacked', () => {
    const win = config.win as { target: { target: string }[] }
    const linux = config.linux as { target: string[] }
    expect(win.target.map((t) => t.target)).toEqual(['nsis'])
    expect(linux.target).toEqual(['AppImage', 'deb'])
    expect(config.asar).toBe(true)
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**')
  })

  it('ships the built bundles and the migrations the main process runs at start', () => {
    const files = config.files as string[]
    for (const f of ['dist/main/**', 'dist/preload/**', 'dist/renderer/**', 'db/migrations/**']) expect(files).toContain(f)
  })
})
