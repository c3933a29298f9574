// Atomic export writes (issue 6: "writes atomically (temp file then rename)").
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeFileAtomic } from '../../electron/services/export/atomic'

let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'omu-atomic-'))
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('writeFileAtomic', () => {
  it('writes the whole file and leaves no temp file behind', () => {
    const target = path.join(dir, 'out', 'export.json')
    expect(writeFileAtomic(target, '{"a":1}\n')).toBe(8)
    expect(fs.readFileSync(target, 'utf8')).toBe('{"a":1}\n')
    expect(fs.readdirSync(path.dirname(target))).toEqual(['export.json'])
  })

  it('replaces an existing export only with a complete new one', () => {
    const target = path.join(dir, 'export.pdf')
    fs.writeFileSync(target, 'old')
    writeFileAtomic(target, Buffer.from('new content'))
    expect(fs.readFileSync(target, 'utf8')).toBe('new content')
    expect(fs.readdirSync(dir)).toEqual(['export.pdf'])
  })

  it('a failed rename leaves what was there untouched and removes the temp file', () => {
    // A folder where the file should go: the rename fails after the temp file was written.
    const target = path.join(dir, 'taken')
    fs.mkdirSync(target)
    fs.writeFileSync(path.join(target, 'keep.txt'), 'keep')
    expect(() => writeFileAtomic(target, 'data')).toThrow()
    expect(fs.readdirSync(dir)).toEqual(['taken'])
    expect(fs.readFileSync(path.join(target, 'keep.txt'), 'utf8')).toBe('keep')
  })
})
