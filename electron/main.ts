import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron'
import path from 'node:path'
import { migrationsFolderFrom, pgMigrationsFolderFrom } from '../db/paths'
import { registerIpc } from './ipc/register'
import { osKeyProtector } from './keyProtector'
import { resolveNativeBinding } from './native'
import { serveRendererFile } from './protocol'
import { APP_ENTRY, APP_ORIGIN, APP_SCHEME, buildWindowOptions, denyAllPermissions, hardenWebContents } from './security'
import { startServices, type OmuServices } from './services'
import { attachWindowBehaviour, installAppMenu, startCrashReporter } from './desktop/wire'
import { createAppLog, type AppLog } from './services/log/appLog'
import { formatRedacted, redactError } from './services/log/redact'

// en-GB everywhere, including native date fields (dd/mm/yyyy), whatever the machine's own locale.
app.commandLine.appendSwitch('lang', 'en-GB')

// Must run before `ready`: app:// behaves like a secure standard origin for the local renderer.
// codeCache keeps the renderer's compiled scripts between launches (Chromium does this only for
// http(s) unless asked), so the caseload opens sooner from the second launch on (issue 8).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
])

// One instance per user: a second launch focuses the first, so two processes never race on
// first-run set-up (the store itself is still safe with several: WAL and a busy timeout).
if (!app.requestSingleInstanceLock()) app.quit()

// Issue 18: crash dumps stay on this computer (desktop/wire.ts says where).
startCrashReporter()

let services: OmuServices | null = null
/** The log file in the OS log folder (issue 18), from `ready` on; redacted, as every log line is. */
let appLog: AppLog | null = null

function log(err: unknown): void {
  if (appLog) appLog.error(err)
  else console.error(formatRedacted(redactError(err)))
}
process.on('uncaughtExceptionMonitor', (err) => log(err))
process.on('unhandledRejection', (reason) => log(reason))

async function createWindow(): Promise<void> {
  const win = new BrowserWindow(buildWindowOptions(path.join(__dirname, '..', 'preload', 'preload.cjs'), app.isPackaged))
  hardenWebContents(win.webContents)
  // Crash and freeze dialogs, the text fields' context menu, and the window's place per user (issue 18).
  if (appLog && services) {
    const memory = attachWindowBehaviour(win, appLog)
    const stop = services.dispatcher.session.onUserChange((userId) => memory.userChanged(userId))
    win.on('closed', stop)
  }
  win.once('ready-to-show', () => win.show())
  await win.loadURL(APP_ENTRY)
}

async function main(): Promise<void> {
  await app.whenReady()
  appLog = createAppLog({ dir: app.getPath('logs'), console: !app.isPackaged })
  const appRoot = app.getAppPath()
  const rendererDir = path.join(appRoot, 'dist', 'renderer')
  protocol.handle(APP_SCHEME, (request) => serveRendererFile(rendererDir, request.url))
  denyAllPermissions(session.defaultSession)
  app.on('web-contents-created', (_e, contents) => hardenWebContents(contents))

  const userData = app.getPath('userData')
  // Migrations (and the backup before them) finish here, before any window opens.
  services = await startServices({
    dbPath: path.join(userData, 'omu.db'),
    backupDir: path.join(userData, 'backups'),
    migrationsFolder: migrationsFolderFrom(appRoot),
    pgMigrationsFolder: pgMigrationsFolderFrom(appRoot),
    nativeBinding: resolveNativeBinding(appRoot, process.versions.electron, app.isPackaged),
    keys: osKeyProtector(),
    clock: () => new Date(),
    appVersion: app.getVersion(),
    host: {
      chooseSavePath: async ({ title, defaultName, filters }) => {
        const win = BrowserWindow.getFocusedWindow()
        const opts = { title, defaultPath: path.join(app.getPath('documents'), defaultName), filters }
        const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts)
        return r.canceled || !r.filePath ? null : r.filePath
      },
      // Restore a backup from elsewhere (issue 7): only ever one existing file, picked by the user.
      chooseOpenPath: async ({ title, defaultPath, filters }) => {
        const win = BrowserWindow.getFocusedWindow()
        const opts = { title, defaultPath, filters, properties: ['openFile' as const] }
        const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts)
        return r.canceled ? null : (r.filePaths[0] ?? null)
      },
      // Issue 17: the drafted "notify the community" email, in the user's own mail program. The
      // only external link the app opens: any scheme but mailto: is refused here as well as by
      // the handler (electron/services/handover/mailto.ts checkedMailto).
      openExternal: async (url) => {
        if (new URL(url).protocol !== 'mailto:') throw new Error('The app opens only email (mailto:) links.')
        await shell.openExternal(url)
      },
    },
    trustedOrigin: APP_ORIGIN,
    log,
  })
  registerIpc(ipcMain, services.dispatcher)
  const started = services
  installAppMenu({
    log: appLog,
    dataLocation: async () => {
      const status = await started.runtime.status()
      return status.storage.kind === 'shared' ? `the shared OMU database ${status.dbPath}` : status.dbPath
    },
  })
  await createWindow()

  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows()
    if (win) {
      if (win.isMinimized()) win.restore()
      win.focus()
    }
  })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow()
  })
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

/** How long quitting waits for requests in flight before the store is closed regardless. */
const CLOSE_WAIT_MS = 10_000

// Closing waits for requests in flight (a write transaction commits or rolls back first), so quitting
// is held until the store is closed, then resumed; `services` is cleared first so this runs once.
app.on('will-quit', (event) => {
  const open = services
  if (!open) return
  services = null
  event.preventDefault()
  const store = open.runtime.localStore
  let timer: NodeJS.Timeout | undefined
  const stuck = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      // A request that never finishes must not keep the app from quitting: what it had not
      // committed is rolled back by SQLite, as after a crash.
      // The data file was still in use this long after quitting began; closed regardless.
      appLog?.event('quit-timeout', { seconds: CLOSE_WAIT_MS / 1000 })
      try {
        store?.closeNow()
      } catch (err) {
        log(err)
      }
      resolve()
    }, CLOSE_WAIT_MS)
  })
  Promise.race([open.close(), stuck])
    .catch((err: unknown) => log(err))
    .finally(() => {
      clearTimeout(timer)
      app.quit()
    })
})

main().catch((err: unknown) => {
  log(err)
  dialog.showErrorBox('OMU Desk could not start', 'The app could not start. Nothing was changed. Try again, and if it keeps happening tell your system administrator.')
  app.exit(1)
})
