import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import type { Dispatcher } from '../services/dispatcher'

/**
 * The one place IPC handlers are registered: one handler per contract channel, each passing the
 * sender frame to the dispatcher, which checks it, validates the request and wraps every error.
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, dispatcher: Dispatcher): () => void {
  for (const channel of dispatcher.channels) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      const frame = event.senderFrame
      const sender = { url: frame?.url ?? '', isMainFrame: frame !== null && frame !== undefined && frame.parent === null }
      return dispatcher.invoke(channel, input, sender)
    })
  }
  return () => {
    for (const channel of dispatcher.channels) ipcMain.removeHandler(channel)
  }
}
