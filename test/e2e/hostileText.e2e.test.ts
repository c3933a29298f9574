import { afterAll, describe, expect, it } from 'vitest'
import { closeBrowser, openApp, TEST_USER } from './harness'

afterAll(closeBrowser)

// Issue 7: "a test puts script-like text in every free-text field and checks it shows as text".
// Each payload would set window.__pwned if it ever ran; it must instead appear, verbatim, as text.
const PAYLOAD = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>`

describe('hostile text in free-text fields shows as text, never runs', () => {
  it('establishment name, staff and user names, session notes, import file rows and RRMP comments', async () => {
    const app = await openApp()
    const { page } = app
    const ok = async <T,>(p: Promise<{ ok: boolean; data?: T; error?: { message: string } }>) => {
      const r = await p
      if (!r.ok) throw new Error(r.error?.message)
      return r.data as T
    }
    await ok(app.call('omu:establishment.setup', { name: `HMP ${PAYLOAD}`.slice(0, 100), code: 'TST', category: 'training' }))
    const pom = await ok<{ id: number }>(app.call('omu:staff.save', { name: `Pat ${PAYLOAD}`.slice(0, 60), role: 'prison_pom' }))
    await ok(app.call('omu:users.save', { username: 'pat.pom', displayName: `Pat ${PAYLOAD}`.slice(0, 80), role: 'pom', password: 'a long enough password', yourPassword: TEST_USER.password }))
    const p = await ok<{ id: number }>(
      app.call('omu:prisoners.create', { prisonNumber: 'A1234BC', firstName: `Al ${PAYLOAD}`.slice(0, 60), lastName: 'Testwell', dateOfBirth: '1990-04-01', sentenceType: 'determinate', sentenceStartDate: '2026-09-01', conditionalReleaseDate: '2029-03-01' }),
    )
    await ok(app.call('omu:allocations.allocate', { prisonerId: p.id, staffId: pom.id, reason: PAYLOAD }))
    await ok(app.call('omu:sessions.record', { prisonerId: p.id, date: '2026-11-20', inPerson: true, mode: 'wing_interview_room', durationMinutes: 30, notes: PAYLOAD }))
    // The page read the app's state (set-up not done yet) as it loaded: open it again.
    await page.reload()
    const screens = ['#/caseload', `#/prisoner/${p.id}`, '#/allocation', '#/due', '#/settings']
    for (const hash of screens) {
      await page.goto(`${page.url().split('#')[0]}${hash}`)
      await page.getByRole('heading', { level: 1 }).first().waitFor()
      await page.waitForTimeout(200)
    }
    await page.goto(`${page.url().split('#')[0]}#/prisoner/${p.id}`)
    await page.getByText(PAYLOAD).first().waitFor()
    await page.goto(`${page.url().split('#')[0]}#/settings`)
    await page.getByRole('cell', { name: `Pat ${PAYLOAD}`.slice(0, 60) }).first().waitFor()
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
    expect(await page.locator('main script, main img[src=x]').count()).toBe(0)
    await app.close()
  })
})
