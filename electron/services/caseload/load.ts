import type { Dialect, StoreConn } from '../../../db/store/types'
import type { CaseInput, CaseSession, Policy, WindowCounts } from '../../../shared/engine'
import { paroleInputs, type ParoleReviewFacts } from '../../../shared/engine/case/paroleReviews'
import { readRelevantSessions } from './relevant'
import { earlyAllocationState } from '../../../shared/engine/mpc/earlyAllocation'
import { caseWorkOf, type CaseWorkFacts } from '../caseWork/store'
import { paroleReviewsOf } from '../parole/store'

// Bulk reads for the case engine: a few indexed reads (prisoners with their allocations, staff
// names, sessions) rather than a query per case, so a 2,000-case establishment evaluates in one pass.

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
  // Issue 20: handover spec section 1's facts (0/1 flags, as the other flags).
  openConditions: number
  openConditionsArrivalDate: string | null
  immigrationCase: number
  additionalIsp: number
  /** Issue 17: the sentence's first POM allocation, anywhere (start_of_custody counts from it). */
  firstPomAllocatedDate: string | null
  /** Issue 16: wing and cell, and the security category (read by the CSV import's keep-what-is-recorded rule). */
  location: string | null
  securityCategory: string | null
  // Issue 17 (../shared/specs/mpc-rules.md F): spec A.3's second group of release dates, C.5 C7's
  // licence expiry, and D.2's probation resourcing decision (1 enhanced, 0 standard, null not known).
  sentenceExpiryDate: string | null
  licenceExpiryDate: string | null
  postRecallReleaseDate: string | null
  actualParoleDate: string | null
  enhancedResourcing: number | null
}

export interface CaseRecord {
  prisoner: PrisonerRow
  /** First allocation to a POM for this sentence (start of custody window, seed 003 Annex B). */
  firstAllocationDate: string | null
  current: { staffId: number; staffName: string } | null
  /**
   * Issue 17: the case's co-working second POM, if any. The case shows in their caseload marked
   * co-working, but its minima stay the allocated POM's (`current`): seed 003 Annex B 3.2, "only
   * one professional (POM or COM) can be responsible for the management of a prisoner at any time".
   */
  coWorker: { staffId: number; staffName: string } | null
  /**
   * The sessions the case engine reads. For a whole-establishment read (`loadCases` with
   * `relevantTo`) only the unusual records (late or wrong, shared/engine/case/relevance.ts), with
   * the in-person sessions in each counting window in `windowCounts`; for one prisoner, all of them.
   */
  sessions: CaseSession[]
  /** The counts that stand for the ordinary records left out of `sessions` (EvaluateOptions.windowCounts). */
  windowCounts?: WindowCounts
  /**
   * The case's parole reviews in the order recorded (issues 17 and 20), from which its
   * `targetHearingDate` and `paroleOutcome` are derived (handover spec section 6).
   */
  paroleReviews: ParoleReviewFacts[]
  /**
   * Issue 17: the case's early allocation assessments and responsibility overrides
   * (caseWork/store.ts); left out (none) where a record is built by hand.
   */
  caseWork?: CaseWorkFacts
}

/** What decides which sessions can matter: the day, the handover policy and the extra holidays. */
export interface Relevance {
  today: string
  policy: Policy
  extraHolidays: readonly string[]
}

/** PrisonerRow's fields and the prisoner column each comes from. */
export const PRISONER_FIELDS: readonly (readonly [keyof PrisonerRow, string])[] = [
  ['id', 'id'],
  ['prisonNumber', 'prison_number'],
  ['firstName', 'first_name'],
  ['lastName', 'last_name'],
  ['dateOfBirth', 'date_of_birth'],
  ['sentenceType', 'sentence_type'],
  ['sentenceStartDate', 'sentence_start_date'],
  ['conditionalReleaseDate', 'crd'],
  ['automaticReleaseDate', 'ard'],
  ['paroleEligibilityDate', 'ped'],
  ['tariffDate', 'ted'],
  ['targetHearingDate', 'thd'],
  ['homeDetentionCurfewEligibilityDate', 'hdced'],
  ['homeDetentionCurfewActualDate', 'hdcad'],
  ['mappaLevel', 'mappa_level'],
  ['earlyAllocation', 'early_allocation'],
  ['recall', 'recall'],
  ['tier', 'tier'],
  ['roshLevel', 'rosh_level'],
  ['careExperienced', 'care_experienced'],
  ['tact', 'tact'],
  ['keyWorkerPriority', 'key_worker_priority'],
  ['arrivalDate', 'arrival_date'],
  ['status', 'status'],
  ['version', 'version'],
  ['openConditions', 'open_conditions'],
  ['openConditionsArrivalDate', 'open_conditions_arrival_date'],
  ['immigrationCase', 'immigration_case'],
  ['additionalIsp', 'additional_isp'],
  ['firstPomAllocatedDate', 'first_pom_allocated_date'],
  ['location', 'location'],
  ['securityCategory', 'security_category'],
  ['sentenceExpiryDate', 'sed'],
  ['licenceExpiryDate', 'led'],
  ['postRecallReleaseDate', 'post_recall_release_date'],
  ['actualParoleDate', 'actual_parole_date'],
  ['enhancedResourcing', 'enhanced_resourcing'],
]

/** The select list of a PrisonerRow from `prisoner p`. */
export const PRISONER_COLUMNS = PRISONER_FIELDS.map(([name, column]) => `p.${column} as ${name}`).join(', ')

/**
 * The same rows as one JSON array of value arrays built by SQLite: for thousands of prisoners,
 * JSON.parse and a loop make the objects faster than the driver does row by row (relevant.ts says
 * why), and arrays rather than json_object, whose key text SQLite rebuilds for every row. Each
 * array ends with the first allocation date, the current POM's staff id and the co-working POM's
 * (issue 17), found through the allocation and co-working indexes (cheaper than a second, grouped
 * read of the allocations).
 */
const PRISONER_VALUES = `${PRISONER_FIELDS.map(([, column]) => `p.${column}`).join(', ')},
  (select min(a.start_date) from allocation a where a.prisoner_id = p.id),
  (select a.staff_id from allocation a where a.prisoner_id = p.id and a.end_date is null),
  (select c.staff_id from co_working c where c.prisoner_id = p.id and c.end_date is null)`

/** The JSON array of value arrays in each dialect (PostgreSQL's as text, parsed here as SQLite's is). */
const PRISONERS_AS_JSON: Record<Dialect, string> = {
  sqlite: `json_group_array(json_array(${PRISONER_VALUES}))`,
  postgres: `coalesce(json_agg(json_build_array(${PRISONER_VALUES})), '[]')::text`,
}

/**
 * A PrisonerRow from PRISONERS_AS_JSON's array of values, in PRISONER_FIELDS order. Written out as
 * one object literal: at 20,000 prisoners that is about twenty times faster than assigning the
 * fields in a loop (every object gets its final shape at once). test/unit/prisonerRow.test.ts
 * checks that each field takes the value at its place in PRISONER_FIELDS.
 */
export function prisonerRow(v: readonly unknown[]): PrisonerRow {
  return {
    id: v[0],
    prisonNumber: v[1],
    firstName: v[2],
    lastName: v[3],
    dateOfBirth: v[4],
    sentenceType: v[5],
    sentenceStartDate: v[6],
    conditionalReleaseDate: v[7],
    automaticReleaseDate: v[8],
    paroleEligibilityDate: v[9],
    tariffDate: v[10],
    targetHearingDate: v[11],
    homeDetentionCurfewEligibilityDate: v[12],
    homeDetentionCurfewActualDate: v[13],
    mappaLevel: v[14],
    earlyAllocation: v[15],
    recall: v[16],
    tier: v[17],
    roshLevel: v[18],
    careExperienced: v[19],
    tact: v[20],
    keyWorkerPriority: v[21],
    arrivalDate: v[22],
    status: v[23],
    version: v[24],
    openConditions: v[25],
    openConditionsArrivalDate: v[26],
    immigrationCase: v[27],
    additionalIsp: v[28],
    firstPomAllocatedDate: v[29],
    location: v[30],
    securityCategory: v[31],
    sentenceExpiryDate: v[32],
    licenceExpiryDate: v[33],
    postRecallReleaseDate: v[34],
    actualParoleDate: v[35],
    enhancedResourcing: v[36],
  } as PrisonerRow
}

export interface CaseFilter {
  /** Only this POM's current cases. */
  pomId?: number | null
  prisonerId?: number
  /** These prisoners, whatever their status (the case cache reading again what writes touched). */
  prisonerIds?: readonly number[]
}

function where(filter: CaseFilter): { sql: string; params: (number | string)[] } {
  if (filter.prisonerId !== undefined) return { sql: 'p.id = ?', params: [filter.prisonerId] }
  if (filter.prisonerIds !== undefined) {
    if (filter.prisonerIds.length === 0) return { sql: '1 = 0', params: [] }
    return { sql: `p.id in (${filter.prisonerIds.map(() => '?').join(', ')})`, params: [...filter.prisonerIds] }
  }
  if (filter.pomId != null) {
    return { sql: "p.status = 'in_custody' and p.id in (select prisoner_id from allocation where end_date is null and staff_id = ?)", params: [filter.pomId] }
  }
  return { sql: "p.status = 'in_custody'", params: [] }
}

/**
 * The cases matching `filter` with their sessions: with `relevantTo`, only what their evaluation
 * under it needs (issue 8: counts and the unusual records, a fraction of the history); otherwise
 * all of them.
 */
export async function loadCases(conn: StoreConn, filter: CaseFilter, relevantTo?: Relevance): Promise<CaseRecord[]> {
  const w = where(filter)
  const rows = JSON.parse((await conn.sql.value<string>(`select ${PRISONERS_AS_JSON[conn.dialect]} from prisoner p where ${w.sql}`, w.params)) ?? '[]') as unknown[][]
  if (rows.length === 0) return []
  const staffNames = new Map(await conn.sql.rows<[number, string]>('select id, name from staff'))
  const records: CaseRecord[] = []
  const byId = new Map<number, CaseRecord>()
  for (const values of rows) {
    const prisoner = prisonerRow(values)
    const first = values[PRISONER_FIELDS.length] as string | null
    const staffId = values[PRISONER_FIELDS.length + 1] as number | null
    const staffName = staffId === null ? undefined : staffNames.get(staffId)
    const coWorkerId = values[PRISONER_FIELDS.length + 2] as number | null
    const coWorkerName = coWorkerId === null ? undefined : staffNames.get(coWorkerId)
    const rec: CaseRecord = { prisoner, firstAllocationDate: first, current: staffId !== null && staffName !== undefined ? { staffId, staffName } : null, coWorker: coWorkerId !== null && coWorkerName !== undefined ? { staffId: coWorkerId, staffName: coWorkerName } : null, sessions: [], paroleReviews: [] }
    records.push(rec)
    byId.set(prisoner.id, rec)
  }
  // In prisoner id order, whatever order SQLite visited the rows in.
  records.sort((a, b) => a.prisoner.id - b.prisoner.id)
  // Before the sessions: which sessions matter depends on the handover dates, which the reviews move.
  for (const [prisonerId, review] of await paroleReviewsOf(conn, `select p.id from prisoner p where ${w.sql}`, w.params)) byId.get(prisonerId)?.paroleReviews.push(review)
  // Issue 17, also before the sessions: an early allocation assessment brings the handover forward.
  for (const [prisonerId, facts] of await caseWorkOf(conn, `select p.id from prisoner p where ${w.sql}`, w.params)) {
    const rec = byId.get(prisonerId)
    if (rec) rec.caseWork = facts
  }

  if (relevantTo && filter.prisonerId === undefined && filter.prisonerIds === undefined) {
    await readRelevantSessions(conn, byId, relevantTo)
  } else {
    const scope = `(select p.id from prisoner p where ${w.sql})`
    // Raw rows (arrays) avoid building an object per column for the largest table.
    const sessions = await conn.sql.rows<[number, string, number, string]>(`select prisoner_id, date, in_person, recorded_on from supervision_session where prisoner_id in ${scope}`, w.params)
    for (const [prisonerId, date, inPerson, recordedOn] of sessions) byId.get(prisonerId)?.sessions.push({ date, inPerson: inPerson === 1, recordedOn })
  }
  return records
}

/**
 * Whether the case is early allocated (issue 17): the prisoner's own flag (recorded or imported,
 * e.g. from MPC), or the latest early allocation assessment of this sentence brings the handover
 * forward (../shared/specs/mpc-rules.md C.5 C6 and C7: `earlyAllocation` sets CaseInput.earlyAllocation).
 * C7's licence check applies to the assessments: once the licence expiry date (spec F) has passed
 * they no longer bring the handover forward (expiring today still counts).
 */
export function earlyAllocationOf(rec: CaseRecord, today: string): boolean {
  if (rec.prisoner.earlyAllocation === 1) return true
  const assessments = rec.caseWork?.earlyAllocation ?? []
  if (assessments.length === 0) return false
  return earlyAllocationState({
    today,
    sentenceStartDate: rec.prisoner.sentenceStartDate,
    licenceExpiryDate: rec.prisoner.licenceExpiryDate,
    // C7 does not read today's window (only C8 and C10 do).
    withinReferralWindow: false,
    assessments,
  }).earlyAllocation
}

/** The case's next hearing as the handover rules read it (handover spec section 6): from its parole reviews, else its own. */
export function targetHearingDateOf(rec: CaseRecord): string | null {
  return paroleInputs(rec.paroleReviews, rec.prisoner.sentenceStartDate)?.targetHearingDate ?? rec.prisoner.targetHearingDate
}

export function toCaseInput(rec: CaseRecord, today: string): CaseInput {
  const p = rec.prisoner
  // Handover spec section 6: the next hearing and the last outcome come from the parole reviews
  // of the current sentence; with none, the case's own target hearing date and no outcome.
  const parole = paroleInputs(rec.paroleReviews, p.sentenceStartDate)
  return {
    sentenceType: p.sentenceType,
    sentenceStartDate: p.sentenceStartDate,
    conditionalReleaseDate: p.conditionalReleaseDate,
    automaticReleaseDate: p.automaticReleaseDate,
    paroleEligibilityDate: p.paroleEligibilityDate,
    tariffDate: p.tariffDate,
    targetHearingDate: parole ? parole.targetHearingDate : p.targetHearingDate,
    homeDetentionCurfewEligibilityDate: p.homeDetentionCurfewEligibilityDate,
    homeDetentionCurfewActualDate: p.homeDetentionCurfewActualDate,
    mappaLevel: p.mappaLevel as CaseInput['mappaLevel'],
    earlyAllocation: earlyAllocationOf(rec, today),
    recall: p.recall === 1,
    pomAllocatedDate: rec.firstAllocationDate,
    arrivalDate: p.arrivalDate,
    // Issue 17: start_of_custody counts from the sentence's first POM allocation when it is known.
    firstPomAllocatedDate: p.firstPomAllocatedDate,
    openConditions: p.openConditions === 1,
    openConditionsArrivalDate: p.openConditionsArrivalDate,
    immigrationCase: p.immigrationCase === 1,
    additionalIsp: p.additionalIsp === 1,
    paroleOutcome: parole ? parole.paroleOutcome : null,
    sessions: rec.sessions,
  }
}
