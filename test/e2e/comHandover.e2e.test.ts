// Issue 17, "Handover to the COM" (Proof: "record a COM, tick the checklist, see the case move
// between lists"): a POM opens a case in its handover window, records the COM's details, ticks a
// handover task (../shared/specs/mpc-rules.md D.4: only the case's POM) and sees the progress; the
// Due screen's lists (spec A.1) move the case from upcoming to in progress. Axe-clean; screenshots
// in test-results/screenshots (com-handover-*). Today is 23/11/2026.
import { afterAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { closeBrowser, expectAccessible, openApp, screenshot, SCREENSHOT_DIR, TEST_USER } from './harness'

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

/**
 * Issue 17, "Notify the community" (seed 003 Annex B, pre-release: the community is notified 45
 * days before the handover date) and "Parole: a list of parole cases with their next hearing"
 * (gap17 item 12). The case's handover date is within 45 days and its COM is recorded, so it is on
 * the Due screen's "To notify the community" list (and in progress, spec A.3). The POM drafts the
 * email from the case's page: the main process hands a mailto: link to the operating system (here
 * the test host, which records it and opens nothing), records who sent it and when, and the case
 * leaves the list. An ISP with a target hearing date is on the parole cases list with its next
 * hearing. Screenshots: com-handover-notify-*, com-handover-parole-cases, com-handover-pom-home.
 */
describe('notify the community and the parole cases list (issue 17)', () => {
  it('a case within 45 days of its handover date is on the to-notify list; drafting the email records it sent and the case leaves the list; the parole cases list shows the next hearing', async () => {
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
    const p = await must(
      app.call('omu:prisoners.create', { prisonNumber: 'N1001AB', firstName: 'Nat', lastName: 'Notify', dateOfBirth: '1988-05-02', sentenceType: 'determinate', sentenceStartDate: '2024-01-01', conditionalReleaseDate: '2027-05-01' }),
    )
    await must(app.call('omu:allocations.allocate', { prisonerId: p.id, staffId: pom.id, startDate: '2026-06-10' }))
    // The handover date the engine gives must fall within the next 45 days for the case to be listed.
    const detail = await must(app.call('omu:prisoners.get', { prisonerId: p.id }))
    const handoverDate = detail.evaluation?.handover.comResponsibleDate ?? ''
    expect(handoverDate > '2026-11-23' && handoverDate <= '2027-01-07', `handover date ${handoverDate} within 45 days of 23/11/2026`).toBe(true)
    await must(
      app.call('omu:handover.saveDetails', {
        prisonerId: p.id,
        expectedVersion: null,
        comName: 'Casey Com',
        comEmail: 'casey.com@justice.gov.uk',
        comPhone: null,
        comTeam: null,
        pdu: null,
        ldu: 'Testshire North',
        lduEmail: null,
        comAllocatedOn: null,
        vloName: null,
        vloContact: null,
        vloLastContactOn: null,
      }),
    )
    // An ISP past its tariff whose target hearing is on 15/06/2027: a parole case.
    const lifer = await must(
      app.call('omu:prisoners.create', { prisonNumber: 'P2002CD', firstName: 'Pam', lastName: 'Parole', dateOfBirth: '1975-07-07', sentenceType: 'indeterminate', sentenceStartDate: '2010-02-01', tariffDate: '2022-03-01', targetHearingDate: '2027-06-15', mappaLevel: 1 }),
    )
    await must(app.call('omu:allocations.allocate', { prisonerId: lifer.id, staffId: pom.id, startDate: '2026-02-01' }))
    await page.reload()
    await page.getByRole('heading', { level: 1 }).first().waitFor()
    await signInAs(page, 'pat.pom')

    // The POM's home, with its handover checklists count.
    await page.getByText('Handover checklists due', { exact: true }).first().waitFor()
    await screenshot(page, 'com-handover-pom-home')

    // Due screen: on the to-notify list, with days left in words.
    await go(page, '#/due')
    const toNotify = page.getByRole('region', { name: /^To notify the community/ })
    await toNotify.getByRole('link', { name: 'NOTIFY, Nat' }).waitFor()
    await expect(toNotify.getByRole('row').filter({ hasText: 'NOTIFY, Nat' }).textContent()).resolves.toMatch(/\d+ days? left|today/)
    const listed = async () => Number(/\((\d+)\)/.exec((await toNotify.getByRole('heading').first().textContent()) ?? '')?.[1] ?? 'NaN')
    const before = await listed()
    // The parole cases list: the ISP with its next hearing, soonest first.
    const parole = page.getByRole('region', { name: /^Parole cases/ })
    const liferRow = parole.getByRole('row').filter({ hasText: 'PAROLE, Pam' })
    await liferRow.waitFor()
    const liferText = (await liferRow.textContent()) ?? ''
    expect(liferText).toContain('15/06/2027')
    expect(liferText).toContain('None recorded')
    await expectAccessible(page, 'due screen, to notify and parole cases')
    await screenshot(page, 'com-handover-notify-due-before')
    await parole.scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${SCREENSHOT_DIR}/com-handover-parole-cases.png` })

    // The case's page: draft the email.
    await toNotify.getByRole('link', { name: 'NOTIFY, Nat' }).click()
    const notify = page.getByRole('region', { name: 'Notify the community', exact: true })
    await notify.getByText('This case is on the list to notify.', { exact: false }).waitFor()
    expect(app.opened).toEqual([])
    await notify.getByRole('button', { name: 'Notify the community' }).click()
    await notify.getByText(/^The community was notified on 23\/11\/2026.* by Pat Pom\.$/).waitFor()
    // The drafted email went to the COM, through the operating system's opener, and nowhere else.
    expect(app.opened).toHaveLength(1)
    const mail = new URL(app.opened[0] ?? '')
    expect(mail.protocol).toBe('mailto:')
    expect(decodeURIComponent(mail.pathname)).toBe('casey.com@justice.gov.uk')
    expect(mail.searchParams.get('subject')).toBe('Handover to the community: Nat Notify (N1001AB)')
    const body = mail.searchParams.get('body') ?? ''
    expect(body).toContain('COM responsible from (handover date): ')
    expect(body).not.toMatch(/\d{4}-\d{2}-\d{2}/)
    expect(await notify.getByRole('button', { name: 'Notify the community' }).count(), 'no second notification offered').toBe(0)
    await expectAccessible(page, 'prisoner page, community notified')
    await notify.scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${SCREENSHOT_DIR}/com-handover-notify-case.png` })

    // Due screen: the case has left the to-notify list, and is still in progress.
    await go(page, '#/due')
    await page.getByRole('region', { name: /^Handovers in progress/ }).getByRole('link', { name: 'NOTIFY, Nat' }).waitFor()
    await toNotify.getByRole('heading').first().waitFor()
    expect(await toNotify.getByRole('link', { name: 'NOTIFY, Nat' }).count()).toBe(0)
    expect(await listed()).toBe(before - 1)
    await screenshot(page, 'com-handover-notify-due-after')
    await app.close()
  })
})
