// Issue 17, case work (Proof: "assess early allocation and see the handover date move; override
// responsibility"): a HOMD opens a case and sees the recommended POM type when allocating
// (../shared/specs/mpc-rules.md B5), chooses a POM of the other type and must say why (B4: the
// main process refuses without it); the HOMD overrides who is responsible; the case's POM assesses
// early allocation (spec C: the LDU email first, C.1; OASys date, C.2; questions, C.1) and sees the
// case become eligible with its handover date brought forward; the Due screen's handover lists
// show the override beside the rules' answer without moving the case (spec A.1). Axe-clean;
// screenshots in test-results/screenshots (case-work-*). Today is 23/11/2026.
import { afterAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { closeBrowser, expectAccessible, fillDate, openApp, screenshot, TEST_USER } from './harness'

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

/** Spec C.1's stage-one questions as the form asks them (renderer/src/screens/prisoner/EarlyAllocationSection.tsx). */
const STAGE_ONE = [
  'Has this person been convicted of an offence under the Terrorism Act 2000?',
  'Is this a high profile case?',
  'Is this person subject to a serious crime prevention order?',
  'Is this person managed at MAPPA level 3?',
  'Is this likely to be a Critical Public Protection Case?',
] as const

describe('case work (issue 17)', () => {
  it('the HOMD allocates against the recommendation with a reason and overrides responsibility; the POM assesses early allocation', async () => {
    const app = await openApp()
    const { page } = app
    const must = async <T,>(r: Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>): Promise<T> => {
      const out = await r
      if (!out.ok) throw new Error(out.error.message)
      return out.data
    }
    await must(app.call('omu:establishment.setup', { name: 'HMP Testshire', code: 'TST', category: 'training' }))
    await must(app.call('omu:staff.save', { name: 'Pat Pom', role: 'prison_pom' }))
    const kit = await must(app.call('omu:staff.save', { name: 'Kit Probation', role: 'probation_pom' }))
    await must(app.call('omu:users.save', { username: 'hil.homd', displayName: 'Hil Homd', role: 'homd', password: PASSWORD, yourPassword: PASSWORD }))
    await must(app.call('omu:users.save', { username: 'kit.probation', displayName: 'Kit Probation', role: 'pom', staffId: kit.id, password: PASSWORD, yourPassword: PASSWORD }))
    // Tier C1 (spec B1: a prison POM); CRD 31/01/2028, inside the 18-month referral window (C.4).
    const p = await must(
      app.call('omu:prisoners.create', { prisonNumber: 'E1234FG', firstName: 'Eddie', lastName: 'Early', dateOfBirth: '1980-02-02', sentenceType: 'determinate', sentenceStartDate: '2025-06-01', conditionalReleaseDate: '2028-01-31', tier: 'C1' }),
    )
    // Spec C.1: starting an early allocation assessment needs the case's LDU email.
    await must(app.call('omu:handover.saveDetails', { prisonerId: p.id, expectedVersion: null, ldu: 'Testshire North', lduEmail: 'north.ldu@justice.gov.uk' }))
    await page.reload()
    await page.getByRole('heading', { level: 1 }).first().waitFor()

    // The HOMD opens the case: the recommendation shows before a POM is chosen (spec B5).
    await signInAs(page, 'hil.homd')
    await go(page, `#/prisoner/${p.id}`)
    await page.getByText('Eddie is tier C1, so we recommend allocating to a prison POM.').waitFor()
    await expectAccessible(page, 'prisoner page, allocation recommendation')
    await screenshot(page, 'case-work-recommendation')

    // A probation POM against a prison recommendation: the reason is asked for and required (B4).
    // Options read "Kit Probation (probation POM): 0 cases of …" (renderer/src/screens/prisoner/pomChoice.ts): chosen by id.
    await page.getByLabel('Allocate to', { exact: true }).selectOption({ value: String(kit.id) })
    const reason = page.getByLabel('Why allocate to a POM other than the recommended prison POM?')
    await reason.waitFor()
    const allocate = page.getByRole('button', { name: 'Allocate', exact: true })
    expect(await allocate.isDisabled()).toBe(true)
    // The main process refuses it too, whoever asks (issue 17: "a reason required").
    expect(await app.call('omu:allocations.allocate', { prisonerId: p.id, staffId: kit.id })).toMatchObject({ ok: false, error: { field: 'pomTypeReason', message: 'Say why you chose a probation POM when a prison POM is recommended.' } })
    await reason.fill('Kit supervised Eddie in the community before.')
    await expectAccessible(page, 'prisoner page, reason for the other POM type')
    await screenshot(page, 'case-work-allocate-other-type')
    await allocate.click()
    await page.getByText('Allocated to Kit Probation.').waitFor()

    // The HOMD overrides who is responsible: POM until 31/01/2027, with the reason.
    const override = page.getByRole('region', { name: 'Responsibility override', exact: true })
    await override.getByRole('button', { name: 'Override who is responsible' }).click()
    const form = page.getByRole('form', { name: 'Override who is responsible' })
    await form.getByLabel('POM', { exact: true }).check()
    await form.getByLabel('Reason').fill('Agreed with the PDU head: the POM keeps the case until the sentence plan review.')
    await fillDate(form, 'End date', '2027-01-31')
    await expectAccessible(page, 'prisoner page, override form')
    await screenshot(page, 'case-work-override-form')
    await form.getByRole('button', { name: 'Save override' }).click()
    await override.getByText(/^Overridden: POM responsible until 31\/01\/2027 \(the rules say POM\)/).waitFor()
    await screenshot(page, 'case-work-override')

    // The case's POM assesses early allocation: a yes at stage one is eligible (C2).
    await signInAs(page, 'kit.probation')
    await go(page, `#/prisoner/${p.id}`)
    const early = page.getByRole('region', { name: 'Early allocation', exact: true })
    await early.getByText('Not assessed').waitFor()
    await early.getByRole('button', { name: 'Start assessment' }).click()
    const assessment = page.getByRole('form', { name: 'Early allocation assessment' })
    await fillDate(assessment, 'Date of the last OASys risk assessment', '2026-11-01')
    for (const q of STAGE_ONE) {
      await assessment
        .locator('.mantine-RadioGroup-root', { hasText: q })
        .getByLabel(q === 'Is this a high profile case?' ? 'Yes' : 'No', { exact: true })
        .check()
    }
    await assessment.getByText('Eligible - the community probation team will take responsibility for this case early').waitFor()
    await expectAccessible(page, 'prisoner page, early allocation assessment')
    await screenshot(page, 'case-work-early-allocation-form')
    await assessment.getByRole('button', { name: 'Save assessment' }).click()
    await early.getByText('Eligible - case handover date has been updated').waitFor()
    await early.getByText('Early allocation eligible').waitFor()
    await expectAccessible(page, 'prisoner page, early allocation eligible')
    await screenshot(page, 'case-work-early-allocation')

    // Early allocation brought the handover to 31/10/2026 (issue 3: release minus 15 months), so
    // the rules now say the COM; the list keeps the engine's membership (spec A5: COM allocation
    // overdue, no COM recorded) and shows the HOMD's override beside the rules' answer.
    await go(page, '#/due')
    const overdue = page.getByRole('region', { name: /^COM allocation overdue/ })
    await overdue.getByRole('link', { name: 'EARLY, Eddie' }).waitFor()
    await overdue.getByText('Responsible: POM (override until 31/01/2027; rules say COM)').waitFor()
    await expectAccessible(page, 'due screen, handover lists with an override')
    await screenshot(page, 'case-work-due-override')
    await app.close()
  })
})
