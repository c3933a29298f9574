/// <reference lib="dom" />
// The e2e stand-in for electron/preload.ts: the same buildBridge, with a Playwright binding to the
// real main-process services instead of ipcRenderer. Bundled by the harness and injected before
// the page's own scripts run.
import { buildBridge } from '../../shared/ipc/bridge'

declare global {
  interface Window {
    __omuInvoke(channel: string, input: unknown): Promise<unknown>
  }
}

const invoke = (channel: string, input: unknown) => window.__omuInvoke(channel, input)
Object.defineProperty(window, 'omu', { value: buildBridge(invoke), writable: false, configurable: false })
