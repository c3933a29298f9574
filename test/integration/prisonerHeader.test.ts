import { describe, expect, it } from 'vitest'
import { oneAllocatedCase, servicesPerTest } from './helpers'

// Issue 16, "Prisoner page header": the page reads the case as every list does (one verdict:
// electron/services/caseload/verdict.ts): the headline status, the next minimum to act on and any
// override in force come with prisoners.get. Runs on SQLite and on PostgreSQL.

const start = servicesPerTest()

describe('the prisoner page’s header (issue 16)', () => {
  it('shows the same status and next minimum as the case’s row in the caseload', async () => {
    const svc = await start()
    const prisonerId = await oneAllocatedCase(svc)
    const detail = await svc.call('omu:prisoners.get', { prisonerId })
    const list = await svc.call('omu:caseload.list', { pomId: null })
    if (!detail.ok || !list.ok) throw new Error('not read')
    const row = list.data.rows.find((r) => r.prisonerId === prisonerId)
    expect(row).toBeDefined()
    expect(detail.data.row).toEqual(row)
    // Allocated on 10/09/2026, no session since: the start-of-custody minimum is open (seed 003 Annex B, 12 weeks from allocation).
    expect(detail.data.row).toMatchObject({ pomName: 'Pat Pom', next: { rule: 'start_of_custody', achieved: 0 } })
    expect(['due', 'overdue']).toContain(detail.data.row?.status)
  })
})
