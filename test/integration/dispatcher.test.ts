import { afterEach, describe, expect, it } from 'vitest'
import { warmedUp } from '../../electron/services/caseload/warm'
import { adminSql, HMP_TESTSHIRE, localStore, startTestServices, TEST_PASSWORD, type ServicesHandle } from './helpers'

let svc: ServicesHandle
afterEach(() => svc?.cleanup())

describe('the IPC dispatcher: one validated path for every request', () => {
  it('answers { ok: true, data } for a valid request', async () => {
    svc = await startTestServices()
    const r = await svc.call('omu:establishment.setup', HMP_TESTSHIRE)
    expect(r).toMatchObject({ ok: true, data: { name: 'HMP Testshire', code: 'TST', currentStage: 4, targetStage: 3, policy: 'omic2021' } })
  })

  it('normalises input: a lower-case code with spaces is stored upper-case', async () => {
    svc = await startTestServices()
    const r = await svc.call('omu:establishment.setup', { ...HMP_TESTSHIRE, code: ' lei ' })
    expect(r.ok && r.data).toMatchObject({ code: 'LEI' })
  })

  it.each([
    [{ ...HMP_TESTSHIRE, code: 'T1' }, 'code', 'three-letter establishment code'],
    [{ ...HMP_TESTSHIRE, name: '' }, 'name', 'Enter the establishment name'],
    [{ ...HMP_TESTSHIRE, category: 'castle' }, 'category', 'category or function'],
    [{ ...HMP_TESTSHIRE, policy: 'omic1999' }, 'policy', 'policy'],
    [{ ...HMP_TESTSHIRE, extra: true }, undefined, 'Remove the unexpected field: extra'],
    [{ name: 'HMP Testshire', category: 'training' }, 'code', 'required'],
  ])('an invalid request is refused with a sentence naming the field (%j)', async (input, field, text) => {
    svc = await startTestServices()
    const r = await svc.call('omu:establishment.setup', input)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('invalid_input')
    expect(r.error.field).toBe(field)
    expect(r.error.message).toContain(text)
    expect(r.error.message).toMatch(/[.]$/)
    // Nothing was written.
    expect(await svc.call('omu:establishment.get')).toEqual({ ok: true, data: null })
  })

  it('a non-object or missing request is refused, never thrown', async () => {
    svc = await startTestServices()
    for (const bad of [null, 42, 'text', [], { __proto__: { code: 'X' } }]) {
      const r = await svc.call('omu:establishment.setup', bad)
      expect(r.ok, JSON.stringify(bad)).toBe(false)
    }
  })

  it('refuses a request from any page but the app’s own main frame', async () => {
    svc = await startTestServices()
    for (const sender of [
      { url: 'https://evil.example/', isMainFrame: true },
      { url: 'app://omu.evil/index.html', isMainFrame: true },
      { url: 'app://omu/index.html', isMainFrame: false },
    ]) {
      const r = await svc.dispatcher.invoke('omu:establishment.setup', HMP_TESTSHIRE, sender)
      expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
    expect(await svc.call('omu:establishment.get')).toEqual({ ok: true, data: null })
  })

  it('an unknown channel is answered, not thrown', async () => {
    svc = await startTestServices()
    expect(await svc.call('omu:nothing.here', {})).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('a database fault reaches the user as a plain sentence: no SQL, no stack trace', async () => {
    svc = await startTestServices()
    await svc.call('omu:establishment.setup', HMP_TESTSHIRE)
    // The background read of the cases after start or sign-in has ended: the one fault logged is the request's.
    await warmedUp(svc.runtime.store!)
    // Sabotage the table so the handler's SQL fails (on the shared database, as its administrator could).
    if (svc.runtime.localStore) localStore(svc).sqlite.exec('drop table establishment')
    else await adminSql(svc, 'alter table establishment rename to establishment_gone')
    const r = await svc.call('omu:establishment.update', { name: 'HMP New', password: TEST_PASSWORD })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('internal')
    expect(r.error.message).not.toMatch(/establishment|sql|select|update|no such|at \w+ \(/i)
    expect(svc.logged.length).toBe(1)
  })

  it('a mutation runs in one transaction: when it fails part-way nothing is written', async () => {
    svc = await startTestServices()
    await svc.call('omu:establishment.setup', HMP_TESTSHIRE)
    // Moving the target stage before the current one is refused after validation, inside the transaction.
    const r = await svc.call('omu:establishment.update', { name: 'HMP Changed', currentStage: 3, targetStage: 4, password: TEST_PASSWORD })
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'targetStage' } })
    const after = await svc.call('omu:establishment.get')
    expect(after.ok && after.data).toMatchObject({ name: 'HMP Testshire', currentStage: 4 })
  })

  it('set-up happens once; later changes go through update', async () => {
    svc = await startTestServices()
    await svc.call('omu:establishment.setup', HMP_TESTSHIRE)
    expect(await svc.call('omu:establishment.setup', HMP_TESTSHIRE)).toMatchObject({ ok: false, error: { code: 'conflict' } })
    const r = await svc.call('omu:establishment.update', { policy: 'omic2023', targetStage: 2, currentStage: 3, password: TEST_PASSWORD })
    expect(r.ok && r.data).toMatchObject({ policy: 'omic2023', targetStage: 2, currentStage: 3 })
  })

  /** ../shared/specs/mpc-rules.md section F's handover settings and their defaults (issue 17). */
  const SPEC_F_HANDOVER_DEFAULTS = { simplifiedEnhancedHandover: false, simplifiedHandoverCutoffDate: '2026-09-01', upcomingWindowDays: 56 }

  it('settings: extra holidays are validated as real dates, de-duplicated and sorted', async () => {
    svc = await startTestServices()
    const bad = await svc.call('omu:settings.update', { extraHolidays: ['2026-02-30'], password: TEST_PASSWORD })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'extraHolidays › item 1' } })
    const good = await svc.call('omu:settings.update', { extraHolidays: ['2026-12-29', '2026-12-24', '2026-12-29'], password: TEST_PASSWORD })
    expect(good).toEqual({ ok: true, data: { extraHolidays: ['2026-12-24', '2026-12-29'], retentionYears: 7, missedAfterDays: 28, pomTypeStrategy: 'tier', ...SPEC_F_HANDOVER_DEFAULTS } })
    expect(await svc.call('omu:settings.get')).toEqual(good)
  })

  it('status reports set-up before the establishment exists and ready after; today is the London date', async () => {
    // 23:30 UTC on 31 May is already 1 June in London (BST).
    svc = await startTestServices({ now: new Date('2026-05-31T23:30:00Z') })
    const before = await svc.call('omu:app.status')
    expect(before.ok && before.data).toMatchObject({ state: 'setup', today: '2026-06-01', problem: null })
    await svc.call('omu:establishment.setup', HMP_TESTSHIRE)
    const after = await svc.call('omu:app.status')
    expect(after.ok && after.data.state).toBe('ready')
  })
})
