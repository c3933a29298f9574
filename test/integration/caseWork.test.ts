import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { usePostgres } from '../pg/workers'
import type { IpcResult } from '../../shared/ipc/result'
import { HMP_TESTSHIRE, readStore, servicesPerTest, startTestServices, TEST_PASSWORD, type ServicesHandle } from './helpers'

// Issue 17, case work (../shared/specs/mpc-rules.md sections B and C), on this computer's file and
// (npm run test:pg) on the shared database: an early allocation assessment is kept with who and
// when, brings the handover forward and puts the case in the "early allocation" priority cohort
// (seed 002); a HOMD's responsibility override shows on the case and in the caseload beside the
// engine's own answer, and ends on its end date; a POM can do neither on another's case.

const services = servicesPerTest({ now: new Date('2026-11-23T10:00:00Z') })

async function must<T>(p: Promise<IpcResult<T>>): Promise<T> {
  const r = await p
  if (!r.ok) throw new Error(r.error.message)
  return r.data
}

/**
 * Sentenced 01/06/2025, CRD 31/01/2028: inside the 18-month referral window on 23/11/2026 (spec
 * C.4: 31/01/2028 ≤ 23/05/2028). Under omic2021 early allocation puts both handover dates at the
 * release date minus 15 months, 31/10/2026 (issue 3).
 */
const CASE = { prisonNumber: 'E1234FG', firstName: 'Eddie', lastName: 'Early', dateOfBirth: '1980-02-02', sentenceType: 'determinate', sentenceStartDate: '2025-06-01', conditionalReleaseDate: '2028-01-31', tier: 'C1' } as const

const STAGE_ONE_NO = { convictedUnderTerrorismAct2000: false, highProfile: false, seriousCrimePreventionOrder: false, mappaLevel3: false, cppcCase: false }
const DISCRETIONARY = { ...STAGE_ONE_NO, extremismSeparation: false, highRiskOfSeriousHarm: true, mappaLevel2: false, pathfinderProcess: false, otherReason: false }

async function setUp(svc: ServicesHandle) {
  await must(svc.call('omu:establishment.setup', HMP_TESTSHIRE))
  const pom = await must(svc.call('omu:staff.save', { name: 'Pat Pom', role: 'prison_pom' }))
  const other = await must(svc.call('omu:staff.save', { name: 'Kit Probation', role: 'probation_pom' }))
  const p = await must(svc.call('omu:prisoners.create', CASE))
  await must(svc.call('omu:allocations.allocate', { prisonerId: p.id, staffId: pom.id, startDate: '2026-09-10' }))
  // Spec C.1: starting an early allocation assessment needs the case's LDU email.
  await must(svc.call('omu:handover.saveDetails', { prisonerId: p.id, expectedVersion: null, lduEmail: 'north.ldu@justice.gov.uk' }))
  return { pomId: pom.id, otherId: other.id, prisonerId: p.id }
}

async function signInAsPom(svc: ServicesHandle, staffId: number, username = 'pat.pom'): Promise<void> {
  await must(svc.call('omu:users.save', { username, displayName: 'Pat Pom', role: 'pom', password: TEST_PASSWORD, staffId, yourPassword: TEST_PASSWORD }))
  await must(svc.call('omu:auth.signIn', { username, password: TEST_PASSWORD }))
}

describe('early allocation assessment (spec C)', () => {
  it('an eligible assessment is kept with who and when, brings the handover forward and joins the early allocation cohort', async () => {
    const svc = await services()
    const { prisonerId } = await setUp(svc)
    const before = await must(svc.call('omu:prisoners.get', { prisonerId }))
    expect(before.evaluation?.handover.reason).not.toBe('early_allocation')
    expect(before.cohorts.map((c) => c.id)).not.toContain('early_allocation')
    expect((await must(svc.call('omu:caseWork.earlyAllocation', { prisonerId }))).state).toMatchObject({ state: null, statusText: 'Not assessed', actionLink: 'Start assessment' })

    const view = await must(svc.call('omu:caseWork.assessEarlyAllocation', { prisonerId, oasysDate: '2026-11-01', answers: { ...STAGE_ONE_NO, mappaLevel3: true } }))
    expect(view.withinReferralWindow).toBe(true)
    expect(view.state).toMatchObject({ earlyAllocation: true, state: 'eligible', statusText: 'Eligible - case handover date has been updated' })
    expect(view.assessments).toHaveLength(1)
    expect(view.assessments[0]).toMatchObject({ outcome: 'eligible', createdOn: '2026-11-23', createdWithinReferralWindow: true, assessor: 'First Homs', oasysDate: '2026-11-01', shortOutcome: 'Eligible' })

    // Spec C.1 / C.5: earlyAllocation sets CaseInput.earlyAllocation; issue 3: release minus 15 months.
    const after = await must(svc.call('omu:prisoners.get', { prisonerId }))
    expect(after.evaluation?.handover).toMatchObject({ reason: 'early_allocation', comResponsibleDate: '2026-10-31' })
    expect(after.cohorts.map((c) => c.id)).toContain('early_allocation')
    const row = (await must(svc.call('omu:caseload.list', { pomId: null }))).rows.find((r) => r.prisonerId === prisonerId)
    expect(row?.cohorts).toContain('early_allocation')
    expect(row?.handover.comResponsibleDate).toBe('2026-10-31')

    // Filed under the prisoner: the case's record history shows it.
    const history = await must(svc.call('omu:audit.history', { entity: 'prisoner', entityId: String(prisonerId) }))
    expect(JSON.stringify(history)).toContain('earlyAllocationAssessment')
  })

  it('refuses an OASys date over 3 months old, an unanswered question, and a discretionary case without reason and approval', async () => {
    const svc = await services()
    const { prisonerId } = await setUp(svc)
    expect(await svc.call('omu:caseWork.assessEarlyAllocation', { prisonerId, oasysDate: '2026-08-23', answers: STAGE_ONE_NO })).toMatchObject({ ok: false, error: { field: 'oasysDate', message: 'This date must be in the last 3 months.' } })
    expect(await svc.call('omu:caseWork.assessEarlyAllocation', { prisonerId, oasysDate: '2026-11-23', answers: STAGE_ONE_NO })).toMatchObject({ ok: false, error: { field: 'extremismSeparation' } })
    expect(await svc.call('omu:caseWork.assessEarlyAllocation', { prisonerId, oasysDate: '2026-11-23', answers: DISCRETIONARY })).toMatchObject({ ok: false, error: { field: 'reason' } })
    expect(await svc.call('omu:caseWork.assessEarlyAllocation', { prisonerId, oasysDate: '2026-11-23', answers: DISCRETIONARY, reason: 'Very high RoSH.' })).toMatchObject({ ok: false, error: { field: 'approved' } })
    expect((await must(svc.call('omu:caseWork.earlyAllocation', { prisonerId }))).assessments).toEqual([])
  })

  it('a discretionary case waits for the community decision; a yes brings the handover forward', async () => {
    const svc = await services()
    const { prisonerId } = await setUp(svc)
    const saved = await must(svc.call('omu:caseWork.assessEarlyAllocation', { prisonerId, oasysDate: '2026-11-01', answers: DISCRETIONARY, reason: 'Very high RoSH.', approved: true }))
    expect(saved.state).toMatchObject({ earlyAllocation: false, state: 'decision_pending', actionLink: 'Record community decision' })
    expect((await must(svc.call('omu:prisoners.get', { prisonerId }))).evaluation?.handover.reason).not.toBe('early_allocation')
    const decided = await must(svc.call('omu:caseWork.recordCommunityDecision', { prisonerId, assessmentId: saved.assessments[0]!.id, decision: true }))
    expect(decided.state).toMatchObject({ earlyAllocation: true, state: 'eligible' })
    expect(decided.assessments[0]).toMatchObject({ communityDecision: true, communityDecisionOn: '2026-11-23', reason: 'Very high RoSH.', approved: true })
    expect((await must(svc.call('omu:prisoners.get', { prisonerId }))).evaluation?.handover.reason).toBe('early_allocation')
    // Recorded once: a second decision is refused.
    expect(await svc.call('omu:caseWork.recordCommunityDecision', { prisonerId, assessmentId: saved.assessments[0]!.id, decision: false })).toMatchObject({ ok: false, error: { code: 'conflict' } })
  })

  it('starting an assessment needs the LDU email (spec C.1): refused in a sentence until the handover details hold it', async () => {
    const svc = await services()
    const { prisonerId } = await setUp(svc)
    const bare = (await must(svc.call('omu:prisoners.create', { ...CASE, prisonNumber: 'G3456HI' }))).id
    const eligible = { prisonerId: bare, oasysDate: '2026-11-01', answers: { ...STAGE_ONE_NO, highProfile: true } }
    expect((await must(svc.call('omu:caseWork.earlyAllocation', { prisonerId: bare }))).lduEmail).toBeNull()
    expect(await svc.call('omu:caseWork.assessEarlyAllocation', eligible)).toEqual({
      ok: false,
      error: { code: 'invalid_input', field: 'lduEmail', message: 'Record the LDU’s email in the case’s handover details before assessing early allocation: a referral goes to the LDU.' },
    })
    // Details saved without it (only the COM's name) are not enough.
    await must(svc.call('omu:handover.saveDetails', { prisonerId: bare, expectedVersion: null, comName: 'Casey Com' }))
    expect(await svc.call('omu:caseWork.assessEarlyAllocation', eligible)).toMatchObject({ ok: false, error: { field: 'lduEmail' } })
    expect((await must(svc.call('omu:caseWork.earlyAllocation', { prisonerId: bare }))).assessments).toEqual([])
    // The case set up with it is assessed, and the view names the address the referral goes to.
    const view = await must(svc.call('omu:caseWork.assessEarlyAllocation', { ...eligible, prisonerId }))
    expect(view).toMatchObject({ lduEmail: 'north.ldu@justice.gov.uk', state: { state: 'eligible' } })
  })

  it('saved inside the referral window, eligible drafts a referral to the LDU and discretionary a request for a decision (spec C.1), opened as a mailto: link', async () => {
    const svc = await services()
    const { prisonerId } = await setUp(svc)
    const eligible = await must(svc.call('omu:caseWork.assessEarlyAllocation', { prisonerId, oasysDate: '2026-11-01', answers: { ...STAGE_ONE_NO, mappaLevel3: true } }))
    expect(eligible.assessments[0]).toMatchObject({ outcome: 'eligible', createdWithinReferralWindow: true })
    const referral = await must(svc.call('omu:caseWork.draftReferral', { prisonerId, assessmentId: eligible.assessments[0]!.id }))
    expect(referral.kind).toBe('referral')
    expect(referral.mailto.startsWith('mailto:north.ldu@justice.gov.uk?subject=')).toBe(true)
    expect(decodeURIComponent(referral.mailto)).toContain('E1234FG')
    expect(decodeURIComponent(referral.mailto)).toContain('- MAPPA level 3')
    expect((svc.runtime.config.host as { opened?: string[] }).opened).toEqual([referral.mailto])
    const discretionary = await must(svc.call('omu:caseWork.assessEarlyAllocation', { prisonerId, oasysDate: '2026-11-01', answers: DISCRETIONARY, reason: 'Very high RoSH.', approved: true }))
    // Only the latest assessment leads to an email.
    expect(await svc.call('omu:caseWork.draftReferral', { prisonerId, assessmentId: eligible.assessments[0]!.id })).toMatchObject({ ok: false, error: { code: 'conflict' } })
    const request = await must(svc.call('omu:caseWork.draftReferral', { prisonerId, assessmentId: discretionary.assessments[0]!.id }))
    expect(request.kind).toBe('decision_request')
    expect(decodeURIComponent(request.mailto)).toContain('Very high RoSH.')
  })

  it('a POM assesses their own cases only', async () => {
    const svc = await services()
    const { prisonerId, otherId } = await setUp(svc)
    await signInAsPom(svc, otherId, 'kit.probation')
    expect(await svc.call('omu:caseWork.assessEarlyAllocation', { prisonerId, oasysDate: '2026-11-01', answers: { ...STAGE_ONE_NO, highProfile: true } })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  it("the case's own POM assesses it", async () => {
    const svc = await services()
    const { prisonerId, pomId } = await setUp(svc)
    await signInAsPom(svc, pomId)
    const view = await must(svc.call('omu:caseWork.assessEarlyAllocation', { prisonerId, oasysDate: '2026-11-01', answers: { ...STAGE_ONE_NO, highProfile: true } }))
    expect(view.assessments[0]).toMatchObject({ assessor: 'Pat Pom', outcome: 'eligible' })
  })
})

describe('responsibility override (issue 17)', () => {
  it('a HOMD override shows on the case and in the caseload beside the engine’s answer, and ends on its end date', async () => {
    const first = await startTestServices({ now: new Date('2026-11-23T10:00:00Z') })
    let later: ServicesHandle | null = null
    try {
      const { prisonerId } = await setUp(first)
      const engine = (await must(first.call('omu:caseload.list', { pomId: null }))).rows.find((r) => r.prisonerId === prisonerId)
      expect(engine?.override ?? null).toBeNull()
      const set = await must(first.call('omu:caseWork.setOverride', { prisonerId, responsibility: 'com', reason: 'Agreed with the PDU head.', endDate: '2026-12-01' }))
      expect(set).toMatchObject({ responsibility: 'com', startDate: '2026-11-23', endDate: '2026-12-01', inForce: true, setBy: 'First Homs' })
      const row = (await must(first.call('omu:caseload.list', { pomId: null }))).rows.find((r) => r.prisonerId === prisonerId)
      // The engine's own answer stays in `responsibility`; the override is beside it.
      expect(row).toMatchObject({ responsibility: engine?.responsibility, override: { responsibility: 'com', reason: 'Agreed with the PDU head.', endDate: '2026-12-01' } })
      // Spec B: the override decides pomResponsible for the recommendation (COM: a supporting role).
      expect(await must(first.call('omu:caseWork.recommendPomType', { prisonerId }))).toMatchObject({ recommendedPomType: 'prison', reasonKey: 'supporting_role' })
      const userData = first.userData
      await first.close()

      // On its end date it is no longer in force.
      later = await startTestServices({ userData, now: new Date('2026-12-01T10:00:00Z') })
      const ended = (await must(later.call('omu:caseload.list', { pomId: null }))).rows.find((r) => r.prisonerId === prisonerId)
      expect(ended?.override ?? null).toBeNull()
      expect(await must(later.call('omu:caseWork.overrides', { prisonerId }))).toMatchObject([{ responsibility: 'com', inForce: false }])
    } finally {
      if (later) await later.cleanup()
      else await first.cleanup()
    }
  })

  it('ending an override early puts the engine’s answer back at once', async () => {
    const svc = await services()
    const { prisonerId } = await setUp(svc)
    await must(svc.call('omu:caseWork.setOverride', { prisonerId, responsibility: 'com', reason: 'Temporary.', endDate: '2027-03-01' }))
    expect(await must(svc.call('omu:caseWork.endOverride', { prisonerId }))).toMatchObject({ endedOn: '2026-11-23', inForce: false })
    const row = (await must(svc.call('omu:caseload.list', { pomId: null }))).rows.find((r) => r.prisonerId === prisonerId)
    expect(row?.override ?? null).toBeNull()
  })

  it('an end date not after today is refused', async () => {
    const svc = await services()
    const { prisonerId } = await setUp(svc)
    expect(await svc.call('omu:caseWork.setOverride', { prisonerId, responsibility: 'pom', reason: 'Test.', endDate: '2026-11-23' })).toMatchObject({ ok: false, error: { field: 'endDate' } })
  })

  it('a POM cannot override who is responsible, even on their own case', async () => {
    const svc = await services()
    const { prisonerId, pomId } = await setUp(svc)
    await signInAsPom(svc, pomId)
    expect(await svc.call('omu:caseWork.setOverride', { prisonerId, responsibility: 'com', reason: 'Trying.', endDate: '2027-01-01' })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })
})

describe.skipIf(!usePostgres())('the shared database itself (issue 14)', () => {
  it('a POM’s own login cannot write an override, nor assess another POM’s case, from psql', async () => {
    const svc = await services()
    const { prisonerId, pomId } = await setUp(svc)
    const notTheirs = (await must(svc.call('omu:prisoners.create', { ...CASE, prisonNumber: 'F2345GH' }))).id
    await signInAsPom(svc, pomId)
    const loc = svc.runtime.storage.kind === 'shared' ? svc.runtime.storage.location : null
    if (!loc) throw new Error('not shared')
    const client = new pg.Client({ host: loc.host, port: loc.port, database: loc.database, user: 'pat.pom', password: TEST_PASSWORD })
    await client.connect()
    try {
      const override = client.query("insert into responsibility_override (prisoner_id, responsibility, reason, start_date, end_date, set_by, created_at) values ($1, 'com', 'x', '2026-11-23', '2027-01-01', 'x', 'x')", [prisonerId])
      await expect(override).rejects.toMatchObject({ code: '42501' })
      const assess = (caseId: number) =>
        client.query("insert into early_allocation_assessment (prisoner_id, answers, oasys_date, created_on, outcome, created_within_referral_window, assessor, created_at) values ($1, '{}', '2026-11-01', '2026-11-23', 'ineligible', 1, 'x', 'x')", [caseId])
      await expect(assess(notTheirs)).rejects.toMatchObject({ code: '42501' })
      await expect(assess(prisonerId)).resolves.toMatchObject({ rowCount: 1 })
    } finally {
      await client.end()
    }
  })
})

describe('recommended POM type (spec B)', () => {
  it('follows the establishment strategy, and the allocation keeps the reason for choosing the other type', async () => {
    const svc = await services()
    const { prisonerId, otherId } = await setUp(svc)
    // Tier C1 under the tier strategy (national practice): a prison POM; a probation POM needs a reason (B4).
    expect(await must(svc.call('omu:caseWork.recommendPomType', { prisonerId, staffId: otherId }))).toMatchObject({
      strategy: 'tier',
      recommendedPomType: 'prison',
      reasonKey: 'tier_based',
      overrideRequired: true,
      text: 'Eddie is tier C1, so we recommend allocating to a prison POM.',
    })
    // By tier and RoSH, with no RoSH recorded: no recommendation (B2, B3).
    await must(svc.call('omu:settings.update', { pomTypeStrategy: 'rosh', password: TEST_PASSWORD }))
    expect(await must(svc.call('omu:caseWork.recommendPomType', { prisonerId }))).toMatchObject({ strategy: 'rosh', recommendedPomType: null, reasonKey: 'missing_rosh', recommendationAvailable: false })

    // Spec B4: with no recommendation any POM needs a reason, and the main process says why.
    expect(await svc.call('omu:allocations.allocate', { prisonerId, staffId: otherId })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'pomTypeReason', message: 'Say why you chose a probation POM: no POM type is recommended for this case until its risk of serious harm (RoSH) is recorded.' },
    })
    await must(svc.call('omu:allocations.allocate', { prisonerId, staffId: otherId, pomTypeReason: 'Kit knows the family.' }))
    const detail = await must(svc.call('omu:prisoners.get', { prisonerId }))
    expect(detail.allocations[0]).toMatchObject({ staffId: otherId })
    const history = await must(svc.call('omu:audit.history', { entity: 'prisoner', entityId: String(prisonerId) }))
    expect(JSON.stringify(history)).toContain('Kit knows the family.')
  })
})

describe('a reason for choosing the other POM type (issue 17; spec B4)', () => {
  /** The reasons kept with the case's allocations, oldest first. */
  const keptReasons = (svc: ServicesHandle, prisonerId: number) =>
    readStore(svc, async (c) => (await c.sql.rows<[string | null]>('select pom_type_reason from allocation where prisoner_id = ? order by id', [prisonerId])).map(([r]) => r))

  it('the main process refuses a probation POM for a case recommended a prison POM without a reason, and nothing changes', async () => {
    const svc = await services()
    const { prisonerId, pomId, otherId } = await setUp(svc)
    expect(await svc.call('omu:allocations.allocate', { prisonerId, staffId: otherId })).toEqual({
      ok: false,
      error: { code: 'invalid_input', field: 'pomTypeReason', message: 'Say why you chose a probation POM when a prison POM is recommended.' },
    })
    // A blank reason is no reason (the contract trims it).
    expect(await svc.call('omu:allocations.allocate', { prisonerId, staffId: otherId, pomTypeReason: '   ' })).toMatchObject({ ok: false, error: { field: 'pomTypeReason' } })
    const detail = await must(svc.call('omu:prisoners.get', { prisonerId }))
    expect(detail.allocations.map((a) => [a.staffId, a.endDate])).toEqual([[pomId, null]])
  })

  it('with a reason the allocation is made and the reason kept with it; the recommended type needs none and keeps none', async () => {
    const svc = await services()
    const { prisonerId, pomId, otherId } = await setUp(svc)
    await must(svc.call('omu:allocations.allocate', { prisonerId, staffId: otherId, pomTypeReason: 'Kit knows the family.' }))
    // Back to a prison POM, the recommended type: no reason asked, and one given is not kept (spec B4: only when required).
    await must(svc.call('omu:allocations.allocate', { prisonerId, staffId: pomId, pomTypeReason: 'Not needed.' }))
    expect(await keptReasons(svc, prisonerId)).toEqual([null, 'Kit knows the family.', null])
    const history = await must(svc.call('omu:audit.history', { entity: 'prisoner', entityId: String(prisonerId) }))
    expect(JSON.stringify(history)).toContain('"recommendedPomType":"prison"')
  })

  it('a tier A case is recommended a probation POM, so a prison POM needs the reason', async () => {
    const svc = await services()
    await must(svc.call('omu:establishment.setup', HMP_TESTSHIRE))
    const pat = await must(svc.call('omu:staff.save', { name: 'Pat Pom', role: 'prison_pom' }))
    const p = await must(svc.call('omu:prisoners.create', { ...CASE, tier: 'A2' }))
    expect(await svc.call('omu:allocations.allocate', { prisonerId: p.id, staffId: pat.id })).toMatchObject({
      ok: false,
      error: { field: 'pomTypeReason', message: 'Say why you chose a prison POM when a probation POM is recommended.' },
    })
    await must(svc.call('omu:allocations.allocate', { prisonerId: p.id, staffId: pat.id, pomTypeReason: 'No probation POM has room this month.' }))
    expect(await keptReasons(svc, p.id)).toEqual(['No probation POM has room this month.'])
  })
})
