import { eq } from 'drizzle-orm'
import { appSetting } from '../../../db/schema'
import type { Db } from '../../../db/bootstrap'
import type { Settings } from '../../../shared/ipc/channels/settings'
import type { Handlers } from './types'

const DEFAULTS: Settings = { extraHolidays: [] }

export function readSettings(db: Db): Settings {
  const rows = db.select().from(appSetting).all()
  const out: Settings = { ...DEFAULTS }
  for (const row of rows) {
    if (row.key === 'extraHolidays') out.extraHolidays = JSON.parse(row.value) as string[]
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
    writeSetting(store.db, 'extraHolidays', input.extraHolidays)
    return readSettings(store.db)
  },
}
