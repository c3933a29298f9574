import { afterAll, describe, expect, it } from 'vitest'
import type { IpcResult } from '../../shared/ipc/result'
import { closeBrowser, dateValue, expectAccessible, fillDate, openApp, screenshot, type AppHandle } from './harness'

afterAll(closeBrowser)

async function ok<T>(p: Promise<IpcResult<T>>): Promise<T> {
  const r = await p
  if (!r.ok) throw new Error(r.error.message)
  return r.data
}

/** A small establishment arranged through the real services: one POM, one allocated case with two sessions. */
async function smallEstablishment(app: AppHandle): Promise<{ prisonerId: number; pomId: number }> {
  await ok(app.call('omu:establishment.setup', { name: 'HMP Testshire', code: 'TST', category: 'training' }))
  const pom = await ok(app.call('omu:staff.save', { name: 'Pat Pom', role: 'prison_pom' }))
  await ok(app.call('omu:staff.save', { name: 'Kit Pom', role: 'probation_pom' }))
  const p = await ok(
    app.call('omu:prisoners.create', { prisonNumber: 'A1234BC', firstName: 'Alex', lastName: 'Testwell', dateOfBirth: '1990-04-01', sentenceType: 'determinate', sentenceStartDate: '2026-09-01', conditionalReleaseDate: '2029-03-01' }),
  )
  await ok(app.call('omu:prisoners.create', { prisonNumber: 'B2345CD', firstName: 'Sam', lastName: 'Samplewood', dateOfBirth: '1988-01-01', sentenceType: 'determinate', sentenceStartDate: '2026-10-20', conditionalReleaseDate: '2030-01-01' }))
  await ok(app.call('omu:allocations.allocate', { prisonerId: p.id, staffId: pom.id, startDate: '2026-09-10' }))
  for (const date of ['2026-09-15', '2026-10-01']) await ok(app.call('omu:sessions.record', { prisonerId: p.id, date, inPerson: true, mode: 'wing_interview_room', durationMinutes: 30 }))
  // The page read the app's state (set-up not done yet) as it loaded: open it again, as a user would.
  await app.page.reload()
  return { prisonerId: p.id, pomId: pom.id }
}

describe('POM caseload in Chromium (issue 5)', () => {
  it('record a session on the prisoner page and see start of custody turn met', async () => {
    const app = await openApp()
    const { prisonerId } = await smallEstablishment(app)
    const { page } = app
    await page.getByRole('link', { name: 'TESTWELL, Alex' }).click()
    await page.getByRole('heading', { level: 1, name: 'TESTWELL, Alex' }).waitFor()
    expect(page.url()).toContain(`#/prisoner/${prisonerId}`)
    const soc = page.getByTestId('minimum-start_of_custody')
    expect(await soc.textContent()).toContain('Due')
    expect(await soc.textContent()).toContain('2 of 3 sessions held')
    await expectAccessible(page, 'prisoner page')
    await screenshot(page, '30-prisoner-before')
    // The form defaults to today and in person: only the duration is changed.
    expect(await dateValue(page, 'Date of the session')).toBe('2026-11-23')
    expect(await page.getByLabel('In person (counts towards the minima)').isChecked()).toBe(true)
    await page.getByLabel('Duration (minutes)').fill('40')
    await page.getByLabel('Notes').fill('<script>alert(1)</script> Sentence plan reviewed.')
    await page.getByRole('button', { name: 'Record session' }).click()
    await page.getByText('Session recorded.').waitFor()
    await expect.poll(() => soc.textContent()).toContain('Met')
    expect(await soc.textContent()).toContain('3 sessions held (3 required): met')
    // Free text is shown as text, never run as HTML.
    await page.getByText('<script>alert(1)</script> Sentence plan reviewed.', { exact: false }).first().waitFor()
    await screenshot(page, '31-prisoner-after')
    await app.close()
  })

  it('allocate a new case from the Allocation screen; it leaves the waiting list', async () => {
    const app = await openApp()
    await smallEstablishment(app)
    const { page } = app
    await page.goto(`${page.url().split('#')[0]}#/allocation`)
    await page.getByRole('heading', { level: 1, name: 'Allocation' }).waitFor()
    await page.getByRole('link', { name: 'SAMPLEWOOD, Sam' }).waitFor()
    await expectAccessible(page, 'allocation')
    await screenshot(page, '40-allocation')
    // Issue 16: on a small laptop (1024x700) the waiting list and the POM table stay side by side,
    // nothing runs off the side, and the Allocate action is in view.
    await page.setViewportSize({ width: 1024, height: 700 })
    await screenshot(page, '40-allocation-1024')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024)
    const waitingBox = await page.getByRole('heading', { name: /Waiting for a POM/ }).boundingBox()
    const tableBox = await page.getByRole('heading', { name: 'POM caseloads' }).boundingBox()
    expect(tableBox && waitingBox && tableBox.x > waitingBox.x && Math.abs(tableBox.y - waitingBox.y) < 5).toBe(true)
    const allocateBox = await page.getByRole('button', { name: 'Allocate', exact: true }).first().boundingBox()
    expect(allocateBox !== null && allocateBox.x + allocateBox.width <= 1024 && allocateBox.y + allocateBox.height <= 700).toBe(true)
    // Sortable by keyboard: the heading is a button, aria-sort says the order (issue 16).
    await page.getByRole('button', { name: 'Weighted load: sort ascending' }).focus()
    await page.keyboard.press('Enter')
    expect(await page.getByRole('columnheader', { name: /Weighted load/ }).getAttribute('aria-sort')).toBe('ascending')
    await page.setViewportSize({ width: 1280, height: 800 })
    // Sam has no tier, so a prison POM is recommended; Kit is a probation POM, so issue 17 asks
    // why (../shared/specs/mpc-rules.md B4) and the main process refuses an allocation without it.
    // The option reads "Kit Pom (probation POM): 0 cases of …" (renderer/src/screens/prisoner/pomChoice.ts).
    const choose = page.getByLabel('Allocate SAMPLEWOOD, Sam to')
    await choose.selectOption({ value: (await choose.locator('option', { hasText: 'Kit Pom (probation POM)' }).getAttribute('value')) ?? '' })
    await page.getByLabel('Why allocate to a POM other than the recommended prison POM?').fill('Kit knows the family.')
    await page.getByRole('button', { name: 'Allocate', exact: true }).click()
    await page.getByText('Every case in custody has a POM.').waitFor()
    const kit = page.getByRole('row', { name: /Kit Pom/ })
    expect(await kit.textContent()).toContain('Probation POM')
    await app.close()
  })

  it('add a prisoner on the Allocation screen, then change their facts on their page (HOMD forms)', async () => {
    const app = await openApp()
    await smallEstablishment(app)
    const { page } = app
    await page.goto(`${page.url().split('#')[0]}#/allocation`)
    await page.getByRole('button', { name: 'Add a prisoner' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add a prisoner' })
    await dialog.getByLabel('Prison number').fill('c3456de')
    await dialog.getByLabel('First name').fill('Robin')
    await dialog.getByLabel('Last name').fill('Pretendham')
    await fillDate(dialog, 'Date of birth', '1985-06-15')
    await fillDate(dialog, 'Sentence start date', '2026-10-01')
    await fillDate(dialog, 'Conditional release date (CRD)', '2025-01-01')
    await dialog.getByRole('button', { name: 'Add prisoner' }).click()
    // The main process refuses a release date before the sentence start, naming the field: in the
    // error summary (a link to the field) and under the field itself (issue 16).
    await dialog.getByRole('link', { name: 'Conditional release date (CRD): Cannot be before the sentence start date.' }).waitFor()
    expect(await dialog.getByText('Cannot be before the sentence start date.', { exact: true }).count()).toBe(1)
    await expectAccessible(page, 'add prisoner form')
    await screenshot(page, '41-add-prisoner')
    await fillDate(dialog, 'Conditional release date (CRD)', '2029-10-01')
    await dialog.getByRole('button', { name: 'Add prisoner' }).click()
    await page.getByRole('link', { name: 'PRETENDHAM, Robin' }).click()
    await page.getByRole('heading', { level: 1, name: 'PRETENDHAM, Robin' }).waitFor()
    await page.getByRole('button', { name: 'Change facts' }).click()
    const edit = page.getByRole('dialog', { name: 'Change facts' })
    await edit.getByLabel('Tier').fill('b3')
    await edit.getByRole('button', { name: 'Save facts' }).click()
    await page.getByText('Facts saved.').waitFor()
    await expect.poll(() => page.getByText('C3456DE').first().isVisible()).toBe(true)
    expect(await page.locator('text=Tier').locator('..').getByText('B3').count()).toBeGreaterThan(0)
    await app.close()
  })

  it('import a CSV with bad rows: every problem is listed and nothing is written until confirmed', async () => {
    const app = await openApp()
    await ok(app.call('omu:establishment.setup', { name: 'HMP Testshire', code: 'TST', category: 'training' }))
    const { page } = app
    await page.reload()
    await page.goto(`${page.url().split('#')[0]}#/import`)
    await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor()
    await expectAccessible(page, 'import (empty)')
    const csv = [
      'prison_number,first_name,last_name,date_of_birth,sentence_type,sentence_start_date,crd',
      'A1111AA,Alex,Testwell,1990-04-01,determinate,2025-01-10,2028-01-10',
      '1111,Jo,Demoford,1990-04-01,determinate,2025-01-10,2028-01-10',
      'A3333CC,Chris,Fictionby,1990-02-30,determinate,2025-01-10,2028-01-10',
    ].join('\n')
    await page.locator('input[type=file]').setInputFiles({ name: 'prisoners.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
    await page.getByRole('heading', { name: 'What importing would do' }).waitFor()
    const problems = page.getByRole('table', { name: 'Problems found' })
    expect(await problems.getByRole('row').count()).toBe(3)
    expect(await problems.textContent()).toContain('NOMIS format')
    expect(await problems.textContent()).toContain('date_of_birth')
    await expectAccessible(page, 'import preview')
    await screenshot(page, '50-import-problems')
    // Nothing written yet.
    const before = await ok(app.call('omu:caseload.list', { pomId: null }))
    expect(before.rows).toHaveLength(0)
    await page.getByRole('button', { name: 'Import 1 good row' }).click()
    await page.getByText('1 added, 0 updated, 2 skipped.').first().waitFor()
    const after = await ok(app.call('omu:caseload.list', { pomId: null }))
    expect(after.rows).toHaveLength(1)
    await app.close()
  })

  // Issue 17: a file of allocations is all or nothing; each bad row is listed, then a clean file allocates.
  it('import allocations: a bad row blocks the whole file; a clean file allocates the case', async () => {
    const app = await openApp()
    await smallEstablishment(app)
    const { page } = app
    await page.goto(`${page.url().split('#')[0]}#/import`)
    await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor()
    await page.getByRole('radio', { name: 'Allocations' }).check()
    const header = 'prison_number,pom,allocation_date'
    const bad = [header, 'B2345CD,Pat Pom,20/11/2026', 'A1234BC,Nobody Known,20/11/2026'].join('\n')
    await page.locator('input[type=file]').setInputFiles({ name: 'allocations.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) })
    await page.getByRole('heading', { name: 'What importing would do' }).waitFor()
    await page.getByText('1 problem: nothing can be imported yet').waitFor()
    expect(await page.getByRole('table', { name: 'Problems found' }).textContent()).toContain('No member of staff called Nobody Known')
    expect(await page.getByRole('button', { name: 'Import 0 good rows' }).isDisabled()).toBe(true)
    await expectAccessible(page, 'import allocations (problems)')
    await screenshot(page, '51-import-allocations-problems')
    const good = [header, 'B2345CD,Pat Pom,20/11/2026'].join('\n')
    await page.locator('input[type=file]').setInputFiles({ name: 'allocations-fixed.csv', mimeType: 'text/csv', buffer: Buffer.from(good) })
    await page.getByRole('button', { name: 'Import 1 good row' }).click()
    await page.getByText('1 added, 0 updated, 0 skipped.').first().waitFor()
    const list = await ok(app.call('omu:caseload.list', { pomId: null }))
    expect(list.rows.find((r) => r.prisonNumber === 'B2345CD')?.pomName).toBe('Pat Pom')
    await app.close()
  })

  it('a 2,000-prisoner caseload opens, filters, sorts and scrolls to the last case with few rows in the page', async () => {
    const app = await openApp()
    await ok(app.call('omu:demo.create', { prisoners: 2000, seed: 11 }))
    const { page } = app
    await page.reload()
    await page.getByTestId('case-row').first().waitFor()
    const status = page.getByText(/^Showing [\d,]+ of 2,000 cases$/)
    await status.waitFor()
    // Under stage 3 the banner names the stage and priority cohorts come first.
    await page.getByText('HMP Demoshire (demo data) is at Stage 3 – Restrict').waitFor()
    await expectAccessible(page, 'caseload with 2,000 cases')
    await screenshot(page, '60-caseload-2000')
    expect(await page.getByTestId('case-row').count()).toBeLessThan(60)
    // Filter: only overdue (issue 16: the status chips sit behind "More filters" at first).
    await page.getByRole('button', { name: /^More filters/ }).click()
    await page.getByRole('group', { name: 'Status' }).getByText('Overdue').click()
    await expect.poll(async () => (await status.textContent()) ?? '').not.toContain('Showing 2,000')
    for (const badge of await page.getByTestId('case-row').locator('[role=cell]:nth-child(4)').allTextContents()) expect(badge).toBe('Overdue')
    await screenshot(page, '61-caseload-overdue')
    // Sort by name, descending after a second click.
    const nameHeader = page.getByRole('columnheader', { name: /Name and number/ })
    await page.getByRole('button', { name: /^Name and number/ }).click()
    await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('ascending')
    await page.getByRole('button', { name: /^Name and number/ }).click()
    await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('descending')
    await screenshot(page, '62-caseload-sorted')
    await page.getByRole('group', { name: 'Status' }).getByText('Overdue').click()
    await status.filter({ hasText: 'Showing 2,000 of 2,000 cases' }).waitFor()
    // Scroll to the end: the last case renders.
    // Issue 16: the page is the screen's one scroll area; the rows follow it.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
    await expect.poll(() => page.locator('[role=row][aria-rowindex="2001"]').count()).toBe(1)
    expect(await page.getByTestId('case-row').count()).toBeLessThan(60)
    // The view is saved per user: after a restart the sort is still there.
    await expect.poll(async () => JSON.stringify(await app.call('omu:prefs.getCaseloadView'))).toContain('"direction":"desc"')
    await app.restart()
    await page.getByTestId('case-row').first().waitFor()
    await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('descending')
    await app.close()
  }, 120_000)

  it('due and overdue: counts and lists pass axe', async () => {
    const app = await openApp()
    await ok(app.call('omu:demo.create', { prisoners: 300, seed: 5 }))
    const { page } = app
    await page.reload()
    await page.goto(`${page.url().split('#')[0]}#/due`)
    await page.getByRole('heading', { level: 1, name: 'Due and overdue' }).waitFor()
    await page.getByRole('table', { name: 'Minima overdue and due, per POM' }).waitFor()
    await expectAccessible(page, 'due and overdue')
    await screenshot(page, '70-due')
    await app.close()
  })
})
