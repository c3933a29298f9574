// Imports that never lose data (issue 17): a CSV file that leaves out an optional column says
// nothing about it, so a record already held keeps what is stored when the updates are applied;
// only a column the file has changes it (README "CSV import"). On a real SQLite file and, under
// `npm run test:pg`, on the shared PostgreSQL database. Today is 23/11/2026.
import { describe, expect, it } from 'vitest'
import type { IpcResult } from '../../shared/ipc/result'
import { HMP_TESTSHIRE, servicesPerTest, type ServicesHandle } from './helpers'

async function must<T>(r: Promise<IpcResult<T>>): Promise<T> {
  const out = await r
  if (!out.ok) throw new Error(out.error.message)
  return out.data
}

const start = servicesPerTest()

const REQUIRED = 'prison_number,first_name,last_name,date_of_birth,sentence_type,sentence_start_date'
const HELD = { prisonNumber: 'A1234BC', firstName: 'Alex', lastName: 'Testwell', dateOfBirth: '1990-04-01', sentenceType: 'determinate', sentenceStartDate: '2026-09-01' } as const

/** A prisoner with the optional facts recorded: release dates, risk, issue 20's and issue 17's facts. */
async function heldPrisoner(svc: ServicesHandle): Promise<number> {
  await must(svc.call('omu:establishment.setup', HMP_TESTSHIRE))
  const p = await must(
    svc.call('omu:prisoners.create', {
      ...HELD,
      conditionalReleaseDate: '2029-03-01',
      homeDetentionCurfewEligibilityDate: '2028-11-01',
      mappaLevel: 2,
      tier: 'B2',
      roshLevel: 'high',
      careExperienced: true,
      immigrationCase: true,
      arrivalDate: '2026-10-01',
      firstPomAllocatedDate: '2026-09-05',
    }),
  )
  return p.id
}

describe('a prisoner file without an optional column keeps what is recorded (issue 17)', () => {
  it('only the columns in the file change a prisoner already held; the preview names the columns left out', async () => {
    const svc = await start()
    const id = await heldPrisoner(svc)
    const text = [`${REQUIRED},crd`, 'A1234BC,Alex,Testwell,01/04/1990,determinate,01/09/2026,01/06/2029'].join('\n')
    const preview = await must(svc.call('omu:caseImport.preview', { kind: 'prisoners', text }))
    expect(preview.updates).toEqual([{ row: 2, prisonNumber: 'A1234BC', changes: [{ field: 'crd', from: '2029-03-01', to: '2029-06-01' }] }])
    expect(preview.columnsNotInFile).toEqual(expect.arrayContaining(['hdced', 'mappa_level', 'tier', 'rosh', 'care_experienced', 'immigration_case', 'arrival_date', 'first_pom_allocated_date', 'open_conditions', 'thd']))
    expect(preview.columnsNotInFile).not.toContain('crd')
    expect(await must(svc.call('omu:caseImport.commit', { kind: 'prisoners', text, applyUpdates: true }))).toEqual({ created: 0, updated: 1, skipped: 0 })
    const { prisoner } = await must(svc.call('omu:prisoners.get', { prisonerId: id }))
    expect(prisoner).toMatchObject({
      conditionalReleaseDate: '2029-06-01',
      homeDetentionCurfewEligibilityDate: '2028-11-01',
      mappaLevel: 2,
      tier: 'B2',
      roshLevel: 'high',
      careExperienced: true,
      immigrationCase: true,
      arrivalDate: '2026-10-01',
      firstPomAllocatedDate: '2026-09-05',
      status: 'in_custody',
      version: 2,
    })
  })

  it('a file with only the required columns changes nothing: every row is unchanged', async () => {
    const svc = await start()
    await heldPrisoner(svc)
    const text = [REQUIRED, 'A1234BC,Alex,Testwell,01/04/1990,determinate,01/09/2026'].join('\n')
    const preview = await must(svc.call('omu:caseImport.preview', { kind: 'prisoners', text }))
    expect(preview).toMatchObject({ newRows: 0, updates: [], unchanged: 1, problems: [] })
  })

  it('a blank cell keeps what is recorded too (a yes/no column included); a value, no included, changes it', async () => {
    const svc = await start()
    const id = await heldPrisoner(svc)
    const text = [`${REQUIRED},tier,first_pom_allocated_date,immigration_case,care_experienced,status`, 'A1234BC,Alex,Testwell,01/04/1990,determinate,01/09/2026,,,,no,'].join('\n')
    const preview = await must(svc.call('omu:caseImport.preview', { kind: 'prisoners', text }))
    expect(preview.updates).toEqual([{ row: 2, prisonNumber: 'A1234BC', changes: [{ field: 'care_experienced', from: 'yes', to: 'no' }] }])
    await must(svc.call('omu:caseImport.commit', { kind: 'prisoners', text, applyUpdates: true }))
    const { prisoner } = await must(svc.call('omu:prisoners.get', { prisonerId: id }))
    expect(prisoner).toMatchObject({ tier: 'B2', firstPomAllocatedDate: '2026-09-05', immigrationCase: true, careExperienced: false, status: 'in_custody' })
  })

  it('a released prisoner in a file without the status column stays released, with the day they were released', async () => {
    const svc = await start()
    const id = await heldPrisoner(svc)
    const read = await must(svc.call('omu:prisoners.get', { prisonerId: id }))
    await must(svc.call('omu:prisoners.update', { prisonerId: id, version: read.prisoner.version, fields: { ...HELD, status: 'released' } }))
    const text = [`${REQUIRED},crd`, 'A1234BC,Alex,Testwell,01/04/1990,determinate,01/09/2026,01/06/2029'].join('\n')
    await must(svc.call('omu:caseImport.commit', { kind: 'prisoners', text, applyUpdates: true }))
    const { prisoner } = await must(svc.call('omu:prisoners.get', { prisonerId: id }))
    expect(prisoner).toMatchObject({ status: 'released', releasedOn: '2026-11-23', conditionalReleaseDate: '2029-06-01' })
  })

  it('a new prisoner takes the defaults for the columns left out', async () => {
    const svc = await start()
    await must(svc.call('omu:establishment.setup', HMP_TESTSHIRE))
    const text = [REQUIRED, 'B2345CD,Sam,Samplewood,01/01/1988,determinate,20/10/2026'].join('\n')
    expect(await must(svc.call('omu:caseImport.commit', { kind: 'prisoners', text }))).toEqual({ created: 1, updated: 0, skipped: 0 })
    const list = await must(svc.call('omu:caseload.list', { pomId: null }))
    const { prisoner } = await must(svc.call('omu:prisoners.get', { prisonerId: list.rows[0]?.prisonerId ?? 0 }))
    expect(prisoner).toMatchObject({ tier: null, immigrationCase: false, firstPomAllocatedDate: null, status: 'in_custody' })
  })
})

describe('a COM details file without an optional column keeps what is recorded (issue 17)', () => {
  it('details whose columns the file leaves out, and blank cells, keep what is recorded', async () => {
    const svc = await start()
    const id = await heldPrisoner(svc)
    await must(
      svc.call('omu:handover.saveDetails', {
        prisonerId: id,
        expectedVersion: null,
        comName: 'Old Com',
        comEmail: 'old.com@justice.gov.uk',
        comPhone: '01632 960001',
        ldu: 'Testshire North',
        comAllocatedOn: '2026-11-02',
        vloName: 'Val Lo',
      }),
    )
    const text = ['prison_number,com_name,ldu', 'A1234BC,New Com,'].join('\n')
    const preview = await must(svc.call('omu:caseImport.preview', { kind: 'comDetails', text }))
    expect(preview.updates).toEqual([{ row: 2, prisonNumber: 'A1234BC', changes: [{ field: 'com_name', from: 'Old Com', to: 'New Com' }] }])
    expect(preview.columnsNotInFile).toEqual(['com_email', 'com_phone', 'com_team', 'pdu', 'ldu_email', 'com_allocated_date', 'vlo_name', 'vlo_contact', 'vlo_last_contact_date'])
    expect(await must(svc.call('omu:caseImport.commit', { kind: 'comDetails', text, applyUpdates: true }))).toEqual({ created: 0, updated: 1, skipped: 0 })
    const { details } = await must(svc.call('omu:handover.get', { prisonerId: id }))
    expect(details).toMatchObject({ comName: 'New Com', comEmail: 'old.com@justice.gov.uk', comPhone: '01632 960001', ldu: 'Testshire North', comAllocatedOn: '2026-11-02', vloName: 'Val Lo' })
  })
})
