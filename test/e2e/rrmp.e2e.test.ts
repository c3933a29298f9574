// RRMP planning, sign-off and exports in Chromium against the real services (issue 6): build a plan
// from empty to ready for stage 3 with a partial-autonomy choice (2.4), a not-applicable with
// reason (5.2) and action items; an edit conflict between two windows; submit, return with
// comments, new version, resubmit, approve through the whole route (seed 002); export PDF, XLSX and
// JSON and check their content; import another establishment's JSON side by side, read-only.
// Every screen state is checked with axe (WCAG 2.2 AA) and screenshotted.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { Locator, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { OMU_EDM } from '../../shared/engine/index'
import { readinessExportSchema } from '../../shared/export/readinessExport'
import { ORIGIN, SCREENSHOT_DIR, TEST_USER, closeBrowser, expectAccessible, fillDate, openApp, screenshot, type AppHandle } from './harness'

const GOVERNOR = { username: 'gus.governor', displayName: 'Gus Governor', password: 'another long enough password' }
const PARTIAL_24 = 'Prioritised assessments, and reducing the OASys backlog where other tasks/activities cannot be completed'
let app: AppHandle
let page: Page

async function setUp(p: Page): Promise<void> {
  await p.getByRole('heading', { name: 'Set up OMU Desk' }).waitFor()
  await p.getByLabel('Establishment name').fill('HMP Testshire')
  await p.getByLabel('Establishment code').fill('TST')
  await p.getByLabel('Category or function').selectOption('training')
  await p.getByRole('button', { name: 'Save and continue' }).click()
  await p.getByRole('heading', { level: 1, name: 'Caseload' }).waitFor()
}

/** Signs out and in again as another user through the sign-in page (issue 7). */
async function signInAs(p: Page, user: { username: string; password: string }): Promise<void> {
  await p.getByRole('button', { name: 'Sign out' }).click()
  await p.getByRole('heading', { name: 'Sign in to OMU Desk' }).waitFor()
  await p.getByLabel('Username').fill(user.username)
  await p.getByRole('textbox', { name: 'Password' }).or(p.locator('input[type=password]')).first().fill(user.password)
  await p.getByRole('button', { name: 'Sign in' }).click()
  await p.getByRole('button', { name: 'Sign out' }).waitFor()
}

async function go(p: Page, link: 'RRMP planning' | 'Readiness and export'): Promise<void> {
  await p.getByRole('link', { name: new RegExp(`^${link}`) }).click()
  await p.getByRole('heading', { level: 1, name: link }).waitFor()
}

function control(p: Page, id: string): Locator {
  return p.getByRole('button', { name: new RegExp(`^Baseline ${id.replace('.', '\\.')} `) })
}

function editor(p: Page, id: string): Locator {
  return p.getByRole('group', { name: `Plan entry for baseline ${id}` })
}

async function open(p: Page, id: string): Promise<Locator> {
  await control(p, id).click()
  const e = editor(p, id)
  await e.waitFor()
  return e
}

async function storedEntry(id: string) {
  const r = await app.call('omu:rrmp.plan', {})
  if (!r.ok) throw new Error(r.error.message)
  const data = r.data as { entries: { baselineId: string; rev: number; entry: { status: string; comments: string; owner: string } }[] }
  return data.entries.find((e) => e.baselineId === id)
}

/** Plans one baseline as ready through the editor, then closes it (closing sends anything pending). */
async function planReady(p: Page, id: string): Promise<void> {
  const e = await open(p, id)
  await e.getByLabel('Status', { exact: true }).selectOption('ready')
  await e.getByLabel('Owner').fill('Alex Morgan')
  const b = OMU_EDM.baselines.find((x) => x.id === id)
  if (b?.autonomy === 'partial' && id !== '2.4') await e.getByRole('radio').first().check()
  for (const flag of ['Risk assessment done', 'Safe system of work done', 'Trade unions and staff associations consulted']) await e.getByLabel(flag).check()
  await control(p, id).click()
  await expect.poll(async () => (await storedEntry(id))?.entry.status, { timeout: 5000 }).toBe('ready')
}

beforeAll(async () => {
  app = await openApp()
  page = app.page
  await setUp(page)
  // The HOMS (the first user) adds the Governor who signs off (issue 7: only a Governor approves).
  const made = await app.call('omu:users.save', { ...GOVERNOR, role: 'governor', yourPassword: TEST_USER.password })
  if (!made.ok) throw new Error(made.error.message)
}, 60_000)

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await screenshot(page, `rrmp-failed-${ctx.task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}`)
})

afterAll(async () => {
  await app.close()
  await closeBrowser()
})

describe('RRMP planning, sign-off and exports', () => {
  it('starts a plan from empty: stages, reinstated tasks, 22 baselines not ready', async () => {
    await go(page, 'RRMP planning')
    await page.getByRole('heading', { name: 'No plan started' }).waitFor()
    await expectAccessible(page, 'RRMP empty')
    await screenshot(page, 'rrmp-01-empty')
    await page.getByRole('button', { name: 'Start the plan' }).click()
    await page.getByRole('heading', { name: 'Readiness for Stage 3 – Restrict' }).waitFor()
    expect(await page.getByLabel('Current stage').inputValue()).toBe('4')
    expect(await page.getByLabel('Target stage').inputValue()).toBe('3')
    // What stage 3 reinstates (seed 002 "Stage 3 (Restrict) - High Level Descriptor").
    await page.getByText('Reintroduction of limited one to one work with young adults.').waitFor()
    await page.getByText('Overall: not ready').waitFor()
    await page.getByText('Blockers:').waitFor()
    expect(await page.getByRole('button', { name: /^Baseline \d\.\d / }).count()).toBe(22)
    // Weighting and autonomy say what they mean on focus.
    await control(page, '1.1').focus()
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Weighting 3')
    await page.getByRole('tooltip').getByText('Highest: action required as a precursor to other tasks').waitFor()
    await expectAccessible(page, 'RRMP new plan')
    await screenshot(page, 'rrmp-02-new-plan')
  })

  it('plans a partial-autonomy choice with action items, and a not applicable that asks for its reason', async () => {
    const e = await open(page, '2.4')
    await e.getByLabel('Status', { exact: true }).selectOption('ready')
    await e.getByLabel('Owner').fill('Alex Morgan')
    await e.getByLabel(PARTIAL_24).check()
    await e.getByRole('button', { name: 'Add an action item' }).click()
    await e.getByLabel('Action 1').fill('Clear the OASys backlog')
    await e.getByLabel('Action owner').fill('Case admin lead')
    await fillDate(e, 'Action target date', '2027-01-31')
    await e.getByLabel('Action status').selectOption('in_progress')
    await e.getByRole('button', { name: 'Add a progress update to action 1' }).click()
    await e.getByLabel('Progress update 1 (23/11/2026)').fill('Backlog counted: 41 assessments')
    await e.getByText('All changes saved.').waitFor()
    await expect.poll(async () => (await storedEntry('2.4'))?.entry.status).toBe('ready')
    await page.getByText('Why baseline 2.4 is not ready yet').waitFor({ state: 'detached' })
    await expectAccessible(page, 'RRMP baseline 2.4 open')
    await screenshot(page, 'rrmp-03-partial-and-actions')
    await control(page, '2.4').click()

    const na = await open(page, '5.2')
    await na.getByLabel('Status', { exact: true }).selectOption('not_applicable')
    await na.getByText('Not saved yet: baseline 5.2 is mandatory, so give the reason it does not apply here.').waitFor()
    expect((await storedEntry('5.2'))?.entry.status).toBe('not_started')
    await expectAccessible(page, 'RRMP not applicable asks for the reason')
    await screenshot(page, 'rrmp-04-not-applicable-reason')
    await na.getByLabel('Reason it does not apply here').fill('Category C training prison: no foreign national removals handled here')
    await control(page, '5.2').click()
    await expect.poll(async () => (await storedEntry('5.2'))?.entry.status).toBe('not_applicable')
  })

  it('detects an edit conflict between two windows instead of overwriting', async () => {
    const second = await page.context().newPage()
    await second.goto(`${ORIGIN}/index.html#/rrmp`)
    await second.getByRole('heading', { level: 1, name: 'RRMP planning' }).waitFor()
    const mine = await open(page, '1.1')
    const theirs = await open(second, '1.1')
    await mine.getByLabel('Comments').fill('From window one')
    await expect.poll(async () => (await storedEntry('1.1'))?.entry.comments).toBe('From window one')
    await theirs.getByLabel('Comments').fill('From window two')
    await theirs.getByText('Changed elsewhere: not saved').waitFor()
    expect((await storedEntry('1.1'))?.entry.comments).toBe('From window one')
    await expectAccessible(second, 'RRMP conflict')
    await screenshot(second, 'rrmp-05-conflict')
    await theirs.getByRole('button', { name: 'Reload this baseline' }).click()
    await expect.poll(() => theirs.getByLabel('Comments').inputValue()).toBe('From window one')
    await second.close()
    await control(page, '1.1').click()
  })

  it('keeps an edit typed just before the window closes (no lost work on close)', async () => {
    const e = await open(page, '1.3')
    await e.getByLabel('Comments').fill('Typed just before closing')
    // Reload at once, inside the save delay: the page sends what is pending as it goes away.
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'RRMP planning' }).waitFor()
    await expect.poll(async () => (await storedEntry('1.3'))?.entry.comments).toBe('Typed just before closing')
    const again = await open(page, '1.3')
    expect(await again.getByLabel('Comments').inputValue()).toBe('Typed just before closing')
    await control(page, '1.3').click()
  })

  it('builds the rest of the plan to ready for stage 3', async () => {
    for (const b of OMU_EDM.baselines) {
      if (b.id === '2.4' || b.id === '5.2') continue
      await planReady(page, b.id)
    }
    await page.getByText('Overall: ready').waitFor()
    await page.getByText('None: every applicable mandatory baseline is ready.').waitFor()
    await expectAccessible(page, 'RRMP ready')
    await screenshot(page, 'rrmp-06-ready')
  }, 240_000)

  it('submits, freezes, returns with comments, starts a new version with a diff, resubmits and approves through the route', async () => {
    await page.getByRole('button', { name: 'Submit version 1 to the Governor' }).click()
    const dialog = page.getByRole('dialog', { name: 'Submit version 1 to the Governor' })
    expect(await dialog.getByLabel('Your name').inputValue()).toBe('Hanna Homs')
    // Signing asks for the password again; a wrong one is refused.
    await dialog.getByLabel('Your password').fill('not my password at all')
    await dialog.getByRole('button', { name: 'Submit version 1' }).click()
    await dialog.getByText('Enter your own password to sign this step.', { exact: true }).waitFor()
    await expectAccessible(page, 'submit dialog')
    await screenshot(page, 'rrmp-07-submit-dialog')
    await dialog.getByLabel('Your password').fill(TEST_USER.password)
    await dialog.getByRole('button', { name: 'Submit version 1' }).click()
    await page.getByText('Version 1 is read-only').waitFor()
    await open(page, '1.2')
    expect(await editor(page, '1.2').getByLabel('Comments').isDisabled()).toBe(true)
    await expectAccessible(page, 'RRMP frozen')
    await screenshot(page, 'rrmp-08-frozen')
    await control(page, '1.2').click()

    await signInAs(page, GOVERNOR)
    await go(page, 'Readiness and export')
    await page.getByRole('heading', { name: /^Record the Governor/ }).waitFor()
    await page.getByText('Status: Submitted: awaiting the Governor').waitFor()
    expect(await page.getByLabel('Name of the person deciding').inputValue()).toBe('Gus Governor')
    // Issue 16: no decision is preselected; a return asks for its reasons before it is sent,
    // in an error summary at the top of the form that takes the focus.
    await page.getByRole('button', { name: 'Record decision' }).click()
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).getByRole('link', { name: /^Decision: Choose whether to approve the plan or return it\.$/ }).waitFor()
    await page.getByLabel('Return it to the HOMS with reasons').check()
    await page.getByLabel('Your password').fill(GOVERNOR.password)
    await page.getByRole('button', { name: 'Record decision' }).click()
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).getByRole('link', { name: /Give the reasons for returning the plan/ }).waitFor()
    await page.getByLabel('Reasons for returning it').fill('Add a resourcing note for the OASys backlog.')
    await page.getByRole('button', { name: 'Record decision' }).click()
    await page.getByText('Gus Governor (Governor) returned version 1 on 23/11/2026 with these comments:').waitFor()
    await expectAccessible(page, 'readiness returned')
    await screenshot(page, 'readiness-01-returned')

    await signInAs(page, TEST_USER)
    await go(page, 'RRMP planning')
    await page.getByRole('button', { name: 'Start a new version' }).click()
    await page.getByRole('heading', { name: 'Changes since submitted version 1' }).waitFor()
    await page.getByText('No changes yet').waitFor()
    const e = await open(page, '2.4')
    await e.getByLabel('Local resourcing note').fill('One agency case administrator for 8 weeks')
    await control(page, '2.4').click()
    // Issue 16: the change in plain words, the baseline by number and title (no "resourcingNote").
    await page.getByText(/^Baseline 2\.4 \(OASys assessments.*\): Resourcing note changed from "\(none\)" to "One agency case administrator for 8 weeks"\.$/).waitFor()
    await expectAccessible(page, 'RRMP version 2 with changes')
    await screenshot(page, 'rrmp-09-version-2-changes')
    await page.getByRole('button', { name: 'Submit version 2 to the Governor' }).click()
    await page.getByRole('dialog').getByLabel('Your password').fill(TEST_USER.password)
    await page.getByRole('dialog').getByRole('button', { name: 'Submit version 2' }).click()
    await page.getByText('Version 2 is read-only').waitFor()

    await signInAs(page, GOVERNOR)
    await go(page, 'Readiness and export')
    for (const [step, name] of [
      ['Governor', 'Gus Governor'],
      ['Prison Group Director', 'Jo Reid'],
      ['Prison Gold', 'Chris Lee'],
      ['Divisional Implementation Board', 'Pat Khan'],
      ['Probation Gold', 'Dee Owens'],
    ] as const) {
      await page.getByRole('heading', { name: new RegExp(`^Record the ${step}`) }).waitFor()
      await page.getByLabel('Name of the person deciding').fill(name)
      await page.getByLabel('Approve the plan').check()
      await page.getByLabel('Your password').fill(GOVERNOR.password)
      await page.getByRole('button', { name: 'Record decision' }).click()
      await page.getByRole('row', { name: new RegExp(`${name}.*Approved`) }).waitFor()
    }
    await page.getByText(/^Every step of the route has approved version 2/).waitFor()
    expect(await page.getByRole('row', { name: /Governor Gus Governor Governor 23\/11\/2026 Approved/ }).count()).toBe(1)
    await expectAccessible(page, 'readiness signed off')
    await screenshot(page, 'readiness-02-signed-off')
  }, 120_000)

  it('exports PDF, XLSX and JSON with the plan’s content', async () => {
    for (const label of ['Export PDF', 'Export spreadsheet (XLSX)', 'Export JSON for comparison']) {
      await page.getByRole('button', { name: label }).click()
      await page.getByText(/^Saved the .* to .*\((\d+ bytes|\d+ KB)\)\.$/).waitFor()
    }
    const dir = path.join(app.userData, 'exports')
    const base = path.join(dir, 'RRMP-readiness-TST-v2-2026-11-23')
    expect(fs.readdirSync(dir).sort()).toEqual(['pdf', 'xlsx', 'json'].map((x) => `RRMP-readiness-TST-v2-2026-11-23.${x}`).sort())

    const doc = readinessExportSchema.parse(JSON.parse(fs.readFileSync(`${base}.json`, 'utf8')))
    expect(doc.plan).toMatchObject({ version: 2, basedOnVersion: 1, currentStage: 4, targetStage: 3, status: 'signed_off' })
    expect(doc.readiness).toMatchObject({ overall: 'ready', percent: 100 })
    expect(doc.baselines.find((b) => b.id === '2.4')).toMatchObject({ delivery: { kind: 'option', optionId: 'prioritised_and_backlog' }, actionItems: [{ action: 'Clear the OASys backlog', status: 'in_progress' }] })
    expect(doc.baselines.find((b) => b.id === '5.2')?.notApplicableReason).toContain('Category C training prison')
    expect(doc.signOff.steps).toHaveLength(6)

    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(`${base}.xlsx`)
    const rows: string[] = []
    wb.getWorksheet('Baselines')?.eachRow((r) => rows.push(String(r.getCell(2).value)))
    expect(rows).toHaveLength(23)
    expect(wb.getWorksheet('Action items')?.getRow(2).getCell(2).value).toBe('Clear the OASys backlog')
    expect(wb.getWorksheet('Sign-off')?.getRow(7).getCell(3).value).toBe('Dee Owens')

    const pdf = `${base}.pdf`
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
    for (const s of ['Readiness assessment: Offender Management Unit', 'HMP Testshire (TST)', 'Stage 3 – Restrict', 'READY', 'Clear the OASys backlog', 'Dee Owens', 'Signatures']) expect(text, s).toContain(s)
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '3', pdf, path.join(SCREENSHOT_DIR, 'export-pdf-page')])
    expect(fs.readdirSync(SCREENSHOT_DIR).filter((f) => f.startsWith('export-pdf-page')).length).toBeGreaterThanOrEqual(3)
  })

  it('imports another establishment’s JSON export side by side, read-only', async () => {
    const own = JSON.parse(fs.readFileSync(path.join(app.userData, 'exports', 'RRMP-readiness-TST-v2-2026-11-23.json'), 'utf8')) as Record<string, unknown>
    const other = { ...own, establishment: { name: 'HMP Elsewhere', code: 'ELS', category: 'reception' }, readiness: { ...(own.readiness as object), overall: 'not_ready', percent: 62 } }
    const file = path.join(app.userData, 'els.json')
    fs.writeFileSync(file, JSON.stringify(other))
    await page.locator('#comparison-file').setInputFiles(file)
    await page.getByText('Imported HMP Elsewhere (ELS), version 2, read-only.').waitFor()
    const table = page.getByRole('table', { name: 'Readiness side by side (imported exports are read-only)' })
    await table.getByRole('columnheader', { name: /HMP Elsewhere \(ELS\), imported read-only/ }).waitFor()
    expect(await table.getByRole('row', { name: /^Overall readiness Ready Not ready$/ }).count()).toBe(1)
    // Nothing in the imported export can be edited: no field in the comparison, only a Remove button.
    expect(await table.locator('input, textarea, select, [contenteditable="true"]').count()).toBe(0)
    await expectAccessible(page, 'readiness comparison')
    await screenshot(page, 'readiness-03-comparison')
    // Its own export cannot be imported as a comparison.
    await page.locator('#comparison-file').setInputFiles(path.join(app.userData, 'exports', 'RRMP-readiness-TST-v2-2026-11-23.json'))
    await page.getByText('This export is from your own establishment (TST).', { exact: false }).waitFor()
  })

  it('passes axe in the dark theme too', async () => {
    await page.getByLabel('Colour theme').selectOption('dark')
    await expectAccessible(page, 'readiness (dark)')
    await go(page, 'RRMP planning')
    await open(page, '2.4')
    await expectAccessible(page, 'RRMP (dark)')
    await screenshot(page, 'rrmp-10-dark')
    await page.getByLabel('Colour theme').selectOption('light')
  })
})
