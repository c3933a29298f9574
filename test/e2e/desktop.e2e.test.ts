import fs from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import type { IpcResult } from '../../shared/ipc/result'
import { closeBrowser, expectAccessible, openApp, screenshot } from './harness'

// Issue 18: the error boundary around each screen, printing, and the log that holds no personal
// data, in Chromium against the real services. The log is the app's own (electron/services/log),
// written by the harness into the test's folder.

afterAll(closeBrowser)

async function ok<T>(p: Promise<IpcResult<T>>): Promise<T> {
  const r = await p
  if (!r.ok) throw new Error(r.error.message)
  return r.data
}

const NOTE = 'Talked about the visit from his sister Philippa Quenby and the debt owed on B wing'

describe('desktop behaviour in Chromium (issue 18)', () => {
  it('a screen that fails shows a sentence and "Reload this screen", the log gets the error, and the log holds no names or notes', async () => {
    const app = await openApp()
    const { page } = app
    await ok(app.call('omu:demo.create', { prisoners: 60, seed: 18 }))
    const { rows } = await ok(app.call('omu:caseload.list', { pomId: null }))
    const first = rows[0]!
    await ok(app.call('omu:sessions.record', { prisonerId: first.prisonerId, date: '2026-11-20', inPerson: true, mode: 'wing_interview_room', durationMinutes: 40, notes: NOTE }))
    const record = await ok(app.call('omu:prisoners.get', { prisonerId: first.prisonerId }))
    await page.reload()
    await page.getByRole('link', { name: /^Caseload/ }).waitFor()

    // The readiness screen is given a plan that is not one (only here, by intercepting the
    // transport): rendering it throws, as a bug would.
    await page.route('**/__omu/invoke', async (route) => {
      const body = route.request().postDataJSON() as { channel: string }
      if (body.channel === 'omu:rrmp.plan') await route.fulfill({ json: { ok: true, data: {} } })
      else await route.fallback()
    })
    await page.evaluate(() => {
      window.location.hash = '#/readiness'
    })
    await page.getByRole('heading', { level: 1, name: 'This screen could not be shown' }).waitFor()
    expect(await page.getByRole('alert').filter({ hasText: 'Nothing you saved before has been lost.' }).count()).toBe(1)
    // The rest of the app is still there: the header and the navigation.
    expect(await page.getByRole('link', { name: /^Caseload/ }).isVisible()).toBe(true)
    await expectAccessible(page, 'screen error')
    await screenshot(page, '90-screen-error')
    await page.unroute('**/__omu/invoke')
    await page.getByRole('button', { name: 'Reload this screen' }).click()
    await page.getByRole('heading', { level: 1, name: 'Readiness and export' }).waitFor()

    // Errors whose messages carry personal data, from the page (uncaught, unhandled) and from the
    // main process (a database error's message holds the SQL parameters).
    const secret = `${first.name} (${first.prisonNumber}, born ${record.prisoner.dateOfBirth}): ${NOTE}`
    await page.evaluate((text) => {
      window.dispatchEvent(new ErrorEvent('error', { error: new TypeError(`Could not show ${text}`), message: `Could not show ${text}` }))
      window.dispatchEvent(new PromiseRejectionEvent('unhandledrejection', { promise: Promise.resolve(), reason: new RangeError(text) }))
    }, secret)
    app.services.runtime.config.log(Object.assign(new Error(`Failed query: insert into "supervision_session" params: ${secret}`), { code: 'SQLITE_CONSTRAINT' }))

    const log = () => fs.readFileSync(app.logFile, 'utf8')
    await expect.poll(log).toContain('renderer error kind=TypeError source=screen screen=readiness')
    await expect.poll(log).toContain('renderer error kind=TypeError source=window')
    await expect.poll(log).toContain('renderer error kind=RangeError source=promise')
    expect(log()).toContain('main error kind=Error codes=SQLITE_CONSTRAINT')

    // Every seeded prisoner's name and number, the staff's names, the date of birth and the note text: none is in the log.
    const text = log()
    const staff = await ok(app.call('omu:staff.list'))
    const names = [...rows.flatMap((r) => [r.name, r.prisonNumber, ...r.name.split(/[\s,]+/)]), ...staff.flatMap((s) => [s.name, ...s.name.split(/\s+/)])].filter((n) => n.length >= 4)
    const notes = [NOTE, 'Philippa', 'Quenby', 'debt owed', ...record.sessions.map((s) => s.notes).filter((n) => n.length > 0)]
    for (const fragment of [...new Set([...names, ...notes, record.prisoner.dateOfBirth])]) expect(text, `the log mentions ${fragment}`).not.toContain(fragment)
    await app.close()
  })

  it('the Print button prints the current screen; on paper the header, navigation and buttons are left out', async () => {
    const app = await openApp()
    const { page } = app
    await ok(app.call('omu:establishment.setup', { name: 'HMP Testshire', code: 'TST', category: 'training' }))
    await page.reload()
    await page.evaluate(() => {
      window.location.hash = '#/caseload'
    })
    await page.getByRole('heading', { level: 1, name: 'Caseload' }).waitFor()
    await page.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', 'yes')
    })
    const print = page.getByRole('button', { name: 'Print this screen' })
    await print.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('body').getAttribute('data-printed')).toBe('yes')
    await page.emulateMedia({ media: 'print' })
    expect(await page.getByRole('heading', { level: 1, name: 'Caseload' }).isVisible()).toBe(true)
    expect(await page.getByRole('link', { name: /^Caseload/ }).isVisible()).toBe(false)
    expect(await print.isVisible()).toBe(false)
    expect(await page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(false)
    // No button of any kind (nor a link drawn as one) is on paper.
    expect(await page.locator('button:visible, [role=button]:visible, .mantine-Button-root:visible').count()).toBe(0)
    await screenshot(page, '91-print-caseload')
    await page.emulateMedia({ media: 'screen' })
    expect(await print.isVisible()).toBe(true)
    await app.close()
  })
})
