// Issue 17: "A plan can be built from any installed catalogue (the Probation Supervision EDM from
// seed 000 included), chosen when the plan is started; exports name the catalogue." Through the real
// services on SQLite and PostgreSQL: the plan's baselines, readiness, blockers, exports and Group
// view row all come from the catalogue chosen at the start. Issue 16: baselines by number and title.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { OMU_EDM, PROBATION_SUPERVISION_EDM, baselinesAtStage } from '../../shared/engine/index'
import { baselineName } from '../../shared/export/labels'
import { readinessExportSchema } from '../../shared/export/readinessExport'
import { TEST_PASSWORD, startTestServices, type ServicesHandle } from './helpers'
import { plan, setUpEstablishment } from './rrmpFixtures'

let svc: ServicesHandle
beforeEach(async () => {
  svc = await startTestServices()
  await setUpEstablishment(svc)
})
afterEach(() => svc.cleanup())

const PS = PROBATION_SUPERVISION_EDM

async function exportAs(versionId: number, format: 'pdf' | 'xlsx' | 'json'): Promise<string> {
  const r = await svc.call('omu:readiness.export', { versionId, format })
  if (!r.ok) throw new Error(r.error.message)
  if (!r.data.saved) throw new Error('not saved')
  return r.data.path
}

describe('starting a plan from a chosen catalogue (issue 17)', () => {
  it('the Probation Supervision EDM (seed 000): its baselines for the target stage, its readiness, and every export names it', async () => {
    const list = await svc.call('omu:catalogs.list', {})
    const offered = list.ok ? list.data.find((c) => c.title === PS.title) : undefined
    expect(offered).toBeDefined()
    const started = await svc.call('omu:rrmp.start', { catalog: { id: offered?.id ?? '', version: offered?.version ?? '' } })
    expect(started.ok && started.data).toMatchObject({ version: 1, catalogId: PS.id, catalogVersion: PS.version, targetStage: 3 })

    // Establishment stage 3 on seed 000's regimes is its red regime (level 3): that regime's rows.
    const view = await plan(svc)
    const expected = baselinesAtStage(PS, 'red').map((b) => b.id)
    expect(expected.length).toBeGreaterThan(0)
    expect(view.entries.map((e) => e.baselineId).sort()).toEqual([...expected].sort())
    expect(view.entries.some((e) => OMU_EDM.baselines.some((b) => b.id === e.baselineId && !PS.baselines.some((p) => p.id === b.id)))).toBe(false)
    expect(view.catalogTitle).toBe(PS.title)
    expect(view.readiness.catalogId).toBe(PS.id)
    expect(view.readiness.blockers.map((b) => b.baselineId).sort()).toEqual([...expected].sort())
    expect(view.areas.map((a) => a.title).every((t) => PS.areas.some((a) => a.title === t))).toBe(true)
    // Issue 16: each blocker by number and title, from this catalogue's text.
    const first = view.readiness.blockers[0]!.baselineId
    expect(view.baselineNames[first]).toBe(baselineName(first, PS.baselines.find((b) => b.id === first)?.text))
    const catalog = await svc.call('omu:rrmp.catalog', { id: view.version.catalogId, version: view.version.catalogVersion })
    expect(catalog.ok && catalog.data.title).toBe(PS.title)

    // The exports name the catalogue.
    const doc = readinessExportSchema.parse(JSON.parse(fs.readFileSync(await exportAs(view.version.id, 'json'), 'utf8')))
    expect(doc.catalogue).toMatchObject({ id: PS.id, title: PS.title, version: PS.version })
    expect(doc.baselines.map((b) => b.id).sort()).toEqual([...expected].sort())
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(await exportAs(view.version.id, 'xlsx'))
    const summary = new Map<string, unknown>()
    wb.getWorksheet('Summary')?.eachRow((r) => summary.set(String(r.getCell(1).value), r.getCell(2).value))
    expect(summary.get('Catalogue')).toBe(PS.title)
    expect(summary.get('Catalogue version')).toBe(PS.version)
    expect(wb.getWorksheet('Blockers and warnings')?.getRow(2).getCell(2).value).toBe(view.baselineNames[view.readiness.blockers[0]!.baselineId])
    const text = execFileSync('pdftotext', [await exportAs(view.version.id, 'pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    expect(text).toContain(`Readiness assessment: ${PS.title}`)
    expect(text).not.toContain('Readiness assessment: Offender Management Unit')

    // The Group view's row is this plan's: blockers named from the same catalogue.
    const group = await svc.call('omu:group.view', {})
    if (!group.ok) throw new Error(group.error.message)
    const live = group.data.rows.find((r) => r.source.kind === 'live')
    expect(live?.readiness?.blockers.map((b) => b.name).sort()).toEqual(view.readiness.blockers.map((b) => view.baselineNames[b.baselineId]).sort())
  })

  it('no choice is the OMU EDM (seed 002)', async () => {
    const r = await svc.call('omu:rrmp.start', {})
    expect(r.ok && r.data).toMatchObject({ catalogId: OMU_EDM.id, catalogVersion: OMU_EDM.version })
    expect((await plan(svc)).catalogTitle).toBe(OMU_EDM.title)
  })

  it('an imported catalogue can be chosen too (any installed catalogue)', async () => {
    const imported = { ...OMU_EDM, version: '9.9', title: 'OMU EDM, local revision' }
    expect((await svc.call('omu:catalogs.import', { text: JSON.stringify(imported), password: TEST_PASSWORD })).ok).toBe(true)
    const r = await svc.call('omu:rrmp.start', { catalog: { id: imported.id, version: '9.9' } })
    expect(r.ok && r.data).toMatchObject({ catalogId: OMU_EDM.id, catalogVersion: '9.9' })
    expect((await plan(svc)).catalogTitle).toBe('OMU EDM, local revision')
  })

  it('a catalogue that is not installed is refused in plain words, and no plan is started', async () => {
    const r = await svc.call('omu:rrmp.start', { catalog: { id: 'no-such-edm', version: '1.0' } })
    expect(r.ok || r.error).toMatchObject({ code: 'invalid_input', field: 'catalog' })
    expect(r.ok || r.error.message).toMatch(/not installed/)
    expect(await svc.call('omu:rrmp.plan', {})).toEqual({ ok: true, data: null })
  })
})
