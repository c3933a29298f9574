import { auditLog } from '../db/schema'
import { openTestStore } from '../db/testing'
import { writeAudit } from '../electron/services/audit'
import { checkAuditChain } from '../electron/services/trust/store'
import { measure } from './lib'

// Issue 15: what the audit trail's hash chain costs an audited write on this computer's file.
// One write transaction with one audit row, chained (the app's writeAudit: the last link and the
// next id read, three SHA-256s) against the same row inserted without its link, on a trail that
// already holds TRAIL rows. Run once by hand: `npx tsx bench/auditChain.ts` (not part of npm run bench).

const TRAIL = 20_000
const RUNS = 400

async function main(): Promise<void> {
  const opened = await openTestStore()
  const store = opened.store
  try {
    const actor = { id: 1, username: 'bench.homs', role: 'homs' as const }
    const rec = { entity: 'prisoner', entityId: 1, before: { firstName: 'Alex', lastName: 'Testwell', dateOfBirth: '1990-04-01' }, after: { firstName: 'Alex', lastName: 'Testwell', dateOfBirth: '1990-04-02' } }
    await store.write(async (c) => {
      for (let i = 0; i < TRAIL; i++) await writeAudit(c, actor, 'omu:prisoners.update', new Date(), rec)
    })
    const chained = await measure(() => store.write((c) => writeAudit(c, actor, 'omu:prisoners.update', new Date(), rec)), RUNS, 20)
    const t = performance.now()
    const result = await store.read((c) => checkAuditChain(c))
    console.log(`check of ${result.checkedRows.toLocaleString('en-GB')} chained rows: ${(performance.now() - t).toFixed(0)} ms (intact: ${String(result.ok)})`)
    const plain = await measure(
      () =>
        store.write((c) =>
          c.db
            .insert(auditLog)
            .values({ at: new Date().toISOString(), userId: 1, username: 'bench.homs', role: 'homs', channel: 'omu:prisoners.update', entity: 'prisoner', entityId: '1', before: JSON.stringify(rec.before), after: JSON.stringify(rec.after) })
            .run(),
        ),
      RUNS,
      20,
    )
    console.log(`audited write with ${TRAIL.toLocaleString('en-GB')} rows in the trail (median of ${RUNS}): chained ${chained.toFixed(3)} ms, without the chain ${plain.toFixed(3)} ms, +${(chained - plain).toFixed(3)} ms (${((chained / plain - 1) * 100).toFixed(0)}%)`)
  } finally {
    await opened.cleanup()
  }
}

void main()
