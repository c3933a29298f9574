import { readSettings, writeSetting } from '../establishment/store'
import type { Handlers } from './types'

export const settingsHandlers: Handlers['settings'] = {
  get: (_input, { store }) => readSettings(store.db),
  update: async (input, { store, audit }) => {
    const before = await readSettings(store.db)
    if (input.extraHolidays !== undefined) await writeSetting(store.db, 'extraHolidays', input.extraHolidays)
    if (input.retentionYears !== undefined) await writeSetting(store.db, 'retentionYears', input.retentionYears)
    if (input.missedAfterDays !== undefined) await writeSetting(store.db, 'missedAfterDays', input.missedAfterDays)
    if (input.pomTypeStrategy !== undefined) await writeSetting(store.db, 'pomTypeStrategy', input.pomTypeStrategy)
    const after = await readSettings(store.db)
    // Before and after (issue 15): a shortened retention period or a removed closure day is on record with what it replaced.
    audit({ entity: 'settings', entityId: null, before, after })
    return after
  },
}
