// Issue 19, "Proof": the resourcing screen end to end. With the demo establishment, change an input
// (add a probation POM as a what-if, then change the receptions a week) and see the weeks table
// and the shortfall change; axe-clean with the charts on screen; the POM capacity section of
// Settings reads the same facts. Screenshots in test-results/screenshots (resourcing-*).
import { afterAll, describe, expect, it } from 'vitest'
import { closeBrowser, expectAccessible, openApp, screenshot } from './harness'

afterAll(closeBrowser)

describe('resourcing plan (issue 19)', () => {
  it('a what-if POM and a change of receptions recompute the plan at once; nothing is saved', async () => {
    const app = await openApp()
    const { page } = app
    const created = await app.call('omu:demo.create', { prisoners: 300, seed: 3 })
    expect(created.ok).toBe(true)
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Caseload' }).waitFor()

    await page.getByRole('link', { name: /^Resourcing/ }).click()
    await page.getByRole('heading', { level: 1, name: 'Resourcing' }).waitFor()
    const weeks = page.getByRole('table', { name: /Hours needed and available each week/ })
    await weeks.waitFor()
    // Week 0's "Probation POMs: available" cell (the table holds the charts' figures).
    const probationAvailable = () => weeks.locator('tbody tr').first().locator('td').nth(3).textContent()
    const before = Number(await probationAvailable())
    await expectAccessible(page, 'Resourcing')
    await screenshot(page, 'resourcing-plan')

    await page.getByLabel('Add a POM of type').selectOption('probation')
    await page.getByLabel('Hours a week', { exact: true }).fill('37')
    await page.getByRole('button', { name: 'Add this POM' }).click()
    await expect.poll(async () => Number(await probationAvailable())).toBe(before + 37)
    await page.getByText('Worked out with the what-if below: nothing is saved.').waitFor()

    // More receptions: more allocation hours in the shared work of every week.
    const shared = () => weeks.locator('tbody tr').first().locator('td').nth(4).textContent()
    const sharedBefore = Number(await shared())
    await page.getByLabel('Receptions a week', { exact: true }).fill('40')
    await expect.poll(async () => Number(await shared())).toBeGreaterThan(sharedBefore)
    await expectAccessible(page, 'Resourcing with a what-if')
    await screenshot(page, 'resourcing-what-if')

    // Nothing was saved: the plan read afresh has no added POM.
    const plan = await app.call('omu:resourcing.get', {})
    if (!plan.ok) throw new Error(plan.error.message)
    expect(plan.data.weeks[0]?.available.probation).toBe(before)

    await page.getByRole('link', { name: 'Settings › POM capacity' }).click()
    await page.getByRole('heading', { name: 'POM capacity' }).waitFor()
    await page.getByRole('table', { name: 'POM capacity' }).waitFor()
    await expectAccessible(page, 'Settings with POM capacity')
    await screenshot(page, 'resourcing-pom-capacity')
    await app.close()
  })
})
