// Issue 20, "Proof": e2e screenshots of a case of each new kind under omic2023
// (../shared/specs/handover-2023.md sections 2-4). The demo establishment holds one case of each
// kind (db/demo/generate.ts SHOWCASE); with the policy set to omic2023, each case's page and its
// caseload row say who is responsible and why, in the spec's words, and a case without handover
// dates explains itself ("COM responsible: parole not granted, MAPPA 2/3"). Screenshots in
// test-results/screenshots (handover2023-*).
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { closeBrowser, expectAccessible, openApp, screenshot, TEST_USER } from './harness'

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
