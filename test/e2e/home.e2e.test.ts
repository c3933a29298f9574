// Issue 16, "Home screen per role": each role signs in through the sign-in page and lands on its
// own home, at 1280x800 and at a small laptop's 1024x700; axe-clean; the navigation lists only the
// screens the role uses, in plain words. Screenshots in test-results/screenshots (home-*).
import { afterAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { closeBrowser, expectAccessible, openApp, screenshot, TEST_USER } from './harness'

afterAll(closeBrowser)

const PASSWORD = TEST_USER.password
const USERS = [
  { username: 'pat.pom', role: 'pom', heading: 'My work', nav: ['Home', 'Caseload', 'Due and overdue', 'Settings'] },
  { username: 'dee.homd', role: 'homd', heading: 'Waiting for a POM', nav: ['Home', 'Caseload', 'Due and overdue', 'Allocation', 'Import', 'Resourcing', 'Settings'] },
  { username: TEST_USER.username, role: 'homs', heading: 'Compliance by minimum', nav: ['Home', 'Caseload', 'Due and overdue', 'Allocation', 'Import', 'RRMP planning', 'Resourcing', 'Readiness and export', 'Group view', 'Settings'] },
  { username: 'gil.governor', role: 'governor', heading: 'Compliance by minimum', nav: ['Home', 'Caseload', 'Due and overdue', 'RRMP planning', 'Resourcing', 'Readiness and export', 'Group view', 'Settings'] },
  { username: 'rae.reviewer', role: 'read_only', heading: 'Compliance by minimum', nav: ['Home', 'Caseload', 'Due and overdue', 'RRMP planning', 'Resourcing', 'Readiness and export', 'Group view', 'Settings'] },
] as const

async function signInAs(page: Page, username: string): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await page.getByRole('heading', { name: 'Sign in to OMU Desk' }).waitFor()
  await page.getByLabel('Username').fill(username)
  await page.locator('input[type=password]').fill(PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor()
}

describe('home screen per role (issue 16)', () => {
  it('each role lands on its own home, not the last user’s screen; the navigation lists the screens it uses', async () => {
    const app = await openApp()
    const { page } = app
    const must = async <T,>(r: Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>): Promise<T> => {
      const out = await r
      if (!out.ok) throw new Error(out.error.message)
      return out.data
    }
    await must(app.call('omu:demo.create', { prisoners: 300, seed: 3 }))
    await must(app.call('omu:rrmp.start'))
    const staff = await must(app.call('omu:staff.list'))
    const pom = staff.find((s) => s.role === 'prison_pom')
    if (!pom) throw new Error('the demo has POMs')
    for (const u of USERS.filter((x) => x.role !== 'homs')) {
      await must(app.call('omu:users.save', { username: u.username, displayName: `Demo ${u.role}`, role: u.role, staffId: u.role === 'pom' ? pom.id : null, password: PASSWORD, yourPassword: PASSWORD }))
    }
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Caseload' }).waitFor()
    for (const u of USERS) {
      // The previous user left the app on Settings: the next one still lands on Home.
      await page.getByRole('link', { name: /^Settings/ }).click()
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
      await signInAs(page, u.username)
      expect(new URL(page.url()).hash).toBe('#/home')
      await page.getByRole('heading', { name: u.heading }).first().waitFor()
      const nav = await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link').evaluateAll((links) => links.map((l) => l.querySelector('.mantine-NavLink-label')?.textContent ?? ''))
      expect(nav, u.role).toEqual(u.nav)
      expect(await page.getByText(/^For /).count(), 'no "For Everyone" labels').toBe(0)
      for (const [w, h] of [
        [1280, 800],
        [1024, 700],
      ] as const) {
        await page.setViewportSize({ width: w, height: h })
        await expectAccessible(page, `home as ${u.role} at ${w}x${h}`)
        // Nothing wider than the window: no horizontal scroll of the page itself.
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${u.role} at ${w}x${h} fits`).toBe(true)
        await screenshot(page, `home-${u.role}-${w}x${h}`)
      }
      await page.setViewportSize({ width: 1280, height: 800 })
    }
    await app.close()
  })
})
