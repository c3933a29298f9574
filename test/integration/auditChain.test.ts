import { describe, expect, it } from 'vitest'
import { checkAuditChain } from '../../electron/services/trust/store'
import type { IpcResult } from '../../shared/ipc/result'
import { usePostgres } from '../pg/workers'
import { adminSql, HMP_TESTSHIRE, localStore, readStore, servicesPerTest, TEST_PASSWORD, TEST_PRISONER, type ServicesHandle } from './helpers'

// Issue 15, "Forgetting and disclosing": "The audit trail stays tamper-evident: each row carries a
// hash of the previous one, and a check (in Settings and at start-up) reports a broken chain; a
// purge is itself a recorded event in the chain." (db/auditChain.ts; SQLite migration 0009,
// PostgreSQL migration 0007.) Each test changes the trail the way someone with the file, or the
// server's administrator, could: with the append-only triggers out of the way.

const RELEASED_AT = new Date('2026-11-23T10:00:00Z')
const SEVEN_YEARS_ON = new Date('2033-11-24T10:00:00Z')
const start = servicesPerTest()

async function must<T>(p: Promise<IpcResult<T>>): Promise<T> {
  const r = await p
  if (!r.ok) throw new Error(r.error.message)
  return r.data
}

/** A few audited changes: the establishment, a staff record, a prisoner and a change to them. */
async function someHistory(svc: ServicesHandle): Promise<number> {
  await must(svc.call('omu:establishment.setup', HMP_TESTSHIRE))
  await must(svc.call('omu:staff.save', { name: 'Pat Pom', role: 'prison_pom' }))
  const p = await must(svc.call('omu:prisoners.create', TEST_PRISONER))
  const read = await must(svc.call('omu:prisoners.get', { prisonerId: p.id }))
  await must(svc.call('omu:prisoners.update', { prisonerId: p.id, version: read.prisoner.version, fields: { ...TEST_PRISONER, status: 'released' } }))
  return p.id
}

const check = (svc: ServicesHandle) => readStore(svc, checkAuditChain)

async function auditRows(svc: ServicesHandle): Promise<{ id: number; at: string }[]> {
  const rows = await readStore(svc, (c) => c.sql.rows<[number, string]>('select id, at from audit_log order by chain_seq'))
  return rows.map(([id, at]) => ({ id: Number(id), at }))
}

/** Runs SQL behind the app's back with the append-only trigger `trigger` out of the way. */
async function behindTheTriggers(svc: ServicesHandle, trigger: 'audit_log_no_update' | 'audit_log_no_delete', statement: string): Promise<void> {
  if (usePostgres()) {
    await adminSql(svc, `alter table audit_log disable trigger ${trigger}`)
    await adminSql(svc, statement)
    await adminSql(svc, `alter table audit_log enable trigger ${trigger}`)
    return
  }
  // Someone with the data file: the trigger dropped (it stays dropped: the check does not rely on it).
  const sqlite = localStore(svc)
  await sqlite.write(async (c) => {
    await c.sql.exec(`drop trigger ${trigger}`)
    await c.sql.exec(statement)
  })
}

describe('the audit trail is a hash chain (issue 15)', () => {
  it('a trail written by the app verifies, every row of it', async () => {
    const svc = await start()
    await someHistory(svc)
    const rows = await auditRows(svc)
    expect(rows.length).toBeGreaterThanOrEqual(4)
    expect(await check(svc)).toEqual({ ok: true, checkedRows: rows.length })
    // Links are 1, 2, 3 ... and no row is outside the chain.
    const seqs = await readStore(svc, (c) => c.sql.rows<[number | null]>('select chain_seq from audit_log order by id'))
    expect(seqs.map(([s]) => Number(s)).sort((a, b) => a - b)).toEqual(rows.map((_, i) => i + 1))
  })

  it('a row whose who, when or what was changed afterwards is reported, naming that row', async () => {
    const svc = await start()
    await someHistory(svc)
    const rows = await auditRows(svc)
    const target = rows[2]!
    await behindTheTriggers(svc, 'audit_log_no_update', `update audit_log set username = 'someone.else' where id = ${target.id}`)
    const result = await check(svc)
    expect(result).toMatchObject({ ok: false, checkedRows: 2, firstBrokenRow: { id: target.id, at: target.at } })
    expect(result.firstBrokenRow?.problem).toMatch(/altered/)
  })

  it('a row whose recorded change (before or after) was changed afterwards is reported, naming that row', async () => {
    const svc = await start()
    await someHistory(svc)
    const rows = await auditRows(svc)
    const target = rows.at(-1)!
    await behindTheTriggers(svc, 'audit_log_no_update', `update audit_log set after = '{"status":"in_custody"}' where id = ${target.id}`)
    expect(await check(svc)).toMatchObject({ ok: false, checkedRows: rows.length - 1, firstBrokenRow: { id: target.id, problem: expect.stringMatching(/before or after/) as unknown } })
  })

  it('a row removed from the middle is reported at the row after it', async () => {
    const svc = await start()
    await someHistory(svc)
    const rows = await auditRows(svc)
    await behindTheTriggers(svc, 'audit_log_no_delete', `delete from audit_log where id = ${rows[1]!.id}`)
    expect(await check(svc)).toMatchObject({ ok: false, checkedRows: 1, firstBrokenRow: { id: rows[2]!.id, at: rows[2]!.at, problem: 'the entry before it has been removed' } })
  })

  it.runIf(usePostgres())('in the shared database, the latest rows removed are reported too (the chain head no login may change)', async () => {
    const svc = await start()
    await someHistory(svc)
    const rows = await auditRows(svc)
    await behindTheTriggers(svc, 'audit_log_no_delete', `delete from audit_log where id in (${rows.slice(-2).map((r) => r.id).join(', ')})`)
    const kept = rows.at(-3)!
    expect(await check(svc)).toMatchObject({ ok: false, checkedRows: rows.length - 2, firstBrokenRow: { id: kept.id, problem: 'the 2 latest entries after it have been removed' } })
  })

  it('a retention purge keeps the chain verifiable, and is itself a link of it', async () => {
    const svc = await start({ now: RELEASED_AT })
    const prisonerId = await someHistory(svc)
    const later = await start({ userData: svc.userData, now: SEVEN_YEARS_ON })
    await must(later.call('omu:retention.purge', { prisonerIds: [prisonerId], confirm: true, password: TEST_PASSWORD }))
    const purged = await readStore(later, (c) => c.sql.rows<[string | null]>(`select after from audit_log where entity = 'prisoner' and entity_id = '${prisonerId}' and channel <> 'omu:retention.purge'`))
    expect(purged.length).toBeGreaterThan(0)
    for (const [after] of purged) expect(after).toBe('{"purged":true}')
    const rows = await auditRows(later)
    expect(await check(later)).toEqual({ ok: true, checkedRows: rows.length })
    const last = await readStore(later, (c) => c.sql.rows<[string, number]>('select channel, chain_seq from audit_log order by chain_seq desc limit 1'))
    expect(last).toEqual([['omu:retention.purge', rows.length]])
  })

  it.runIf(usePostgres())('rows written at once from many connections form one chain', async () => {
    const svc = await start()
    await someHistory(svc)
    // Ten administrator connections at once, each inserting as psql would (the server stamps and chains every row).
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        adminSql(svc, "insert into audit_log (at, username, role, channel, entity, entity_id, before, after) values ('x', 'x', 'x', 'psql', 'test', $1, null, null)", [String(i)]),
      ),
    )
    const rows = await auditRows(svc)
    expect(await check(svc)).toEqual({ ok: true, checkedRows: rows.length })
    const seqs = await readStore(svc, (c) => c.sql.rows<[number]>('select chain_seq from audit_log order by chain_seq'))
    expect(seqs.map(([s]) => Number(s))).toEqual(rows.map((_, i) => i + 1))
  })

  it.skipIf(usePostgres())('a trail written before the chain existed is chained in order at the next open, and verifies', async () => {
    const svc = await start()
    await someHistory(svc)
    const before = await auditRows(svc)
    // As migration 0009 leaves an older file: every row without its link (the trigger put back as it was).
    const triggerSql = await localStore(svc).read((c) => c.sql.value<string>("select sql from sqlite_master where name = 'audit_log_no_update'"))
    await localStore(svc).write(async (c) => {
      await c.sql.exec('drop trigger audit_log_no_update')
      await c.sql.exec('update audit_log set chain_seq = null, salt = null, payload_digest = null, chain_hash = null')
      await c.sql.exec(String(triggerSql))
    })
    expect(await check(svc)).toMatchObject({ ok: false, firstBrokenRow: { id: before[0]!.id, problem: expect.stringMatching(/not part of the chain/) as unknown } })
    await svc.close()
    const reopened = await start({ userData: svc.userData })
    const after = await auditRows(reopened)
    expect(after.slice(0, before.length)).toEqual(before)
    expect(await check(reopened)).toEqual({ ok: true, checkedRows: after.length })
  })

  it.skipIf(usePostgres())('a row slipped into a chained file without its link is reported, not adopted at the next open', async () => {
    const svc = await start()
    await someHistory(svc)
    await localStore(svc).write((c) => c.sql.exec("insert into audit_log (at, username, role, channel, entity) values ('2026-11-23T10:00:00.000Z', 'first.homs', 'homs', 'omu:staff.save', 'staff')"))
    await svc.close()
    const reopened = await start({ userData: svc.userData })
    expect(await check(reopened)).toMatchObject({ ok: false, firstBrokenRow: { problem: expect.stringMatching(/not part of the chain/) as unknown } })
  })
})
