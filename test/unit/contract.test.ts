import { describe, expect, it } from 'vitest'
import { contractEntries } from '../../shared/ipc/contract'

describe('the IPC contract', () => {
  const entries = contractEntries()
  it('every channel has a unique wire name, a doc comment and request/response schemas', () => {
    expect(new Set(entries.map((e) => e.channel)).size).toBe(entries.length)
    for (const e of entries) {
      expect(e.channel).toMatch(/^omu:[a-z][a-zA-Z]*\.[a-zA-Z]+$/)
      expect(e.def.doc.length, e.channel).toBeGreaterThan(10)
      expect(typeof e.def.input.safeParse).toBe('function')
      expect(typeof e.def.output.safeParse).toBe('function')
    }
  })

  it('requests reject unknown fields rather than silently dropping them', () => {
    for (const e of entries) {
      const r = e.def.input.safeParse({ surprise: 1 })
      expect(r.success, e.channel).toBe(false)
    }
  })
})
