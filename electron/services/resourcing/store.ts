import { writeSettingValue } from '../establishment/store'
import { asc, desc, eq, inArray } from 'drizzle-orm'
import { appSetting, pomPlannedChange, staff as staffTable } from '../../../db/schema'
import type { Db } from '../../../db/store/types'
import { POM_ROLES } from '../../../shared/ipc/channels/caseloadValues'
import { resourcingInputsSchema, type Availability, type PlannedChangeRow, type PomCapacityFacts, type ResourcingInputs } from '../../../shared/ipc/channels/resourcing'

// The resourcing domain's store functions (issue 19; issue 17 reads the same POM facts): each
// POM's capacity facts (columns of `staff`), the planned changes to capacity (`pom_planned_change`)
// and the HOMS's resourcing inputs (an establishment setting). The only code that reads or writes
// them (issue 13: data access in one layer per domain); queries are drizzle's builder, which both
// backends run.

export type StaffRecord = typeof staffTable.$inferSelect
export type PlannedChangeRecord = typeof pomPlannedChange.$inferSelect
export type PlannedChangeValues = typeof pomPlannedChange.$inferInsert

/** The establishment setting holding the resourcing inputs (app_setting key). */
export const RESOURCING_INPUTS_KEY = 'resourcingInputs'

/** Nothing saved yet: no receptions counted, every assumption at its default (shared/engine/resourcing/assumptions.ts). */
export const NO_INPUTS: ResourcingInputs = { receptionsPerWeek: 0, assumptions: {} }

export function isPomRole(role: string): boolean {
  return (POM_ROLES as readonly string[]).includes(role)
}

/** The staff record's availability: inactive (no longer a POM here), away between dates, or active. */
export function availabilityOf(r: StaffRecord): Availability {
  if (!r.active) return { status: 'inactive' }
  if (r.unavailableFrom !== null) return { status: 'unavailable', from: r.unavailableFrom, to: r.unavailableTo, reason: r.unavailableReason ?? '' }
  return { status: 'active' }
}

export function toPomCapacity(r: StaffRecord): PomCapacityFacts {
  return {
    staffId: r.id,
    name: r.name,
    type: r.role === 'probation_pom' ? 'probation' : 'prison',
    band: r.band,
    hoursPerWeek: r.hoursPerWeek,
    daysPerWeek: r.daysPerWeek,
    availability: availabilityOf(r),
  }
}

/** Every staff record in a POM role, active first, then by name. */
export async function pomRecords(db: Db): Promise<StaffRecord[]> {
  return db
    .select()
    .from(staffTable)
    .where(inArray(staffTable.role, [...POM_ROLES]))
    .orderBy(desc(staffTable.active), asc(staffTable.name), asc(staffTable.id))
    .all()
}

export async function staffRecord(db: Db, id: number): Promise<StaffRecord | undefined> {
  return db.select().from(staffTable).where(eq(staffTable.id, id)).get()
}

export type CapacityValues = Pick<StaffRecord, 'band' | 'hoursPerWeek' | 'daysPerWeek' | 'active' | 'unavailableFrom' | 'unavailableTo' | 'unavailableReason' | 'updatedAt'>

export async function updatePomCapacity(db: Db, id: number, values: CapacityValues): Promise<StaffRecord | undefined> {
  return db.update(staffTable).set(values).where(eq(staffTable.id, id)).returning().get()
}

export function toPlannedChange(r: PlannedChangeRecord, staffName: string | null): PlannedChangeRow {
  return {
    id: r.id,
    kind: r.kind as PlannedChangeRow['kind'],
    date: r.date,
    staffId: r.staffId,
    name: r.staffId === null ? (r.name ?? 'New starter') : (staffName ?? 'Unknown'),
    pomType: r.pomType as PlannedChangeRow['pomType'],
    band: r.band,
    hoursPerWeek: r.hoursPerWeek,
    daysPerWeek: r.daysPerWeek,
    note: r.note,
  }
}

/** Every planned change, by date then id. */
export async function plannedChangeRecords(db: Db): Promise<PlannedChangeRecord[]> {
  return db.select().from(pomPlannedChange).orderBy(asc(pomPlannedChange.date), asc(pomPlannedChange.id)).all()
}

export async function plannedChangeRecord(db: Db, id: number): Promise<PlannedChangeRecord | undefined> {
  return db.select().from(pomPlannedChange).where(eq(pomPlannedChange.id, id)).get()
}

export async function insertPlannedChange(db: Db, values: PlannedChangeValues): Promise<PlannedChangeRecord> {
  return db.insert(pomPlannedChange).values(values).returning().get()
}

export async function deletePlannedChange(db: Db, id: number): Promise<PlannedChangeRecord | undefined> {
  return db.delete(pomPlannedChange).where(eq(pomPlannedChange.id, id)).returning().get()
}

/** The HOMS's saved inputs, or null when none have been saved. A value that no longer parses counts as none. */
export async function readResourcingInputs(db: Db): Promise<ResourcingInputs | null> {
  const row = await db.select().from(appSetting).where(eq(appSetting.key, RESOURCING_INPUTS_KEY)).get()
  if (!row) return null
  const parsed = resourcingInputsSchema.safeParse(JSON.parse(row.value))
  return parsed.success ? parsed.data : null
}

export async function writeResourcingInputs(db: Db, inputs: ResourcingInputs): Promise<void> {
  await writeSettingValue(db, RESOURCING_INPUTS_KEY, JSON.stringify(inputs))
}
