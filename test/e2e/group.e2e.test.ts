// The Group view in Chromium against the real services (issue 19, "Group view"): three
// establishments side by side — this one's live figures and two imported readiness exports (one
// of schema version 2 with a resourcing section, one of version 1 made by an earlier version of
// the app) — each labelled with its source; sorted by keyboard with aria-sort; printed; exported
// as XLSX by a read-only reviewer (the role a Prison Group Director uses), who can change nothing
// on it. Checked with axe (WCAG 2.2 AA) and screenshotted in both themes.
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { ReadinessExport } from '../../shared/export/readinessExport'
import type { IpcResult } from '../../shared/ipc/result'
import { sampleResourcing } from '../fixtures/resourcing'
import { SCREENSHOT_DIR, TEST_USER, closeBrowser, expectAccessible, openApp, screenshot, type AppHandle } from './harness'

const REVIEWER = { username: 'pat.pgd', displayName: 'Pat Reviewer', password: 'a reviewer password long enough' }
const V1_FILE = path.join(__dirname, '..', 'fixtures', 'readiness-export-v1.json')
let app: AppHandle
let page: Page

async function ok<T>(r: Promise<IpcResult<T>>): Promise<T> {
  const x = await r
  if (!x.ok) throw new Error(x.error.message)
  return x.data
}

async function signInAs(p: Page, user: { username: string; password: string }): Promise<void> {
  await p.getByRole('button', { name: 'Sign out' }).click()
  await p.getByRole('heading', { name: 'Sign in to OMU Desk' }).waitFor()
  await p.getByLabel('Username').fill(user.username)
  await p.getByRole('textbox', { name: 'Password' }).or(p.locator('input[type=password]')).first().fill(user.password)
  await p.getByRole('button', { name: 'Sign in' }).click()
  await p.getByRole('button', { name: 'Sign out' }).waitFor()
}

/** The first cell (row header) of each body row: the establishments in the order shown. */
async function order(p: Page): Promise<string[]> {
  const names = await p.getByRole('table', { name: /Establishments side by side/ }).locator('tbody th').allInnerTexts()
  return names.map((n) => n.split('\n')[0]?.trim() ?? '')
}

beforeAll(async () => {
  app = await openApp()
  page = app.page
  await page.getByRole('heading', { name: 'Set up OMU Desk' }).waitFor()
  await page.getByLabel('Establishment name').fill('HMP Testshire')
  await page.getByLabel('Establishment code').fill('TST')
  await page.getByLabel('Category or function').selectOption('training')
  await page.getByRole('button', { name: 'Save and continue' }).click()
  await page.getByRole('button', { name: 'Sign out' }).waitFor()
  // Arranged through the real services (what this test is not about): a plan, two imports, a reviewer.
  const plan = await ok(app.call('omu:rrmp.start', {}))
  const own = (await ok(app.call('omu:readiness.document', { versionId: plan.id }))) as ReadinessExport
  const elsewhere: ReadinessExport = { ...own, establishment: { name: 'HMP Elsewhere', code: 'ELS', category: 'reception' }, resourcing: sampleResourcing(own.asOf) }
  await ok(app.call('omu:readiness.importComparison', { fileName: 'els.json', text: JSON.stringify(elsewhere) }))
  await ok(app.call('omu:readiness.importComparison', { fileName: 'old.json', text: fs.readFileSync(V1_FILE, 'utf8') }))
  await ok(app.call('omu:users.save', { ...REVIEWER, role: 'read_only', yourPassword: TEST_USER.password }))
}, 60_000)

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await screenshot(page, `group-failed-${ctx.task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}`)
})

afterAll(async () => {
  await app.close()
  await closeBrowser()
})

describe('the Group view', () => {
  it('a reviewer sees three establishments side by side, each labelled with its source', async () => {
    await signInAs(page, REVIEWER)
    await page.getByRole('link', { name: /^Group view/ }).click()
    await page.getByRole('heading', { level: 1, name: 'Group view' }).waitFor()
    const table = page.getByRole('table', { name: /Establishments side by side/ })
    await table.waitFor()
    expect(await order(page)).toEqual(['HMP Elsewhere (ELS)', 'HMP Oldfield (OLD)', 'HMP Testshire (TST)'])
    await table.getByText('Live: this establishment, worked out now').waitFor()
    await table.getByText('Imported file (schema version 2), exported 23/11/2026, read-only').waitFor()
    await table.getByText(/^Imported file \(schema version 1\), exported \d\d\/\d\d\/\d{4}, read-only$/).waitFor()
    // What a version 1 file does not hold is said, never shown as 0.
    expect(await table.getByText('Not in this file (a version 1 export)').count()).toBeGreaterThanOrEqual(3)
    await table.getByText(/missed not known \(a version 1 export\)/).first().waitFor()
    // The imported version 2 file's resourcing shortfall.
    const r = sampleResourcing('2026-11-23')
    await table.getByText(new RegExp(`^Short in ${r.summary.shortfallWeeks} of 12 weeks`)).waitFor()
    // Read-only: no field anywhere in the table, and no control that could change data.
    expect(await table.locator('input, textarea, select, [contenteditable="true"]').count()).toBe(0)
    expect(await page.locator('main [data-channel]').evaluateAll((els) => els.map((e) => e.getAttribute('data-channel')))).toEqual(['group.export'])
    await expectAccessible(page, 'group view')
    await screenshot(page, 'group-01-three-establishments')
  })

  it('sorts by keyboard, saying the order with aria-sort', async () => {
    const header = page.getByRole('columnheader', { name: /^Readiness score/ })
    expect(await header.getAttribute('aria-sort')).toBe('none')
    await header.getByRole('button').focus()
    await page.keyboard.press('Enter')
    expect(await header.getAttribute('aria-sort')).toBe('ascending')
    await page.keyboard.press('Enter')
    expect(await header.getAttribute('aria-sort')).toBe('descending')
    expect(await page.getByRole('columnheader', { name: /^Establishment/ }).getAttribute('aria-sort')).toBe('none')
    const establishment = page.getByRole('columnheader', { name: /^Establishment/ }).getByRole('button')
    await establishment.focus()
    await page.keyboard.press('Space')
    await page.keyboard.press('Space')
    expect(await order(page)).toEqual(['HMP Testshire (TST)', 'HMP Oldfield (OLD)', 'HMP Elsewhere (ELS)'])
    await expectAccessible(page, 'group view sorted')
  })

  it('exports the view as XLSX in the order shown', async () => {
    await page.getByRole('button', { name: 'Export as a spreadsheet (XLSX)' }).click()
    await page.getByText(/^Saved the Group view to .*\.xlsx\.$/).waitFor()
    const dir = path.join(app.userData, 'exports')
    const file = fs.readdirSync(dir).find((f) => f.startsWith('Group-view-'))
    expect(file).toBe('Group-view-2026-11-23.xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(path.join(dir, file ?? ''))
    const ws = wb.getWorksheet('Group view')
    expect([2, 3, 4].map((n) => ws?.getRow(n).getCell(1).value)).toEqual(['HMP Testshire', 'HMP Oldfield', 'HMP Elsewhere'])
  })

  it('prints the table whole, headings included, without the buttons', async () => {
    await page.emulateMedia({ media: 'print' })
    expect(await page.getByRole('button', { name: 'Export as a spreadsheet (XLSX)' }).isVisible()).toBe(false)
    expect(await page.getByRole('columnheader', { name: /^Resourcing shortfall/ }).getByRole('button').isVisible()).toBe(true)
    await screenshot(page, 'group-02-print')
    await page.emulateMedia({ media: 'screen' })
  })

  it('passes axe in the dark theme too', async () => {
    await page.getByLabel('Colour theme').selectOption('dark')
    await expectAccessible(page, 'group view (dark)')
    await screenshot(page, 'group-03-dark')
    await page.getByLabel('Colour theme').selectOption('light')
    expect(fs.existsSync(SCREENSHOT_DIR)).toBe(true)
  })
})
