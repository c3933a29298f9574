// Issue 8: the whole-establishment read counts the in-person sessions in each counting window and
// reads only the unusual records (shared/engine/case/relevance.ts); it must give the same verdict
// for every case as reading the full history. Real SQLite file (or, under `npm run test:pg`, the
// real PostgreSQL server: issue 13 gives these reads a form of their own), real migrations, the
// demo establishment.
import { afterEach, describe, expect, it } from 'vitest'
import { loadCases, type CaseRecord, type Relevance } from '../../electron/services/caseload/load'
import { UNUSUAL_SESSIONS, WINDOW_COUNTS } from '../../electron/services/caseload/relevant'
import { evaluateRecord, nextMinimum, worstStatus } from '../../electron/services/caseload/verdict'
import type { CaseEvaluation } from '../../shared/engine'
import { adminSql, startTestServices, TEST_PASSWORD, type ServicesHandle } from './helpers'

const NOW = new Date('2026-11-23T10:00:00Z')
let svc: ServicesHandle | null = null
afterEach(async () => {
  await svc?.cleanup()
  svc = null
})

function verdicts(records: readonly CaseRecord[], s: Relevance): Map<number, unknown> {
  const out = new Map<number, unknown>()
  for (const rec of records) {
    try {
      out.set(rec.prisoner.id, evaluateRecord(rec, { ...s, stage: 3 }))
    } catch (err) {
      // An input error names the session by its place in the list read, which differs between the two reads.
      out.set(rec.prisoner.id, (err as Error).message.replace(/sessions\[\d+\]/g, 'sessions[]'))
    }
  }
  return out
}

async function demo(): Promise<ServicesHandle> {
  const s = await startTestServices({ now: NOW })
  const r = await s.call('omu:demo.create', { prisoners: 400, seed: 3 })
  if (!r.ok) throw new Error(r.error.message)
  return s
}

describe('whole-establishment read: counts and unusual records only (issue 8)', () => {
  it('gives every case the same evaluation as the full history, under both policies and with extra holidays, from a fraction of the rows', async () => {
    svc = await demo()
    const store = svc.runtime.store!
    // Records a POM would not usually make: late, recorded before the session, and a bad date.
    const ids = async (sql: string) => (await store.sql.rows<[number]>(sql)).map(([id]) => id)
    const [a, b, c] = (await ids("select id from prisoner where status = 'in_custody' order by id limit 3")) as [number, number, number]
    const add = (id: number, date: string, recordedOn: string) =>
      store.write((w) => w.sql.exec("insert into supervision_session (prisoner_id, date, in_person, mode, recorded_on, created_at) values (?, ?, 1, 'other', ?, '2026-11-23T10:00:00Z')", [id, date, recordedOn]))
    await add(a, '2021-03-01', '2021-03-09')
    await add(b, '2022-05-10', '2022-05-09')
    await add(c, '2023-02-30', '2023-02-30')
    // Late records inside current windows: counted in the window and read as late.
    for (const id of await ids("select id from prisoner where status = 'in_custody' order by id limit 40 offset 3")) await add(id, '2026-11-10', '2026-11-20')
    const total = Number(await store.sql.value('select count(*) from supervision_session'))
    for (const s of [
      { today: '2026-11-23', policy: 'omic2021', extraHolidays: [] },
      { today: '2026-11-23', policy: 'omic2023', extraHolidays: ['2026-11-24', '2026-12-01'] },
      { today: '2025-06-02', policy: 'omic2021', extraHolidays: ['2025-06-03'] },
    ] satisfies Relevance[]) {
      const partial = await store.read((r) => loadCases(r, { pomId: null }, s))
      const full = await store.read((r) => loadCases(r, { pomId: null }))
      expect(verdicts(partial, s)).toEqual(verdicts(full, s))
      const read = partial.reduce((n, r) => n + r.sessions.length, 0)
      const counted = partial.reduce((n, r) => n + Object.values(r.windowCounts ?? {}).reduce((a, b) => a + b, 0), 0)
      expect(read).toBeGreaterThan(0)
      expect(counted).toBeGreaterThan(read / 2) // in-window sessions are counted, not read
      expect(read / total).toBeLessThan(0.15)
    }
    // The unusual records are among those read, whatever their dates.
    const s21: Relevance = { today: '2026-11-23', policy: 'omic2021', extraHolidays: [] }
    const byId = new Map((await store.read((r) => loadCases(r, { pomId: null }, s21))).map((r) => [r.prisoner.id, r]))
    expect(byId.get(a)?.sessions).toContainEqual({ date: '2021-03-01', inPerson: true, recordedOn: '2021-03-09' })
    expect(byId.get(b)?.sessions).toContainEqual({ date: '2022-05-10', inPerson: true, recordedOn: '2022-05-09' })
    expect(byId.get(c)?.sessions).toContainEqual({ date: '2023-02-30', inPerson: true, recordedOn: '2023-02-30' })
  })

  it('the caseload follows a change of policy in Settings (the sessions that matter are chosen again)', async () => {
    svc = await demo()
    const store = svc.runtime.store!
    for (const policy of ['omic2023', 'omic2021'] as const) {
      const u = await svc.call('omu:establishment.update', { policy, password: TEST_PASSWORD })
      expect(u.ok).toBe(true)
      const list = await svc.call('omu:caseload.list', { pomId: null })
      if (!list.ok) throw new Error(list.error.message)
      const expected = verdicts(await store.read((r) => loadCases(r, { pomId: null })), { today: '2026-11-23', policy, extraHolidays: [] })
      expect(list.data.rows.length).toBe(expected.size)
      for (const row of list.data.rows) {
        const e = expected.get(row.prisonerId) as CaseEvaluation
        expect({ handover: row.handover, responsibility: row.responsibility, next: row.next, status: row.status, lateRecords: row.lateRecords }).toEqual({
          handover: e.handover,
          responsibility: e.responsibility,
          next: nextMinimum(e.minima),
          status: worstStatus(e.minima),
          lateRecords: e.lateRecords,
        })
      }
    }
  })

  it('counts and reads sessions through the two indexes, never the whole table (EXPLAIN)', async () => {
    svc = await demo()
    const store = svc.runtime.store!
    if (store.dialect === 'sqlite') {
      const sqlite = svc.runtime.localStore!.sqlite
      const plan = (sql: string, ...params: unknown[]) => (sqlite.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[]).map((p) => p.detail)
      const windowed = plan(WINDOW_COUNTS.sqlite, '[]')
      expect(windowed.join('\n')).toMatch(/SEARCH s USING COVERING INDEX session_case_scan \(prisoner_id=\? AND date>\? AND date<\?\)/)
      expect(plan(UNUSUAL_SESSIONS.sqlite)).toEqual(['SCAN supervision_session USING COVERING INDEX session_unusual_record'])
      expect(windowed.some((d) => /^SCAN (s|supervision_session)$/.test(d))).toBe(false)
      return
    }
    // PostgreSQL has no INDEXED BY: with the table's statistics up to date (as autovacuum keeps
    // them), the planner itself must choose both indexes, and never read the whole table.
    await adminSql(svc, 'analyze supervision_session')
    const plan = async (sql: string, params: (string | number)[] = []) => (await store.sql.rows<[string]>(`explain ${sql}`, params)).map(([line]) => line).join('\n')
    const windowed = await plan(WINDOW_COUNTS.postgres, [JSON.stringify([[1, '2024-01-01', '2026-11-23'], [2, '2025-01-01', '2026-11-23']])])
    expect(windowed).toMatch(/Index Only Scan using session_case_scan on supervision_session s/)
    expect(windowed).toMatch(/Index Cond: \(\(prisoner_id = .*\) AND \(date >= .*\) AND \(date <= .*\)\)/)
    expect(windowed).not.toMatch(/Seq Scan on supervision_session/)
    const unusual = await plan(UNUSUAL_SESSIONS.postgres)
    expect(unusual).toMatch(/(Index|Index Only|Bitmap Index) Scan (using|on) session_unusual_record/)
    expect(unusual).not.toMatch(/Seq Scan on supervision_session/)
  })
})
