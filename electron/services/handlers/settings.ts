import { readSettings, writeSetting } from '../establishment/store'
import type { Handlers } from './types'

export const settingsHandlers: Handlers['settings'] = {
  get: (_input, { store }) => readSettings(store.db),
  update: async (input, { store }) => {
    if (input.extraHolidays !== undefined) await writeSetting(store.db, 'extraHolidays', input.extraHolidays)
    if (input.retentionYears !== undefined) await writeSetting(store.db, 'retentionYears', input.retentionYears)
    return readSettings(store.db)
  },
}
