// RRMP plan editor and sign-off route through the real services and a real SQLite file (issue 6).
// Baseline ids and rules: seed 002 (OMU EDM); route: seed 002 "Regime Recovery Management Plans- RRMP".
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { OMU_EDM } from '../../shared/engine/index'
import { startTestServices, type ServicesHandle } from './helpers'
import { TEST_PASSWORD } from './helpers'
import { decide, plan, readyEntry, readyPlan, save, setUpEstablishment, signInAs, submit } from './rrmpFixtures'

let svc: ServicesHandle
beforeEach(async () => {
  svc = await startTestServices()
  await setUpEstablishment(svc)
})
afterEach(() => svc.cleanup())

describe('starting a plan', () => {
  it('has no plan until started; version 1 lists all 22 mandatory baselines for stage 3, not ready', async () => {
    expect(await svc.call('omu:rrmp.plan', {})).toEqual({ ok: true, data: null })
    const r = await svc.call('omu:rrmp.start', {})
    expect(r.ok && r.data).toMatchObject({ version: 1, currentStage: 4, targetStage: 3, status: 'draft', frozen: false, latest: true })
    const view = await plan(svc)
    expect(view.entries.map((e) => e.baselineId)).toEqual(OMU_EDM.baselines.map((b) => b.id))
    expect(view.readiness.overall).toBe('not_ready')
    expect(view.readiness.score).toMatchObject({ achieved: 0, percent: 0 })
    // Blockers weighting 3 first (seed 002 guide to weightings).
    expect(view.readiness.blockers[0]?.weighting).toBe(3)
    expect(view.readiness.blockers.at(-1)?.weighting).toBe(2)
    // Stage 4 -> 3: the stage 3 descriptor is what is reinstated (seed 002 "Stage 3 (Restrict)").
    expect(view.stages.change.reinstated.map((t) => t.id)).toEqual(['s3.1', 's3.2', 's3.3', 's3.4', 's3.5', 's3.6'])
    expect(view.stages.current.tasks.map((t) => t.id)).toContain('s4.1')
    expect(view.areas.map((a) => a.title)).toEqual(OMU_EDM.areas.map((a) => a.title))
    expect((await svc.call('omu:rrmp.start', {})).ok).toBe(false)
  })

  it('changing the stages updates the version and the establishment; stage 4 is not a target', async () => {
    await svc.call('omu:rrmp.start', {})
    const view = await plan(svc)
    const bad = await svc.call('omu:rrmp.setStages', { versionId: view.version.id, rev: view.version.rev, currentStage: 4, targetStage: 4 })
    expect(bad.ok || bad.error).toMatchObject({ code: 'invalid_input', field: 'targetStage' })
    const r = await svc.call('omu:rrmp.setStages', { versionId: view.version.id, rev: view.version.rev, currentStage: 3, targetStage: 2 })
    expect(r.ok && r.data).toMatchObject({ currentStage: 3, targetStage: 2 })
    const est = await svc.call('omu:establishment.get', {})
    expect(est.ok && est.data).toMatchObject({ currentStage: 3, targetStage: 2 })
    // The same stale rev again is a conflict.
    const stale = await svc.call('omu:rrmp.setStages', { versionId: view.version.id, rev: view.version.rev, currentStage: 3, targetStage: 1 })
    expect(stale.ok || stale.error.code).toBe('conflict')
  })
})

describe('saving entries', () => {
  beforeEach(async () => {
    await svc.call('omu:rrmp.start', {})
  })

  it('saves with the rev it read; a second window with the old rev gets a conflict, never an overwrite', async () => {
    const view = await plan(svc)
    const first = await save(svc, view, readyEntry('1.1', { status: 'in_progress', comments: 'window A' }))
    expect(first.ok && first.data.rev).toBe(2)
    const second = await save(svc, view, readyEntry('1.1', { status: 'in_progress', comments: 'window B' }))
    expect(second.ok).toBe(false)
    if (!second.ok) {
      expect(second.error.code).toBe('conflict')
      expect(second.error.message).toMatch(/another window.*Reload the plan/)
    }
    const after = await plan(svc)
    expect(after.entries.find((e) => e.baselineId === '1.1')?.entry.comments).toBe('window A')
  })

  it('refuses not applicable on a mandatory baseline without a reason (issue 4), accepts it with one', async () => {
    const view = await plan(svc)
    const r = await save(svc, view, readyEntry('5.2', { status: 'not_applicable', notApplicableReason: '  ' }))
    expect(r.ok || r.error).toMatchObject({ code: 'invalid_input', field: 'notApplicableReason' })
    if (!r.ok) expect(r.error.message).toContain('Baseline 5.2 is mandatory: give the reason')
    const ok = await save(svc, view, readyEntry('5.2', { status: 'not_applicable', notApplicableReason: 'Category C training prison: no foreign national removals handled here' }))
    expect(ok.ok).toBe(true)
    const after = await plan(svc)
    expect(after.readiness.baselines.find((b) => b.baselineId === '5.2')?.state).toBe('not_applicable')
    expect(after.sequence.notApplicable).toEqual(['5.2'])
  })

  it('refuses a delivery choice the autonomy does not allow (seed 002 guide to autonomy levels)', async () => {
    const view = await plan(svc)
    // 1.1 is limited: delivered as stipulated.
    const limited = await save(svc, view, readyEntry('1.1', { delivery: { kind: 'option', optionId: 'face_to_face' } }))
    expect(limited.ok || limited.error).toMatchObject({ code: 'invalid_input', field: 'delivery' })
    // 2.4 is partial: one of its listed options only.
    const partial = await save(svc, view, readyEntry('2.4', { delivery: { kind: 'option', optionId: 'made_up' } }))
    expect(partial.ok || partial.error).toMatchObject({ code: 'invalid_input', field: 'delivery' })
    const good = await save(svc, view, readyEntry('2.4', { delivery: { kind: 'option', optionId: 'prioritised_and_backlog' } }))
    expect(good.ok).toBe(true)
  })

  it('a face-to-face baseline without its evidence is not ready; sequencing warns about a lower weighting delivering first', async () => {
    const view = await plan(svc)
    // 2.5 (weighting 2, partial) delivering while 2.1 to 2.4 and 2.6 (weighting 3) in area 2 are not ready.
    await save(svc, view, readyEntry('2.5', { status: 'delivering', delivery: { kind: 'option', optionId: 'face_to_face' }, evidence: { riskAssessmentDone: true, safeSystemOfWorkDone: false, unionsConsulted: false } }))
    const after = await plan(svc)
    const b25 = after.readiness.baselines.find((b) => b.baselineId === '2.5')
    expect(b25?.state).toBe('not_ready')
    expect(b25?.reasons.join(' ')).toContain('face-to-face element')
    expect(after.sequence.warnings.map((w) => w.baselineId)).toEqual(['2.5'])
  })

  it('a fully ready plan is ready with a 100% weighted score', async () => {
    const view = await readyPlan(svc, {})
    expect(view.readiness.overall).toBe('ready')
    expect(view.readiness.score.percent).toBe(100)
    expect(view.readiness.blockers).toEqual([])
    expect(view.areas.every((a) => a.percent === 100)).toBe(true)
  })
})

describe('sign-off route', () => {
  it('submit freezes; return with comments; new version shows the diff; resubmit; every step approves', async () => {
    const v1 = await readyPlan(svc)
    // Nothing can be decided before submission.
    const early = await decide(svc, { versionId: v1.version.id, stage: 'governor', decision: 'approved' })
    expect(early.ok || early.error.code).toBe('conflict')
    // Only the HOMS submits, with their password asked again (issue 7).
    const wrongPassword = await signInAs(svc, 'homs').then(() => svc.call('omu:rrmp.submit', { versionId: v1.version.id, rev: v1.version.rev, password: 'not my password' }))
    expect(wrongPassword.ok || wrongPassword.error).toMatchObject({ code: 'invalid_input', field: 'password' })
    await signInAs(svc, 'governor')
    const governorSubmits = await svc.call('omu:rrmp.submit', { versionId: v1.version.id, rev: v1.version.rev, password: TEST_PASSWORD })
    expect(governorSubmits.ok || governorSubmits.error.code).toBe('forbidden')
    const sub = await submit(svc, v1)
    expect(sub.ok && sub.data).toMatchObject({ frozen: true, status: 'in_sign_off', statusText: 'Submitted: awaiting the Governor' })
    const frozenView = await plan(svc)
    // `by` defaults to the signed-in user; the role to the route's HOMS role; the date is today.
    expect(frozenView.signOff.steps[0]).toMatchObject({ stage: 'submit', by: 'First Homs', role: 'Head of Offender Management Services (HOMS)', date: '2026-11-23', decision: 'submitted' })
    // Frozen: refused by the main process.
    const edit = await save(svc, frozenView, readyEntry('1.1', { comments: 'late change' }))
    expect(edit.ok || edit.error.code).toBe('frozen')
    const stages = await svc.call('omu:rrmp.setStages', { versionId: v1.version.id, rev: frozenView.version.rev, currentStage: 4, targetStage: 2 })
    expect(stages.ok || stages.error.code).toBe('frozen')

    const noComments = await decide(svc, { versionId: v1.version.id, stage: 'governor', decision: 'returned', by: 'Sam Patel' })
    expect(noComments.ok || noComments.error).toMatchObject({ code: 'invalid_input', field: 'comments' })
    const wrongStep = await decide(svc, { versionId: v1.version.id, stage: 'pgd', decision: 'approved', by: 'Jo Reid' })
    expect(wrongStep.ok || wrongStep.error.code).toBe('conflict')
    const ret = await decide(svc, { versionId: v1.version.id, stage: 'governor', decision: 'returned', by: 'Sam Patel', comments: 'Add an action for the OASys backlog.' })
    expect(ret.ok && ret.data).toMatchObject({ status: 'returned' })
    const after = await decide(svc, { versionId: v1.version.id, stage: 'governor', decision: 'approved', by: 'Sam Patel' })
    expect(after.ok || after.error.code).toBe('conflict')

    await signInAs(svc, 'homs')
    const nv = await svc.call('omu:rrmp.newVersion', { fromVersionId: v1.version.id })
    expect(nv.ok && nv.data).toMatchObject({ version: 2, basedOnVersion: 1, status: 'draft', frozen: false })
    let v2 = await plan(svc)
    expect(v2.changes).toEqual({ basedOnVersion: 1, diffs: [] })
    await save(svc, v2, readyEntry('2.4', { actionItems: [{ id: 'a1', action: 'Clear the OASys backlog', owner: 'Case admin lead', targetDate: '2027-01-31', status: 'in_progress', progressUpdates: [{ date: '2026-11-23', note: 'Backlog counted: 41' }] }] }))
    v2 = await plan(svc)
    expect(v2.changes?.diffs.map((d) => d.baselineId)).toEqual(['2.4'])
    expect(v2.changes?.diffs[0]?.summary[0]).toContain('action 1 added ("Clear the OASys backlog")')
    // Only one version at a time: another new version from v1 is refused.
    expect((await svc.call('omu:rrmp.newVersion', { fromVersionId: v1.version.id })).ok).toBe(false)
    await submit(svc, v2, 'Alex Morgan')
    for (const stage of ['governor', 'pgd', 'prison_gold', 'dib', 'probation_gold'] as const) {
      const r = await decide(svc, { versionId: v2.version.id, stage, decision: 'approved', ...(stage === 'governor' ? {} : { by: `Signer ${stage}` }) })
      expect(r.ok, stage).toBe(true)
    }
    const done = await plan(svc)
    expect(done.version.status).toBe('signed_off')
    expect(done.signOff.state).toEqual({ kind: 'complete', completedOn: '2026-11-23' })
    expect(done.signOff.steps.map((s) => [s.by, s.role])).toEqual([
      ['Alex Morgan', 'Head of Offender Management Services (HOMS)'],
      ['Test governor', 'Governor'],
      ['Signer pgd', 'Prison Group Director (PGD)'],
      ['Signer prison_gold', 'Prison Gold'],
      ['Signer dib', 'Divisional Implementation Board (DIB)'],
      ['Signer probation_gold', 'Probation Gold'],
    ])
    expect(done.versions.map((v) => [v.version, v.status])).toEqual([
      [2, 'signed_off'],
      [1, 'returned'],
    ])
  })

  it('every RRMP change writes an audit row naming the entity, with before and after (issue 7)', async () => {
    const v1 = await readyPlan(svc)
    const rows = (await svc.runtime.store!.sql.rows<[string, string, string | null, string | null]>("select channel, entity, before, after from audit_log where channel like 'omu:rrmp.%' order by id")).map(([channel, entity, before, after]) => ({ channel, entity, before, after }))
    expect(rows[0]).toMatchObject({ channel: 'omu:rrmp.start', entity: 'plan_version' })
    const entry = rows.find((r) => r.channel === 'omu:rrmp.updateEntry')
    expect(entry?.entity).toBe('plan_entry')
    expect(JSON.parse(entry?.before ?? '{}')).toMatchObject({ status: 'not_started' })
    expect(JSON.parse(entry?.after ?? '{}')).toMatchObject({ status: 'ready' })
    await submit(svc, v1)
    const [username, after] = (await svc.runtime.store!.sql.rows<[string, string]>("select username, after from audit_log where channel = 'omu:rrmp.submit'"))[0]!
    const signed = { username, after }
    expect(signed.username).toBe('first.homs')
    expect(signed.after).not.toContain(TEST_PASSWORD)
  })

  it('only a HOMS edits the plan; a read-only reviewer can read it', async () => {
    await svc.call('omu:rrmp.start', {})
    const view = await plan(svc)
    await signInAs(svc, 'read_only')
    expect((await plan(svc)).version.version).toBe(1)
    const r = await save(svc, view, readyEntry('1.1'))
    expect(r.ok || r.error.code).toBe('forbidden')
  })
})
