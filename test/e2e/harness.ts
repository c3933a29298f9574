import AxeBuilder from '@axe-core/playwright'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { expect } from 'vitest'
import { migrationsFolderFrom, pgMigrationsFolderFrom } from '../../db/paths'
import { folderHost } from '../../electron/services/host'
import { startServices, type OmuServices } from '../../electron/services'
import { createAppLog, type AppLog } from '../../electron/services/log/appLog'
import type { IpcResult } from '../../shared/ipc/result'
import type { WireOutput } from '../../shared/ipc/contract'
import { attachApp, launchBrowser, ORIGIN, ROOT, SCREENSHOT_DIR } from './browser'
import { TEST_ACCOUNT } from '../testKeys'

export { closeBrowser, launchBrowser, ORIGIN, SCREENSHOT_DIR } from './browser'

// Runs the production renderer bundle in Debian's Chromium against the real main-process
// services and a real SQLite file. Only the Electron window (-> a Chromium page) and the
// transport (ipcRenderer -> HTTP to a local stand-in, see browser.ts) are substituted.

export function newUserDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'omu-e2e-'))
}

export function dbPathIn(userData: string): string {
  return path.join(userData, 'omu.db')
}

export interface AppHandle {
  page: Page
  services: OmuServices
  userData: string
  /** The main process's log file for this run (issue 18). */
  logFile: string
  /** The mailto: links the app asked the OS to open (issue 17, "notify the community"): the test host records them and opens nothing. */
  opened: readonly string[]
  /** Calls the real services directly (to arrange data a test is not about), as the app's own page would. */
  call<C extends string>(channel: C, input?: unknown): Promise<IpcResult<WireOutput<C>>>
  /** Closes the services (as quitting the app would) and opens them again on the same file, then reloads the page. */
  restart(): Promise<void>
  close(): Promise<void>
}

/**
 * The app's real log (issue 18), written where the app would write it but inside the test's
 * folder, so a test can read back what a run logged (test/e2e/desktop.e2e.test.ts).
 */
function logIn(userData: string): AppLog {
  return createAppLog({ dir: path.join(userData, 'logs') })
}

async function start(userData: string, now: () => Date, log: AppLog = logIn(userData), host = folderHost(path.join(userData, 'exports'))): Promise<OmuServices> {
  return startServices({
    dbPath: dbPathIn(userData),
    backupDir: path.join(userData, 'backups'),
    migrationsFolder: migrationsFolderFrom(ROOT),
    pgMigrationsFolder: pgMigrationsFolderFrom(ROOT),
    clock: now,
    appVersion: '0.0.0-e2e',
    host,
    keys: TEST_ACCOUNT,
    trustedOrigin: ORIGIN,
    log: (err) => log.error(err),
  })
}

export const TEST_USER = { username: 'hanna.homs', displayName: 'Hanna Homs', password: 'correct horse battery staple' }

/**
 * Opens the app. `signIn: 'auto'` (the default) creates the first user (a HOMS) through the real
 * services before the page loads, as first run would, so tests about other screens start signed in.
 */
export async function openApp(
  opts: {
    userData?: string
    now?: () => Date
    colorScheme?: 'light' | 'dark'
    signIn?: 'auto' | 'none'
    /** Sees every request the page sends and its answer (test/e2e/roleControls.e2e.test.ts counts refusals). */
    watch?: { sent(channel: string): void; answered(channel: string, result: IpcResult<unknown>): void }
  } = {},
): Promise<AppHandle> {
  const userData = opts.userData ?? newUserDataDir()
  const now = opts.now ?? (() => new Date('2026-11-23T10:00:00Z'))
  const log = logIn(userData)
  const host = folderHost(path.join(userData, 'exports'))
  let services = await start(userData, now, log, host)
  const asApp = { url: `${ORIGIN}/index.html`, isMainFrame: true }
  const appState = await services.dispatcher.invoke('omu:app.status', {}, asApp)
  const recovering = appState.ok && (appState.data as { state: string }).state === 'recovery'
  if ((opts.signIn ?? 'auto') === 'auto' && !recovering) {
    const status = await services.dispatcher.invoke('omu:auth.status', {}, asApp)
    const first = status.ok && (status.data as { needsFirstUser: boolean }).needsFirstUser
    const r = first
      ? await services.dispatcher.invoke('omu:auth.createFirstUser', TEST_USER, asApp)
      : await services.dispatcher.invoke('omu:auth.signIn', { username: TEST_USER.username, password: TEST_USER.password }, asApp)
    if (!r.ok) throw new Error(`test sign-in failed: ${r.error.message}`)
  }
  const b = await launchBrowser()
  const context: BrowserContext = await b.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/London', colorScheme: opts.colorScheme ?? 'light' })
  await attachApp(context, async (channel, input, sender) => {
    opts.watch?.sent(channel)
    const result = await services.dispatcher.invoke(channel, input, sender)
    opts.watch?.answered(channel, result)
    return result
  })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  await page.goto(`${ORIGIN}/index.html`)
  return {
    page,
    get services() {
      return services
    },
    userData,
    logFile: log.file,
    opened: host.opened,
    call: <C extends string>(channel: C, input?: unknown) =>
      services.dispatcher.invoke(channel, input ?? {}, { url: `${ORIGIN}/index.html`, isMainFrame: true }) as Promise<IpcResult<WireOutput<C>>>,
    async restart() {
      await services.close()
      services = await start(userData, now, log, host)
      // A restarted app starts signed out: sign in again as the test user.
      const r = await services.dispatcher.invoke('omu:auth.signIn', { username: TEST_USER.username, password: TEST_USER.password }, asApp)
      if (!r.ok && (opts.signIn ?? 'auto') === 'auto') throw new Error(`test sign-in failed: ${r.error.message}`)
      await page.reload()
    },
    async close() {
      await services.close()
      await context.close()
      expect(errors, 'the page logged no errors').toEqual([])
    },
  }
}

/** axe-core with the WCAG 2.0/2.1/2.2 A and AA rules: zero violations. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
  const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
  expect(summary, `axe violations on ${label}`).toEqual([])
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  // From the top: a full-page shot taken scrolled down draws the sticky app header part-way down the page.
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
}

/**
 * Types a date into the app's day / month / year input (issue 16, renderer/src/app/DateField.tsx):
 * the fieldset named by its legend, then its Day, Month and Year fields. `iso` is 'YYYY-MM-DD'.
 */
export async function fillDate(scope: Pick<Page, 'getByRole'>, legend: string, iso: string): Promise<void> {
  const [year = '', month = '', day = ''] = iso.split('-')
  const group = scope.getByRole('group', { name: legend, exact: true })
  await group.getByLabel('Day', { exact: true }).fill(String(Number(day)))
  await group.getByLabel('Month', { exact: true }).fill(String(Number(month)))
  await group.getByLabel('Year', { exact: true }).fill(year)
}

/** The date shown in a day / month / year input, as 'YYYY-MM-DD'. */
export async function dateValue(scope: Pick<Page, 'getByRole'>, legend: string): Promise<string> {
  const group = scope.getByRole('group', { name: legend, exact: true })
  const part = (label: string) => group.getByLabel(label, { exact: true }).inputValue()
  return `${await part('Year')}-${(await part('Month')).padStart(2, '0')}-${(await part('Day')).padStart(2, '0')}`
}
