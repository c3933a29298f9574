import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { APP_ENTRY, buildWindowOptions, CONTENT_SECURITY_POLICY, denyAllPermissions, hardenWebContents, isAllowedNavigation } from '../../electron/security'

describe('Electron security settings (issue 2: all of it)', () => {
  const options = buildWindowOptions('/app/dist/preload/preload.cjs', true)
  const web = options.webPreferences ?? {}

  it('the BrowserWindow isolates and sandboxes the renderer', () => {
    expect(web.contextIsolation).toBe(true)
    expect(web.sandbox).toBe(true)
    expect(web.nodeIntegration).toBe(false)
    expect(web.nodeIntegrationInWorker).toBe(false)
    expect(web.nodeIntegrationInSubFrames).toBe(false)
    expect(web.webSecurity).toBe(true)
    expect(web.allowRunningInsecureContent).toBe(false)
    expect(web.webviewTag).toBe(false)
    expect(web.experimentalFeatures).toBe(false)
    expect(web.preload).toBe('/app/dist/preload/preload.cjs')
  })

  it('a packaged build has no developer tools; a development run keeps them (issue 18, hardened build)', () => {
    expect(web.devTools).toBe(false)
    expect(buildWindowOptions('/dev/preload.cjs', false).webPreferences?.devTools).toBe(true)
  })

  it('the Content-Security-Policy allows no remote origin, no eval and no plugins', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split(';').map((d) => { const [k, ...v] = d.trim().split(/\s+/); return [k, v] }))
    expect(directives['default-src']).toEqual(["'none'"])
    expect(directives['script-src']).toEqual(["'self'"])
    expect(directives['object-src']).toEqual(["'none'"])
    expect(directives['frame-ancestors']).toEqual(["'none'"])
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|unsafe-eval|wss?:/)
  })

  it('only the packaged local renderer may be navigated to', () => {
    expect(isAllowedNavigation(APP_ENTRY)).toBe(true)
    expect(isAllowedNavigation(`${APP_ENTRY}#/settings`)).toBe(true)
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://evil/index.html', 'app://omu/other.html', 'http://localhost:5173/']) {
      expect(isAllowedNavigation(url), url).toBe(false)
    }
  })

  it('navigation away, redirects and webviews are prevented; window.open is denied', () => {
    const contents = new EventEmitter() as EventEmitter & { setWindowOpenHandler(h: (d: { url: string }) => { action: string }): void }
    let openHandler: ((d: { url: string }) => { action: string }) | null = null
    contents.setWindowOpenHandler = (h) => { openHandler = h }
    hardenWebContents(contents as never)
    const fire = (event: string, url?: string) => {
      let prevented = false
      contents.emit(event, { preventDefault: () => { prevented = true } }, url)
      return prevented
    }
    expect(fire('will-navigate', 'https://example.com/')).toBe(true)
    expect(fire('will-navigate', `${APP_ENTRY}#/caseload`)).toBe(false)
    expect(fire('will-redirect', 'https://example.com/')).toBe(true)
    expect(fire('will-attach-webview')).toBe(true)
    expect(openHandler).not.toBeNull()
    expect(openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
  })

  it('every permission request and check is denied', () => {
    let request: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | null = null
    let check: ((...a: unknown[]) => boolean) | null = null
    denyAllPermissions({ setPermissionRequestHandler: (h: never) => { request = h }, setPermissionCheckHandler: (h: never) => { check = h } } as never)
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let answer: boolean | null = null
      request!(null, permission, (ok) => { answer = ok })
      expect(answer, permission).toBe(false)
      expect(check!(null, permission)).toBe(false)
    }
  })
})
