import type { OmuBridge } from '../../shared/ipc/contract'

declare global {
  interface Window {
    /** The only bridge to the main process (electron/preload.ts). */
    readonly omu: OmuBridge
  }
}
export {}
