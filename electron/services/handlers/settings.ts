import { eq } from 'drizzle-orm'
import { appSetting } from '../../../db/schema'
import type { Db } from '../../../db/bootstrap'
import type { Settings } from '../../../shared/ipc/channels/settings'
import type { Handlers } from './types'

/** Default retention: 7 years after release (a local policy choice; set in Settings). */
const DEFAULTS: Settings = { extraHolidays: [], retentionYears: 7 }

export function readSettings(db: Db): Settings {
  const rows = db.select().from(appSetting).all()
  const out: Settings = { ...DEFAULTS }
  for (const row of rows) {
    if (row.key === 'extraHolidays') out.extraHolidays = JSON.parse(row.value) as string[]
    if (row.key === 'retentionYears') out.retentionYears = JSON.parse(row.value) as number
  }
  return out
}

function writeSetting(db: Db, key: keyof Settings, value: unknown): void {
  const json = JSON.stringify(value)
  const existing = db.select().from(appSetting).where(eq(appSetting.key, key)).get()
  if (existing) db.update(appSetting).set({ value: json }).where(eq(appSetting.key, key)).run()
  else db.insert(appSetting).values({ key, value: json }).run()
}

export const settingsHandlers: Handlers['settings'] = {
  get: (_input, { store }) => readSettings(store.db),
  update: (input, { store }) => {
    if (input.extraHolidays !== undefined) writeSetting(store.db, 'extraHolidays', input.extraHolidays)
    if (input.retentionYears !== undefined) writeSetting(store.db, 'retentionYears', input.retentionYears)
    return readSettings(store.db)
  },
}
