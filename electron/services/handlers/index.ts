import { establishmentHandlers } from './establishment'
import { settingsHandlers } from './settings'
import type { Handlers } from './types'

export const handlers: Handlers = {
  app: { status: (_input, ctx) => ctx.status() },
  recovery: {
    restoreLatestBackup: (_input, ctx) => ctx.restoreLatestBackup(),
    startNewFile: (_input, ctx) => ctx.startNewFile(),
  },
  establishment: establishmentHandlers,
  settings: settingsHandlers,
}
