import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { prisoner } from '../../db/schema'
import { HMP_TESTSHIRE, readStore, servicesPerTest, TEST_PRISONER, type ServicesHandle } from './helpers'

// Issue 15: every released prisoner gets the date its retention period runs from, however the
// record became released: the form, or a CSV import creating or updating it.

const TODAY_AT = new Date('2026-11-23T10:00:00Z')
const start = servicesPerTest({ now: TODAY_AT })

const releasedOn = (svc: ServicesHandle, prisonNumber: string) =>
  readStore(svc, async (c) => (await c.db.select({ d: prisoner.releasedOn }).from(prisoner).where(eq(prisoner.prisonNumber, prisonNumber)).get())?.d)

const HEADER = 'prison_number,first_name,last_name,date_of_birth,sentence_type,sentence_start_date,status'

describe('the retention date of a released record (issue 15)', () => {
  it('is set when a record is created released, by the form or by a CSV import', async () => {
    const svc = await start()
    await svc.call('omu:establishment.setup', HMP_TESTSHIRE)
    expect(await svc.call('omu:prisoners.create', { ...TEST_PRISONER, status: 'released' })).toMatchObject({ ok: true })
    expect(await releasedOn(svc, TEST_PRISONER.prisonNumber)).toBe('2026-11-23')
    const csv = `${HEADER}\nB2345CD,Sam,Samplewood,1988-01-01,determinate,2020-10-20,released\nC3456DE,Cy,Custody,1988-01-01,determinate,2026-10-20,in_custody`
    expect(await svc.call('omu:caseImport.commit', { kind: 'prisoners', text: csv })).toMatchObject({ ok: true, data: { created: 2 } })
    expect(await releasedOn(svc, 'B2345CD')).toBe('2026-11-23')
    expect(await releasedOn(svc, 'C3456DE')).toBeNull()
  })

  it('is set when a CSV import marks a record released, and kept when it stays released', async () => {
    const svc = await start()
    await svc.call('omu:establishment.setup', HMP_TESTSHIRE)
    await svc.call('omu:caseImport.commit', { kind: 'prisoners', text: `${HEADER}\nB2345CD,Sam,Samplewood,1988-01-01,determinate,2020-10-20,in_custody` })
    expect(await releasedOn(svc, 'B2345CD')).toBeNull()
    const released = `${HEADER}\nB2345CD,Sam,Samplewood,1988-01-01,determinate,2020-10-20,released`
    expect(await svc.call('omu:caseImport.commit', { kind: 'prisoners', text: released, applyUpdates: true })).toMatchObject({ ok: true, data: { updated: 1 } })
    expect(await releasedOn(svc, 'B2345CD')).toBe('2026-11-23')
    // A later import that changes something else keeps the day it was first marked released.
    const later = await start({ userData: svc.userData, now: new Date('2027-02-01T10:00:00Z') })
    await later.call('omu:caseImport.commit', { kind: 'prisoners', text: released.replace('Samplewood', 'Samplewood-Smith'), applyUpdates: true })
    expect(await releasedOn(later, 'B2345CD')).toBe('2026-11-23')
  })
})
