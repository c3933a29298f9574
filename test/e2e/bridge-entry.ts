/// <reference lib="dom" />
// The e2e stand-in for electron/preload.ts: the same buildBridge, with an HTTP request to the
// real main-process services (served by test/e2e/browser.ts on the app's own origin) instead of
// ipcRenderer. Bundled by the harness and injected before the page's own scripts run.
import { buildBridge } from '../../shared/ipc/bridge'

declare global {
  interface Window {
    /** Set by the injected script just before this bundle; names the browser context to the stand-in. */
    __omuStandInToken?: string
  }
}

const token = window.__omuStandInToken ?? ''
delete window.__omuStandInToken

// Electron tells the main process which frame sent a request; the stand-in passes the same fact.
const invoke = async (channel: string, input: unknown): Promise<unknown> => {
  const res = await fetch('/__omu/invoke', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, channel, input, isMainFrame: window === window.top }),
  })
  if (!res.ok) throw new Error(`The e2e transport refused ${channel}: ${res.status}`)
  return (await res.json()) as unknown
}
Object.defineProperty(window, 'omu', { value: buildBridge(invoke), writable: false, configurable: false })
