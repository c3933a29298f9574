import { describe, expect, it } from 'vitest'
import { OMU_EDM } from '../../shared/engine'
import { startTestServices, TEST_PASSWORD } from './helpers'

describe('EDM catalogue import through Settings (issue 4)', () => {
  it('a good file (a new OMU EDM version) imports and is listed after the shipped catalogues', async () => {
    const svc = await startTestServices()
    const text = JSON.stringify({ ...OMU_EDM, version: '1.1' })
    const check = await svc.call('omu:catalogs.check', { text })
    expect(check.ok && check.data).toMatchObject({ problems: [], summary: { id: OMU_EDM.id, version: '1.1', baselines: 22 } })
    expect(await svc.call('omu:catalogs.import', { text, password: TEST_PASSWORD })).toMatchObject({ ok: true, data: { version: '1.1', shipped: false } })
    const list = await svc.call('omu:catalogs.list')
    expect(list.ok && list.data.map((c) => [c.id, c.version, c.shipped])).toEqual([
      [OMU_EDM.id, OMU_EDM.version, true],
      [expect.any(String), expect.any(String), true],
      [OMU_EDM.id, '1.1', false],
    ])
    // The same id and version again is refused.
    expect(await svc.call('omu:catalogs.import', { text, password: TEST_PASSWORD })).toMatchObject({ ok: false, error: { code: 'conflict' } })
    svc.cleanup()
  })

  it('a bad file lists every problem with its path, and importing it writes nothing', async () => {
    const svc = await startTestServices()
    const bad = JSON.parse(JSON.stringify(OMU_EDM)) as { version: string; baselines: { weighting: unknown; autonomy: unknown }[]; title: unknown }
    bad.version = '2.0'
    bad.title = 42
    if (bad.baselines[0]) bad.baselines[0].weighting = 7
    if (bad.baselines[1]) bad.baselines[1].autonomy = 'sometimes'
    const check = await svc.call('omu:catalogs.check', { text: JSON.stringify(bad) })
    const paths = check.ok ? check.data.problems.map((p) => p.path) : []
    expect(paths).toEqual(expect.arrayContaining(['title', 'baselines[0].weighting', 'baselines[1].autonomy']))
    const imp = await svc.call('omu:catalogs.import', { text: JSON.stringify(bad), password: TEST_PASSWORD })
    expect(imp).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    // Issue 16: the refusal says where in words, never the file's internal path.
    expect(imp.ok || imp.error.message).toMatch(/Baseline entry 1, weighting|Title/)
    expect(imp.ok || imp.error.message).not.toMatch(/\w\[\d+\]/)
    const list = await svc.call('omu:catalogs.list')
    expect(list.ok && list.data.length).toBe(2)
    expect((await svc.call('omu:catalogs.check', { text: '{ not json' })).ok && true).toBe(true)
    svc.cleanup()
  })
})
