// The Group view kept between requests while nothing changes (issue 19, "Benchmark": first paint
// of 10 establishments of 2,000 prisoners < 1 s; electron/services/group/kept.ts), on a real
// SQLite file and, under vitest.pg.config.ts, on a real PostgreSQL server. Kept only under the
// data's fingerprint (db/store/revision.ts): every commit, by this app, another desk on the same
// data or a tool outside the app, and in any table (the RRMP and the imports too, which send no
// case notification on the shared database), is in the very next view.
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dataRevision } from '../../db/store/revision'
import { keptGroupView } from '../../electron/services/group/kept'
import type { ReadinessExport } from '../../shared/export/readinessExport'
import { adminSql, readStore, startTestServices, type ServicesHandle } from './helpers'
import { readyPlan, setUpEstablishment } from './rrmpFixtures'

let svc: ServicesHandle
const others: ServicesHandle[] = []
beforeEach(async () => {
  svc = await startTestServices()
  await setUpEstablishment(svc)
})
afterEach(async () => {
  // A second app on the same data first: the first one's clean-up drops the shared test database.
  for (const o of others.splice(0)) await o.close()
  await svc.cleanup()
})

const V1_TEXT = (): string => fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'readiness-export-v1.json'), 'utf8')

async function view(s: ServicesHandle = svc) {
  const r = await s.call('omu:group.view', {})
  if (!r.ok) throw new Error(r.error.message)
  return r.data
}

async function importV1(): Promise<number> {
  const r = await svc.call('omu:readiness.importComparison', { fileName: 'old.json', text: V1_TEXT() })
  if (!r.ok) throw new Error(r.error.message)
  return r.data.id
}

const codes = (v: Awaited<ReturnType<typeof view>>) => v.rows.map((r) => r.establishment.code)

describe('the Group view kept while nothing changes', () => {
  it('with nothing committed in between, the data’s fingerprint is the same and the kept view is answered', async () => {
    await importV1()
    const [a, b] = [await readStore(svc, dataRevision), await readStore(svc, dataRevision)]
    expect(b).toBe(a)
    const user = { id: 1, role: 'homs' as const }
    const first = await readStore(svc, (c) => keptGroupView(c, '2026-11-23', new Date(), user))
    const second = await readStore(svc, (c) => keptGroupView(c, '2026-11-23', new Date(), user))
    // The same object: not worked out again.
    expect(second).toBe(first)
    expect(codes(first)).toEqual(['TST', 'OLD'])
  })

  it('another day, or another user, is worked out afresh: the key holds the day and who asks', async () => {
    const homs = { id: 1, role: 'homs' as const }
    const today = await readStore(svc, (c) => keptGroupView(c, '2026-11-23', new Date(), homs))
    const tomorrow = await readStore(svc, (c) => keptGroupView(c, '2026-11-24', new Date(), homs))
    expect(tomorrow).not.toBe(today)
    expect([today.today, tomorrow.today, tomorrow.rows[0]?.compliance.asOf]).toEqual(['2026-11-23', '2026-11-24', '2026-11-24'])
    const reviewer = await readStore(svc, (c) => keptGroupView(c, '2026-11-24', new Date(), { id: 2, role: 'read_only' }))
    expect(reviewer).not.toBe(tomorrow)
  })

  it('a change to the RRMP through the app is in the next view (the shared database sends no case notification for it)', async () => {
    expect((await view()).rows[0]?.readiness).toBeNull()
    await readyPlan(svc)
    const after = await view()
    expect(after.rows[0]?.plan?.version).toBe(1)
    expect(after.rows[0]?.readiness?.percent).toBe(100)
  })

  it('an imported export, and its removal, are in the next view', async () => {
    expect(codes(await view())).toEqual(['TST'])
    const id = await importV1()
    expect(codes(await view())).toEqual(['TST', 'OLD'])
    expect((await svc.call('omu:readiness.removeComparison', { id })).ok).toBe(true)
    expect(codes(await view())).toEqual(['TST'])
  })

  it('another desk’s commit on the same data (a second app on the same file or shared database) is in the next view', async () => {
    const p = await readyPlan(svc)
    const own = await svc.call('omu:readiness.document', { versionId: p.version.id })
    if (!own.ok) throw new Error(own.error.message)
    expect(codes(await view())).toEqual(['TST'])
    const desk = await startTestServices({ userData: svc.userData })
    others.push(desk)
    const other: ReadinessExport = { ...own.data, establishment: { name: 'HMP Elsewhere', code: 'ELS', category: 'training' } }
    const r = await desk.call('omu:readiness.importComparison', { fileName: 'els.json', text: JSON.stringify(other) })
    if (!r.ok) throw new Error(r.error.message)
    expect(codes(await view())).toEqual(['TST', 'ELS'])
  })

  it('a write outside the app (a script on the file, psql on the shared database) is in the next view', async () => {
    const id = await importV1()
    expect(codes(await view())).toEqual(['TST', 'OLD'])
    const remove = 'delete from comparison_import where id = '
    const local = svc.runtime.localStore
    if (local) local.sqlite.prepare(`${remove}?`).run(id)
    else await adminSql(svc, `${remove}$1`, [id])
    expect(codes(await view())).toEqual(['TST'])
  })
})
