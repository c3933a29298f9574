import { app, BrowserWindow, crashReporter, dialog, Menu, screen, shell } from 'electron'
import path from 'node:path'
import type { AppLog } from '../services/log/appLog'
import { contextMenuTemplate } from './contextMenu'
import { chosenAction, troubleDialog, type WindowTrouble } from './crashDialog'
import { aboutDetail, menuTemplate } from './menu'
import { rememberWindowPerUser, type WindowMemory } from './windowMemory'
import { WindowStateStore } from './windowState'

// Issue 18: the thin Electron wiring of the desktop behaviour. What to show and where a window goes
// is decided by the pure modules beside this file (crashDialog, menu, contextMenu, windowState,
// windowMemory), each unit-tested; this file only hands Electron's events to them and their answers
// back to Electron. No Electron binary runs in CI, so what this file does is on the README's manual
// release check list.

/**
 * Crash reports stay on this computer (uploadToServer false): Crashpad writes minidumps to
 * app.getPath('crashDumps') (%APPDATA%\OMU Desk\Crashpad on Windows), where IT can collect them.
 * Called before `ready`, so a crash during start-up is caught too.
 */
export function startCrashReporter(): void {
  crashReporter.start({ uploadToServer: false, productName: 'OMU Desk', compress: true })
}

/** The application menu (File, Edit, View, Window, Help). */
export function installAppMenu(opts: { log: AppLog; dataLocation: () => Promise<string> }): void {
  const focused = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0] ?? null
  const template = menuTemplate({
    isPackaged: app.isPackaged,
    platform: process.platform,
    appName: app.getName(),
    actions: {
      print: () => focused()?.webContents.print({ printBackground: false }),
      showAbout: () => void showAbout(opts.dataLocation, opts.log).catch((err: unknown) => opts.log.error(err)),
      showLogFiles: () => void openOrExplain(opts.log.dir, opts.log),
      openUserGuide: () => void openOrExplain(userGuidePath(), opts.log),
    },
  })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}

/** The README shipped with the app (electron-builder.yml extraResources, outside the asar archive so any viewer can read it). */
function userGuidePath(): string {
  return app.isPackaged ? path.join(process.resourcesPath, 'README.md') : path.join(app.getAppPath(), 'README.md')
}

/** Opens a file or folder with the system's default program; if none will, says where it is. */
async function openOrExplain(target: string, log: AppLog): Promise<void> {
  const problem = await shell.openPath(target)
  if (!problem) return
  log.event('open-path-failed')
  shell.showItemInFolder(target)
  await dialog.showMessageBox({ type: 'info', title: 'OMU Desk', message: 'No program on this computer opened it.', detail: `It is here: ${target}`, buttons: ['OK'] })
}

async function showAbout(dataLocation: () => Promise<string>, log: AppLog): Promise<void> {
  const detail = aboutDetail({
    version: app.getVersion(),
    dataLocation: await dataLocation(),
    logDir: log.dir,
    crashDir: app.getPath('crashDumps'),
    electron: process.versions.electron ?? '',
    chrome: process.versions.chrome ?? '',
    node: process.versions.node,
  })
  const win = BrowserWindow.getFocusedWindow()
  const options = { type: 'info' as const, title: `About ${app.getName()}`, message: `${app.getName()} ${app.getVersion()}`, detail, buttons: ['OK'] }
  await (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options))
}

/**
 * A crashed or frozen page gets a plain dialog and a reload; text fields get a context menu; and
 * the window's place is remembered per signed-in user. Returns the window memory, which main.ts
 * tells about sign-in and sign-out (AuthSession.onUserChange).
 */
export function attachWindowBehaviour(win: BrowserWindow, log: AppLog): WindowMemory {
  const contents = win.webContents
  let asking: AbortController | null = null

  const ask = async (trouble: WindowTrouble): Promise<void> => {
    const box = troubleDialog(trouble)
    if (!box || (asking && !asking.signal.aborted) || win.isDestroyed()) return
    const controller = new AbortController()
    asking = controller
    try {
      const { response } = await dialog.showMessageBox(win, { type: box.type, title: box.title, message: box.message, detail: box.detail, buttons: box.buttons, defaultId: box.defaultId, cancelId: box.cancelId, noLink: true, signal: controller.signal })
      if (controller.signal.aborted || win.isDestroyed()) return
      switch (chosenAction(box, response)) {
        case 'reload':
          contents.reload()
          break
        case 'quit':
          app.quit()
          break
        case 'wait':
          break
      }
    } finally {
      if (asking === controller) asking = null
    }
  }

  contents.on('render-process-gone', (_event, details) => {
    log.event('render-process-gone', { reason: details.reason, exitCode: details.exitCode })
    // A "not responding" question still open is replaced by this one.
    asking?.abort()
    void ask({ kind: 'gone', details }).catch((err: unknown) => log.error(err))
  })
  win.on('unresponsive', () => {
    log.event('unresponsive')
    void ask({ kind: 'unresponsive' }).catch((err: unknown) => log.error(err))
  })
  // Answering again: the "not responding" question is no longer needed.
  win.on('responsive', () => asking?.abort())

  contents.on('context-menu', (_event, params) => {
    const items = contextMenuTemplate(params, {
      replaceMisspelling: (word) => contents.replaceMisspelling(word),
      addToDictionary: (word) => contents.session.addWordToSpellCheckerDictionary(word),
    })
    if (items.length > 0) Menu.buildFromTemplate(items).popup({ window: win })
  })

  return rememberWindowPerUser(win, {
    store: WindowStateStore.inFolder(app.getPath('userData')),
    displays: {
      workAreas: () => screen.getAllDisplays().map((d) => d.workArea),
      primaryWorkArea: () => screen.getPrimaryDisplay().workArea,
    },
    log: (err) => log.error(err),
  })
}
