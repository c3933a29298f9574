// Issue 17, "Handover to the COM" (Proof: "record a COM, tick the checklist, see the case move
// between lists"): a POM opens a case in its handover window, records the COM's details, ticks a
// handover task (../shared/specs/mpc-rules.md D.4: only the case's POM) and sees the progress; the
// Due screen's lists (spec A.1) move the case from upcoming to in progress. Axe-clean; screenshots
// in test-results/screenshots (com-handover-*). Today is 23/11/2026.
import { afterAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { closeBrowser, expectAccessible, openApp, screenshot, TEST_USER } from './harness'

afterAll(closeBrowser)

const PASSWORD = TEST_USER.password

async function signInAs(page: Page, username: string): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await page.getByRole('heading', { name: 'Sign in to OMU Desk' }).waitFor()
  await page.getByLabel('Username').fill(username)
  await page.locator('input[type=password]').fill(PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor()
}

const go = (page: Page, hash: string) => page.goto(`${page.url().split('#')[0]}${hash}`)

describe('handover to the COM (issue 17)', () => {
  it('a POM records the COM, ticks a handover task and sees the progress; the case moves from upcoming to in progress', async () => {
    const app = await openApp()
    const { page } = app
    const must = async <T,>(r: Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>): Promise<T> => {
      const out = await r
      if (!out.ok) throw new Error(out.error.message)
      return out.data
    }
    await must(app.call('omu:establishment.setup', { name: 'HMP Testshire', code: 'TST', category: 'training' }))
    const pom = await must(app.call('omu:staff.save', { name: 'Pat Pom', role: 'prison_pom' }))
    await must(app.call('omu:users.save', { username: 'pat.pom', displayName: 'Pat Pom', role: 'pom', staffId: pom.id, password: PASSWORD, yourPassword: PASSWORD }))
    // CRD 01/09/2027: the handover starts within the next 8 weeks (spec A2, upcoming).
    const p = await must(
      app.call('omu:prisoners.create', { prisonNumber: 'H1001AB', firstName: 'Jo', lastName: 'Handover', dateOfBirth: '1990-04-01', sentenceType: 'determinate', sentenceStartDate: '2024-01-01', conditionalReleaseDate: '2027-09-01' }),
    )
    await must(app.call('omu:allocations.allocate', { prisonerId: p.id, staffId: pom.id, startDate: '2026-09-10' }))
    await page.reload()
    await page.getByRole('heading', { level: 1 }).first().waitFor()
    await signInAs(page, 'pat.pom')

    // The POM's home counts the open checklist.
    await page.getByText('Handover checklists due', { exact: true }).first().waitFor()

    // Due screen: upcoming, with its days in words.
    await go(page, '#/due')
    const upcoming = page.getByRole('region', { name: /^Upcoming handovers/ })
    await upcoming.getByRole('link', { name: 'HANDOVER, Jo' }).waitFor()
    await expect(upcoming.getByText(/left until the handover starts|Handover starts today/).count()).resolves.toBeGreaterThan(0)
    await screenshot(page, 'com-handover-due-before')

    // The case page: the handover section, read view first.
    await go(page, `#/prisoner/${p.id}`)
    const section = page.getByRole('region', { name: 'Handover to the community', exact: true })
    await section.waitFor()
    await section.getByText(/^0 of \d done$/).waitFor()
    await expectAccessible(page, 'prisoner page, handover section (read view)')

    // Record the COM's details.
    await section.getByRole('button', { name: 'Change handover details' }).click()
    const form = page.getByRole('form', { name: 'Change the handover details' })
    await form.getByLabel('COM name').fill('Casey Com')
    await form.getByLabel('COM email').fill('casey.com@justice.gov.uk')
    await form.getByLabel('Local delivery unit (LDU)').fill('Testshire North')
    await expectAccessible(page, 'prisoner page, COM details form')
    await screenshot(page, 'com-handover-form')
    await form.getByRole('button', { name: 'Save handover details' }).click()
    await section.getByText('Casey Com', { exact: true }).waitFor()
    await section.getByText(/On the handover lists: in progress/).waitFor()

    // Tick the first task: recorded with who and when, and the progress moves.
    const firstTask = section.getByRole('checkbox').first()
    // The box shows what the main process recorded, so it turns ticked once the tick is saved.
    await firstTask.click()
    await section.getByText(/^1 of \d done$/).waitFor()
    expect(await firstTask.isChecked()).toBe(true)
    await section.getByText(/^Done by Pat Pom on 23\/11\/2026/).waitFor()
    await expectAccessible(page, 'prisoner page, handover checklist ticked')
    await screenshot(page, 'com-handover-case')

    // Due screen: now in progress, no longer upcoming (spec A3).
    await go(page, '#/due')
    const inProgress = page.getByRole('region', { name: /^Handovers in progress/ })
    await inProgress.getByRole('link', { name: 'HANDOVER, Jo' }).waitFor()
    expect(await page.getByRole('region', { name: /^Upcoming handovers/ }).getByRole('link', { name: 'HANDOVER, Jo' }).count()).toBe(0)
    await expectAccessible(page, 'due screen, handover lists')
    await screenshot(page, 'com-handover-due-after')

    // Another role sees the checklist read-only (D.4): the HOMS signs in and finds no checkbox.
    await signInAs(page, TEST_USER.username)
    await go(page, `#/prisoner/${p.id}`)
    await section.waitFor()
    await section.getByText(/^1 of \d done$/).waitFor()
    expect(await section.getByRole('checkbox').count()).toBe(0)
    await section.getByText(/Only the case’s POM can tick the handover tasks/).waitFor()
    await app.close()
  })
})
