import { afterAll, describe, expect, it } from 'vitest'
import { closeBrowser, expectAccessible, openApp, screenshot, TEST_USER } from './harness'

// Backups and restore in Settings (issue 7), in Chromium against the real services and file.

afterAll(closeBrowser)

describe('backups in Settings (issue 7)', () => {
  it('backs up now, asks before restoring, restores, and the restored data shows after signing in again', async () => {
    const app = await openApp()
    const { page } = app
    expect(await app.call('omu:establishment.setup', { name: 'HMP Testshire', code: 'TST', category: 'training' })).toMatchObject({ ok: true })
    await page.reload()
    await page.getByRole('link', { name: /^Settings/ }).click()
    await page.getByRole('heading', { name: 'Backups' }).waitFor()
    await page.getByText('There are no backups yet.').waitFor()

    await page.getByRole('button', { name: 'Back up now' }).click()
    await page.getByText('Backup taken 23/11/2026, 10:00.').waitFor()
    const table = page.getByRole('table', { name: 'Backups, newest first' })
    await table.getByRole('cell', { name: 'Taken by hand', exact: true }).waitFor()

    // A change after the backup, which the restore will take back.
    expect(await app.call('omu:establishment.update', { name: 'HMP After Backup', password: TEST_USER.password })).toMatchObject({ ok: true })

    // Keyboard: the restore button opens the confirmation; Escape cancels it and nothing happens.
    const restoreButton = page.getByRole('button', { name: 'Restore the backup taken 23/11/2026, 10:00 (taken by hand)' })
    await restoreButton.focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Restore this backup?' })
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain('A backup of the data as it is now is taken')
    await expectAccessible(page, 'restore confirmation')
    await screenshot(page, '80-backup-restore-confirm')
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    expect(await app.call('omu:backup.list')).toMatchObject({ ok: true, data: { backups: [{ kind: 'manual' }] } })

    // Issue 15: the HOMS's password is asked again. A wrong one is refused in words under the field
    // (Enter in the field submits); nothing is restored.
    await restoreButton.click()
    const password = dialog.getByLabel('Your password, to confirm')
    await expect.poll(() => password.evaluate((el) => el === document.activeElement)).toBe(true)
    await password.fill('not my password at all')
    await password.press('Enter')
    await dialog.getByText('Enter your own password to restore a backup.', { exact: true }).waitFor()
    expect(await password.getAttribute('aria-invalid')).toBe('true')
    expect(await app.call('omu:backup.list')).toMatchObject({ ok: true, data: { backups: [{ kind: 'manual' }] } })
    await password.fill(TEST_USER.password)
    await dialog.getByRole('button', { name: 'Restore this backup' }).click()
    // Everyone is signed out: the restored file has its own users.
    await page.getByRole('heading', { name: 'Sign in to OMU Desk' }).waitFor()
    await page.getByText(/^Backup restored: the data is now as it was in omu-.*\.db\. The data as it was before is kept as a backup taken 23\/11\/2026, 10:00\. Sign in again to continue\.$/).waitFor()
    await page.getByLabel('Username').fill(TEST_USER.username)
    await page.locator('input[type=password]').fill(TEST_USER.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByText('HMP Testshire (TST)').waitFor()

    await page.getByRole('link', { name: /^Settings/ }).click()
    await table.getByRole('cell', { name: 'Before a restore', exact: true }).waitFor()
    expect(await page.getByLabel('Establishment name').inputValue()).toBe('HMP Testshire')
    await expectAccessible(page, 'settings with backups')
    await page.getByRole('heading', { name: 'Backups' }).scrollIntoViewIfNeeded()
    await screenshot(page, '81-backups')

    // Issue 15: the recovery key, once, after the HOMS's password; shown with its warning and saved.
    await page.getByRole('button', { name: 'Export the recovery key…' }).click()
    const exportDialog = page.getByRole('dialog', { name: 'Export the recovery key?' })
    await exportDialog.getByLabel('Your password, to confirm').fill(TEST_USER.password)
    await exportDialog.getByRole('button', { name: 'Show and save the recovery key' }).click()
    const shown = page.getByRole('dialog', { name: 'The recovery key' })
    await shown.getByText('Anyone with this key and a copy of the data file can read everything in it.').waitFor()
    expect(await shown.textContent()).toMatch(/([0-9A-F]{4}-){15}[0-9A-F]{4}/)
    await expectAccessible(page, 'recovery key shown')
    await screenshot(page, '82-recovery-key')
    await shown.getByRole('button', { name: 'I have kept it safe' }).click()
    await shown.waitFor({ state: 'hidden' })
    await app.close()
  })
})
