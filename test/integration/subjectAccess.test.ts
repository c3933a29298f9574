import fs from 'node:fs'
import { execFileSync } from 'node:child_process'
import { and, eq, ne } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { auditLog } from '../../db/schema'
import { releasedBefore } from '../../electron/services/handlers/subjectAccess'
import { HMP_TESTSHIRE, readStore, startTestServices, TEST_PASSWORD, type ServicesHandle } from './helpers'

let svc: ServicesHandle
afterEach(() => svc?.cleanup())

const PRISONER = { prisonNumber: 'A1234BC', firstName: 'Alex', lastName: 'Testwell', dateOfBirth: '1990-04-01', sentenceType: 'determinate', sentenceStartDate: '2015-09-01', conditionalReleaseDate: '2018-03-01' }

async function arrange(now = new Date('2026-11-23T10:00:00Z')): Promise<number> {
  svc = await startTestServices({ now })
  await svc.call('omu:establishment.setup', HMP_TESTSHIRE)
  const pom = await svc.call('omu:staff.save', { name: 'Pat Pom', role: 'prison_pom' })
  const p = await svc.call('omu:prisoners.create', PRISONER)
  const prisonerId = p.ok ? p.data.id : 0
  await svc.call('omu:allocations.allocate', { prisonerId, staffId: pom.ok ? pom.data.id : 0, startDate: '2026-09-10' })
  await svc.call('omu:sessions.record', { prisonerId, date: '2026-11-20', inPerson: true, mode: 'wing_interview_room', durationMinutes: 30, notes: 'Discussed sentence plan.' })
  await svc.call('omu:sessions.record', { prisonerId, date: '2026-11-21', inPerson: true, mode: 'wing_interview_room', durationMinutes: 30, notes: 'Intelligence from a third party: do not disclose.', notesSensitive: true })
  return prisonerId
}

describe('subject access request export (issue 7)', () => {
  it('the store is not held while the user chooses where to save: a session recorded meanwhile is saved (issue 13)', async () => {
    const prisonerId = await arrange()
    const host = svc.runtime.config.host
    const choose = host.chooseSavePath.bind(host)
    let meanwhile: unknown = null
    host.chooseSavePath = async (opts) => {
      // Were the export's read still open, this write would wait for it (SQLite) or the read
      // transaction would sit idle on the server (PostgreSQL) for as long as the dialog is open.
      meanwhile = await Promise.race([
        svc.call('omu:sessions.record', { prisonerId, date: '2026-11-22', inPerson: true, mode: 'wing_interview_room', durationMinutes: 15 }),
        new Promise((resolve) => setTimeout(() => resolve('still waiting after 3 s'), 3000)),
      ])
      return choose(opts)
    }
    const r = await svc.call('omu:subjectAccess.export', { prisonerId, format: 'json' })
    expect(r.ok && r.data.saved).toBe(true)
    expect(meanwhile).toMatchObject({ ok: true, data: { date: '2026-11-22' } })
  })

  it('JSON: facts, allocations, sessions and audit rows; sensitive notes only in the held-back list', async () => {
    const prisonerId = await arrange()
    const r = await svc.call('omu:subjectAccess.export', { prisonerId, format: 'json' })
    expect(r.ok && r.data).toMatchObject({ saved: true, sensitiveNotesHeldBack: 2, reviewerPath: expect.stringMatching(/-REVIEWER-ONLY-held-back-notes\.json$/) })
    const saved = r.ok && r.data.saved ? r.data : null
    const disclosure = JSON.parse(fs.readFileSync(saved?.path ?? '', 'utf8')) as Record<string, unknown>
    // Issue 15: the disclosure file holds no held-back note, not even in a list; the reviewer's is a file of its own.
    expect(disclosure).not.toHaveProperty('heldBack')
    const { heldBack } = JSON.parse(fs.readFileSync(saved?.reviewerPath ?? '', 'utf8')) as { heldBack: { note: string }[] }
    expect(JSON.stringify(disclosure)).toContain('Discussed sentence plan.')
    expect(JSON.stringify(disclosure)).not.toContain('third party')
    // The sensitive note is held back twice: in the session record and in the audit row that recorded it.
    expect(heldBack.map((h) => h.note)).toEqual(['Intelligence from a third party: do not disclose.', 'Intelligence from a third party: do not disclose.'])
    expect((disclosure.auditTrail as unknown[]).length).toBeGreaterThanOrEqual(4)
    expect(disclosure.allocations).toEqual([{ staffName: 'Pat Pom', startDate: '2026-09-10', endDate: null, reason: '', pomTypeReason: null }])
  })

  it('PDF: the disclosure holds no sensitive note; a separate file, named for the reviewer only, lists it (issue 15)', async () => {
    const prisonerId = await arrange()
    const r = await svc.call('omu:subjectAccess.export', { prisonerId, format: 'pdf' })
    const saved = r.ok && r.data.saved ? r.data : null
    const file = saved?.path ?? ''
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-')
    const body = execFileSync('pdftotext', ['-layout', file, '-']).toString()
    expect(body).toContain('Discussed sentence plan.')
    expect(body).not.toContain('third party')
    expect(body).not.toContain('FOR THE REVIEWER ONLY')
    expect(saved?.reviewerPath).toBe(file.replace(/\.pdf$/, '-REVIEWER-ONLY-held-back-notes.pdf'))
    const reviewer = execFileSync('pdftotext', ['-layout', saved?.reviewerPath ?? '', '-']).toString()
    expect(reviewer).toContain('FOR THE REVIEWER ONLY')
    expect(reviewer).toContain('third party')
  })
})

describe('subject access PDF: names in any script (issue 15)', () => {
  it('a prisoner and a POM named in Polish, Vietnamese, with a diaeresis or in Arabic read back from the PDF exactly as entered', async () => {
    svc = await startTestServices({ now: new Date('2026-11-23T10:00:00Z') })
    await svc.call('omu:establishment.setup', HMP_TESTSHIRE)
    const names = [
      ['Łukasz', 'Wiśniewski'],
      ['Thị', 'Nguyễn'],
      ['Zoë', 'Brontë'],
      ['محمد', 'الأحمد'],
    ] as const
    for (const [i, [firstName, lastName]] of names.entries()) {
      const pom = await svc.call('omu:staff.save', { name: `${firstName} ${lastName}`, role: 'prison_pom' })
      const p = await svc.call('omu:prisoners.create', { ...PRISONER, prisonNumber: `A123${i}BC`, firstName, lastName })
      const prisonerId = p.ok ? p.data.id : 0
      await svc.call('omu:allocations.allocate', { prisonerId, staffId: pom.ok ? pom.data.id : 0, startDate: '2026-09-10' })
      const r = await svc.call('omu:subjectAccess.export', { prisonerId, format: 'pdf' })
      const saved = r.ok && r.data.saved ? r.data : null
      const body = execFileSync('pdftotext', ['-layout', saved?.path ?? '', '-']).toString()
      // The POM's full name in the allocations table, the first and last names as facts held.
      expect(body, `${firstName} ${lastName}`).toContain(`${firstName} ${lastName}`)
      // Named as the forms name them (issue 16: no internal field names reach a reader).
      expect(body).toMatch(new RegExp(`First name\\s+\\S*${firstName}`))
      expect(body).toMatch(new RegExp(`Last name\\s+\\S*${lastName}`))
      expect(body).not.toMatch(/firstName|lastName|prisonNumber/)
    }
  })
})

describe('retention (issue 7)', () => {
  it('released records past the retention period are listed; purging asks for the password, deletes them and is audited', async () => {
    const prisonerId = await arrange(new Date('2026-11-23T10:00:00Z'))
    const read = await svc.call('omu:prisoners.get', { prisonerId })
    const version = read.ok ? read.data.prisoner.version : 0
    await svc.call('omu:prisoners.update', { prisonerId, version, fields: { ...PRISONER, status: 'released' } })
    // Marked released today: not yet due.
    let review = await svc.call('omu:retention.review')
    expect(review.ok && review.data.due).toEqual([])
    // Seven years later it is due (default retention 7 years).
    const later = await startTestServices({ userData: svc.userData, now: new Date('2033-11-24T10:00:00Z') })
    review = await later.call('omu:retention.review')
    expect(review.ok && review.data).toMatchObject({ retentionYears: 7, releasedBefore: '2026-11-24', due: [{ prisonerId, prisonNumber: 'A1234BC', releasedOn: '2026-11-23' }] })
    expect(await later.call('omu:retention.purge', { prisonerIds: [prisonerId], confirm: true, password: 'wrong password' })).toMatchObject({ ok: false, error: { field: 'password' } })
    expect(await later.call('omu:retention.purge', { prisonerIds: [prisonerId], confirm: true, password: TEST_PASSWORD })).toEqual({ ok: true, data: { purged: 1 } })
    expect(await later.call('omu:prisoners.get', { prisonerId })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    const rows = await readStore(later, (c) => c.db.select({ after: auditLog.after }).from(auditLog).where(and(eq(auditLog.channel, 'omu:retention.purge'), ne(auditLog.entity, 'sign_in'))).orderBy(auditLog.id).all())
    // The wrong password is on the trail as a refused sign-in (issue 15), the purge as itself.
    expect(rows.map((r) => JSON.parse(r.after ?? 'null') as unknown)).toEqual([{ purged: true, retentionYears: 7 }])
    await later.close()
  })

  it('a record not past retention is refused and nothing is purged', async () => {
    const prisonerId = await arrange()
    expect(await svc.call('omu:retention.purge', { prisonerIds: [prisonerId], confirm: true, password: TEST_PASSWORD })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await svc.call('omu:prisoners.get', { prisonerId })).toMatchObject({ ok: true })
  })

  it.each([
    ['2026-11-23', 7, '2019-11-23'],
    ['2028-02-29', 1, '2027-02-28'],
    ['2026-03-31', 2, '2024-03-31'],
  ])('releasedBefore(%s, %i years) = %s', (today, years, expected) => {
    expect(releasedBefore(today, years)).toBe(expected)
  })
})
