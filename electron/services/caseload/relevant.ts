import type Database from 'better-sqlite3'
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
 * condition of the `session_unusual_record` partial index (db/schema/caseload.ts) so SQLite reads
 * these rows from that index (test/integration/caseloadRelevance.test.ts).
 */
export const UNUSUAL_RECORD = `not (date(date) is date and date(recorded_on) is recorded_on and recorded_on between date and date(date, '+1 day'))`

/** Every unusual record: JSON [[prisonerId, date, inPerson, recordedOn], ...]. */
export const UNUSUAL_SESSIONS = `
  select json_group_array(json_array(prisoner_id, date, in_person, recorded_on))
    from supervision_session indexed by session_unusual_record where ${UNUSUAL_RECORD}`

/**
 * How many in-person sessions lie in each counting window, counted from the covering index
 * `session_case_scan` without reading a row: a JSON array of counts, one for each window in the
 * parameter, in its order. The windows come as JSON [[prisonerId, from, to], ...]. Every in-person
 * session dated inside is counted, ordinary or not, as EvaluateOptions.windowCounts requires; ISO
 * dates compare as text, and a session whose date is not a valid ISO date is an unusual record the
 * evaluation rejects anyway.
 */
export const WINDOW_COUNTS = `
  select json_group_array(
           (select count(*) from supervision_session s indexed by session_case_scan
             where s.prisoner_id = w.value ->> 0 and s.date between w.value ->> 1 and w.value ->> 2 and s.in_person = 1)
           order by w.key)
    from json_each(?) w`

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
      found = countingWindows(toCaseInput(rec), relevantTo.today, relevantTo.policy, { extraHolidays: relevantTo.extraHolidays })
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
export function readRelevantSessions(sqlite: Database.Database, byId: Map<number, CaseRecord>, relevantTo: Relevance): void {
  for (const rec of byId.values()) rec.windowCounts = NONE_COUNTED
  const { windows, param } = caseWindows(byId.values(), relevantTo)
  const counts = JSON.parse(sqlite.prepare(WINDOW_COUNTS).pluck().get(param) as string) as number[]
  windows.forEach(({ rec, rule }, i) => {
    const n = counts[i] ?? 0
    if (n === 0) return
    if (rec.windowCounts === NONE_COUNTED) rec.windowCounts = {}
    ;(rec.windowCounts as WindowCounts)[rule] = n
  })
  const unusual = JSON.parse(sqlite.prepare(UNUSUAL_SESSIONS).pluck().get() as string) as [number, string, number, string][]
  for (const [prisonerId, date, inPerson, recordedOn] of unusual) {
    byId.get(prisonerId)?.sessions.push({ date, inPerson: inPerson === 1, recordedOn }) // absent: not in custody
  }
}
