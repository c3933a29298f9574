import type Database from 'better-sqlite3'
import type { CaseInput, CaseSession } from '../../../shared/engine'

// Bulk reads for the case engine: three indexed scans (prisoners, allocations, sessions) rather
// than a query per case, so a 2,000-case establishment evaluates in one pass.

export interface PrisonerRow {
  id: number
  prisonNumber: string
  firstName: string
  lastName: string
  dateOfBirth: string
  sentenceType: 'determinate' | 'indeterminate'
  sentenceStartDate: string
  conditionalReleaseDate: string | null
  automaticReleaseDate: string | null
  paroleEligibilityDate: string | null
  tariffDate: string | null
  targetHearingDate: string | null
  homeDetentionCurfewEligibilityDate: string | null
  homeDetentionCurfewActualDate: string | null
  mappaLevel: number | null
  earlyAllocation: number
  recall: number
  tier: string | null
  roshLevel: string | null
  careExperienced: number
  tact: number
  keyWorkerPriority: number
  arrivalDate: string | null
  status: string
  version: number
}

export interface CaseRecord {
  prisoner: PrisonerRow
  /** First allocation to a POM for this sentence (start of custody window, seed 003 Annex B). */
  firstAllocationDate: string | null
  current: { staffId: number; staffName: string } | null
  sessions: CaseSession[]
}

export const PRISONER_COLUMNS = `p.id, p.prison_number as prisonNumber, p.first_name as firstName, p.last_name as lastName,
  p.date_of_birth as dateOfBirth, p.sentence_type as sentenceType, p.sentence_start_date as sentenceStartDate,
  p.crd as conditionalReleaseDate, p.ard as automaticReleaseDate, p.ped as paroleEligibilityDate, p.ted as tariffDate,
  p.thd as targetHearingDate, p.hdced as homeDetentionCurfewEligibilityDate, p.hdcad as homeDetentionCurfewActualDate,
  p.mappa_level as mappaLevel, p.early_allocation as earlyAllocation, p.recall, p.tier, p.rosh_level as roshLevel,
  p.care_experienced as careExperienced, p.tact, p.key_worker_priority as keyWorkerPriority, p.arrival_date as arrivalDate,
  p.status, p.version`

export interface CaseFilter {
  /** Only this POM's current cases. */
  pomId?: number | null
  prisonerId?: number
}

function where(filter: CaseFilter): { sql: string; params: (number | string)[] } {
  if (filter.prisonerId !== undefined) return { sql: 'p.id = ?', params: [filter.prisonerId] }
  if (filter.pomId != null) {
    return { sql: "p.status = 'in_custody' and p.id in (select prisoner_id from allocation where end_date is null and staff_id = ?)", params: [filter.pomId] }
  }
  return { sql: "p.status = 'in_custody'", params: [] }
}

export function loadCases(sqlite: Database.Database, filter: CaseFilter): CaseRecord[] {
  const w = where(filter)
  const prisoners = sqlite.prepare(`select ${PRISONER_COLUMNS} from prisoner p where ${w.sql} order by p.id`).all(...w.params) as PrisonerRow[]
  if (prisoners.length === 0) return []
  const byId = new Map<number, CaseRecord>()
  for (const p of prisoners) byId.set(p.id, { prisoner: p, firstAllocationDate: null, current: null, sessions: [] })

  const scope = `(select p.id from prisoner p where ${w.sql})`
  const allocs = sqlite
    .prepare(
      `select a.prisoner_id as prisonerId, min(a.start_date) as first,
              max(case when a.end_date is null then a.staff_id end) as staffId,
              max(case when a.end_date is null then s.name end) as staffName
         from allocation a join staff s on s.id = a.staff_id
        where a.prisoner_id in ${scope}
        group by a.prisoner_id`,
    )
    .all(...w.params) as { prisonerId: number; first: string; staffId: number | null; staffName: string | null }[]
  for (const a of allocs) {
    const rec = byId.get(a.prisonerId)
    if (!rec) continue
    rec.firstAllocationDate = a.first
    if (a.staffId !== null && a.staffName !== null) rec.current = { staffId: a.staffId, staffName: a.staffName }
  }

  // Raw rows (arrays) avoid building an object per column for the largest table.
  const sessions = sqlite
    .prepare(`select prisoner_id, date, in_person, recorded_on from supervision_session where prisoner_id in ${scope}`)
    .raw(true)
    .all(...w.params) as [number, string, number, string][]
  for (const [prisonerId, date, inPerson, recordedOn] of sessions) {
    byId.get(prisonerId)?.sessions.push({ date, inPerson: inPerson === 1, recordedOn })
  }
  return prisoners.map((p) => byId.get(p.id) as CaseRecord)
}

export function toCaseInput(rec: CaseRecord): CaseInput {
  const p = rec.prisoner
  return {
    sentenceType: p.sentenceType,
    sentenceStartDate: p.sentenceStartDate,
    conditionalReleaseDate: p.conditionalReleaseDate,
    automaticReleaseDate: p.automaticReleaseDate,
    paroleEligibilityDate: p.paroleEligibilityDate,
    tariffDate: p.tariffDate,
    targetHearingDate: p.targetHearingDate,
    homeDetentionCurfewEligibilityDate: p.homeDetentionCurfewEligibilityDate,
    homeDetentionCurfewActualDate: p.homeDetentionCurfewActualDate,
    mappaLevel: p.mappaLevel as CaseInput['mappaLevel'],
    earlyAllocation: p.earlyAllocation === 1,
    recall: p.recall === 1,
    pomAllocatedDate: rec.firstAllocationDate,
    arrivalDate: p.arrivalDate,
    sessions: rec.sessions,
  }
}
