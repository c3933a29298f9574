import fs from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { HMP_TESTSHIRE, startTestServices, type ServicesHandle } from './helpers'

let svc: ServicesHandle
afterEach(() => svc?.cleanup())

const HEADER = 'prison_number,first_name,last_name,date_of_birth,sentence_type,sentence_start_date,crd,mappa_level,tier'
const GOOD = [
  'A1111AA,Alex,Testwell,1990-04-01,determinate,2025-01-10,2028-01-10,1,B2',
  'A2222BB,Sam,Samplewood,02/03/1985,indeterminate,2024-05-01,,,C1',
]
const BAD = [
  '1111,Jo,Demoford,1990-04-01,determinate,2025-01-10,2028-01-10,1,B2', // bad prison number
  'A3333CC,Chris,Fictionby,1990-02-30,determinate,2025-01-10,2028-01-10,1,B2', // impossible date
  'A4444DD,=cmd|calc,Mockridge,1990-04-01,determinate,2025-01-10,2028-01-10,7,B2', // formula + MAPPA 7
  'A1111AA,Alex,Again,1990-04-01,determinate,2025-01-10,2028-01-10,1,B2', // duplicate in file
]

async function start(): Promise<void> {
  svc = await startTestServices({ now: new Date('2026-11-23T10:00:00Z') })
  await svc.call('omu:establishment.setup', HMP_TESTSHIRE)
}

async function prisonerCount(): Promise<number> {
  const r = await svc.call('omu:caseload.list', { pomId: null })
  return r.ok ? r.data.rows.length : -1
}

describe('CSV import of prisoners (issue 5)', () => {
  it('the whole file is checked: every bad row is listed with its column and reason, and nothing is written', async () => {
    await start()
    const text = [HEADER, ...GOOD, ...BAD].join('\n')
    const r = await svc.call('omu:caseImport.preview', { kind: 'prisoners', text })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.data.totalRows).toBe(6)
    expect(r.data.newRows).toBe(2)
    expect(r.data.problems.map((p) => [p.row, p.column])).toEqual([
      [4, 'prison_number'],
      [5, 'date_of_birth'],
      [6, 'first_name'],
      [6, 'mappa_level'],
      [7, 'prison_number'],
    ])
    expect(r.data.problems[4]?.reason).toContain('already in row 2')
    expect(await prisonerCount()).toBe(0)
  })

  it('confirming writes only the good rows, in one go; DD/MM/YYYY dates are read as en-GB', async () => {
    await start()
    const text = [HEADER, ...GOOD, ...BAD].join('\r\n')
    const r = await svc.call('omu:caseImport.commit', { kind: 'prisoners', text })
    expect(r).toEqual({ ok: true, data: { created: 2, updated: 0, skipped: 4 } })
    const list = await svc.call('omu:caseload.list', { pomId: null })
    expect(list.ok && list.data.rows.map((row) => row.prisonNumber).sort()).toEqual(['A1111AA', 'A2222BB'])
    const sam = list.ok ? list.data.rows.find((row) => row.prisonNumber === 'A2222BB') : undefined
    const d = await svc.call('omu:prisoners.get', { prisonerId: sam?.prisonerId ?? 0 })
    expect(d.ok && d.data.prisoner.dateOfBirth).toBe('1985-03-02')
  })

  it('a prison number already held shows the differences and updates only when the user says so', async () => {
    await start()
    await svc.call('omu:caseImport.commit', { kind: 'prisoners', text: [HEADER, ...GOOD].join('\n') })
    const changed = [HEADER, 'A1111AA,Alex,Testwell,1990-04-01,determinate,2025-01-10,2028-06-10,2,B2', GOOD[1]].join('\n')
    const p = await svc.call('omu:caseImport.preview', { kind: 'prisoners', text: changed })
    expect(p.ok && p.data.updates).toEqual([
      { row: 2, prisonNumber: 'A1111AA', changes: [ { field: 'crd', from: '2028-01-10', to: '2028-06-10' }, { field: 'mappa_level', from: '1', to: '2' } ] },
    ])
    expect(p.ok && p.data.unchanged).toBe(1)
    expect(await svc.call('omu:caseImport.commit', { kind: 'prisoners', text: changed })).toEqual({ ok: true, data: { created: 0, updated: 0, skipped: 2 } })
    expect(await svc.call('omu:caseImport.commit', { kind: 'prisoners', text: changed, applyUpdates: true })).toEqual({ ok: true, data: { created: 0, updated: 1, skipped: 1 } })
    const list = await svc.call('omu:caseload.list', { pomId: null })
    const alex = list.ok ? list.data.rows.find((row) => row.prisonNumber === 'A1111AA') : undefined
    const d = await svc.call('omu:prisoners.get', { prisonerId: alex?.prisonerId ?? 0 })
    expect(d.ok && d.data.prisoner).toMatchObject({ conditionalReleaseDate: '2028-06-10', mappaLevel: 2, version: 2 })
  })

  it.each([
    ['a missing required column', 'prison_number,first_name\nA1111AA,Alex', 'date_of_birth'],
    ['an unknown column', `${HEADER},shoe_size\n${GOOD[0]},9`, 'Unknown column'],
    ['a wrongly encoded file', `${HEADER}\nA1111AA,Ren\uFFFDe,Testwell,1990-04-01,determinate,2025-01-10,2028-01-10,1,B2`, 'UTF-8'],
    ['a truncated file ending inside a quote', `${HEADER}\n${GOOD[0]}\nA2222BB,"Sam,Samplewood`, 'could not be read'],
    ['a row with too few values', `${HEADER}\nA1111AA,Alex`, 'values but the header has'],
  ])('%s is reported in plain words', async (_label, text, expected) => {
    await start()
    const r = await svc.call('omu:caseImport.preview', { kind: 'prisoners', text })
    expect(r.ok && r.data.problems.map((p) => p.reason).join(' ')).toContain(expected)
  })

  it('a file over 10 MB is refused before it is parsed', async () => {
    await start()
    const r = await svc.call('omu:caseImport.preview', { kind: 'prisoners', text: `${HEADER}\n${'x'.repeat(10_000_001)}` })
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'text' } })
    expect(r.ok ? '' : r.error.message).toContain('10 MB')
  })

  it('the template holds the documented columns and an example row that itself imports cleanly', async () => {
    await start()
    const saved = await svc.call('omu:caseImport.saveTemplate', { kind: 'prisoners' })
    expect(saved.ok && saved.data?.path).toMatch(/omu-prisoners-template\.csv$/)
    const text = fs.readFileSync(saved.ok && saved.data ? saved.data.path : '', 'utf8')
    expect(text.split('\r\n')[0]).toContain('prison_number,first_name,last_name,date_of_birth')
    const p = await svc.call('omu:caseImport.preview', { kind: 'prisoners', text })
    expect(p.ok && p.data).toMatchObject({ newRows: 1, problems: [] })
  })
})

describe('CSV import of sessions', () => {
  it('sessions for known prisoners import; unknown prisoners and duplicates are reported or skipped', async () => {
    await start()
    await svc.call('omu:caseImport.commit', { kind: 'prisoners', text: [HEADER, ...GOOD].join('\n') })
    const text = [
      'prison_number,date,in_person,mode,duration_minutes,notes,sensitive,recorded_on',
      'A1111AA,2026-11-02,yes,wing_interview_room,45,Reviewed plan,no,2026-11-02',
      'A1111AA,2026-11-03,yes,video,30,,no,',
      'Z9999ZZ,2026-11-02,yes,wing_interview_room,45,,no,',
      'A2222BB,2026-11-04,no,in_cell_telephony,20,"Call, brief",yes,2026-11-05',
    ].join('\n')
    const p = await svc.call('omu:caseImport.preview', { kind: 'sessions', text })
    expect(p.ok && p.data.problems.map((x) => [x.row, x.column])).toEqual([
      [3, 'in_person'],
      [4, 'prison_number'],
    ])
    expect(await svc.call('omu:caseImport.commit', { kind: 'sessions', text })).toEqual({ ok: true, data: { created: 2, updated: 0, skipped: 2 } })
    // Importing the same file again adds nothing: the sessions are already held.
    const again = await svc.call('omu:caseImport.preview', { kind: 'sessions', text })
    expect(again.ok && again.data).toMatchObject({ newRows: 0, unchanged: 2 })
  })
})
