import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { closeBrowser, dbPathIn, expectAccessible, openApp, screenshot, SCREENSHOT_DIR, TEST_USER } from './harness'

// Where the data is kept (issue 13) in Chromium against the real services: Settings (a HOMS),
// first run, the sign-in page in shared mode and the offline banner. No PostgreSQL server is
// needed: the shared location points at a loopback port nobody listens on, and the connection
// test must say so in plain words.

afterAll(closeBrowser)

/** A loopback port that was free a moment ago and is closed now: nothing answers there. */
async function closedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as net.AddressInfo).port
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** What the window shows now, at its size (the harness's screenshots are of the whole page). */
async function viewShot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) })
}

const nothingAnswering = (port: number) => `Nothing is answering at 127.0.0.1:${port}. Check the server name and port, and that the database server is running.`

async function fillShared(page: Page, port: number): Promise<void> {
  await page.getByLabel('Server name or address').fill('127.0.0.1')
  await page.getByLabel(/^Port\b/).fill(String(port))
  expect(await page.getByLabel('Database name').inputValue()).toBe('omu')
  expect(await page.getByLabel('Encryption (TLS)').inputValue()).toBe('verify-full')
  await page.getByLabel('CA certificate file').waitFor()
}

async function testConnection(page: Page, port: number): Promise<void> {
  // Without a sign-in the test is not run: the fields say what is missing.
  await page.getByRole('button', { name: 'Test the connection' }).click()
  await page.getByText('Enter your username.', { exact: true }).waitFor()
  await page.getByText('Enter your password.', { exact: true }).waitFor()
  // Focus moves to the error summary (issue 16), whose links lead to the fields.
  await expect.poll(() => page.getByRole('alert').filter({ hasText: 'There is a problem' }).evaluate((el) => el === document.activeElement || el.contains(document.activeElement))).toBe(true)
  await page.getByLabel('Your username on the shared database').fill(TEST_USER.username)
  await page.getByLabel('Your password on the shared database').fill(TEST_USER.password)
  // Enter in a field runs the test (never the switch).
  await page.getByLabel('Your password on the shared database').press('Enter')
  const result = page.getByRole('status').filter({ hasText: 'The connection does not work' })
  await result.getByText(nothingAnswering(port)).waitFor()
}

describe('where the data is kept (issue 13)', () => {
  it('a HOMS tests a shared database in Settings, switches to it, and can go back to this computer’s file from the sign-in page', async () => {
    const port = await closedPort()
    const app = await openApp()
    const { page, userData } = app
    expect(await app.call('omu:establishment.setup', { name: 'HMP Testshire', code: 'TST', category: 'training' })).toMatchObject({ ok: true })
    await page.reload()
    await page.getByRole('link', { name: /^Settings/ }).click()
    const heading = page.getByRole('heading', { name: 'Where is the data kept?' })
    await heading.waitFor()
    await page.getByText(`Now: on this computer, in the file ${dbPathIn(userData)}.`).waitFor()
    // The shared database's fields appear only when it is chosen.
    expect(await page.getByLabel('Server name or address').count()).toBe(0)
    await page.getByRole('radio', { name: 'A shared OMU database' }).check()
    await fillShared(page, port)
    // The weaker TLS modes say what they mean; the CA file is asked for the verifying ones only.
    await page.getByLabel('Encryption (TLS)').selectOption('require')
    await page.getByText('the app does not check who answers').waitFor()
    expect(await page.getByLabel('CA certificate file').count()).toBe(0)
    await page.getByLabel('Encryption (TLS)').selectOption('verify-full')
    await testConnection(page, port)
    await expectAccessible(page, 'settings: where is the data kept')
    await screenshot(page, '90-storage-settings')
    await heading.evaluate((h) => {
      h.scrollIntoView({ block: 'start' })
      window.scrollBy(0, -72)
    })
    await viewShot(page, '90-storage-settings-1280x800')
    await page.getByRole('status').filter({ hasText: 'The connection does not work' }).scrollIntoViewIfNeeded()
    await viewShot(page, '90-storage-settings-result-1280x800')
    await page.setViewportSize({ width: 1024, height: 700 })
    await heading.evaluate((h) => {
      h.scrollIntoView({ block: 'start' })
      window.scrollBy(0, -72)
    })
    await expectAccessible(page, 'settings: where is the data kept (1024x700)')
    await viewShot(page, '91-storage-settings-1024x700')
    await page.getByRole('status').filter({ hasText: 'The connection does not work' }).scrollIntoViewIfNeeded()
    await viewShot(page, '91-storage-settings-result-1024x700')
    await page.setViewportSize({ width: 1280, height: 800 })
    // The dark theme keeps the answer readable (axe checks its contrast).
    await page.getByLabel('Colour theme').selectOption('dark')
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.mantineColorScheme)).toBe('dark')
    await expectAccessible(page, 'settings: where is the data kept (dark)')
    await viewShot(page, '90-storage-settings-result-dark')
    await page.getByLabel('Colour theme').selectOption('light')

    // Keyboard: the switch asks first; Escape leaves everything as it was.
    const use = page.getByRole('button', { name: 'Use this shared database…' })
    await use.focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Use the shared OMU database?' })
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain('Everyone on this computer is signed out; each person then signs in with their own username and password')
    expect(await dialog.textContent()).toContain('You have not tested these details with a working sign-in.')
    await expectAccessible(page, 'switch confirmation')
    await viewShot(page, '92-storage-confirm')
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    expect(await app.call('omu:storage.get')).toMatchObject({ ok: true, data: { kind: 'local' } })

    await use.click()
    await dialog.getByRole('button', { name: 'Sign everyone out and switch' }).click()
    await page.getByRole('heading', { name: 'Sign in to OMU Desk' }).waitFor()
    await page.getByText(`Signing in to the shared OMU database omu at 127.0.0.1:${port}.`).waitFor()
    expect(await app.call('omu:storage.get')).toMatchObject({ ok: true, data: { kind: 'shared', location: { host: '127.0.0.1', port, database: 'omu', tls: 'verify-full', caFile: null } } })
    // Signing in is signing in to the shared database, which is not there: refused in words.
    await page.getByLabel('Username').fill(TEST_USER.username)
    await page.locator('input[type=password]').fill(TEST_USER.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor()
    await expectAccessible(page, 'sign-in page, shared database')
    await screenshot(page, '93-storage-sign-in-shared')

    // Back to this computer's own file, which needs nobody signed in.
    await page.getByRole('button', { name: 'Use this computer’s own data file instead' }).click()
    const back = page.getByRole('dialog', { name: 'Use this computer’s own data file?' })
    await back.waitFor()
    await expectAccessible(page, 'back to this computer confirmation')
    await back.getByRole('button', { name: 'Use this computer’s file' }).click()
    await back.waitFor({ state: 'hidden' })
    await page.getByRole('heading', { name: 'Sign in to OMU Desk' }).waitFor()
    expect(await page.getByText('Signing in to the shared OMU database').count()).toBe(0)
    await page.getByLabel('Username').fill(TEST_USER.username)
    await page.locator('input[type=password]').fill(TEST_USER.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByText('HMP Testshire (TST)').waitFor()
    await app.close()
  })

  it('a HOMS copies this computer’s data into a shared database: asked for their sign-in there, busy while it runs, refused in plain words when nothing answers, a summary when it works', async () => {
    const port = await closedPort()
    const app = await openApp()
    const { page } = app
    expect(await app.call('omu:establishment.setup', { name: 'HMP Testshire', code: 'TST', category: 'training' })).toMatchObject({ ok: true })
    // The copy's answer is held back a moment (as a large file's copy would be), so its busy state can be seen.
    let release: () => void = () => undefined
    let stand: unknown = null
    await page.route('**/__omu/invoke', async (route) => {
      const body = route.request().postDataJSON() as { channel: string }
      if (body.channel !== 'omu:storage.copyToShared') return route.continue()
      if (stand) return route.fulfill({ json: stand })
      await new Promise<void>((resolve) => (release = resolve))
      return route.continue()
    })
    await page.reload()
    await page.getByRole('link', { name: /^Settings/ }).click()
    await page.getByRole('heading', { name: 'Where is the data kept?' }).waitFor()
    await page.getByRole('radio', { name: 'A shared OMU database' }).check()
    const copyButton = page.getByRole('button', { name: 'Copy this computer’s data into the shared database…' })
    // The copy needs a shared location first: the empty field says so and takes focus.
    await page.getByLabel('Server name or address').fill('')
    await copyButton.click()
    await page.getByText('Enter the server’s name or address.', { exact: true }).waitFor()
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'There is a problem' }).evaluate((el) => el === document.activeElement || el.contains(document.activeElement))).toBe(true)
    expect(await page.getByRole('dialog').count()).toBe(0)
    await fillShared(page, port)
    // The connection test's username starts the copy's sign-in (its password never does).
    await page.getByLabel('Your username on the shared database').fill(TEST_USER.username)

    await copyButton.scrollIntoViewIfNeeded()
    await viewShot(page, '98-storage-copy-action-1280x800')

    // Keyboard: the secondary action opens the dialog, focus on the first field to fill in.
    await copyButton.focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Copy this computer’s data into the shared database' })
    await dialog.waitFor()
    const text = await dialog.textContent()
    expect(text).toContain(`one way into the shared database “omu” at 127.0.0.1:${port}, which must be empty and newly set up by IT`)
    expect(text).toContain('you set one for each of them before they can sign in there')
    expect(text).toContain('used for this copy only and are not kept')
    const username = dialog.getByLabel('Your username on the shared database')
    const password = dialog.getByLabel('Your password on the shared database')
    expect(await username.inputValue()).toBe(TEST_USER.username)
    await expect.poll(() => password.evaluate((el) => el === document.activeElement)).toBe(true)
    // Without a password the copy is not tried.
    await page.keyboard.press('Enter')
    await dialog.getByText('Enter your password.', { exact: true }).waitFor()
    await password.fill(TEST_USER.password)
    await expectAccessible(page, 'copy to the shared database')
    await viewShot(page, '98-storage-copy-1280x800')

    // Enter runs the copy: busy, the button disabled, and Escape does not close the dialog meanwhile.
    await password.press('Enter')
    const copyData = dialog.getByRole('button', { name: 'Copy the data' })
    const status = dialog.getByRole('status')
    await status.getByText('Copying… This can take several seconds for a large file.').waitFor()
    expect(await copyData.isDisabled()).toBe(true)
    expect(await dialog.getByRole('button', { name: 'Cancel' }).isDisabled()).toBe(true)
    await page.keyboard.press('Escape')
    expect(await dialog.isVisible()).toBe(true)
    await expectAccessible(page, 'copy to the shared database, copying')
    await viewShot(page, '98-storage-copy-busy-1280x800')
    release()

    // Nothing answers on that port: said in plain words in the form's error summary (issue 16), which
    // takes the focus so a screen reader hears it; the button is usable again.
    const refused = dialog.getByRole('alert').filter({ hasText: 'There is a problem' })
    await refused.getByText(nothingAnswering(port)).waitFor()
    expect(await copyData.isEnabled()).toBe(true)
    await expect.poll(() => refused.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))).toBe(true)
    expect(await app.call('omu:storage.get')).toMatchObject({ ok: true, data: { kind: 'local' } })
    await expectAccessible(page, 'copy to the shared database, refused')
    await viewShot(page, '98-storage-copy-refused-1280x800')
    await page.setViewportSize({ width: 1024, height: 700 })
    await expectAccessible(page, 'copy to the shared database, refused (1024x700)')
    await viewShot(page, '99-storage-copy-refused-1024x700')
    await page.setViewportSize({ width: 1280, height: 800 })

    // Escape leaves everything as it was.
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })

    // A copy that works (its answer stood in for: no PostgreSQL server runs here): the summary in
    // plain names, who needs a password, and the usual switch, which asks first.
    stand = {
      ok: true,
      data: {
        tables: [
          ['establishment', 1, 1],
          ['app_setting', 3, 3],
          ['staff', 24, 24],
          ['prisoner', 2000, 2000],
          ['allocation', 2140, 2140],
          ['supervision_session', 31250, 31250],
          ['plan_version', 2, 2],
          ['plan_entry', 96, 96],
          ['sign_off_step', 4, 4],
          ['imported_catalog', 0, 0],
          ['comparison_import', 1, 1],
          ['user_preference', 5, 5],
          ['app_user', 6, 7],
          ['audit_log', 40211, 40211],
        ].map(([table, file, shared]) => ({ table, file, shared })),
        usersNeedingPassword: ['kim.pom', 'lee.homd', 'sam.governor'],
      },
    }
    await copyButton.click()
    await dialog.waitFor()
    await password.fill(TEST_USER.password)
    await dialog.getByRole('button', { name: 'Copy the data' }).click()
    await dialog.getByText('Copied into the shared database').waitFor()
    const summary = dialog.getByRole('table', { name: 'Rows copied' })
    expect(await summary.getByRole('row', { name: 'Supervision sessions 31,250 31,250' }).count()).toBe(1)
    expect(await summary.getByRole('row', { name: 'Audit trail 40,211 40,211' }).count()).toBe(1)
    expect(await summary.getByRole('columnheader').allTextContents()).toEqual(['Data', 'Rows in this file', 'Rows in the shared database'])
    expect(await dialog.getByRole('listitem').allTextContents()).toEqual(['kim.pom', 'lee.homd', 'sam.governor'])
    // Focus goes to the start of the summary, not lost with the form it replaced.
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Copied into the shared database')
    await expectAccessible(page, 'copy to the shared database, copied')
    await viewShot(page, '98-storage-copy-summary-1280x800')
    await page.setViewportSize({ width: 1024, height: 700 })
    await viewShot(page, '99-storage-copy-summary-1024x700')
    await dialog.getByRole('button', { name: 'Use the shared database now' }).scrollIntoViewIfNeeded()
    await viewShot(page, '99-storage-copy-summary-end-1024x700')
    await page.setViewportSize({ width: 1280, height: 800 })
    await dialog.getByRole('button', { name: 'Use the shared database now' }).click()
    await dialog.waitFor({ state: 'hidden' })
    const confirm = page.getByRole('dialog', { name: 'Use the shared OMU database?' })
    await confirm.waitFor()
    expect(await confirm.textContent()).toContain('Its data has been copied into the shared database')
    expect(await confirm.textContent()).not.toContain('You have not tested these details')
    await page.keyboard.press('Escape')
    await confirm.waitFor({ state: 'hidden' })
    expect(await app.call('omu:storage.get')).toMatchObject({ ok: true, data: { kind: 'local' } })
    await app.close()
  })

  it('first run offers this computer or a shared database; connecting leads to the sign-in page', async () => {
    const port = await closedPort()
    const app = await openApp({ signIn: 'none' })
    const { page } = app
    await page.getByRole('heading', { name: 'Welcome to OMU Desk' }).waitFor()
    expect(await page.getByRole('radio', { name: 'This computer' }).isChecked()).toBe(true)
    await page.getByRole('heading', { name: 'Create the first user' }).waitFor()
    await expectAccessible(page, 'first run, this computer')
    await screenshot(page, '94-first-run-choice')

    // Arrow keys move between the two choices, as in any radio group.
    await page.getByRole('radio', { name: 'This computer' }).focus()
    await page.keyboard.press('ArrowDown')
    expect(await page.getByRole('radio', { name: 'A shared OMU database' }).isChecked()).toBe(true)
    await page.getByRole('heading', { name: 'Connect to the shared OMU database' }).waitFor()
    expect(await page.getByLabel('Your name').count()).toBe(0)
    await fillShared(page, port)
    await testConnection(page, port)
    await expectAccessible(page, 'first run, shared database')
    await screenshot(page, '95-first-run-shared-1280x800')
    await page.setViewportSize({ width: 1024, height: 700 })
    await screenshot(page, '96-first-run-shared-1024x700')

    await page.getByRole('button', { name: 'Connect to this database' }).click()
    await page.getByRole('heading', { name: 'Sign in to OMU Desk' }).waitFor()
    await page.getByText(`Signing in to the shared OMU database omu at 127.0.0.1:${port}.`).waitFor()
    await app.close()
  })

  it('shows a banner while the shared database cannot be reached, and takes it away when it is back', async () => {
    const app = await openApp()
    const { page } = app
    expect(await app.call('omu:establishment.setup', { name: 'HMP Testshire', code: 'TST', category: 'training' })).toMatchObject({ ok: true })
    // The app's status as a shared database would give it, online or not; everything else is real.
    let online = false
    await page.route('**/__omu/invoke', async (route) => {
      const body = route.request().postDataJSON() as { channel: string }
      if (body.channel !== 'omu:app.status') return route.continue()
      const real = await app.call('omu:app.status')
      if (!real.ok) return route.fulfill({ json: real })
      return route.fulfill({ json: { ok: true, data: { ...real.data, storage: { kind: 'shared', online, plainText: false } } } })
    })
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Caseload' }).waitFor()
    const banner = page.getByRole('status').filter({ hasText: 'Cannot reach the shared OMU database.' })
    await banner.waitFor()
    expect(await banner.textContent()).toBe('Cannot reach the shared OMU database.What you see may be out of date, and changes cannot be saved until it is back. Trying again…')
    // The rest of the screen stays as it is and keeps working.
    await page.getByRole('link', { name: /^Settings/ }).click()
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
    await banner.waitFor()
    await expectAccessible(page, 'offline banner')
    await screenshot(page, '97-offline-banner')
    await page.mouse.wheel(0, 1200)
    // Two frames after the scroll, so the picture is of the page at rest.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))
    await viewShot(page, '97-offline-banner-scrolled')
    // Asked again every 5 seconds: the banner goes once the server answers.
    online = true
    await banner.waitFor({ state: 'detached', timeout: 8000 })
    await app.close()
  })

  it('says on every page, in words, when a HOMS has allowed the shared database without encryption, and offers that choice only where it matters (issue 14)', async () => {
    const app = await openApp()
    const { page } = app
    expect(await app.call('omu:establishment.setup', { name: 'HMP Testshire', code: 'TST', category: 'training' })).toMatchObject({ ok: true })
    // The status a shared database used without TLS would give (the rule itself is tested in sharedTransport).
    await page.route('**/__omu/invoke', async (route) => {
      const body = route.request().postDataJSON() as { channel: string }
      if (body.channel !== 'omu:app.status') return route.continue()
      const real = await app.call('omu:app.status')
      if (!real.ok) return route.fulfill({ json: real })
      return route.fulfill({ json: { ok: true, data: { ...real.data, storage: { kind: 'shared', online: true, plainText: true } } } })
    })
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Caseload' }).waitFor()
    const notice = page.getByRole('status').filter({ hasText: 'Shared database: not encrypted.' })
    await notice.waitFor()
    await expectAccessible(page, 'not encrypted notice')
    await viewShot(page, '98-not-encrypted-1280x800')
    await page.setViewportSize({ width: 1024, height: 700 })
    await viewShot(page, '98-not-encrypted-1024x700')
    await page.setViewportSize({ width: 1280, height: 800 })
    // In Settings the permission is asked only for "No encryption" to another computer.
    await page.getByRole('link', { name: /^Settings/ }).click()
    await page.getByRole('heading', { name: 'Where is the data kept?' }).waitFor()
    await page.getByRole('radio', { name: 'A shared OMU database' }).check()
    await fillShared(page, 5432)
    await page.getByLabel('Encryption (TLS)').selectOption('disable')
    const allow = page.getByLabel('Allow unencrypted connections to this server (a HOMS decision)')
    expect(await allow.count()).toBe(0)
    await page.getByLabel('Server name or address').fill('db.example')
    await allow.waitFor()
    // Keyboard: Space ticks it.
    await allow.focus()
    await page.keyboard.press('Space')
    expect(await allow.isChecked()).toBe(true)
    await expectAccessible(page, 'allow unencrypted connections')
    await allow.evaluate((el) => el.scrollIntoView({ block: 'center' }))
    await viewShot(page, '98-allow-plain-text-1280x800')
    await page.getByLabel('Server name or address').fill('localhost')
    await allow.waitFor({ state: 'detached' })
    await app.close()
  })
})
