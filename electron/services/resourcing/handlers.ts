import { ukDateOrNull } from '../../../shared/dates'
import type { Handlers } from '../handlers/types'
import { UserFacingError } from '../../../shared/ipc/result'
import { resourcingPlan } from './service'
import {
  availabilityOf,
  deletePlannedChange,
  insertPlannedChange,
  isPomRole,
  NO_INPUTS,
  plannedChangeRecord,
  plannedChangeRecords,
  pomRecords,
  readResourcingInputs,
  staffRecord,
  toPlannedChange,
  toPomCapacity,
  updatePomCapacity,
  writeResourcingInputs,
  type StaffRecord,
} from './store'
import type { Db } from '../../../db/store/types'

// Issue 19's resourcing plan: the projection (service.ts), the POMs' capacity facts and planned
// changes (HOMD and HOMS, as staff records), and the HOMS's inputs. Every change is audited by
// the dispatcher's mutation path with the before and after given here.

const shown = (iso: string) => ukDateOrNull(iso) ?? iso

/** A POM on the staff list, or a sentence saying why not. */
async function requirePomRecord(db: Db, staffId: number): Promise<StaffRecord> {
  const r = await staffRecord(db, staffId)
  if (!r) throw new UserFacingError('not_found', 'That member of staff is not on record. Reload the list.', 'staffId')
  if (!isPomRole(r.role)) throw new UserFacingError('invalid_input', `${r.name} is not a POM: capacity is kept for prison and probation POMs.`, 'staffId')
  return r
}

export const resourcingHandlers: Handlers['resourcing'] = {
  get: ({ whatIf }, { store, today }) => resourcingPlan(store, today, whatIf),

  capacity: async (_input, { store }) => {
    const poms = await pomRecords(store.db)
    const names = new Map(poms.map((p) => [p.id, p.name]))
    const changes = await plannedChangeRecords(store.db)
    return { poms: poms.map(toPomCapacity), changes: changes.map((c) => toPlannedChange(c, c.staffId === null ? null : (names.get(c.staffId) ?? null))) }
  },

  savePom: async ({ staffId, band, hoursPerWeek, daysPerWeek, availability }, { store, now, audit }) => {
    const current = await requirePomRecord(store.db, staffId)
    const away = availability.status === 'unavailable' ? availability : null
    const row = await updatePomCapacity(store.db, staffId, {
      band,
      hoursPerWeek,
      daysPerWeek,
      // Inactive: no longer a POM here (keeps their history, takes no new cases), as staff.save's "Mark inactive".
      active: availability.status !== 'inactive',
      unavailableFrom: away?.from ?? null,
      unavailableTo: away?.to ?? null,
      unavailableReason: away?.reason ?? null,
      updatedAt: now.toISOString(),
    })
    if (!row) throw new UserFacingError('not_found', 'That member of staff is not on record. Reload the list.', 'staffId')
    audit({ entity: 'staff', entityId: staffId, before: toPomCapacity(current), after: toPomCapacity(row) })
    return toPomCapacity(row)
  },

  addChange: async (input, { store, now, audit }) => {
    const createdAt = now.toISOString()
    if (input.kind === 'starting') {
      const row = await insertPlannedChange(store.db, {
        kind: 'starting',
        staffId: null,
        date: input.date,
        name: input.name,
        pomType: input.pomType,
        band: input.band,
        hoursPerWeek: input.hoursPerWeek,
        daysPerWeek: input.daysPerWeek,
        note: input.note,
        createdAt,
      })
      const created = toPlannedChange(row, null)
      audit({ entity: 'pom_planned_change', entityId: row.id, before: null, after: created })
      return created
    }
    const pom = await requirePomRecord(store.db, input.staffId)
    if (availabilityOf(pom).status === 'inactive') throw new UserFacingError('invalid_input', `${pom.name} is inactive: mark them active before planning a change.`, 'staffId')
    const planned = (await plannedChangeRecords(store.db)).filter((c) => c.staffId === pom.id)
    // The engine's rules for a POM's changes (shared/engine/resourcing/input.ts): one return, one
    // leaving date, one change of hours a day; a return ends a recorded absence, after it began.
    switch (input.kind) {
      case 'returning': {
        if (pom.unavailableFrom === null) throw new UserFacingError('invalid_input', `${pom.name} is not recorded as unavailable: record the absence first, then their return.`, 'staffId')
        if (input.date <= pom.unavailableFrom) throw new UserFacingError('invalid_input', `The return must be after the absence began on ${shown(pom.unavailableFrom)}.`, 'date')
        const other = planned.find((c) => c.kind === 'returning')
        if (other) throw new UserFacingError('conflict', `A return is already planned for ${pom.name} on ${shown(other.date)}: remove it first.`, 'kind')
        break
      }
      case 'leaving': {
        const other = planned.find((c) => c.kind === 'leaving')
        if (other) throw new UserFacingError('conflict', `${pom.name} already has a leaving date planned (${shown(other.date)}): remove it first.`, 'kind')
        break
      }
      case 'hours_changed': {
        if (planned.some((c) => c.kind === 'hours_changed' && c.date === input.date)) {
          throw new UserFacingError('conflict', `${pom.name}'s hours already change on ${shown(input.date)}: remove that change first.`, 'date')
        }
        break
      }
      default: {
        const never: never = input
        throw new Error(`Unknown planned change ${JSON.stringify(never)}`)
      }
    }
    const row = await insertPlannedChange(store.db, {
      kind: input.kind,
      staffId: pom.id,
      date: input.date,
      hoursPerWeek: input.kind === 'hours_changed' ? input.hoursPerWeek : null,
      daysPerWeek: input.kind === 'hours_changed' ? input.daysPerWeek : null,
      note: input.note,
      createdAt,
    })
    const created = toPlannedChange(row, pom.name)
    audit({ entity: 'pom_planned_change', entityId: row.id, before: null, after: created })
    return created
  },

  removeChange: async ({ id }, { store, audit }) => {
    const current = await plannedChangeRecord(store.db, id)
    if (!current) throw new UserFacingError('not_found', 'That planned change is not on record. Reload the list.', 'id')
    const staffName = current.staffId === null ? null : ((await staffRecord(store.db, current.staffId))?.name ?? null)
    await deletePlannedChange(store.db, id)
    audit({ entity: 'pom_planned_change', entityId: id, before: toPlannedChange(current, staffName), after: null })
    return { id }
  },

  saveInputs: async (input, { store, audit }) => {
    const before = (await readResourcingInputs(store.db)) ?? NO_INPUTS
    await writeResourcingInputs(store.db, input)
    audit({ entity: 'resourcing_inputs', entityId: null, before, after: input })
    return input
  },
}
