import { readSettings, writeSetting } from '../establishment/store'
import { reconcileHandovers } from '../handover/reconcile'
import type { Handlers } from './types'

export const settingsHandlers: Handlers['settings'] = {
  get: (_input, { store }) => readSettings(store.db),
  update: async (input, { store, today, now, actor, audit }) => {
    const before = await readSettings(store.db)
    if (input.extraHolidays !== undefined) await writeSetting(store.db, 'extraHolidays', input.extraHolidays)
    if (input.retentionYears !== undefined) await writeSetting(store.db, 'retentionYears', input.retentionYears)
    if (input.missedAfterDays !== undefined) await writeSetting(store.db, 'missedAfterDays', input.missedAfterDays)
    if (input.pomTypeStrategy !== undefined) await writeSetting(store.db, 'pomTypeStrategy', input.pomTypeStrategy)
    // Issue 17: the handover settings (../shared/specs/mpc-rules.md F).
    if (input.simplifiedEnhancedHandover !== undefined) await writeSetting(store.db, 'simplifiedEnhancedHandover', input.simplifiedEnhancedHandover)
    if (input.simplifiedHandoverCutoffDate !== undefined) await writeSetting(store.db, 'simplifiedHandoverCutoffDate', input.simplifiedHandoverCutoffDate)
    if (input.upcomingWindowDays !== undefined) await writeSetting(store.db, 'upcomingWindowDays', input.upcomingWindowDays)
    const after = await readSettings(store.db)
    // Before and after (issue 15): a shortened retention period or a removed closure day is on record with what it replaced.
    audit({ entity: 'settings', entityId: null, before, after })
    // ../shared/specs/mpc-rules.md D.5: the handover settings (the upcoming window) are the reset's input too.
    await reconcileHandovers({ store, today, now, actor, audit }, 'all')
    return after
  },
}
