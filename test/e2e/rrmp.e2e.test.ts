import { afterAll, describe, it } from 'vitest'
import type { Page } from 'playwright-core'
import { closeBrowser, expectAccessible, openApp, screenshot } from './harness'

afterAll(closeBrowser)

async function setUp(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Set up OMU Desk' }).waitFor()
  await page.getByLabel('Establishment name').fill('HMP Testshire')
  await page.getByLabel('Establishment code').fill('TST')
  await page.getByLabel('Category or function').selectOption('training')
  await page.getByRole('button', { name: 'Save and continue' }).click()
  await page.getByRole('heading', { level: 1, name: 'Caseload' }).waitFor()
}

describe('explore', () => {
  it('screens', async () => {
    const app = await openApp()
    const { page } = app
    await setUp(page)
    await page.getByRole('link', { name: /^RRMP planning/ }).click()
    await page.getByRole('heading', { level: 1, name: 'RRMP planning' }).waitFor()
    await screenshot(page, 'x-rrmp-empty')
    await expectAccessible(page, 'empty').catch((e) => console.log(JSON.stringify((e as { actual?: unknown }).actual ?? String(e), null, 1)))
    await page.getByRole('button', { name: 'Start the plan' }).click()
    await page.getByRole('heading', { name: 'Baselines' }).waitFor()
    await page.getByRole('button', { name: /Baseline 2\.4/ }).click()
    await page.getByLabel('Status').first().waitFor()
    await screenshot(page, 'x-rrmp-plan')
    await expectAccessible(page, 'plan').catch((e) => console.log(JSON.stringify((e as { actual?: unknown }).actual ?? String(e), null, 1)))
    await page.getByRole('link', { name: /^Readiness and export/ }).click()
    await page.getByRole('heading', { level: 1, name: 'Readiness and export' }).waitFor()
    await page.getByText('OMU caseload summary').waitFor()
    await screenshot(page, 'x-readiness')
    await expectAccessible(page, 'readiness').catch((e) => console.log(JSON.stringify((e as { actual?: unknown }).actual ?? String(e), null, 1)))
    await app.close()
  })
})
