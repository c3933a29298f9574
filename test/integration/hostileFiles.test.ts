import Database from 'better-sqlite3'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { schemaMismatch } from '../../db/schemaCheck'
import { migrationsFolderFrom } from '../../db/paths'
import { repoRoot } from '../../db/testing'
import { usePostgres } from '../pg/workers'
import { fileAccess, HMP_TESTSHIRE, servicesPerTest, TEST_PASSWORD, type ServicesHandle } from './helpers'
import { openSqliteFile } from '../../db/sqliteFile'

// Issue 15 ("hostile backups refused"): a restore, or a data file found at start, is accepted only
// when its tables, indexes, triggers and views are exactly those OMU Desk's migrations make for the
// version it records. A file from elsewhere could otherwise bring a trigger that empties the audit
// trail, or lack the triggers that keep it append-only. SQLite files only (the shared database's
// schema is IT's and db:audit-check's).

const start = servicesPerTest({ now: new Date('2026-11-23T10:00:00Z') })
const migrations = migrationsFolderFrom(repoRoot())

/** A copy of the test's data file (a valid OMU Desk backup), changed by `tamper`. */
function tamperedCopy(svc: ServicesHandle, name: string, tamper: (db: Database.Database) => void): string {
  const file = path.join(svc.userData, name)
  const live = openSqliteFile(path.join(svc.userData, 'omu.db'), fileAccess(svc), { readonly: true })
  live.prepare('vacuum into ?').run(file)
  live.close()
  const db = openSqliteFile(file, fileAccess(svc))
  tamper(db)
  db.pragma('journal_mode = DELETE')
  db.close()
  return file
}

describe.skipIf(usePostgres())('hostile data files (issue 15)', () => {
  it('a backup with a trigger of its own, or without the audit trail’s append-only trigger, or with a changed table, is refused in a sentence and nothing is restored', async () => {
    const svc = await start()
    await svc.call('omu:establishment.setup', HMP_TESTSHIRE)
    const cases: [string, (db: Database.Database) => void, RegExp][] = [
      ['extra-trigger.db', (db) => db.exec('create trigger forget after insert on audit_log begin delete from audit_log; end'), /it has a trigger forget that OMU Desk does not make/],
      ['no-append-only.db', (db) => db.exec('drop trigger audit_log_no_delete'), /its trigger audit_log_no_delete is missing/],
      ['extra-view.db', (db) => db.exec('create view everyone as select * from prisoner'), /it has a view everyone that OMU Desk does not make/],
      ['changed-index.db', (db) => db.exec('drop index audit_entity; create index audit_entity on audit_log (entity)'), /its index audit_entity has been changed/],
    ]
    for (const [name, tamper, says] of cases) {
      const file = tamperedCopy(svc, name, tamper)
      const r = await svc.call('omu:backup.restore', { path: file, password: TEST_PASSWORD })
      expect(r, name).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(says) } })
      expect(r.ok ? '' : r.error.message).toMatch(new RegExp(`^${name.replace('.', '\\.')} cannot be restored\\. Its structure is not what OMU Desk makes: .+\\. Nothing was restored; choose a backup made by OMU Desk\\.$`))
    }
    // The data file in use is untouched.
    expect(await svc.call('omu:establishment.get')).toMatchObject({ ok: true, data: { name: HMP_TESTSHIRE.name } })
    // An untouched copy restores.
    const clean = tamperedCopy(svc, 'clean.db', () => undefined)
    expect(await svc.call('omu:backup.restore', { path: clean, password: TEST_PASSWORD })).toMatchObject({ ok: true, data: { status: { state: 'ready' } } })
  })

  it('a data file changed at rest between two starts opens on the recovery page, saying what is wrong', async () => {
    const first = await start()
    await first.call('omu:establishment.setup', HMP_TESTSHIRE)
    const access = fileAccess(first)
    await first.close()
    const db = openSqliteFile(path.join(first.userData, 'omu.db'), access)
    db.exec('create trigger quiet before insert on audit_log begin select raise(ignore); end')
    db.close()
    const again = await start({ userData: first.userData })
    const status = await again.call('omu:app.status')
    expect(status.ok && status.data).toMatchObject({
      state: 'recovery',
      problem: { kind: 'unexpected_schema', message: expect.stringContaining('it has a trigger quiet that OMU Desk does not make') },
    })
  })

  it('the reference is this version’s migrations: every file they make passes, at each version a file may record', () => {
    const count = fs.readdirSync(migrations).filter((f) => f.endsWith('.sql')).length
    for (let version = 1; version <= count; version++) {
      const db = new Database(':memory:')
      db.exec('CREATE TABLE "__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)')
      const files = fs.readdirSync(migrations).filter((f) => f.endsWith('.sql')).sort().slice(0, version)
      const journal = JSON.parse(fs.readFileSync(path.join(migrations, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] }
      for (const [i, f] of files.entries()) {
        const text = fs.readFileSync(path.join(migrations, f), 'utf8')
        for (const statement of text.split('--> statement-breakpoint')) if (statement.trim()) db.exec(statement)
        const hash = crypto.createHash('sha256').update(text).digest('hex')
        db.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run(hash, journal.entries[i]?.when ?? 0)
      }
      expect(schemaMismatch(db, migrations), `after ${version} migrations`).toBeNull()
      db.close()
    }
  })
})
