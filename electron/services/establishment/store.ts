import { eq } from 'drizzle-orm'
import { appSetting, establishment as establishmentTable } from '../../../db/schema'
import type { Db } from '../../../db/store/types'
import type { Establishment } from '../../../shared/ipc/channels/establishment'
import type { Settings } from '../../../shared/ipc/channels/settings'
import { DEFAULT_MISSED_AFTER_DAYS } from '../../../shared/engine/case/index'
import { DEFAULT_RECOMMENDATION_STRATEGY } from '../../../shared/engine/mpc/recommendPomType'
import { DEFAULT_UPCOMING_WINDOW_DAYS } from '../../../shared/engine/mpc/handoverLists'
import { DEFAULT_SIMPLIFIED_HANDOVER_CUTOFF_DATE } from '../../../shared/engine/mpc/handoverChecklist'

// The establishment's store functions: its one row and the installation-wide settings. The only
// code that reads or writes those tables; handlers, runtime, exports and the case engine's
// context all come here (issue 13: data access in one layer per domain).

type Row = typeof establishmentTable.$inferSelect

export function toEstablishment(row: Row): Establishment {
  return {
    name: row.name,
    code: row.code,
    category: row.category as Establishment['category'],
    currentStage: row.currentStage as Establishment['currentStage'],
    targetStage: row.targetStage as Establishment['targetStage'],
    policy: row.policy as Establishment['policy'],
    updatedAt: row.updatedAt,
  }
}

// No `where id = …`: the SQLite file holds one establishment's row, and on the shared database the
// server's row policies (migration-pg 0016) let a login see and change only the row of its own
// establishment (or, in a group reader's Group view, the one being read).
export async function readEstablishment(db: Db): Promise<Establishment | null> {
  const row = await db.select().from(establishmentTable).limit(1).get()
  return row ? toEstablishment(row) : null
}

type Values = typeof establishmentTable.$inferInsert

/**
 * The establishment's row, written at setup. Its id is left to the store: 1 in the SQLite file (its
 * first and only row), the signed-in HOMS's establishment on the shared database (the column's
 * default, migration-pg 0016).
 */
export async function insertEstablishment(db: Db, values: Omit<Values, 'id'>): Promise<Establishment> {
  return toEstablishment(await db.insert(establishmentTable).values(values).returning().get())
}

/** Changes the establishment's row; null when it has not been set up. */
export async function updateEstablishment(db: Db, values: Partial<Omit<Values, 'id'>>): Promise<Establishment | null> {
  const row = await db.update(establishmentTable).set(values).returning().get()
  return row ? toEstablishment(row) : null
}

/**
 * Default retention: 7 years after release (a local policy choice; set in Settings). An unmet
 * minimum is missed 28 days after its due date (issue 16, DEFAULT_MISSED_AFTER_DAYS).
 */
const DEFAULTS: Settings = {
  extraHolidays: [],
  retentionYears: 7,
  missedAfterDays: DEFAULT_MISSED_AFTER_DAYS,
  pomTypeStrategy: DEFAULT_RECOMMENDATION_STRATEGY,
  // Issue 17: the handover settings of ../shared/specs/mpc-rules.md section F, with its defaults.
  simplifiedEnhancedHandover: false,
  simplifiedHandoverCutoffDate: DEFAULT_SIMPLIFIED_HANDOVER_CUTOFF_DATE,
  upcomingWindowDays: DEFAULT_UPCOMING_WINDOW_DAYS,
}

export async function readSettings(db: Db): Promise<Settings> {
  const rows = await db.select().from(appSetting).all()
  const out: Settings = { ...DEFAULTS }
  for (const row of rows) {
    if (row.key === 'extraHolidays') out.extraHolidays = JSON.parse(row.value) as string[]
    if (row.key === 'retentionYears') out.retentionYears = JSON.parse(row.value) as number
    if (row.key === 'missedAfterDays') out.missedAfterDays = JSON.parse(row.value) as number
    if (row.key === 'pomTypeStrategy') out.pomTypeStrategy = JSON.parse(row.value) as Settings['pomTypeStrategy']
    if (row.key === 'simplifiedEnhancedHandover') out.simplifiedEnhancedHandover = JSON.parse(row.value) as boolean
    if (row.key === 'simplifiedHandoverCutoffDate') out.simplifiedHandoverCutoffDate = JSON.parse(row.value) as string
    if (row.key === 'upcomingWindowDays') out.upcomingWindowDays = JSON.parse(row.value) as number
  }
  return out
}

export async function writeSetting(db: Db, key: keyof Settings, value: unknown): Promise<void> {
  await writeSettingValue(db, key, JSON.stringify(value))
}

/**
 * One app_setting row, replaced or added. Not ON CONFLICT (key): on the shared database the key is
 * unique per establishment (establishment_id, key), a column the app's queries never name, so
 * there is no conflict target both backends share. Every caller writes inside a transaction.
 */
export async function writeSettingValue(db: Db, key: string, json: string): Promise<void> {
  const changed = await db.update(appSetting).set({ value: json }).where(eq(appSetting.key, key)).returning({ key: appSetting.key }).all()
  if (changed.length === 0) await db.insert(appSetting).values({ key, value: json }).run()
}

/** The establishment's stages follow the RRMP version being prepared (the shell shows the current stage). */
export async function setEstablishmentStages(db: Db, currentStage: number, targetStage: number, now: string): Promise<void> {
  await db.update(establishmentTable).set({ currentStage, targetStage, updatedAt: now }).run()
}
