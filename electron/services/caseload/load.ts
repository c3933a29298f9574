import type Database from 'better-sqlite3'
import { countingWindows, type CaseInput, type CaseSession, type Policy } from '../../../shared/engine'

// Bulk reads for the case engine: three indexed reads (prisoners, allocations, sessions) rather
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
  /**
   * The sessions the case engine reads. For a whole-establishment read (`loadCases` with `relevantTo`)
   * only those that can change the evaluation on that day (shared/engine/case/relevance.ts), not
   * the full history; for one prisoner, all of them.
   */
  sessions: CaseSession[]
}

/** What decides which sessions can matter: the day, the handover policy and the extra holidays. */
export interface Relevance {
  today: string
  policy: Policy
  extraHolidays: readonly string[]
}

/**
 * The SQL twin of isOrdinaryRecord (shared/engine/case/relevance.ts), written exactly as the
 * condition of the `session_unusual_record` partial index (db/schema/caseload.ts) so SQLite reads
 * these rows from that index (test/integration/caseloadQueryPlan.test.ts).
 */
export const UNUSUAL_RECORD = `not (date(date) is date and date(recorded_on) is recorded_on and recorded_on between date and date(date, '+1 day'))`

/**
 * The sessions that can change any of these cases' evaluation: in-person sessions inside a
 * counting window (one indexed range read per window) and every unusual record. A session can
 * come back twice (found by both, or by two overlapping windows): the caller keeps one of each id.
 * (`union` would drop them in SQL, but its sort costs more than reading them twice.)
 */
export const RELEVANT_SESSIONS = `
  select s.id, s.prisoner_id, s.date, s.in_person, s.recorded_on
    from json_each(?) w
    join supervision_session s indexed by session_case_scan
      on s.prisoner_id = w.value ->> 0 and s.date between w.value ->> 1 and w.value ->> 2 and s.in_person = 1
  union all
  select id, prisoner_id, date, in_person, recorded_on from supervision_session indexed by session_unusual_record where ${UNUSUAL_RECORD}`


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

/**
 * The cases matching `filter` with their sessions: with `relevantTo`, only the sessions that can
 * change their evaluation under it (issue 8: a fraction of the history); otherwise all of them.
 */
export function loadCases(sqlite: Database.Database, filter: CaseFilter, relevantTo?: Relevance): CaseRecord[] {
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
  if (relevantTo && filter.prisonerId === undefined) {
    const rows = sqlite.prepare(RELEVANT_SESSIONS).raw(true).all(windowsParam(byId.values(), relevantTo)) as [number, number, string, number, string][]
    const seen = new Set<number>()
    for (const [id, prisonerId, date, inPerson, recordedOn] of rows) {
      if (seen.has(id)) continue
      seen.add(id)
      byId.get(prisonerId)?.sessions.push({ date, inPerson: inPerson === 1, recordedOn })
    }
  } else {
    const rows = sqlite
      .prepare(`select prisoner_id, date, in_person, recorded_on from supervision_session where prisoner_id in ${scope}`)
      .raw(true)
      .all(...w.params) as [number, string, number, string][]
    for (const [prisonerId, date, inPerson, recordedOn] of rows) byId.get(prisonerId)?.sessions.push({ date, inPerson: inPerson === 1, recordedOn })
  }
  return prisoners.map((p) => byId.get(p.id) as CaseRecord)
}

/** The counting windows of these cases as RELEVANT_SESSIONS's parameter: JSON [[prisonerId, from, to], ...]. */
export function windowsParam(records: Iterable<CaseRecord>, relevantTo: Relevance): string {
  const windows: (number | string)[][] = []
  for (const rec of records) {
    try {
      for (const cw of countingWindows(toCaseInput(rec), relevantTo.today, relevantTo.policy, { extraHolidays: relevantTo.extraHolidays })) {
        windows.push([rec.prisoner.id, cw.from, cw.to])
      }
    } catch {
      // Invalid case facts: the evaluation fails on them before it reads any session.
    }
  }
  return JSON.stringify(windows)
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
