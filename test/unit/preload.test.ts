import { beforeEach, describe, expect, it, vi } from 'vitest'
import fs from 'node:fs'
import path from 'node:path'
import { contractEntries } from '../../shared/ipc/contract'
import { bridgeMethodsSource } from '../../shared/ipc/methodsSource'

const exposed: Record<string, unknown> = {}
const invoke = vi.fn(async (channel: string, input: unknown) => ({ ok: true, data: { channel, input } }))

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => { exposed[key] = api } },
  ipcRenderer: { invoke: (channel: string, input: unknown) => invoke(channel, input) },
}))

describe('preload: window.omu generated from the contract', () => {
  beforeEach(async () => {
    vi.resetModules()
    for (const k of Object.keys(exposed)) delete exposed[k]
    await import('../../electron/preload')
  })

  it('its method list (methods.generated.ts) is the current contract: run `npm run gen:ipc` after changing a channel', () => {
    const file = fs.readFileSync(path.join(import.meta.dirname, '../../shared/ipc/methods.generated.ts'), 'utf8')
    expect(file).toBe(bridgeMethodsSource())
  })

  it('exposes exactly one object, omu', () => {
    expect(Object.keys(exposed)).toEqual(['omu'])
  })

  it('has one method per contract channel and nothing else (no ipcRenderer, no Node)', () => {
    const omu = exposed.omu as Record<string, Record<string, unknown>>
    const methods = Object.entries(omu).flatMap(([d, ms]) => Object.keys(ms).map((m) => `${d}.${m}`)).sort()
    expect(methods).toEqual(contractEntries().map((e) => `${e.domain}.${e.method}`).sort())
    for (const ms of Object.values(omu)) for (const fn of Object.values(ms)) expect(typeof fn).toBe('function')
    expect(Object.isFrozen(omu)).toBe(true)
  })

  it('each method invokes its own channel with the request', async () => {
    const omu = exposed.omu as Record<string, Record<string, (i?: unknown) => Promise<unknown>>>
    for (const e of contractEntries()) {
      invoke.mockClear()
      await omu[e.domain]![e.method]!({ probe: e.channel })
      expect(invoke).toHaveBeenCalledWith(e.channel, { probe: e.channel })
    }
    invoke.mockClear()
    await omu.app!.status!()
    expect(invoke).toHaveBeenCalledWith('omu:app.status', {})
  })
})
