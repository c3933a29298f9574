// The preload exposes exactly one object, `window.omu`, generated from the IPC contract:
// no ipcRenderer, no Node, nothing else crosses the context bridge.
import { contextBridge, ipcRenderer } from 'electron'
import { buildBridge } from '../shared/ipc/bridge'

contextBridge.exposeInMainWorld(
  'omu',
  buildBridge((channel, input) => ipcRenderer.invoke(channel, input)),
)
