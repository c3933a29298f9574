import type Database from 'better-sqlite3'
import type { Store } from '../../../db/bootstrap'
import { loadCases, type CaseRecord, type Relevance } from './load'
import { verdictFor, type EvalSettings, type Verdict } from './verdict'

/**
 * The establishment's cases held in memory between requests (issue 8: whole-establishment views
 * must stay instant at 2,000 cases). Reading every session row on each request costs far more
 * than evaluating them, so the rows are read once and kept:
 * - this process's own writes invalidate exactly the prisoners they touched (the dispatcher passes
 *   the audit records of each committed mutation), or everything when a write is not about one
 *   prisoner (staff names, imports);
 * - another process writing to the same file is noticed through SQLite's `PRAGMA data_version`,
 *   which changes only when another connection commits, and everything is read again;
 * - a write on this connection that did not come through the dispatcher (sign-in bookkeeping, a
 *   script) shows as a change in `total_changes()` the cache was not told about: read everything.
 * Verdicts are kept per prisoner for the same day, policy, stage and holidays.
 *
 * Only what a case's evaluation on the day needs is read (load.ts, relevant.ts): the in-person
 * sessions in each counting window, counted, and the unusual records. The windows depend on the
 * day, the policy and the extra holidays, so a change of any of them (midnight, a policy switch in
 * Settings) reads everything again. A prisoner read again after a write gets the full history.
 */
export class CaseCache {
  private records: Map<number, CaseRecord> | null = null
  /** The day, policy and holidays the records' sessions were chosen for. */
  private relevanceKey = ''
  private dataVersion = -1
  /** total_changes() of this connection as of the last read or announced write. */
  private knownChanges = -1
  private readonly totalChanges: Database.Statement
  private readonly stale = new Set<number>()
  private readonly verdicts = new Map<number, { key: string; verdict: Verdict }>()

  constructor(private readonly sqlite: Database.Database) {
    this.totalChanges = sqlite.prepare('select total_changes() as n')
  }

  private changes(): number {
    return (this.totalChanges.get() as { n: number }).n
  }

  /** Every case in custody, current as of the last commit by anyone, with the sessions that matter under `s`. */
  all(s: Relevance): CaseRecord[] {
    const dv = this.sqlite.pragma('data_version', { simple: true }) as number
    const tc = this.changes()
    const key = `${s.today}|${s.policy}|${s.extraHolidays.join(',')}`
    if (!this.records || dv !== this.dataVersion || tc !== this.knownChanges || key !== this.relevanceKey) {
      this.records = new Map(loadCases(this.sqlite, { pomId: null }, s).map((r) => [r.prisoner.id, r]))
      this.relevanceKey = key
      this.dataVersion = dv
      this.knownChanges = tc
      this.stale.clear()
      this.verdicts.clear()
    } else if (this.stale.size > 0) {
      for (const id of this.stale) {
        this.verdicts.delete(id)
        const [fresh] = loadCases(this.sqlite, { prisonerId: id })
        // Released or transferred-out prisoners leave the in-custody set.
        if (fresh && fresh.prisoner.status === 'in_custody') this.records.set(id, fresh)
        else this.records.delete(id)
      }
      this.stale.clear()
    }
    return [...this.records.values()]
  }

  /** A POM's current cases. */
  forPom(pomId: number, s: Relevance): CaseRecord[] {
    return this.all(s).filter((r) => r.current?.staffId === pomId)
  }

  verdict(rec: CaseRecord, s: EvalSettings): Verdict {
    const key = `${s.today}|${s.policy}|${s.stage}|${s.extraHolidays.join(',')}`
    const hit = this.verdicts.get(rec.prisoner.id)
    if (hit && hit.key === key) return hit.verdict
    const verdict = verdictFor(rec, s)
    this.verdicts.set(rec.prisoner.id, { key, verdict })
    return verdict
  }

  /**
   * Works out every case's verdict before the first screen asks (issue 8: at 20,000 cases the
   * first due/overdue list would otherwise pay for them), `slice` cases at a time with the event
   * loop free in between, so requests are not kept waiting. Each slice takes the records as they
   * are then: a write in between is read first, and no verdict is kept from superseded facts.
   * Resolves to the number of verdicts worked out.
   */
  async warm(s: EvalSettings, slice = 2000): Promise<number> {
    let done = 0
    for (let i = 0; ; i += slice) {
      const records = this.all(s)
      if (i >= records.length) return done
      for (const rec of records.slice(i, i + slice)) {
        this.verdict(rec, s)
        done++
      }
      await new Promise<void>((resolve) => setImmediate(resolve))
    }
  }

  /** How many verdicts are held (for tests and diagnostics). */
  get verdictCount(): number {
    return this.verdicts.size
  }

  /** Before the dispatcher writes: any change it was not told about so far means read everything. */
  beforeWrite(): void {
    if (this.knownChanges !== -1 && this.changes() !== this.knownChanges) this.invalidate(null)
  }

  /** After this process commits a change: these prisoners, or (null) everything, must be read again. */
  invalidate(prisonerIds: readonly number[] | null): void {
    // The write being announced is accounted for; any other change since is not.
    if (this.knownChanges !== -1) this.knownChanges = this.changes()
    if (prisonerIds === null) {
      this.records = null
      this.verdicts.clear()
      return
    }
    for (const id of prisonerIds) this.stale.add(id)
  }
}

const caches = new WeakMap<Store, CaseCache>()

export function casesOf(store: Store): CaseCache {
  let c = caches.get(store)
  if (!c) {
    c = new CaseCache(store.sqlite)
    caches.set(store, c)
  }
  return c
}
