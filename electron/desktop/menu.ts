import type { MenuItemConstructorOptions } from 'electron'

// Issue 18, "Menus and window": the application menu as data, so it is tested without Electron
// (test/unit/desktopMenu.test.ts). Standard items use Electron's roles (their labels, accelerators
// and behaviour follow the platform); the app's own items call the actions given. A packaged build
// has no Reload and no Toggle Developer Tools (issue 18, "Hardened build"; devTools is also off in
// its window, electron/security.ts).

export interface MenuActions {
  /** Print the current screen (webContents.print: the system print dialog, the print stylesheet). */
  print(): void
  /** About OMU Desk: version and where the data is kept. */
  showAbout(): void
  /** Open the log folder in the file manager. */
  showLogFiles(): void
  /** Open the user guide (the README shipped with the app) in the default viewer. */
  openUserGuide(): void
}

export interface MenuOptions {
  isPackaged: boolean
  platform: NodeJS.Platform
  appName: string
  actions: MenuActions
}

export function menuTemplate({ isPackaged, platform, appName, actions }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin'
  const developer: MenuItemConstructorOptions[] = isPackaged ? [] : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
  const about: MenuItemConstructorOptions = { label: `About ${appName}`, click: () => actions.showAbout() }
  const template: MenuItemConstructorOptions[] = []
  if (mac) {
    template.push({
      label: appName,
      submenu: [about, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
    })
  }
  template.push(
    {
      label: '&File',
      submenu: [
        { label: 'Print…', accelerator: 'CmdOrCtrl+P', click: () => actions.print() },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit', label: 'E&xit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { type: 'separator' }, { role: 'selectAll' }],
    },
    {
      label: '&View',
      submenu: [...developer, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      label: '&Help',
      submenu: [
        { label: 'User guide', click: () => actions.openUserGuide() },
        { label: 'Show log files', click: () => actions.showLogFiles() },
        ...(mac ? [] : [{ type: 'separator' } as const, about]),
      ],
    },
  )
  return template
}

/** The About box's text: the version, where the data is kept and where the logs and crash reports are. */
export function aboutDetail(info: { version: string; dataLocation: string; logDir: string; crashDir: string; electron: string; chrome: string; node: string }): string {
  return [
    `Version ${info.version}`,
    `Data: ${info.dataLocation}`,
    `Log files: ${info.logDir}`,
    `Crash reports (kept on this computer, never sent): ${info.crashDir}`,
    `Electron ${info.electron}, Chromium ${info.chrome}, Node.js ${info.node}`,
  ].join('\n')
}
