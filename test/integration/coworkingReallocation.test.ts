// Issue 17 on both backends (the same file runs under `npm run test:pg` on a real PostgreSQL server):
// the sentence's first POM allocation drives the start-of-custody minimum (seed 003 Annex B "Start
// custodial sentence"); a co-working second POM per case; bulk reallocation of a POM's cases, all
// or nothing and audited case by case.
import { and, eq } from 'drizzle-orm'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { allocation, auditLog } from '../../db/schema'
import type { IpcResult } from '../../shared/ipc/result'
import { usePostgres } from '../pg/workers'
import { HMP_TESTSHIRE, readStore, startTestServices, TEST_PASSWORD, TEST_PRISONER, type ServicesHandle } from './helpers'

let svc: ServicesHandle
afterEach(() => svc?.cleanup())

async function must<T>(r: Promise<IpcResult<T>>): Promise<T> {
  const out = await r
  if (!out.ok) throw new Error(out.error.message)
  return out.data
}

interface Setup {
  pat: number
  kit: number
  sam: number
  cases: number[]
}

/** Three POMs; three cases allocated to Pat on 10/09/2026 (today is 23/11/2026). */
async function setUp(): Promise<Setup> {
  svc = await startTestServices({ now: new Date('2026-11-23T10:00:00Z') })
  await must(svc.call('omu:establishment.setup', HMP_TESTSHIRE))
  const pat = (await must(svc.call('omu:staff.save', { name: 'Pat Pom', role: 'prison_pom' }))).id
  const kit = (await must(svc.call('omu:staff.save', { name: 'Kit Pom', role: 'probation_pom' }))).id
  const sam = (await must(svc.call('omu:staff.save', { name: 'Sam Pom', role: 'prison_pom' }))).id
  const cases: number[] = []
  for (const [n, first] of [['A1111AA', 'Alex'], ['B2222BB', 'Bo'], ['C3333CC', 'Cy']] as const) {
    const p = await must(svc.call('omu:prisoners.create', { ...TEST_PRISONER, prisonNumber: n, firstName: first }))
    await must(svc.call('omu:allocations.allocate', { prisonerId: p.id, staffId: pat, startDate: '2026-09-10' }))
    cases.push(p.id)
  }
  return { pat, kit, sam, cases }
}

const auditRows = (channel: string) =>
  readStore(svc, (c) => c.db.select({ entity: auditLog.entity, entityId: auditLog.entityId, before: auditLog.before, after: auditLog.after }).from(auditLog).where(and(eq(auditLog.channel, channel))).orderBy(auditLog.id).all())

async function currentPom(prisonerId: number): Promise<number | null> {
  const d = await must(svc.call('omu:prisoners.get', { prisonerId }))
  return d.allocations.find((a) => a.endDate === null)?.staffId ?? null
}

describe('first POM allocation drives start of custody (issue 17; seed 003 Annex B "Start custodial sentence")', () => {
  // Arrived Mon 2 Nov 2026: the transfer minimum fell due on Fri 20 Nov (14 working days), overdue today.
  const TRANSFERRED = { ...TEST_PRISONER, prisonNumber: 'D4444DD', arrivalDate: '2026-11-02' }

  it('a case that arrived on transfer has no start-of-custody minimum until its first allocation date is recorded, then counts from it', async () => {
    const { pat } = await setUp()
    const p = await must(svc.call('omu:prisoners.create', TRANSFERRED))
    await must(svc.call('omu:allocations.allocate', { prisonerId: p.id, staffId: pat, startDate: '2026-11-03' }))
    const before = await must(svc.call('omu:prisoners.get', { prisonerId: p.id }))
    expect(before.evaluation?.minima.map((m) => [m.rule, m.status])).toEqual([
      ['start_of_custody', 'not_applicable'],
      ['pre_handover', 'due'],
      ['transfer_arrival', 'overdue'],
    ])

    const updated = await must(svc.call('omu:prisoners.update', { prisonerId: p.id, version: p.version, fields: { ...TRANSFERRED, firstPomAllocatedDate: '2026-09-05' } }))
    expect(updated.firstPomAllocatedDate).toBe('2026-09-05')
    const after = await must(svc.call('omu:prisoners.get', { prisonerId: p.id }))
    // 5 Sep 2026 + 84 days = 28 Nov 2026: still due today (23 Nov).
    expect(after.evaluation?.minima[0]).toMatchObject({ rule: 'start_of_custody', windowStart: '2026-09-05', dueBy: '2026-11-28', status: 'due' })
    // The caseload (served from the case cache) reads the change too.
    const row = (await must(svc.call('omu:caseload.list', { pomId: pat }))).rows.find((r) => r.prisonerId === p.id)
    expect(row?.status).toBe('overdue') // the transfer minimum is overdue; the headline is the worst
    expect(row?.next).toMatchObject({ rule: 'transfer_arrival' })
  })

  it('a first allocation date in the future is refused, naming the field', async () => {
    await setUp()
    const r = await svc.call('omu:prisoners.create', { ...TRANSFERRED, firstPomAllocatedDate: '2026-11-24' })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.field).toBe('firstPomAllocatedDate')
  })

  it('the prisoner CSV import takes the optional first_pom_allocated_date column, all or nothing as the other columns', async () => {
    await setUp()
    const header = 'prison_number,first_name,last_name,date_of_birth,sentence_type,sentence_start_date,arrival_date,first_pom_allocated_date'
    const bad = [header, 'E5555EE,Eve,Example,1990-04-01,determinate,2026-09-01,2026-10-01,05/09/2026', 'F6666FF,Fay,Example,1990-04-01,determinate,2026-09-01,,31/02/2026'].join('\n')
    const preview = await must(svc.call('omu:caseImport.preview', { kind: 'prisoners', text: bad }))
    expect(preview.problems).toEqual([expect.objectContaining({ row: 3, column: 'first_pom_allocated_date' })])
    await must(svc.call('omu:caseImport.commit', { kind: 'prisoners', text: bad }))
    const list = await must(svc.call('omu:caseload.list', { pomId: null }))
    const eve = list.rows.find((r) => r.prisonNumber === 'E5555EE')
    expect(list.rows.some((r) => r.prisonNumber === 'F6666FF')).toBe(false)
    const d = await must(svc.call('omu:prisoners.get', { prisonerId: eve?.prisonerId ?? 0 }))
    expect(d.prisoner.firstPomAllocatedDate).toBe('2026-09-05')
    expect(d.evaluation?.minima[0]).toMatchObject({ windowStart: '2026-09-05', status: 'due' })
  })
})

describe('co-working second POM (issue 17)', () => {
  it('is stored, shown on the case and in the co-worker’s caseload marked co-working, while the minima stay the allocated POM’s', async () => {
    const { pat, kit, cases } = await setUp()
    const [alex] = cases as [number]
    const made = await must(svc.call('omu:coworking.assign', { prisonerId: alex, staffId: kit, startDate: '2026-11-01', reason: 'Complex case' }))
    expect(made.endedCoWorkingId).toBeNull()

    const d = await must(svc.call('omu:prisoners.get', { prisonerId: alex }))
    expect(d.coWorkings).toEqual([expect.objectContaining({ staffId: kit, staffName: 'Kit Pom', startDate: '2026-11-01', endDate: null, reason: 'Complex case' })])

    const kits = await must(svc.call('omu:caseload.list', { pomId: kit }))
    expect(kits.rows.map((r) => [r.prisonerId, r.pomId, r.coWorker?.staffId])).toEqual([[alex, pat, kit]])
    const pats = await must(svc.call('omu:caseload.list', { pomId: pat }))
    expect(pats.rows.find((r) => r.prisonerId === alex)?.coWorker).toEqual({ staffId: kit, name: 'Kit Pom' })
    // The minima are the allocated POM's: the due list files them under Pat alone.
    const due = await must(svc.call('omu:due.overview'))
    expect(due.items.filter((i) => i.prisonerId === alex).every((i) => i.pomId === pat)).toBe(true)
    expect(due.perPom.some((b) => b.pomId === kit)).toBe(false)

    const audits = await auditRows('omu:coworking.assign')
    expect(audits).toEqual([expect.objectContaining({ entity: 'prisoner', entityId: String(alex), before: null })])
  })

  it('refuses the allocated POM as co-worker and an unallocated case, and ending it keeps the history', async () => {
    const { pat, kit } = await setUp()
    const d = await must(svc.call('omu:prisoners.create', { ...TEST_PRISONER, prisonNumber: 'G7777GG' }))
    const unallocated = await svc.call('omu:coworking.assign', { prisonerId: d.id, staffId: kit })
    expect(unallocated.ok).toBe(false)
    await must(svc.call('omu:allocations.allocate', { prisonerId: d.id, staffId: pat, startDate: '2026-09-10' }))
    const self = await svc.call('omu:coworking.assign', { prisonerId: d.id, staffId: pat })
    expect(self.ok ? null : self.error).toMatchObject({ code: 'conflict', field: 'staffId' })

    await must(svc.call('omu:coworking.assign', { prisonerId: d.id, staffId: kit, startDate: '2026-11-01' }))
    await must(svc.call('omu:coworking.end', { prisonerId: d.id, endDate: '2026-11-20' }))
    expect((await must(svc.call('omu:caseload.list', { pomId: kit }))).rows).toEqual([])
    const after = await must(svc.call('omu:prisoners.get', { prisonerId: d.id }))
    expect(after.coWorkings).toEqual([expect.objectContaining({ staffId: kit, endDate: '2026-11-20' })])
    expect(await auditRows('omu:coworking.end')).toHaveLength(1)
  })

  it('allocating the case to its co-working POM ends the co-working (a POM does not co-work their own case)', async () => {
    const { kit, cases } = await setUp()
    const [alex] = cases as [number]
    await must(svc.call('omu:coworking.assign', { prisonerId: alex, staffId: kit, startDate: '2026-11-01' }))
    // Kit is a probation POM; the case (no tier) is recommended a prison POM: issue 17 asks why (spec B4).
    await must(svc.call('omu:allocations.allocate', { prisonerId: alex, staffId: kit, startDate: '2026-11-20', pomTypeReason: 'Kit already co-works the case.' }))
    const d = await must(svc.call('omu:prisoners.get', { prisonerId: alex }))
    expect(d.coWorkings?.[0]).toMatchObject({ staffId: kit, endDate: '2026-11-20' })
    expect((await must(svc.call('omu:caseload.list', { pomId: kit }))).rows.map((r) => [r.pomId, r.coWorker ?? null])).toEqual([[kit, null]])
  })
})

describe('bulk reallocation of a POM’s cases (issue 17)', () => {
  it('the preview shows each case, from and to, and changes nothing', async () => {
    const { pat, kit, sam, cases } = await setUp()
    const [a, b, c] = cases as [number, number, number]
    const moves = [
      { prisonerId: a, toStaffId: kit },
      { prisonerId: b, toStaffId: kit },
      { prisonerId: c, toStaffId: sam },
    ]
    const preview = await must(svc.call('omu:reallocation.preview', { fromStaffId: pat, moves }))
    expect(preview.problems).toEqual([])
    expect(preview.startDate).toBe('2026-11-23')
    expect(preview.lines.map((l) => [l.name, l.fromName, l.toName])).toEqual([
      ['TESTWELL, Alex', 'Pat Pom', 'Kit Pom'],
      ['TESTWELL, Bo', 'Pat Pom', 'Kit Pom'],
      ['TESTWELL, Cy', 'Pat Pom', 'Sam Pom'],
    ])
    expect(await Promise.all(cases.map(currentPom))).toEqual([pat, pat, pat])
  })

  it('applies every case in one go, each audited on its own, and ends a co-working whose POM takes the case', async () => {
    const { pat, kit, sam, cases } = await setUp()
    const [a, b, c] = cases as [number, number, number]
    await must(svc.call('omu:coworking.assign', { prisonerId: a, staffId: kit, startDate: '2026-11-01' }))
    // Kit is a probation POM where a prison POM is recommended: the reason spec B4 asks for.
    const moves = [
      { prisonerId: a, toStaffId: kit, pomTypeReason: 'Kit already co-works the case.' },
      { prisonerId: b, toStaffId: sam },
      { prisonerId: c, toStaffId: sam },
    ]
    const preview = await must(svc.call('omu:reallocation.preview', { fromStaffId: pat, moves }))
    expect(preview.lines.map((l) => l.endsCoWorking)).toEqual([true, false, false])
    const done = await must(svc.call('omu:reallocation.apply', { fromStaffId: pat, moves, startDate: '2026-11-20', reason: 'Pat on long-term leave' }))
    expect(done.reallocated).toBe(3)
    expect(await Promise.all(cases.map(currentPom))).toEqual([kit, sam, sam])
    const audits = await auditRows('omu:reallocation.apply')
    expect(audits.map((r) => [r.entity, r.entityId])).toEqual(cases.map((id) => ['prisoner', String(id)]))
    const d = await must(svc.call('omu:prisoners.get', { prisonerId: a }))
    expect(d.allocations.map((x) => [x.staffId, x.startDate, x.endDate])).toEqual([
      [kit, '2026-11-20', null],
      [pat, '2026-09-10', '2026-11-20'],
    ])
    expect(d.coWorkings?.[0]).toMatchObject({ staffId: kit, endDate: '2026-11-20' })
    expect((await must(svc.call('omu:caseload.list', { pomId: pat }))).rows).toEqual([])
  })

  it('a reallocation dated before the co-working began ends the co-working on the day it began, never before (as allocations.allocate)', async () => {
    const { pat, kit, cases } = await setUp()
    const [a] = cases as [number]
    await must(svc.call('omu:coworking.assign', { prisonerId: a, staffId: kit, startDate: '2026-11-18' }))
    const moves = [{ prisonerId: a, toStaffId: kit, pomTypeReason: 'Kit already co-works the case.' }]
    await must(svc.call('omu:reallocation.apply', { fromStaffId: pat, moves, startDate: '2026-11-10', reason: 'Pat on long-term leave' }))
    const d = await must(svc.call('omu:prisoners.get', { prisonerId: a }))
    expect(d.allocations[0]).toMatchObject({ staffId: kit, startDate: '2026-11-10', endDate: null })
    expect(d.coWorkings?.[0]).toMatchObject({ staffId: kit, startDate: '2026-11-18', endDate: '2026-11-18' })
  })

  it('is all or nothing: one case that cannot move stops every case, in a sentence, with nothing written', async () => {
    const { pat, kit, sam, cases } = await setUp()
    const [a, b, c] = cases as [number, number, number]
    // Cy was moved to Sam since the list was read; Kit has left.
    await must(svc.call('omu:allocations.allocate', { prisonerId: c, staffId: sam, startDate: '2026-11-01' }))
    const moves = [
      { prisonerId: a, toStaffId: sam },
      { prisonerId: b, toStaffId: sam },
      { prisonerId: c, toStaffId: sam },
    ]
    const preview = await must(svc.call('omu:reallocation.preview', { fromStaffId: pat, moves }))
    expect(preview.problems).toEqual([{ prisonerId: c, message: 'TESTWELL, Cy is no longer allocated to Pat Pom: reload the list and preview again.' }])
    const refused = await svc.call('omu:reallocation.apply', { fromStaffId: pat, moves })
    expect(refused.ok ? null : refused.error.message).toBe('Nothing was reallocated. TESTWELL, Cy is no longer allocated to Pat Pom: reload the list and preview again.')
    expect(await Promise.all([a, b].map(currentPom))).toEqual([pat, pat])
    expect(await auditRows('omu:reallocation.apply')).toEqual([])

    await must(svc.call('omu:staff.save', { id: kit, name: 'Kit Pom', role: 'probation_pom', active: false }))
    const inactive = await svc.call('omu:reallocation.apply', { fromStaffId: pat, moves: [{ prisonerId: a, toStaffId: kit }] })
    expect(inactive.ok ? null : inactive.error.message).toBe('Nothing was reallocated. TESTWELL, Alex: Kit Pom is inactive: choose an active POM.')
    expect(await currentPom(a)).toBe(pat)
  })

  it('a POM cannot bulk-reallocate (refused by the app, and on the shared database by their own login’s rights)', async () => {
    const { pat, kit, cases } = await setUp()
    await must(svc.call('omu:users.save', { username: 'pat.pom', displayName: 'Pat Pom', role: 'pom', password: TEST_PASSWORD, staffId: pat, yourPassword: TEST_PASSWORD }))
    await must(svc.call('omu:auth.signIn', { username: 'pat.pom', password: TEST_PASSWORD }))
    const moves = [{ prisonerId: cases[0] as number, toStaffId: kit }]
    for (const channel of ['omu:reallocation.preview', 'omu:reallocation.apply', 'omu:coworking.assign']) {
      const r = await svc.call(channel, channel === 'omu:coworking.assign' ? { prisonerId: cases[0], staffId: kit } : { fromStaffId: pat, moves })
      expect(r.ok ? null : r.error.code).toBe('forbidden')
    }
    expect(await currentPom(cases[0] as number)).toBe(pat)

    // On the shared database the POM's own login, used outside the app (psql), is refused the
    // same writes by the server (migrations 0005 and 0012; electron/services/databaseRights.ts).
    if (!usePostgres()) return
    const loc = svc.runtime.storage.kind === 'shared' ? svc.runtime.storage.location : null
    if (!loc) throw new Error('expected the shared database under test:pg')
    const client = new pg.Client({ host: loc.host, port: loc.port, database: loc.database, user: 'pat.pom', password: TEST_PASSWORD })
    await client.connect()
    try {
      for (const sql of [
        `update allocation set end_date = '2026-11-20' where prisoner_id = ${cases[0] as number}`,
        `insert into allocation (prisoner_id, staff_id, start_date, created_at) values (${cases[0] as number}, ${kit}, '2026-11-20', '2026-11-20')`,
        `insert into co_working (prisoner_id, staff_id, start_date, created_at) values (${cases[0] as number}, ${kit}, '2026-11-20', '2026-11-20')`,
      ]) {
        await expect(client.query(sql)).rejects.toMatchObject({ code: '42501' })
      }
    } finally {
      await client.end()
    }
  })
})

describe('bulk reallocation is held to the rules of a single allocation (issue 17)', () => {
  it('the preview shows, per case, the recommended POM type and whether a reason is needed (../shared/specs/mpc-rules.md B4), as allocations.allocate asks', async () => {
    const { pat, kit, sam, cases } = await setUp()
    const [a, b] = cases as [number, number, number]
    const preview = await must(svc.call('omu:reallocation.preview', { fromStaffId: pat, moves: [{ prisonerId: a, toStaffId: kit }, { prisonerId: b, toStaffId: sam }] }))
    expect(preview.problems).toEqual([])
    // The same recommendation the allocation dialog shows for each case (caseWork.recommendPomType).
    const single = await must(svc.call('omu:caseWork.recommendPomType', { prisonerId: a, staffId: kit }))
    expect(preview.lines.map((l) => [l.name, l.recommendedPomType, l.recommendationText, l.pomTypeReasonNeeded, l.toUnavailable])).toEqual([
      ['TESTWELL, Alex', 'prison', single.text, 'Say why you chose a probation POM when a prison POM is recommended.', null],
      ['TESTWELL, Bo', 'prison', expect.any(String), null, null],
    ])
  })

  it('apply refuses the whole request, in a sentence naming the case, while a needed POM-type reason is missing; with it the reason is kept with that allocation and audited with the recommendation', async () => {
    const { pat, kit, sam, cases } = await setUp()
    const [a, b, c] = cases as [number, number, number]
    const moves = [
      { prisonerId: a, toStaffId: kit },
      { prisonerId: b, toStaffId: kit },
      { prisonerId: c, toStaffId: sam },
    ]
    const refused = await svc.call('omu:reallocation.apply', { fromStaffId: pat, moves })
    expect(refused.ok ? null : refused.error).toMatchObject({
      code: 'invalid_input',
      message: 'Nothing was reallocated. TESTWELL, Alex: Say why you chose a probation POM when a prison POM is recommended. One more reason or confirmation is missing: the preview shows each case that needs one.',
    })
    expect(await Promise.all(cases.map(currentPom))).toEqual([pat, pat, pat])
    expect(await auditRows('omu:reallocation.apply')).toEqual([])

    // A blank reason is no reason.
    const blank = await svc.call('omu:reallocation.apply', { fromStaffId: pat, moves: [{ prisonerId: a, toStaffId: kit, pomTypeReason: '   ' }] })
    expect(blank.ok).toBe(false)

    const reasons = [
      { prisonerId: a, toStaffId: kit, pomTypeReason: 'Kit knows the family.' },
      { prisonerId: b, toStaffId: kit, pomTypeReason: 'Kit has worked with Bo before.' },
      // Sam is of the recommended type: a reason sent anyway is not kept (as allocations.allocate).
      { prisonerId: c, toStaffId: sam, pomTypeReason: 'Not needed.' },
    ]
    expect(await must(svc.call('omu:reallocation.apply', { fromStaffId: pat, moves: reasons }))).toMatchObject({ reallocated: 3 })
    expect(await Promise.all(cases.map(currentPom))).toEqual([kit, kit, sam])
    const kept = await readStore(svc, (conn) => conn.db.select({ prisonerId: allocation.prisonerId, pomTypeReason: allocation.pomTypeReason }).from(allocation).where(eq(allocation.startDate, '2026-11-23')).orderBy(allocation.prisonerId).all())
    expect(kept).toEqual([
      { prisonerId: a, pomTypeReason: 'Kit knows the family.' },
      { prisonerId: b, pomTypeReason: 'Kit has worked with Bo before.' },
      { prisonerId: c, pomTypeReason: null },
    ])
    const audits = await auditRows('omu:reallocation.apply')
    expect(audits.map((r) => (JSON.parse(r.after ?? 'null') as { pomTypeRecommendation: unknown }).pomTypeRecommendation)).toEqual([
      { recommendedPomType: 'prison', reasonKey: expect.any(String), overrideRequired: true },
      { recommendedPomType: 'prison', reasonKey: expect.any(String), overrideRequired: true },
      { recommendedPomType: 'prison', reasonKey: expect.any(String), overrideRequired: false },
    ])
  })

  it('a POM away today needs the HOMD’s confirmation: shown in the preview, refused without it in the same sentence allocations.allocate uses, applied with it', async () => {
    const { pat, sam, cases } = await setUp()
    const [a, b] = cases as [number, number, number]
    await must(svc.call('omu:resourcing.savePom', { staffId: sam, band: 4, hoursPerWeek: 37, daysPerWeek: 5, availability: { status: 'unavailable', from: '2026-11-02', to: '2027-01-10', reason: 'Redeployed to the wings' } }))
    const moves = [
      { prisonerId: a, toStaffId: sam },
      { prisonerId: b, toStaffId: sam },
    ]
    const preview = await must(svc.call('omu:reallocation.preview', { fromStaffId: pat, moves }))
    expect(preview.problems).toEqual([])
    expect(preview.lines.map((l) => l.toUnavailable)).toEqual(['unavailable until 10/01/2027', 'unavailable until 10/01/2027'])

    // The single allocation's own refusal, word for word, names the case here.
    const single = await svc.call('omu:allocations.allocate', { prisonerId: a, staffId: sam })
    const sentence = single.ok ? '' : single.error.message
    expect(sentence).toBe('Sam Pom is unavailable until 10/01/2027. Confirm that the case should go to them while they are away, or choose another POM.')
    const refused = await svc.call('omu:reallocation.apply', { fromStaffId: pat, moves: [moves[0], { ...moves[1], confirmUnavailable: true }] })
    expect(refused.ok ? null : refused.error.message).toBe(`Nothing was reallocated. TESTWELL, Alex: ${sentence}`)
    expect(await Promise.all(cases.map(currentPom))).toEqual([pat, pat, pat])

    const done = await must(svc.call('omu:reallocation.apply', { fromStaffId: pat, moves: moves.map((m) => ({ ...m, confirmUnavailable: true })) }))
    expect(done.reallocated).toBe(2)
    expect(await Promise.all(cases.map(currentPom))).toEqual([sam, sam, pat])
    const audits = await auditRows('omu:reallocation.apply')
    expect(audits.map((r) => (JSON.parse(r.after ?? 'null') as { bulkReallocation: unknown }).bulkReallocation)).toEqual([
      { fromStaffId: pat, toStaffId: sam, confirmedUnavailable: 'unavailable until 10/01/2027' },
      { fromStaffId: pat, toStaffId: sam, confirmedUnavailable: 'unavailable until 10/01/2027' },
    ])
  })
})
