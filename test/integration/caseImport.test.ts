import fs from 'node:fs'
import { and, eq } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { auditLog } from '../../db/schema'
import { OFF_THREAD_FROM, parseOffThread } from '../../electron/services/parseOffThread'
import { HMP_TESTSHIRE, readStore, startTestServices, type ServicesHandle } from './helpers'

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

// Issue 17 (../shared/specs/mpc-rules.md F): the facts the store adds are optional columns, read
// by the same rules as the prisoner form (dates dd/mm/yyyy, not before the sentence start; yes/no),
// and a column left out or a blank cell keeps what is recorded.
describe('CSV import of the spec F facts (SED, LED, post-recall release, actual parole, enhanced resourcing)', () => {
  const F_HEADER = `${HEADER},sed,led,post_recall_release_date,actual_parole_date,enhanced_resourcing`

  async function factsOf(prisonNumber: string) {
    const list = await svc.call('omu:caseload.list', { pomId: null })
    const row = list.ok ? list.data.rows.find((r) => r.prisonNumber === prisonNumber) : undefined
    const d = await svc.call('omu:prisoners.get', { prisonerId: row?.prisonerId ?? 0 })
    return d.ok ? d.data.prisoner : null
  }

  it('are imported as dates and a tri-state resourcing decision (yes enhanced, no standard, blank not known)', async () => {
    await start()
    const text = [
      F_HEADER,
      'A1111AA,Alex,Testwell,1990-04-01,determinate,2025-01-10,2028-01-10,1,B2,10/01/2031,10/01/2031,,,no',
      'A2222BB,Sam,Samplewood,02/03/1985,indeterminate,2024-05-01,,,C1,,,01/02/2027,15/03/2027,yes',
      'A5555EE,Lee,Leaveblank,1980-01-01,determinate,2025-01-10,2028-01-10,,B1,,,,,',
    ].join('\n')
    expect(await svc.call('omu:caseImport.commit', { kind: 'prisoners', text })).toEqual({ ok: true, data: { created: 3, updated: 0, skipped: 0 } })
    expect(await factsOf('A1111AA')).toMatchObject({ sentenceExpiryDate: '2031-01-10', licenceExpiryDate: '2031-01-10', postRecallReleaseDate: null, actualParoleDate: null, enhancedResourcing: false })
    expect(await factsOf('A2222BB')).toMatchObject({ sentenceExpiryDate: null, postRecallReleaseDate: '2027-02-01', actualParoleDate: '2027-03-15', enhancedResourcing: true })
    expect(await factsOf('A5555EE')).toMatchObject({ sentenceExpiryDate: null, licenceExpiryDate: null, enhancedResourcing: null })
  })

  it('a bad cell is reported with its row and column, and nothing is written', async () => {
    await start()
    const text = [
      F_HEADER,
      'A1111AA,Alex,Testwell,1990-04-01,determinate,2025-01-10,2028-01-10,1,B2,31/02/2031,,,,',
      'A2222BB,Sam,Samplewood,02/03/1985,determinate,2024-05-01,2027-01-01,,C1,,2020-01-01,,,',
      'A5555EE,Lee,Leaveblank,1980-01-01,determinate,2025-01-10,2028-01-10,,B1,,,,,maybe',
    ].join('\n')
    const r = await svc.call('omu:caseImport.preview', { kind: 'prisoners', text })
    const problems = r.ok ? r.data.problems.map((p) => [p.row, p.column]) : []
    expect(problems).toEqual([
      [2, 'sed'],
      [3, 'led'],
      [4, 'enhanced_resourcing'],
    ])
    expect(r.ok && r.data.problems[1]?.reason).toMatch(/before the sentence start/)
    expect(await svc.call('omu:caseImport.commit', { kind: 'prisoners', text })).toMatchObject({ ok: true, data: { created: 0 } })
    expect(await prisonerCount()).toBe(0)
  })

  it('an update keeps a recorded "not known" or decision when the cell is blank, and shows a change from not known to standard', async () => {
    await start()
    await svc.call('omu:caseImport.commit', { kind: 'prisoners', text: [F_HEADER, 'A1111AA,Alex,Testwell,1990-04-01,determinate,2025-01-10,2028-01-10,1,B2,,,,,yes', 'A2222BB,Sam,Samplewood,02/03/1985,determinate,2024-05-01,2027-01-01,,C1,,,,,'].join('\n') })
    const again = [F_HEADER, 'A1111AA,Alex,Testwell,1990-04-01,determinate,2025-01-10,2028-01-10,1,B2,,,,,', 'A2222BB,Sam,Samplewood,02/03/1985,determinate,2024-05-01,2027-01-01,,C1,,,,,no'].join('\n')
    const p = await svc.call('omu:caseImport.preview', { kind: 'prisoners', text: again })
    expect(p.ok && p.data.updates).toEqual([{ row: 3, prisonNumber: 'A2222BB', changes: [{ field: 'enhanced_resourcing', from: '(blank)', to: 'no' }] }])
    await svc.call('omu:caseImport.commit', { kind: 'prisoners', text: again, applyUpdates: true })
    expect(await factsOf('A1111AA')).toMatchObject({ enhancedResourcing: true })
    expect(await factsOf('A2222BB')).toMatchObject({ enhancedResourcing: false })
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

describe('CSV import: input and records (issue 15)', () => {
  const auditOf = (channel: string) =>
    readStore(svc, (c) => c.db.select({ entity: auditLog.entity, entityId: auditLog.entityId, before: auditLog.before, after: auditLog.after }).from(auditLog).where(eq(auditLog.channel, channel)).orderBy(auditLog.id).all())

  it('a file naming a column twice is refused in a plain sentence, whatever the case or spacing', async () => {
    await start()
    const text = [`${HEADER},First Name`, `${GOOD[0]},Alexandra`].join('\n')
    const r = await svc.call('omu:caseImport.preview', { kind: 'prisoners', text })
    expect(r.ok && r.data.newRows).toBe(0)
    expect(r.ok && r.data.problems).toEqual([{ row: 1, column: 'First Name', reason: 'The column "first_name" appears twice (columns 2 and 10). Keep one of them and import the file again.' }])
    expect(await svc.call('omu:caseImport.commit', { kind: 'prisoners', text })).toEqual({ ok: true, data: { created: 0, updated: 0, skipped: 1 } })
    expect(await prisonerCount()).toBe(0)
  })

  it('an unclosed quote is reported on its row and the rows after it are still read and counted', async () => {
    await start()
    const text = [
      HEADER,
      GOOD[0],
      'A5555EE,"Jo,Demoford,1990-04-01,determinate,2025-01-10,2028-01-10,1,B2', // quote never closed
      GOOD[1],
      'A6666FF,"Ren"e,Fictionby,1990-04-01,determinate,2025-01-10,2028-01-10,1,B2', // closed in the wrong place
      'A7777GG,"Kim ""KJ""","Mock, Ridge",1990-04-01,determinate,2025-01-10,2028-01-10,1,B2', // quoted properly
    ].join('\r\n')
    const r = await svc.call('omu:caseImport.preview', { kind: 'prisoners', text })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    // Five data rows in the file: five in the preview (three to import, two reported).
    expect(r.data.totalRows).toBe(5)
    expect(r.data.newRows).toBe(3)
    expect(r.data.problems.map((p) => [p.row, p.column])).toEqual([
      [3, null],
      [5, null],
    ])
    expect(r.data.problems[0]?.reason).toContain('a quote (") in it is not closed')
    expect(await svc.call('omu:caseImport.commit', { kind: 'prisoners', text })).toEqual({ ok: true, data: { created: 3, updated: 0, skipped: 2 } })
    const list = await svc.call('omu:caseload.list', { pomId: null })
    expect(list.ok && list.data.rows.map((row) => row.name).sort()).toEqual(['MOCK, RIDGE, Kim "KJ"', 'SAMPLEWOOD, Sam', 'TESTWELL, Alex'])
  })

  it('every prisoner the import creates or changes has an audit row of its own, with before and after', async () => {
    await start()
    await svc.call('omu:caseImport.commit', { kind: 'prisoners', text: [HEADER, GOOD[0]].join('\n') })
    const created = await auditOf('omu:caseImport.commit')
    expect(created).toHaveLength(1)
    expect(created[0]).toMatchObject({ entity: 'prisoner', before: null })
    expect(JSON.parse(created[0]!.after!)).toMatchObject({ prisonNumber: 'A1111AA', firstName: 'Alex', conditionalReleaseDate: '2028-01-10' })
    const changed = [HEADER, 'A1111AA,Alex,Testwell,1990-04-01,determinate,2025-01-10,2028-06-10,2,B2', GOOD[1]].join('\n')
    expect(await svc.call('omu:caseImport.commit', { kind: 'prisoners', text: changed, applyUpdates: true })).toEqual({ ok: true, data: { created: 1, updated: 1, skipped: 0 } })
    const rows = (await auditOf('omu:caseImport.commit')).slice(1)
    expect(rows).toHaveLength(2)
    const update = rows.find((a) => a.before !== null)!
    expect(update.entityId).toBe(created[0]!.entityId)
    expect(JSON.parse(update.before!)).toMatchObject({ prisonNumber: 'A1111AA', conditionalReleaseDate: '2028-01-10', mappaLevel: 1, version: 1 })
    expect(JSON.parse(update.after!)).toMatchObject({ prisonNumber: 'A1111AA', conditionalReleaseDate: '2028-06-10', mappaLevel: 2, version: 2 })
    const fresh = rows.find((a) => a.before === null)!
    expect(JSON.parse(fresh.after!)).toMatchObject({ prisonNumber: 'A2222BB', dateOfBirth: '1985-03-02' })
    // A session import files each session under its prisoner, as recording one does.
    const sessions = ['prison_number,date,in_person,mode,duration_minutes', 'A1111AA,2026-11-02,yes,wing_interview_room,45', 'A2222BB,2026-11-03,no,video,30'].join('\n')
    expect(await svc.call('omu:caseImport.commit', { kind: 'sessions', text: sessions })).toMatchObject({ ok: true, data: { created: 2 } })
    const filed = await readStore(svc, (c) =>
      c.db.select({ entityId: auditLog.entityId, after: auditLog.after }).from(auditLog).where(and(eq(auditLog.channel, 'omu:caseImport.commit'), eq(auditLog.entity, 'prisoner'))).orderBy(auditLog.id).all(),
    )
    expect(filed.slice(3).map((a) => [a.entityId, (JSON.parse(a.after!) as { session: { date: string } }).session.date])).toEqual([
      [created[0]!.entityId, '2026-11-02'],
      [fresh.entityId, '2026-11-03'],
    ])
  })

  it('a large file is parsed in a worker: the main thread keeps running timers while it is read', async () => {
    await start()
    // About 9 MB: near the 10 MB limit, so over the worker's threshold and long enough to parse to notice.
    const rows: string[] = []
    const letter = (n: number) => String.fromCharCode(65 + (n % 26))
    const line = (i: number) => `A${String(i % 10000).padStart(4, '0')}${letter(Math.floor(i / 10000))}${letter(Math.floor(i / 260000))},Alex,Testwell,1990-04-01,determinate,2025-01-10,2028-01-10,1,B2`
    for (let i = 0; i < 110_000; i++) rows.push(line(i))
    rows.splice(50_000, 0, 'A0000ZZ,"Jo,Demoford,1990-04-01,determinate,2025-01-10,2028-01-10,1,B2')
    const text = [HEADER, ...rows].join('\n')
    expect(text.length).toBeGreaterThan(OFF_THREAD_FROM)
    let ticks = 0
    let longestGap = 0
    let last = performance.now()
    const timer = setInterval(() => {
      const t = performance.now()
      longestGap = Math.max(longestGap, t - last)
      last = t
      ticks++
    }, 10)
    let parsed: Awaited<ReturnType<typeof parseOffThread<{ task: 'csv'; kind: 'prisoners'; text: string }>>>
    try {
      parsed = await parseOffThread({ task: 'csv', kind: 'prisoners', text })
    } finally {
      clearInterval(timer)
    }
    expect(parsed.dataRows).toBe(110_001)
    expect(parsed.problems.map((p) => p.row)).toEqual([50_002])
    // The timer fired all along (an event loop blocked by the parse would show one long gap).
    expect(ticks).toBeGreaterThan(5)
    expect(longestGap).toBeLessThan(250)
    // The same file through the channel: the preview counts every row.
    const r = await svc.call('omu:caseImport.preview', { kind: 'prisoners', text })
    expect(r.ok && r.data.totalRows).toBe(110_001)
  }, 120_000)
})
