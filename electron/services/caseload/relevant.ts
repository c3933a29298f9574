import type Database from 'better-sqlite3'
import { countingWindows } from '../../../shared/engine'
import { toCaseInput, type CaseRecord, type Relevance } from './load'

// Reads only the sessions that can change a case's evaluation (shared/engine/case/relevance.ts;
// issue 8): at 20,000 prisoners the full history is about a million rows. Finding the rows is
// cheap for SQLite; turning each row into JavaScript values through the driver is what costs
// (about 2 µs a row at that size). So each read comes back as JSON arrays that SQLite builds and
// V8's JSON.parse turns into values, about three times faster than rows; JSON also carries any
// malformed text in an unusual record safely.

/**
 * The SQL twin of isOrdinaryRecord (shared/engine/case/relevance.ts), written exactly as the
 * condition of the `session_unusual_record` partial index (db/schema/caseload.ts) so SQLite reads
 * these rows from that index (test/integration/caseloadRelevance.test.ts).
 */
export const UNUSUAL_RECORD = `not (date(date) is date and date(recorded_on) is recorded_on and recorded_on between date and date(date, '+1 day'))`

/** Every unusual record: JSON [[id, prisonerId, date, inPerson, recordedOn], ...]. */
export const UNUSUAL_SESSIONS = `
  select json_group_array(json_array(id, prisoner_id, date, in_person, recorded_on))
    from supervision_session indexed by session_unusual_record where ${UNUSUAL_RECORD}`

/**
 * The ordinary in-person sessions inside each counting window (one indexed range read per window),
 * as rows of [prisonerId, JSON [[date, recordedOn], ...]]. The windows come as JSON [[prisonerId, from, to], ...],
 * merged per prisoner so no session is found twice; unusual records are left to UNUSUAL_SESSIONS
 * (their ids come from the partial index, cheaper than testing each session's dates again).
 */
export const WINDOWED_SESSIONS = `
  select s.prisoner_id, json_group_array(json_array(s.date, s.recorded_on))
    from json_each(?) w
    join supervision_session s indexed by session_case_scan
      on s.prisoner_id = w.value ->> 0 and s.date between w.value ->> 1 and w.value ->> 2 and s.in_person = 1
   where s.id not in (select id from supervision_session indexed by session_unusual_record where ${UNUSUAL_RECORD})
   group by s.prisoner_id`

/** The counting windows of these cases as WINDOWED_SESSIONS's parameter, overlapping ones merged. */
export function windowsParam(records: Iterable<CaseRecord>, relevantTo: Relevance): string {
  const out: (number | string)[][] = []
  for (const rec of records) {
    let windows
    try {
      windows = countingWindows(toCaseInput(rec), relevantTo.today, relevantTo.policy, { extraHolidays: relevantTo.extraHolidays })
    } catch {
      continue // Invalid case facts: the evaluation fails on them before it reads any session.
    }
    windows.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
    let last: (number | string)[] | null = null
    for (const cw of windows) {
      // ISO dates compare as strings; a window starting within the last one extends it.
      if (last && cw.from <= (last[2] as string)) {
        if (cw.to > (last[2] as string)) last[2] = cw.to
        continue
      }
      last = [rec.prisoner.id, cw.from, cw.to]
      out.push(last)
    }
  }
  return JSON.stringify(out)
}

/** Adds to each record the sessions that can change its evaluation under `relevantTo`. */
export function readRelevantSessions(sqlite: Database.Database, byId: Map<number, CaseRecord>, relevantTo: Relevance): void {
  const windowed = sqlite.prepare(WINDOWED_SESSIONS).raw(true).all(windowsParam(byId.values(), relevantTo)) as [number, string][]
  for (const [prisonerId, json] of windowed) {
    const sessions = byId.get(prisonerId)?.sessions
    if (!sessions) continue
    for (const [date, recordedOn] of JSON.parse(json) as [string, string][]) sessions.push({ date, inPerson: true, recordedOn })
  }
  const unusual = JSON.parse(sqlite.prepare(UNUSUAL_SESSIONS).pluck().get() as string) as [number, number, string, number, string][]
  for (const [, prisonerId, date, inPerson, recordedOn] of unusual) {
    byId.get(prisonerId)?.sessions.push({ date, inPerson: inPerson === 1, recordedOn }) // absent: not in custody
  }
}
