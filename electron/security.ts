import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron'

/** The renderer is only ever loaded from this privileged local scheme, served from the packaged files. */
export const APP_SCHEME = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://omu`
export const APP_ENTRY = `${APP_ORIGIN}/index.html`

/**
 * Strict Content-Security-Policy: nothing remote, no eval, no plugins, no framing. Styles allow
 * 'unsafe-inline' because Mantine sets CSS variables through style attributes; scripts do not.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ')

/**
 * The BrowserWindow options, all security settings explicit (a test asserts each). `packaged` is
 * `app.isPackaged`: an installed build has no developer tools (issue 18, "Hardened build"), so a
 * user cannot open a console in the renderer; a development run keeps them.
 */
export function buildWindowOptions(preloadPath: string, packaged: boolean): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'OMU Desk',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
      safeDialogs: true,
      devTools: !packaged,
    },
  }
}

/** Only the app's own entry page may be shown: any other navigation is blocked. */
export function isAllowedNavigation(url: string): boolean {
  return url === APP_ENTRY || url.startsWith(`${APP_ENTRY}#`) || url.startsWith(`${APP_ENTRY}?`)
}

/** Blocks navigation away from the app, new windows, webviews and every permission request. */
export function hardenWebContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}
