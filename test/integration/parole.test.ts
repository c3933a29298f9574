// Parole reviews (issue 17, "Parole") and the handover facts of issue 20, through the real
// dispatcher on a real SQLite file (and, under `npm run test:pg`, on the shared PostgreSQL
// database). Today is 23/11/2026 (helpers.ts); the establishment works under omic2023.
// The rules: ../shared/specs/handover-2023.md (section 3's order, R1-R4, section 6's inputs).
import { afterEach, describe, expect, it } from 'vitest'
import type { IpcResult } from '../../shared/ipc/result'
import { HMP_TESTSHIRE, readStore, startTestServices, TEST_PASSWORD, type ServicesHandle } from './helpers'

async function must<T>(r: Promise<IpcResult<T>>): Promise<T> {
  const out = await r
  if (!out.ok) throw new Error(out.error.message)
  return out.data
}

let svc: ServicesHandle | null = null
afterEach(async () => {
  await svc?.cleanup()
  svc = null
})

/**
 * An ISP (life sentence) whose tariff passed in 2022 and whose hearing of 10/11/2026 awaits its
 * outcome: the release date is that hearing (handover2023.ts, the tariff/hearing choice), so the
 * handover (release − 12 months) was reached on 10/11/2025 and the COM is responsible.
 */
const isp = (prisonNumber: string, lastName: string, mappaLevel: 1 | 2) => ({
  prisonNumber,
  firstName: 'Lee',
  lastName,
  dateOfBirth: '1980-02-01',
  sentenceType: 'indeterminate',
  sentenceStartDate: '2012-03-01',
  tariffDate: '2022-03-01',
  targetHearingDate: '2026-11-10',
  mappaLevel,
})

async function omic2023Establishment(s: ServicesHandle): Promise<number> {
  await must(s.call('omu:establishment.setup', HMP_TESTSHIRE))
  await must(s.call('omu:establishment.update', { policy: 'omic2023', password: TEST_PASSWORD }))
  return (await must(s.call('omu:staff.save', { name: 'Pat Pom', role: 'prison_pom' }))).id
}

/**
 * The handover lists as the Due screen shows them (omu:handover.lists, ../shared/specs/mpc-rules.md
 * A.1; renderer HandoverListsSection): the names on each list.
 */
async function handoverLists(s: ServicesHandle) {
  const l = await must(s.call('omu:handover.lists', { mine: false }))
  const names = (items: { name: string }[]) => items.map((i) => i.name)
  return { upcoming: names(l.upcoming), inProgress: names(l.inProgress), comAllocationOverdue: names(l.comAllocationOverdue), overdueTasks: names(l.overdueTasks), toNotify: names(l.toNotify) }
}

/** The case's row on the parole cases list (omu:parole.cases; renderer ParoleCasesSection), as the screen shows it. */
async function paroleRow(s: ServicesHandle, prisonerId: number) {
  const row = (await must(s.call('omu:parole.cases'))).cases.find((c) => c.prisonerId === prisonerId)
  if (!row) return null
  const { nextHearingDate, lastOutcome, reviews, responsibility, handoverReason } = row
  return { nextHearingDate, lastOutcome, reviews, responsibility, handoverReason }
}

describe('parole reviews feed the omic2023 handover rules (issue 20 "Proof"; handover spec section 6)', () => {
  it('a refusal with the next hearing 14 months away takes an ISP off the handover lists and shows the new hearing and who is responsible on the parole cases list (R2c)', async () => {
    svc = await startTestServices()
    const pomId = await omic2023Establishment(svc)
    // An ISP whose tariff (01/03/2027) is still ahead: the release date the rules use, so the
    // handover (release − 12 months, 01/03/2026) has passed and the COM is responsible, with no COM
    // recorded: on the Due screen's in-progress, COM allocation overdue and overdue tasks lists
    // (spec A3, A5, A4), and, not yet notified, on "to notify" (seed 003 Annex B). Its hearing of
    // 10/11/2026 awaits its outcome.
    const p = await must(svc.call('omu:prisoners.create', { ...isp('A1234BC', 'Refused', 1), tariffDate: '2027-03-01' }))
    await must(svc.call('omu:allocations.allocate', { prisonerId: p.id, staffId: pomId, startDate: '2026-01-05' }))

    const before = await must(svc.call('omu:prisoners.get', { prisonerId: p.id }))
    expect(before.evaluation?.handover).toEqual({ comAllocatedDate: '2026-03-01', comResponsibleDate: '2026-03-01', releaseDate: '2027-03-01', reason: 'indeterminate' })
    expect(await handoverLists(svc)).toEqual({ upcoming: [], inProgress: ['REFUSED, Lee'], comAllocationOverdue: ['REFUSED, Lee'], overdueTasks: ['REFUSED, Lee'], toNotify: ['REFUSED, Lee'] })
    expect(await paroleRow(svc, p.id)).toEqual({ nextHearingDate: '2026-11-10', lastOutcome: null, reviews: 0, responsibility: 'com', handoverReason: 'indeterminate' })

    // 14 months after 23/11/2026: strictly more than 12 months away (spec R2, "far").
    await must(svc.call('omu:parole.add', { prisonerId: p.id, hearingDate: '2026-11-10', outcome: 'refused', outcomeDate: '2026-11-17', nextHearingDate: '2028-01-23' }))

    // R2c: POM responsible with the COM supporting, and no handover dates: on no handover list
    // (spec A: "no handover date means no list").
    const after = await must(svc.call('omu:prisoners.get', { prisonerId: p.id }))
    expect(after.evaluation?.handover).toEqual({ comAllocatedDate: null, comResponsibleDate: null, releaseDate: null, reason: 'thd_over_12_months' })
    expect(await handoverLists(svc)).toEqual({ upcoming: [], inProgress: [], comAllocationOverdue: [], overdueTasks: [], toNotify: [] })
    expect(await paroleRow(svc, p.id)).toEqual({ nextHearingDate: '2028-01-23', lastOutcome: 'refused', reviews: 1, responsibility: 'pom_with_com', handoverReason: 'thd_over_12_months' })
    const row = (await must(svc.call('omu:caseload.list', { pomId: null }))).rows.find((r) => r.prisonerId === p.id)
    expect(row?.responsibility).toBe('pom_with_com')
    expect(await must(svc.call('omu:parole.list', { prisonerId: p.id }))).toMatchObject({ used: { targetHearingDate: '2028-01-23', paroleOutcome: 'not_release' } })
  })

  it('the same refusal with MAPPA level 2 leaves the COM responsible, with no handover dates (R2b)', async () => {
    svc = await startTestServices()
    await omic2023Establishment(svc)
    const p = await must(svc.call('omu:prisoners.create', isp('B2345CD', 'Mappatwo', 2)))
    await must(svc.call('omu:parole.add', { prisonerId: p.id, hearingDate: '2026-11-10', outcome: 'refused', outcomeDate: '2026-11-17', nextHearingDate: '2028-01-23' }))
    const d = await must(svc.call('omu:prisoners.get', { prisonerId: p.id }))
    expect(d.evaluation?.handover.reason).toBe('parole_mappa_2_3')
    expect(d.evaluation?.responsibility).toBe('com')
  })

  it('correcting the next hearing to 10 months away moves the release date with it and brings the handover dates back (spec section 6; R2 boundary not reached)', async () => {
    svc = await startTestServices()
    await omic2023Establishment(svc)
    const p = await must(svc.call('omu:prisoners.create', isp('C3456DE', 'Corrected', 1)))
    const review = await must(svc.call('omu:parole.add', { prisonerId: p.id, hearingDate: '2026-11-10', outcome: 'deferred', outcomeDate: '2026-11-17', nextHearingDate: '2028-01-23' }))
    const corrected = await must(svc.call('omu:parole.correct', { reviewId: review.id, version: review.version, hearingDate: '2026-11-10', outcome: 'deferred', outcomeDate: '2026-11-17', nextHearingDate: '2027-09-23' }))
    expect(corrected.version).toBe(2)
    const d = await must(svc.call('omu:prisoners.get', { prisonerId: p.id }))
    expect(d.evaluation?.handover).toEqual({ comAllocatedDate: '2026-09-23', comResponsibleDate: '2026-09-23', releaseDate: '2027-09-23', reason: 'indeterminate' })
    // A correction naming the version it read before is refused, not applied over the newer one.
    const stale = await svc.call('omu:parole.correct', { reviewId: review.id, version: 1, hearingDate: '2026-11-10', outcome: 'refused', outcomeDate: null, nextHearingDate: null })
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } })
  })

  it('a review is refused in a sentence naming the field when its facts cannot be so, and nothing is written', async () => {
    svc = await startTestServices()
    await omic2023Establishment(svc)
    const p = await must(svc.call('omu:prisoners.create', isp('D4567EF', 'Checked', 1)))
    const release = await svc.call('omu:parole.add', { prisonerId: p.id, hearingDate: '2026-11-10', outcome: 'release', outcomeDate: '2026-11-17', nextHearingDate: '2027-11-10' })
    expect(release).toMatchObject({ ok: false, error: { field: 'nextHearingDate' } })
    const early = await svc.call('omu:parole.add', { prisonerId: p.id, hearingDate: '2011-01-10', outcome: 'refused' })
    expect(early).toMatchObject({ ok: false, error: { field: 'hearingDate' } })
    const future = await svc.call('omu:parole.add', { prisonerId: p.id, hearingDate: '2026-11-10', outcome: 'refused', outcomeDate: '2026-12-01' })
    expect(future).toMatchObject({ ok: false, error: { field: 'outcomeDate' } })
    expect((await must(svc.call('omu:parole.list', { prisonerId: p.id }))).reviews).toEqual([])
  })

  it('only those who may change a case’s facts record parole reviews: a POM is refused', async () => {
    svc = await startTestServices()
    await omic2023Establishment(svc)
    const p = await must(svc.call('omu:prisoners.create', isp('E5678FG', 'Pomtried', 1)))
    await must(svc.call('omu:users.save', { username: 'pat.pom', displayName: 'Pat Pom', role: 'pom', password: TEST_PASSWORD, yourPassword: TEST_PASSWORD }))
    await must(svc.call('omu:auth.signIn', { username: 'pat.pom', password: TEST_PASSWORD }))
    expect(await svc.call('omu:parole.add', { prisonerId: p.id, hearingDate: '2026-11-10', outcome: 'refused' })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect((await must(svc.call('omu:parole.list', { prisonerId: p.id }))).reviews).toEqual([])
  })
})

describe('retention (issue 7) with parole reviews', () => {
  it('a purge removes the person’s parole reviews with the rest of their records', async () => {
    svc = await startTestServices()
    await omic2023Establishment(svc)
    const p = await must(svc.call('omu:prisoners.create', isp('L3456MN', 'Purged', 1)))
    await must(svc.call('omu:parole.add', { prisonerId: p.id, hearingDate: '2026-11-10', outcome: 'refused', outcomeDate: '2026-11-17', nextHearingDate: '2028-01-23' }))
    // Arrange a record long past retention (the purge, not the release, is under test).
    await svc.runtime.store!.write((c) => c.sql.exec("update prisoner set status = 'released', released_on = '2010-01-01' where prison_number = 'L3456MN'"))
    expect(await svc.call('omu:retention.purge', { prisonerIds: [p.id], confirm: true, password: TEST_PASSWORD })).toMatchObject({ ok: true })
    expect(Number(await readStore(svc, (c) => c.sql.value<number>('select count(*) from parole_review')))).toBe(0)
  })
})

describe('the handover facts of issue 20 on the prisoner record (spec section 1)', () => {
  it('an immigration case and an additional ISP are stored, shown and decide responsibility (R3, R1)', async () => {
    svc = await startTestServices()
    await omic2023Establishment(svc)
    const det = await must(
      svc.call('omu:prisoners.create', { prisonNumber: 'F6789GH', firstName: 'Ida', lastName: 'Immigration', dateOfBirth: '1990-01-01', sentenceType: 'determinate', sentenceStartDate: '2026-01-10', immigrationCase: true }),
    )
    expect(det.immigrationCase).toBe(true)
    const d = await must(svc.call('omu:prisoners.get', { prisonerId: det.id }))
    expect(d.evaluation?.handover.reason).toBe('immigration_case')
    expect(d.evaluation?.responsibility).toBe('com')

    const extra = await must(svc.call('omu:prisoners.create', { ...isp('G7890HJ', 'Additional', 1), additionalIsp: true }))
    const e = await must(svc.call('omu:prisoners.get', { prisonerId: extra.id }))
    expect(e.evaluation?.handover.reason).toBe('additional_isp')
    expect(e.evaluation?.responsibility).toBe('pom')
  })

  it('an ISP in open conditions: the COM is allocated from the arrival there, responsible from the handover date (R4)', async () => {
    svc = await startTestServices()
    await omic2023Establishment(svc)
    const p = await must(
      svc.call('omu:prisoners.create', {
        ...isp('H8901JK', 'Open', 1),
        tariffDate: '2028-03-15',
        targetHearingDate: null,
        openConditions: true,
        openConditionsArrivalDate: '2026-10-01',
      }),
    )
    const d = await must(svc.call('omu:prisoners.get', { prisonerId: p.id }))
    expect(d.evaluation?.handover).toEqual({ comAllocatedDate: '2026-10-01', comResponsibleDate: '2027-03-15', releaseDate: '2028-03-15', reason: 'indeterminate_open' })
    expect(d.evaluation?.responsibility).toBe('pom_with_com')
    const refused = await svc.call('omu:prisoners.update', { prisonerId: p.id, version: p.version, fields: { ...isp('H8901JK', 'Open', 1), openConditions: false, openConditionsArrivalDate: '2026-10-01' } })
    expect(refused).toMatchObject({ ok: false, error: { field: 'openConditionsArrivalDate' } })
  })

  it('CSV import takes the new columns; a bad one is listed with its row and column and nothing is written', async () => {
    svc = await startTestServices()
    await omic2023Establishment(svc)
    const header = 'prison_number,first_name,last_name,date_of_birth,sentence_type,sentence_start_date,ted,open_conditions,open_conditions_date,immigration_case,additional_isp'
    const good = 'J1234KL,Jo,Opencase,1980-01-01,indeterminate,2010-01-01,2028-03-15,yes,01/10/2026,no,no'
    const bad = 'K2345LM,Kit,Closedcase,1980-01-01,indeterminate,2010-01-01,2028-03-15,no,01/10/2026,maybe,no'
    const preview = await must(svc.call('omu:caseImport.preview', { kind: 'prisoners', text: [header, good, bad].join('\n') }))
    expect(preview.problems.map((x) => [x.row, x.column])).toEqual([[3, 'immigration_case']])
    expect(await must(svc.call('omu:caseload.list', { pomId: null }))).toMatchObject({ rows: [] })
    const alsoBad = 'K2345LM,Kit,Closedcase,1980-01-01,indeterminate,2010-01-01,2028-03-15,no,01/10/2026,no,no'
    const second = await must(svc.call('omu:caseImport.preview', { kind: 'prisoners', text: [header, good, alsoBad].join('\n') }))
    expect(second.problems.map((x) => [x.row, x.column])).toEqual([[3, 'open_conditions_date']])
    expect(await must(svc.call('omu:caseImport.commit', { kind: 'prisoners', text: [header, good].join('\n') }))).toMatchObject({ created: 1 })
    const rows = (await must(svc.call('omu:caseload.list', { pomId: null }))).rows
    const d = await must(svc.call('omu:prisoners.get', { prisonerId: rows[0]!.prisonerId }))
    expect(d.prisoner).toMatchObject({ openConditions: true, openConditionsArrivalDate: '2026-10-01', immigrationCase: false, additionalIsp: false })
    expect(d.evaluation?.handover.reason).toBe('indeterminate_open')
  })
})

describe('the demo establishment shows each kind issue 20 adds (for the e2e screenshots)', () => {
  it('under omic2023 its named cases have the new handover reasons, and the refused ones are parole cases with a hearing 14 months away', async () => {
    svc = await startTestServices()
    await must(svc.call('omu:demo.create', { prisoners: 20, seed: 7 }))
    await must(svc.call('omu:establishment.update', { policy: 'omic2023', password: TEST_PASSWORD }))
    const list = await must(svc.call('omu:caseload.list', { pomId: null }))
    expect(list.problems).toEqual([])
    const reasonOf = (lastName: string) => list.rows.find((r) => r.name.startsWith(lastName.toUpperCase()))?.handover.reason
    expect(reasonOf('Additional-Demo')).toBe('additional_isp')
    expect(reasonOf('Recall-Demo')).toBe('recall_thd_over_12_months')
    expect(reasonOf('Refused-Demo')).toBe('thd_over_12_months')
    expect(reasonOf('Mappatwo-Demo')).toBe('parole_mappa_2_3')
    expect(reasonOf('Immigration-Demo')).toBe('immigration_case')
    expect(reasonOf('Open-Demo')).toBe('indeterminate_open')
    const parole = await must(svc.call('omu:parole.cases'))
    const refused = parole.cases.filter((c) => c.lastOutcome === 'refused').map((c) => [c.name, c.nextHearingDate])
    expect(refused.sort()).toEqual([
      ['MAPPATWO-DEMO, Max', '2028-01-23'],
      ['REFUSED-DEMO, Pip', '2028-01-23'],
    ])
  })
})
