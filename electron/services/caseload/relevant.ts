import type { Dialect, StoreConn } from '../../../db/store/types'
import { countingWindows, type MinimumRule, type WindowCounts } from '../../../shared/engine'
import { toCaseInput, type CaseRecord, type Relevance } from './load'

// Reads only what a whole-establishment evaluation needs from the session history
// (shared/engine/case/relevance.ts; issue 8): at 20,000 prisoners the full history is about a
// million rows. Finding rows is cheap for SQLite; turning each row into JavaScript values is what
// costs (about 2 µs a row through the driver at that size). So the ordinary records inside the
// counting windows are only counted, from an index, and the rest comes back as JSON that SQLite
// builds and V8's JSON.parse turns into values, about three times faster than rows; JSON also
// carries any malformed text in an unusual record safely.

/**
 * The SQL twin of isOrdinaryRecord (shared/engine/case/relevance.ts), written exactly as the
 * condition of the `session_unusual_record` partial index so the database reads these rows from
 * that index (test/integration/caseloadRelevance.test.ts). SQLite: db/schema/caseload.ts;
 * PostgreSQL: the immutable function omu_ordinary_record (db/migrations-pg, custom migration).
 */
export const UNUSUAL_RECORD: Record<Dialect, string> = {
  sqlite: `not (date(date) is date and date(recorded_on) is recorded_on and recorded_on between date and date(date, '+1 day'))`,
  postgres: `not omu_ordinary_record(date, recorded_on)`,
}

/** Every unusual record: JSON [[prisonerId, date, inPerson, recordedOn], ...]. */
export const UNUSUAL_SESSIONS: Record<Dialect, string> = {
  sqlite: `
  select json_group_array(json_array(prisoner_id, date, in_person, recorded_on))
    from supervision_session indexed by session_unusual_record where ${UNUSUAL_RECORD.sqlite}`,
  postgres: `
  select coalesce(json_agg(json_build_array(prisoner_id, date, in_person, recorded_on)), '[]')::text
    from supervision_session where ${UNUSUAL_RECORD.postgres}`,
}

/**
 * How many in-person sessions lie in each counting window, counted from the covering index
 * `session_case_scan` without reading a row: a JSON array of counts, one for each window in the
 * parameter, in its order. The windows come as JSON [[prisonerId, from, to], ...]. Every in-person
 * session dated inside is counted, ordinary or not, as EvaluateOptions.windowCounts requires; ISO
 * dates compare as text, and a session whose date is not a valid ISO date is an unusual record the
 * evaluation rejects anyway.
 */
export const WINDOW_COUNTS: Record<Dialect, string> = {
  sqlite: `
  select json_group_array(
           (select count(*) from supervision_session s indexed by session_case_scan
             where s.prisoner_id = w.value ->> 0 and s.date between w.value ->> 1 and w.value ->> 2 and s.in_person = 1)
           order by w.key)
    from json_each(?) w`,
  // PostgreSQL has no INDEXED BY: the plan's use of session_case_scan is checked with EXPLAIN in
  // test/integration/caseloadRelevance.test.ts.
  postgres: `
  select coalesce(json_agg(
           (select count(*) from supervision_session s
             where s.prisoner_id = (w.value ->> 0)::integer and s.date between w.value ->> 1 and w.value ->> 2 and s.in_person = 1)
           order by w.ord), '[]')::text
    from json_array_elements(?::json) with ordinality w(value, ord)`,
}

interface CaseWindow {
  rec: CaseRecord
  rule: MinimumRule
}

/** The counting windows of these cases, and the same as WINDOW_COUNTS's parameter. */
export function caseWindows(records: Iterable<CaseRecord>, relevantTo: Relevance): { windows: CaseWindow[]; param: string } {
  const windows: CaseWindow[] = []
  const param: (number | string)[][] = []
  for (const rec of records) {
    let found
    try {
      found = countingWindows(toCaseInput(rec, relevantTo.today), relevantTo.today, relevantTo.policy, { extraHolidays: relevantTo.extraHolidays })
    } catch {
      continue // Invalid case facts: the evaluation fails on them before it reads any session.
    }
    for (const w of found) {
      windows.push({ rec, rule: w.rule })
      param.push([rec.prisoner.id, w.from, w.to])
    }
  }
  return { windows, param: JSON.stringify(param) }
}

/** The counts of a case with no in-person session in any counting window (shared: one object, not thousands). */
const NONE_COUNTED: WindowCounts = Object.freeze({})

/**
 * Gives each record what its evaluation under `relevantTo` needs from the session history: the
 * count of in-person sessions in each counting window, and every unusual record (late records
 * and input errors come only from those).
 */
export async function readRelevantSessions(conn: StoreConn, byId: Map<number, CaseRecord>, relevantTo: Relevance): Promise<void> {
  for (const rec of byId.values()) rec.windowCounts = NONE_COUNTED
  const { windows, param } = caseWindows(byId.values(), relevantTo)
  const counts = JSON.parse((await conn.sql.value<string>(WINDOW_COUNTS[conn.dialect], [param])) ?? '[]') as number[]
  windows.forEach(({ rec, rule }, i) => {
    const n = counts[i] ?? 0
    if (n === 0) return
    if (rec.windowCounts === NONE_COUNTED) rec.windowCounts = {}
    ;(rec.windowCounts as WindowCounts)[rule] = n
  })
  const unusual = JSON.parse((await conn.sql.value<string>(UNUSUAL_SESSIONS[conn.dialect])) ?? '[]') as [number, string, number, string][]
  for (const [prisonerId, date, inPerson, recordedOn] of unusual) {
    byId.get(prisonerId)?.sessions.push({ date, inPerson: inPerson === 1, recordedOn }) // absent: not in custody
  }
}
