import type { Store, StoreConn } from '../../../db/store/types'
import { loadCases, type CaseRecord, type Relevance } from './load'
import { verdictFor, type EvalSettings, type Verdict } from './verdict'

/**
 * The establishment's cases held in memory between requests (issue 8: whole-establishment views
 * must stay instant at 2,000 cases). Reading every session row on each request costs far more
 * than evaluating them, so the rows are read once and kept:
 * - this process's own writes invalidate exactly the prisoners they touched (the dispatcher passes
 *   the audit records of each committed mutation), or everything when a write is not about one
 *   prisoner (staff names, imports);
 * - other connections' commits come from the store (Store.onForeignChange): on SQLite, another
 *   process writing the same file shows in `PRAGMA data_version`, and a write on this connection
 *   that did not come through the dispatcher in total_changes(), both checked before each read and
 *   answered by reading everything; on the shared PostgreSQL database, triggers NOTIFY the
 *   prisoner each commit touched (issue 13), so another machine's session reaches this cache in
 *   well under the 2 seconds the issue allows, and only that case is read again.
 * Verdicts are kept per prisoner for the same day, policy, stage and holidays.
 *
 * Only what a case's evaluation on the day needs is read (load.ts, relevant.ts): the in-person
 * sessions in each counting window, counted, and the unusual records. The windows depend on the
 * day, the policy and the extra holidays, so a change of any of them (midnight, a policy switch in
 * Settings) reads everything again. A prisoner read again after a write gets the full history.
 */
/** Beyond this many prisoners to read again, the whole establishment is read instead. */
const RE_READ_AT_MOST = 500

export class CaseCache {
  private records: Map<number, CaseRecord> | null = null
  /** The day, policy and holidays the records' sessions were chosen for. */
  private relevanceKey = ''
  private readonly stale = new Set<number>()
  /** Each prisoner's last verdict, with the record it was worked out from: valid only for that record. */
  private readonly verdicts = new Map<number, { key: string; record: CaseRecord; verdict: Verdict }>()
  /**
   * The whole-establishment read in progress, shared by every request that needs it, and what was
   * invalidated while it ran: those prisoners are read again after it, or (all) it is not kept.
   */
  private loading: { key: string; done: Promise<Map<number, CaseRecord>>; ids: Set<number>; all: boolean } | null = null
  /** The re-read of written prisoners in progress: every request waits for it, none returns their old facts. */
  private refreshing: Promise<void> | null = null

  constructor(store: Store) {
    store.onForeignChange((ids) => this.invalidate(ids))
  }

  /** Every case in custody, current as of the last commit by anyone, with the sessions that matter under `s`. */
  async all(conn: StoreConn, s: Relevance): Promise<CaseRecord[]> {
    await conn.store.checkForeignChanges()
    const key = `${s.today}|${s.policy}|${s.extraHolidays.join(',')}`
    for (;;) {
      if (!this.records || key !== this.relevanceKey) {
        let loading = this.loading
        if (!loading || loading.key !== key) {
          const started = { key, done: loadCases(conn, { pomId: null }, s).then((rows) => new Map(rows.map((r) => [r.prisoner.id, r]))), ids: new Set<number>(), all: false }
          this.loading = loading = started
        }
        const records = await loading.done
        if (this.loading === loading) this.loading = null
        // Something not about one prisoner changed while it was read (another machine's staff
        // change, a policy switch): use it for this answer only, and read again next time.
        if (loading.all) return [...records.values()]
        if (this.records !== records) {
          this.records = records
          this.relevanceKey = key
          this.stale.clear()
          for (const id of loading.ids) this.stale.add(id)
        }
      }
      // Another request is reading written prisoners again: its answer is this one's too.
      if (this.refreshing) {
        await this.refreshing
        continue
      }
      if (this.stale.size === 0) return [...this.records.values()]
      const ids = [...this.stale]
      this.stale.clear()
      if (ids.length > RE_READ_AT_MOST) {
        // So many changed (a busy shared database while this desk was idle) that one whole read is cheaper.
        this.records = null
        continue
      }
      const records = this.records
      // One read for every prisoner written since (on a shared database, 30 desks' sessions
      // between two of this desk's requests), with each one's full history.
      this.refreshing = loadCases(conn, { prisonerIds: ids })
        .then((rows) => {
          const fresh = new Map(rows.map((r) => [r.prisoner.id, r]))
          for (const id of ids) {
            const rec = fresh.get(id)
            // Released or transferred-out prisoners leave the in-custody set.
            if (rec && rec.prisoner.status === 'in_custody') records.set(id, rec)
            else records.delete(id)
          }
        })
        .catch((err: unknown) => {
          // Not read: they are still to be read again.
          for (const id of ids) this.stale.add(id)
          throw err
        })
        .finally(() => {
          this.refreshing = null
        })
    }
  }

  /**
   * A POM's current cases: those allocated to them and those they co-work (issue 17;
   * ../shared/specs/mpc-rules.md A: "the user's primary and co-working cases (POM)", as the caseload).
   */
  async forPom(conn: StoreConn, pomId: number, s: Relevance): Promise<CaseRecord[]> {
    return (await this.all(conn, s)).filter((r) => r.current?.staffId === pomId || r.coWorker?.staffId === pomId)
  }

  verdict(rec: CaseRecord, s: EvalSettings): Verdict {
    const key = `${s.today}|${s.policy}|${s.stage}|${s.extraHolidays.join(',')}|${s.missedAfterDays ?? ''}`
    const hit = this.verdicts.get(rec.prisoner.id)
    // A record read again (after a write) is a new object: its old verdict no longer applies.
    if (hit && hit.key === key && hit.record === rec) return hit.verdict
    const verdict = verdictFor(rec, s)
    this.verdicts.set(rec.prisoner.id, { key, record: rec, verdict })
    return verdict
  }

  /**
   * Works out every case's verdict before the first screen asks (issue 8: at 20,000 cases the
   * first due/overdue list would otherwise pay for them), `slice` cases at a time with the event
   * loop free in between, so requests are not kept waiting. Each slice takes the records as they
   * are then: a write in between is read first, and no verdict is kept from superseded facts.
   * Resolves to the number of verdicts worked out.
   */
  async warm(store: Store, s: EvalSettings, slice = 2000): Promise<number> {
    let done = 0
    for (let i = 0; ; i += slice) {
      const records = await store.read((conn) => this.all(conn, s))
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

  /** After a change is committed: these prisoners, or (null) everything, must be read again. */
  invalidate(prisonerIds: readonly number[] | null): void {
    const loading = this.loading
    if (prisonerIds === null) {
      if (loading) loading.all = true
      this.records = null
      this.stale.clear()
      this.verdicts.clear()
      return
    }
    for (const id of prisonerIds) {
      this.stale.add(id)
      loading?.ids.add(id)
    }
  }
}

const caches = new WeakMap<Store, CaseCache>()

function cacheOf(store: Store): CaseCache {
  let c = caches.get(store)
  if (!c) {
    c = new CaseCache(store)
    caches.set(store, c)
  }
  return c
}

/** The store's case cache, reading through `conn` (the request's own connection). */
export function casesOf(conn: StoreConn): {
  all(s: Relevance): Promise<CaseRecord[]>
  forPom(pomId: number, s: Relevance): Promise<CaseRecord[]>
  verdict(rec: CaseRecord, s: EvalSettings): Verdict
  invalidate(prisonerIds: readonly number[] | null): void
  readonly cache: CaseCache
} {
  const cache = cacheOf(conn.store)
  return {
    all: (s) => cache.all(conn, s),
    forPom: (pomId, s) => cache.forPom(conn, pomId, s),
    verdict: (rec, s) => cache.verdict(rec, s),
    invalidate: (ids) => cache.invalidate(ids),
    cache,
  }
}
