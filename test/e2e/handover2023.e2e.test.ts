// Issue 20, "Proof": e2e screenshots of a case of each new kind under omic2023
// (../shared/specs/handover-2023.md sections 2-4). The demo establishment holds one case of each
// kind (db/demo/generate.ts SHOWCASE); with the policy set to omic2023, each case's page and its
// caseload row say who is responsible and why, in the spec's words, and a case without handover
// dates explains itself ("COM responsible: parole not granted, MAPPA 2/3"). Screenshots in
// test-results/screenshots (handover2023-*).
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { closeBrowser, expectAccessible, fillDate, openApp, screenshot, TEST_USER } from './harness'

afterAll(closeBrowser)

const go = (page: Page, hash: string) => page.goto(`${page.url().split('#')[0]}${hash}`)

/**
 * Each new kind: the demo surname, the reason's label on the case's page (spec section 2), and
 * what the caseload's handover column says (a no-dates result in plain words, R5; or the label).
 */
const KINDS = [
  { surname: 'Additional-Demo', rule: 'R1', label: 'Additional ISP: POM responsible', handover: 'POM responsible: additional ISP' },
  { surname: 'Recall-Demo', rule: 'R2a', label: 'Recall, next parole hearing more than 12 months away', handover: 'POM responsible, COM supporting: recall, next parole hearing more than 12 months away' },
  { surname: 'Refused-Demo', rule: 'R2c', label: 'Next parole hearing more than 12 months away', handover: 'POM responsible, COM supporting: next parole hearing more than 12 months away' },
  { surname: 'Mappatwo-Demo', rule: 'R2b', label: 'Parole not granted and MAPPA 2/3', handover: 'COM responsible: parole not granted, MAPPA 2/3' },
  { surname: 'Immigration-Demo', rule: 'R3', label: 'Immigration case', handover: 'COM responsible: immigration case' },
  { surname: 'Open-Demo', rule: 'R4', label: 'Indeterminate, open conditions', handover: null },
] as const

describe('handover policy omic2023, the new kinds of case (issue 20)', () => {
  it('each new kind of case shows its responsibility and reason on its page and in the caseload', async () => {
    const app = await openApp()
    const { page } = app
    expect((await app.call('omu:demo.create', { prisoners: 300, seed: 3 })).ok).toBe(true)
    expect((await app.call('omu:establishment.update', { policy: 'omic2023', password: TEST_USER.password })).ok).toBe(true)
    const list = await app.call('omu:caseload.list', { pomId: null })
    if (!list.ok) throw new Error(list.error.message)
    expect(list.data.policy).toBe('omic2023')
    await page.reload()

    for (const kind of KINDS) {
      const row = list.data.rows.find((r) => r.name.toUpperCase().includes(kind.surname.toUpperCase()))
      if (!row) throw new Error(`The demo has no ${kind.surname} case.`)
      await go(page, `#/prisoner/${row.prisonerId}`)
      await page.getByRole('heading', { level: 1, name: new RegExp(kind.surname, 'i') }).waitFor()
      await page.getByText(kind.label).first().waitFor()
      await screenshot(page, `handover2023-${kind.rule}-${kind.surname.toLowerCase()}`)
    }
    await expectAccessible(page, 'prisoner page of an omic2023 case')

    // The caseload's handover column: the no-dates cases explain themselves in plain words.
    await go(page, '#/caseload')
    await page.getByTestId('case-row').first().waitFor()
    for (const kind of KINDS) {
      if (kind.handover === null) continue
      await page.getByLabel('Search by name or prison number').fill(kind.surname)
      const caseRow = page.getByTestId('case-row').filter({ hasText: new RegExp(kind.surname, 'i') })
      await caseRow.first().waitFor()
      expect(await caseRow.first().textContent()).toContain(kind.handover)
    }
    await screenshot(page, 'handover2023-caseload')
    await app.close()
  })
})

/**
 * Issue 20, "parole reviews supply paroleOutcome and the next target hearing date, so recording a
 * parole outcome moves the case's dates at once" (gap20 item 5): through the Parole form on the
 * prisoner page, not the channel. An ISP whose tariff passed in 2022 with its hearing on 10/11/2026
 * awaiting the outcome: the release date is that hearing, the handover was reached on 10/11/2025 and
 * the COM is responsible. A refusal with the next hearing on 23/01/2028, 14 months after today
 * (23/11/2026), makes the hearing "far" (handover spec R2: strictly more than 12 months), so R2c
 * applies: POM responsible with the COM supporting, no handover dates. The handover panel and the
 * caseload row (already loaded before the change) follow without reloading the page.
 */
describe('recording a parole refusal through the form moves responsibility at once (issue 20; handover spec R2c, section 6)', () => {
  it('a refusal with the next hearing 14 months away turns the ISP from COM responsible to POM responsible with the COM supporting, on the prisoner page and in the caseload, without a reload', async () => {
    const app = await openApp()
    const { page } = app
    const must = async <T,>(r: Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>): Promise<T> => {
      const out = await r
      if (!out.ok) throw new Error(out.error.message)
      return out.data
    }
    await must(app.call('omu:establishment.setup', { name: 'HMP Testshire', code: 'TST', category: 'training' }))
    await must(app.call('omu:establishment.update', { policy: 'omic2023', password: TEST_USER.password }))
    const pom = await must(app.call('omu:staff.save', { name: 'Pat Pom', role: 'prison_pom' }))
    const p = await must(
      app.call('omu:prisoners.create', {
        prisonNumber: 'A1234BC',
        firstName: 'Lee',
        lastName: 'Refused',
        dateOfBirth: '1980-02-01',
        sentenceType: 'indeterminate',
        sentenceStartDate: '2012-03-01',
        tariffDate: '2022-03-01',
        targetHearingDate: '2026-11-10',
        mappaLevel: 1,
      }),
    )
    await must(app.call('omu:allocations.allocate', { prisonerId: p.id, staffId: pom.id, startDate: '2026-01-05' }))
    await page.reload()
    await page.getByRole('heading', { level: 1 }).first().waitFor()

    // The caseload first, so that its rows are already loaded when the parole outcome is recorded.
    await go(page, '#/caseload')
    const row = page.getByTestId('case-row').filter({ hasText: 'REFUSED, Lee' })
    await row.waitFor()
    const cells = row.getByRole('cell')
    expect((await cells.nth(2).textContent())?.trim()).toBe('COM')
    expect(await cells.nth(5).textContent()).toContain('COM responsible 10/11/2025')

    // To the prisoner page by its link in the row: the app moves screens without loading the page again.
    await row.getByRole('link', { name: 'REFUSED, Lee' }).click()
    await page.getByRole('heading', { level: 1, name: /REFUSED, Lee/i }).waitFor()
    const panel = page.locator('div.mantine-Paper-root').filter({ has: page.getByRole('heading', { level: 2, name: /^Handover to the COM/ }) })
    const responsibleToday = panel.getByText('Responsible today', { exact: true }).locator('xpath=following-sibling::*[1]')
    await expect.poll(() => responsibleToday.textContent()).toBe('COM')
    await panel.getByText('10/11/2025').first().waitFor()
    await page.evaluate(() => {
      ;(window as unknown as { __sameDocument: boolean }).__sameDocument = true
    })
    await screenshot(page, 'handover2023-parole-before')

    const parole = page.getByRole('region', { name: 'Parole', exact: true })
    const form = parole.getByRole('form', { name: 'Record a parole review' })
    await fillDate(form, 'Hearing date', '2026-11-10')
    await form.getByLabel('Outcome', { exact: true }).selectOption({ label: 'Release refused' })
    await fillDate(form, 'Outcome date', '2026-11-17')
    await fillDate(form, 'Next hearing date', '2028-01-23')
    await expectAccessible(page, 'prisoner page, parole form filled in')
    await form.getByRole('button', { name: 'Record review' }).click()

    // The parole section and the handover panel move at once (R2c: POM responsible, COM supporting; no dates).
    await parole.getByText(/The handover rules use the next hearing on 23\/01\/2028 and the last outcome: not released/).waitFor()
    await expect.poll(() => responsibleToday.textContent()).toBe('POM with COM')
    await panel.getByText(/^Next parole hearing more than 12 months away\./).waitFor()
    expect(await panel.getByText('10/11/2025').count(), 'the handover dates are gone (R2c has none)').toBe(0)
    await page.evaluate(() => window.scrollTo(0, 0))
    await screenshot(page, 'handover2023-parole-after')

    // Back to the caseload by the navigation: the row already on screen before has changed.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /^Caseload/ }).click()
    await page.getByRole('heading', { level: 1, name: 'Caseload' }).waitFor()
    await expect.poll(async () => (await page.getByTestId('case-row').filter({ hasText: 'REFUSED, Lee' }).getByRole('cell').nth(2).textContent())?.trim()).toBe('POM with COM')
    expect(await page.getByTestId('case-row').filter({ hasText: 'REFUSED, Lee' }).getByRole('cell').nth(5).textContent()).toBe(
      'POM responsible, COM supporting: next parole hearing more than 12 months away',
    )
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument), 'the page was not reloaded').toBe(true)
    await screenshot(page, 'handover2023-parole-caseload-after')
    await app.close()
  })
})
