import { describe, expect, it } from 'vitest'
import { registerIpc } from '../../electron/ipc/register'
import type { Dispatcher, SenderInfo } from '../../electron/services/dispatcher'

describe('registerIpc: the one IPC registration wrapper', () => {
  it('registers every dispatcher channel and passes the sender frame through for checking', async () => {
    const handlers = new Map<string, (event: unknown, input: unknown) => unknown>()
    const seen: [string, unknown, SenderInfo][] = []
    const dispatcher = {
      channels: ['omu:a.one', 'omu:b.two'],
      invoke: async (c: string, i: unknown, s: SenderInfo) => { seen.push([c, i, s]); return { ok: true, data: null } },
    } as unknown as Dispatcher
    const unregister = registerIpc({ handle: (c: string, h: never) => handlers.set(c, h), removeHandler: (c: string) => handlers.delete(c) } as never, dispatcher)
    expect([...handlers.keys()]).toEqual(['omu:a.one', 'omu:b.two'])
    const mainFrame = { url: 'app://omu/index.html', parent: null }
    await handlers.get('omu:a.one')!({ senderFrame: mainFrame }, { x: 1 })
    await handlers.get('omu:b.two')!({ senderFrame: { url: 'app://omu/index.html', parent: mainFrame } }, {})
    await handlers.get('omu:b.two')!({ senderFrame: null }, {})
    expect(seen).toEqual([
      ['omu:a.one', { x: 1 }, { url: 'app://omu/index.html', isMainFrame: true }],
      ['omu:b.two', {}, { url: 'app://omu/index.html', isMainFrame: false }],
      ['omu:b.two', {}, { url: '', isMainFrame: false }],
    ])
    unregister()
    expect(handlers.size).toBe(0)
  })
})
