import { MutationObserver, onlineManager, QueryClient } from '@tanstack/react-query'
import { afterEach, describe, expect, it } from 'vitest'
import { QUERY_DEFAULTS } from '../../renderer/src/data/queryDefaults'

// Issue 18, "Runtime and libraries": reads and writes go over local IPC, so a laptop the OS believes
// offline must not pause them. The real query client, with the app's defaults, while offline.
describe('the renderer’s query client defaults', () => {
  afterEach(() => onlineManager.setOnline(true))

  it('runs queries and mutations in every network mode the OS reports', () => {
    expect(QUERY_DEFAULTS.queries.networkMode).toBe('always')
    expect(QUERY_DEFAULTS.mutations.networkMode).toBe('always')
  })

  it('a read still answers while the OS says there is no network', async () => {
    onlineManager.setOnline(false)
    const client = new QueryClient({ defaultOptions: QUERY_DEFAULTS })
    await expect(client.fetchQuery({ queryKey: ['caseload'], queryFn: async () => 'from the data file' })).resolves.toBe('from the data file')
  })

  it('a write still runs while the OS says there is no network', async () => {
    onlineManager.setOnline(false)
    const client = new QueryClient({ defaultOptions: QUERY_DEFAULTS })
    const observer = new MutationObserver(client, { mutationFn: async (session: string) => `recorded ${session}` })
    await expect(observer.mutate('2026-11-29')).resolves.toBe('recorded 2026-11-29')
  })

  it('the check is real: TanStack Query’s own default pauses a read while offline', async () => {
    onlineManager.setOnline(false)
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    let ran = false
    const pending = client.fetchQuery({ queryKey: ['caseload'], queryFn: async () => { ran = true; return 'never' } }).catch((err: unknown) => err)
    await Promise.resolve()
    expect(client.getQueryState(['caseload'])?.fetchStatus).toBe('paused')
    expect(ran).toBe(false)
    client.clear() // cancels the paused read
    await pending
  })
})
