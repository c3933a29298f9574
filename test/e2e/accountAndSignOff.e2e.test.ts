// Issue 16, "Proof" (gap16 item 7): the screens the role test does not reach, each axe-checked and
// screenshotted in test-results/screenshots, in Chromium against the real services. Today is 23/11/2026.
// - "Change your own password (every role)": the account menu's dialog, its error summary.
// - "the HOMS can force a change at next sign-in for new users": the page such a user sees first.
// - "Dark theme: ... the sign-in page follows the theme".
// - "Governor's decision form: no decision preselected; the blockers are listed beside it; when a
//   Governor records a PGD ... decision on someone's behalf, the route shows 'recorded by' with the
//   signed-in user".
// - "record history refreshes after a change and shows people's names".
// - "Nothing is cut off at 1024x700 ...: badges and buttons are never truncated" (caseload, due, home).
import type { Page } from 'playwright-core'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { closeBrowser, expectAccessible, openApp, screenshot, SCREENSHOT_DIR, TEST_USER, type AppHandle } from './harness'

afterAll(closeBrowser)

/** The page of the test running now, shot when it fails (accountAndSignOff-failed-*). */
let current: Page | null = null
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && current) await screenshot(current, `accountAndSignOff-failed-${ctx.task.name.slice(0, 30).replace(/[^a-z0-9]+/gi, '-')}`)
  current = null
})

const PASSWORD = TEST_USER.password

async function must<T>(r: Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const out = await r
  if (!out.ok) throw new Error(out.error.message)
  return out.data
}

const go = (page: Page, hash: string) => page.goto(`${page.url().split('#')[0]}${hash}`)

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await page.getByRole('heading', { name: 'Sign in to OMU Desk' }).waitFor()
}

async function signIn(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.getByLabel('Username').fill(username)
  await page.locator('input[type=password]').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

async function signInAs(page: Page, username: string): Promise<void> {
  await signOut(page)
  await signIn(page, username)
  await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor()
}

async function establishment(app: AppHandle): Promise<void> {
  await must(app.call('omu:establishment.setup', { name: 'HMP Testshire', code: 'TST', category: 'training' }))
  await app.page.reload()
  await app.page.getByRole('heading', { level: 1 }).first().waitFor()
  await go(app.page, '#/home')
  await app.page.getByRole('heading', { level: 1, name: 'Home' }).waitFor()
}

describe('your own password, a forced change at next sign-in and the dark sign-in page (issue 16)', () => {
  it('a user changes their own password from the account menu (problems listed at once); the sign-in page follows the dark theme; a user whose password the HOMS set must choose their own before anything else', async () => {
    const app = await openApp()
    const { page } = app
    current = page
    await establishment(app)

    // The account menu's dialog: submitted empty, every problem at once in the summary.
    await page.getByRole('button', { name: /^Your account: Hanna Homs/ }).click()
    await page.getByRole('menuitem', { name: 'Change your password' }).click()
    const dialog = page.getByRole('dialog', { name: 'Change your password' })
    await dialog.getByRole('button', { name: 'Change password' }).click()
    const summary = dialog.getByRole('alert').first()
    await summary.waitFor()
    expect(await summary.getByRole('link').count(), 'each problem links to its field: current, new and again').toBe(3)
    await expectAccessible(page, 'change-password dialog with its error summary')
    await screenshot(page, 'account-change-password-errors')
    const NEW = 'mulberry lantern orchestra quietly'
    await dialog.locator('#change-password-currentPassword').fill(PASSWORD)
    await dialog.locator('#change-password-newPassword').fill(NEW)
    await dialog.locator('#change-password-confirmPassword').fill(NEW)
    await expectAccessible(page, 'change-password dialog filled in')
    await screenshot(page, 'account-change-password')
    await dialog.getByRole('button', { name: 'Change password' }).click()
    await dialog.waitFor({ state: 'detached' })

    // A new HOMD whose first password the HOMS set and asked to be changed.
    await must(app.call('omu:users.save', { username: 'nina.new', displayName: 'Nina New', role: 'homd', staffId: null, password: 'given at the desk today', mustChangePassword: true, yourPassword: NEW }))

    // The sign-in page in the dark theme, chosen there before anyone signs in.
    await signOut(page)
    await page.getByLabel('Colour theme').selectOption('dark')
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.mantineColorScheme)).toBe('dark')
    const bodyBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
    expect(bodyBackground, 'the page itself is dark, not only the card').not.toBe('rgb(255, 255, 255)')
    await expectAccessible(page, 'sign-in page, dark theme')
    await screenshot(page, 'signin-dark')
    // The old password no longer opens the app; the new one does.
    await signIn(page, TEST_USER.username, PASSWORD)
    await page.getByText('The username or password is not right.', { exact: false }).first().waitFor()
    expect(await page.getByRole('heading', { level: 1, name: 'Home' }).count()).toBe(0)
    await page.getByLabel('Colour theme').selectOption('light')

    // The forced change: this page is all there is until the user chooses their own password.
    await signIn(page, 'nina.new', 'given at the desk today')
    await page.getByRole('heading', { level: 1, name: 'Choose your own password' }).waitFor()
    expect(await page.getByRole('navigation', { name: 'Main navigation' }).count(), 'no navigation before the change').toBe(0)
    await expectAccessible(page, 'forced password change at next sign-in')
    await screenshot(page, 'account-forced-change')
    await page.locator('#change-password-currentPassword').fill('given at the desk today')
    await page.locator('#change-password-newPassword').fill('copper kettle whistles softly')
    await page.locator('#change-password-confirmPassword').fill('copper kettle whistles softly')
    await page.getByRole('button', { name: 'Change password' }).click()
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor()
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor()

    // And the HOMS signs in with the password chosen in the dialog.
    await signOut(page)
    await signIn(page, TEST_USER.username, NEW)
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor()
    await app.close()
  })
})

describe("the Governor's decision form (issue 16, seed 002 sign-off route)", () => {
  it('no decision is preselected, the blockers are listed beside the form, and a PGD decision recorded by the Governor shows "Recorded by" with the Governor', async () => {
    const app = await openApp()
    const { page } = app
    current = page
    await establishment(app)
    await must(app.call('omu:users.save', { username: 'gil.governor', displayName: 'Gil Governor', role: 'governor', staffId: null, password: PASSWORD, yourPassword: PASSWORD }))
    const started = await must(app.call('omu:rrmp.start', {}))
    const plan = await must(app.call('omu:rrmp.plan', {}))
    const version = (plan as { version: { id: number; rev: number } } | null)?.version ?? (started as unknown as { version: { id: number; rev: number } }).version
    await must(app.call('omu:rrmp.submit', { versionId: version.id, rev: version.rev, password: PASSWORD }))
    await signInAs(page, 'gil.governor')

    await go(page, '#/readiness')
    await page.getByRole('heading', { level: 1, name: 'Readiness and export' }).waitFor()
    const form = page.getByRole('form', { name: /^Record the Governor’s decision/ })
    await form.waitFor()
    // No decision preselected: the Governor picks one.
    const radios = form.getByRole('radio')
    expect(await radios.count()).toBe(2)
    for (const r of await radios.all()) expect(await r.isChecked()).toBe(false)
    // The blockers beside the decision (a plan just started blocks on every mandatory baseline).
    const blockers = form.getByRole('region', { name: /^What blocks the target stage \(\d+\)$/ })
    await blockers.waitFor()
    expect(await blockers.getByRole('listitem').count()).toBeGreaterThan(0)
    const [decisionBox, blockersBox] = [await form.getByRole('radiogroup').boundingBox(), await blockers.boundingBox()]
    expect(decisionBox && blockersBox && blockersBox.x > decisionBox.x + decisionBox.width - 1, 'the blockers sit beside the decision, not below it').toBe(true)
    // Sent without a decision: refused in the summary, nothing recorded.
    await form.getByRole('button', { name: 'Record decision' }).click()
    await form.getByRole('link', { name: 'Choose whether to approve the plan or return it.' }).waitFor()
    await expectAccessible(page, "Governor's decision form with its error summary")
    await screenshot(page, 'signoff-governor-form')

    // The Governor's own step.
    await form.getByLabel('Approve the plan').check()
    await form.getByLabel('Your password, to confirm').fill(PASSWORD)
    await form.getByRole('button', { name: 'Record decision' }).click()
    // The PGD's decision, recorded by the Governor on the PGD's behalf.
    const pgd = page.getByRole('form', { name: /^Record the .*(PGD|Prison Group Director).*decision/ })
    await pgd.waitFor()
    for (const r of await pgd.getByRole('radio').all()) expect(await r.isChecked()).toBe(false)
    expect(await pgd.getByLabel('Name of the person deciding').inputValue(), 'the PGD is named by the Governor, not prefilled with the Governor').toBe('')
    await pgd.getByLabel('Name of the person deciding').fill('Priya Director')
    await pgd.getByLabel('Approve the plan').check()
    await pgd.getByLabel('Your password, to confirm').fill(PASSWORD)
    await pgd.getByRole('button', { name: 'Record decision' }).click()
    const route = page.getByRole('table').filter({ has: page.getByRole('rowheader', { name: /PGD|Prison Group Director/ }) })
    const pgdRow = route.getByRole('row').filter({ hasText: 'Priya Director' })
    await pgdRow.waitFor()
    expect(await pgdRow.textContent()).toContain('Recorded by Gil Governor')
    expect(await pgdRow.textContent()).toContain('23/11/2026')
    // The Governor's own step names no recorder (they decided it themselves).
    const governorRow = route.getByRole('row').filter({ hasText: 'Gil Governor' }).first()
    expect(await governorRow.textContent()).not.toContain('Recorded by')
    await expectAccessible(page, 'sign-off route after a PGD decision recorded by the Governor')
    await screenshot(page, 'signoff-recorded-by')
    await app.close()
  })
})

describe('record history (issue 16, "Prisoner page header")', () => {
  it("refreshes after a change without reloading and names people by their names, not their usernames or ids", async () => {
    const app = await openApp()
    const { page } = app
    current = page
    await establishment(app)
    await must(app.call('omu:users.save', { username: 'dee.homd', displayName: 'Dee Homd', role: 'homd', staffId: null, password: PASSWORD, yourPassword: PASSWORD }))
    const p = await must(app.call('omu:prisoners.create', { prisonNumber: 'R1001AB', firstName: 'Rory', lastName: 'History', dateOfBirth: '1991-03-04', sentenceType: 'determinate', sentenceStartDate: '2025-01-01', conditionalReleaseDate: '2029-01-01' }))
    await signInAs(page, 'dee.homd')
    await go(page, `#/prisoner/${p.id}`)
    await page.getByRole('heading', { level: 1, name: /HISTORY, Rory/ }).waitFor()
    const history = page.getByRole('table', { name: /Changes to this record/ })
    await history.getByRole('row').filter({ hasText: 'Record created' }).waitFor()
    expect(await history.getByRole('row').count()).toBe(2)

    await page.getByRole('button', { name: 'Change facts' }).click()
    const dialog = page.getByRole('dialog', { name: 'Change facts' })
    await dialog.getByLabel('Tier', { exact: true }).fill('B2')
    await dialog.getByRole('button', { name: 'Save facts' }).click()
    await dialog.waitFor({ state: 'detached' })

    // The new entry, newest first, by Dee Homd, in words.
    await expect.poll(() => history.getByRole('row').count()).toBe(3)
    const newest = history.getByRole('row').nth(1)
    const text = (await newest.textContent()) ?? ''
    expect(text).toContain('Dee Homd (')
    expect(text).toContain('Facts changed: tier')
    const all = (await history.textContent()) ?? ''
    expect(all).toContain('Hanna Homs (')
    for (const internal of ['dee.homd', TEST_USER.username, 'prisoners.update', 'omu:']) expect(all, `no ${internal} in the history`).not.toContain(internal)
    expect(all, 'no bare user ids').not.toMatch(/\buser \d+\b|\(\d+\)/)
    await history.scrollIntoViewIfNeeded()
    await screenshot(page, 'record-history-after-change')
    await app.close()
  })
})

/**
 * Every visible badge and button (and the caseload's cohort and status labels) whose content is
 * wider than its box: cut off, or ellipsised. Each as "text (scrollWidth > clientWidth)".
 */
async function cutOff(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = []
    const els = document.querySelectorAll<HTMLElement>('button, [role=button], .mantine-Badge-root, .mantine-Badge-label, .mantine-Button-label, [class*=cohort], [class*=status]')
    for (const el of Array.from(els)) {
      const box = el.getBoundingClientRect()
      if (box.width === 0 && box.height === 0) continue
      const style = getComputedStyle(el)
      if (style.visibility === 'hidden') continue
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ')
      if (text === '') continue
      if (el.scrollWidth > el.clientWidth + 1) found.push(`${text} (${el.scrollWidth} > ${el.clientWidth})`)
    }
    return found
  })
}

describe('nothing cut off at 1024x700 (issue 16, "Screens")', () => {
  it('no badge or button is truncated on the home, caseload and due screens, for the HOMS and a POM', async () => {
    const app = await openApp()
    const { page } = app
    current = page
    await must(app.call('omu:demo.create', { prisoners: 300, seed: 3 }))
    const staff = await must(app.call('omu:staff.list'))
    const pom = staff.find((s) => s.role === 'prison_pom')
    if (!pom) throw new Error('the demo has POMs')
    await must(app.call('omu:users.save', { username: 'pat.pom', displayName: 'Pat Pom', role: 'pom', staffId: pom.id, password: PASSWORD, yourPassword: PASSWORD }))
    await page.setViewportSize({ width: 1024, height: 700 })
    await page.reload()
    await page.getByRole('heading', { level: 1 }).first().waitFor()
    const problems: string[] = []
    for (const who of [TEST_USER.username, 'pat.pom']) {
      if (who !== TEST_USER.username) await signInAs(page, who)
      for (const [hash, heading] of [
        ['#/home', 'Home'],
        ['#/caseload', 'Caseload'],
        ['#/due', 'Due and overdue'],
      ] as const) {
        await go(page, hash)
        await page.getByRole('heading', { level: 1, name: heading }).waitFor()
        await expect.poll(() => page.locator('.mantine-Loader-root').count(), { timeout: 20_000 }).toBe(0)
        if (hash === '#/caseload') await page.getByTestId('case-row').first().waitFor()
        // The caseload's columns are also looked at scrolled to the far right (issue 16: it scrolls sideways at 1024 px).
        for (const found of await cutOff(page)) problems.push(`${who}, ${heading}: ${found}`)
        if (hash === '#/caseload') {
          await page.getByRole('table', { name: 'Caseload' }).getByRole('rowgroup').first().evaluate((el) => el.scrollTo({ left: el.scrollWidth }))
          for (const found of await cutOff(page)) problems.push(`${who}, ${heading} (scrolled right): ${found}`)
        }
        // What the window shows (a full-page shot of the virtualised caseload is mostly empty rows).
        const shot = `fit-1024-${who === 'pat.pom' ? 'pom' : 'homs'}-${hash.slice(2)}`
        await page.evaluate(() => window.scrollTo(0, 0))
        await page.screenshot({ path: `${SCREENSHOT_DIR}/${shot}.png` })
        if (hash === '#/due') {
          await page.getByRole('region', { name: /^Handovers in progress/ }).scrollIntoViewIfNeeded()
          await page.screenshot({ path: `${SCREENSHOT_DIR}/${shot}-handovers.png` })
        }
      }
    }
    expect([...new Set(problems)], 'badges and buttons whose text does not fit').toEqual([])
    await app.close()
  })
})
