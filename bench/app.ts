// `npm run bench` (issue 8): the app at 2,000 and 20,000 prisoners, each figure a median of repeated
// runs in one process with a ratio to a reference measured in the same run. Prints a table, writes
// bench/out/results.json and bench/RESULTS.md. Not part of `npm test`.
import { execSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { generateDemo } from '../db/demo/generate'
import { openStore } from '../db/bootstrap'
import { migrationsFolderFrom } from '../db/paths'
import { repoRoot } from '../db/testing'
import { startServices, type OmuServices } from '../electron/services'
import { folderHost } from '../electron/services/host'
import { casesOf } from '../electron/services/caseload/cache'
import { evalSettings } from '../electron/services/caseload/context'
import { loadCases } from '../electron/services/caseload/load'
import { caseWindows, UNUSUAL_SESSIONS, WINDOW_COUNTS } from '../electron/services/caseload/relevant'
import { evaluateRecord } from '../electron/services/caseload/verdict'
import { OMU_EDM } from '../shared/engine'
import type { RrmpPlanEntry } from '../shared/engine'
import { measure, table, type Row } from './lib'
import { measureRenderer, type RendererFigures } from './renderer'
import { ORIGIN } from '../test/e2e/browser'
import { TEST_ACCOUNT } from '../test/testKeys'

const ROOT = repoRoot()
const SIZES = (process.argv.find((a) => a.startsWith('--sizes='))?.slice(8) ?? '2000,20000').split(',').map(Number)
const RUNS = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 15)
// The handover policy the establishment runs (issue 20): the current one, omic2023, unless asked.
const POLICY = process.argv.find((a) => a.startsWith('--policy='))?.slice(9) === 'omic2021' ? ('omic2021' as const) : ('omic2023' as const)
const NOW = new Date('2026-11-23T10:00:00Z')
const TODAY = '2026-11-23'
// The renderer benchmark's page is served at the e2e origin; the services trust that origin here.
const SENDER = { url: `${ORIGIN}/index.html`, isMainFrame: true }
const PASSWORD = 'benchmark password 1'

async function call(s: OmuServices, channel: string, input: unknown = {}): Promise<unknown> {
  const r = await s.dispatcher.invoke(channel, input, SENDER)
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`)
  return r.data
}

async function start(dir: string): Promise<OmuServices> {
  return startServices({
    dbPath: path.join(dir, 'omu.db'),
    backupDir: path.join(dir, 'backups'),
    migrationsFolder: migrationsFolderFrom(ROOT),
    clock: () => NOW,
    appVersion: 'bench',
    host: folderHost(path.join(dir, 'exports')),
    keys: TEST_ACCOUNT,
    trustedOrigin: ORIGIN,
    log: (e) => console.error(e),
  })
}

/** A demo establishment of `size` prisoners with five years of sessions, about 75 a prisoner. */
async function build(size: number): Promise<{ dir: string; services: OmuServices; sessions: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `omu-bench-${size}-`))
  const services = await start(dir)
  await call(services, 'omu:auth.createFirstUser', { username: 'bench.homs', displayName: 'Bench Homs', password: PASSWORD })
  await call(services, 'omu:establishment.setup', { name: 'HMP Benchmark', code: 'BEN', category: 'training' })
  await call(services, 'omu:establishment.update', { currentStage: 3, targetStage: 2, policy: POLICY, password: PASSWORD })
  const store = services.runtime.localStore!
  const sqlite = store.sqlite
  const counts = await store.write((c) => generateDemo(c, { prisoners: size, seed: 2026, today: TODAY, now: NOW.toISOString(), sessionGapScale: 0.5 }))
  casesOf(store).invalidate(null)
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
  sqlite.exec('ANALYZE')
  return { dir, services, sessions: counts.sessions }
}

/** Fills every baseline of a new plan as a HOMS would: ready, owned, evidenced, with action items. */
async function fullPlan(s: OmuServices): Promise<number> {
  const version = (await call(s, 'omu:rrmp.start')) as { id: number }
  const view = (await call(s, 'omu:rrmp.plan', { versionId: version.id })) as { entries: { baselineId: string; rev: number; entry: RrmpPlanEntry }[] }
  for (const row of view.entries) {
    const b = OMU_EDM.baselines.find((x) => x.id === row.baselineId)
    const delivery: RrmpPlanEntry['delivery'] =
      b?.autonomy === 'partial' && b.deliveryOptions[0] ? { kind: 'option', optionId: b.deliveryOptions[0].id } : b?.autonomy === 'total' ? { kind: 'local_design', design: 'Local design agreed with the Governor.', faceToFace: true } : { kind: 'as_stipulated' }
    const entry: RrmpPlanEntry = {
      ...row.entry,
      status: 'ready',
      delivery,
      owner: 'Kai Homs-Demo',
      targetDate: '2026-12-31',
      resourcingNote: 'Within current resources.',
      evidence: { riskAssessmentDone: true, safeSystemOfWorkDone: true, unionsConsulted: true },
      comments: 'Ready for the next stage.',
      actionItems: [
        { id: 'a1', action: 'Brief the OMU team', owner: 'Kai Homs-Demo', targetDate: '2026-12-01', status: 'completed', progressUpdates: [{ date: '2026-11-20', note: 'Briefed at team meeting.' }] },
        { id: 'a2', action: 'Review after four weeks', owner: 'Nat Homd-Demo', targetDate: '2027-01-15', status: 'not_started', progressUpdates: [] },
      ],
    }
    await call(s, 'omu:rrmp.updateEntry', { versionId: version.id, rev: row.rev, entry })
  }
  return version.id
}

async function run(): Promise<void> {
  const rows: Row[] = []
  const extra: Record<string, unknown> = {}
  let renderer: RendererFigures | null = null
  for (const size of SIZES) {
    console.log(`building ${size.toLocaleString('en-GB')} prisoners...`)
    const { dir, services, sessions } = await build(size)
    const store = services.runtime.localStore!
    const sqlite = store.sqlite
    const small = size <= 2000
    const runs = small ? RUNS : Math.max(5, Math.round(RUNS / 3))

    // 1. Whole-establishment evaluation: reading the rows and evaluating every case, against a
    //    plain read of the same rows (the floor): the in-custody prisoners, their allocations, the
    //    in-person sessions in each counting window counted from the index and the unusual records
    //    read (relevant.ts, both as JSON), with the windows worked out beforehand.
    const settings = { today: TODAY, policy: POLICY, stage: 3 as const, extraHolidays: [] }
    const records = await loadCases(store, { pomId: null }, settings)
    const windows = caseWindows(records, settings).param
    const scanP = sqlite.prepare("select * from prisoner where status = 'in_custody'").raw(true)
    const scanA = sqlite.prepare('select prisoner_id, staff_id, start_date, end_date from allocation').raw(true)
    const scanU = sqlite.prepare(UNUSUAL_SESSIONS.sqlite).pluck()
    const scanW = sqlite.prepare(WINDOW_COUNTS.sqlite).pluck()
    const floor = await measure(() => [scanP.all(), scanA.all(), JSON.parse(scanU.get() as string), JSON.parse(scanW.get(windows) as string)], runs)
    const sessionsRead = records.reduce((n, r) => n + r.sessions.length, 0)
    const sessionsCounted = records.reduce((n, r) => n + Object.values(r.windowCounts ?? {}).reduce((a, b) => a + b, 0), 0)
    const scanAll = sqlite.prepare('select prisoner_id, date, in_person, recorded_on from supervision_session').raw(true)
    const floorAll = await measure(() => [scanP.all(), scanA.all(), scanAll.all()], runs)
    const cold = await measure(async () => {
      for (const rec of await loadCases(store, { pomId: null }, settings)) evaluateRecord(rec, settings)
    }, runs)
    const engine = await measure(() => {
      for (const rec of records) evaluateRecord(rec, settings)
    }, runs)
    extra[`relevance_${size}`] = { sessionsRead, sessionsCounted, sessionsTotal: sessions }
    rows.push({ size, what: `evaluate every case, from SQLite (of ${sessions.toLocaleString('en-GB')} sessions: ${sessionsRead.toLocaleString('en-GB')} unusual records read, ${sessionsCounted.toLocaleString('en-GB')} in counting windows counted)`, ms: cold, floorMs: floor, floor: 'plain read of the same rows', target: small ? '< 50 ms, ≤ 3x' : '< 500 ms', pass: small ? cold < 50 && cold <= 3 * floor : cold < 500 })
    rows.push({ size, what: 'evaluate every case, rows in memory (engine only)', ms: engine, floorMs: floor, floor: 'plain read of the same rows' })
    rows.push({ size, what: 'for comparison: plain scan of every session row (the full history)', ms: floorAll })

    // 2. The caseload a POM opens and the establishment due/overdue view, through the real IPC
    //    dispatcher (validation, permission, handler, response check), against the bare SQL.
    const pom = sqlite.prepare("select staff_id as id, count(*) as n from allocation where end_date is null group by staff_id order by n desc limit 1").get() as { id: number; n: number }
    const bareCaseload = sqlite.prepare(
      `select p.*, s.date, s.in_person, s.recorded_on from prisoner p join allocation a on a.prisoner_id = p.id and a.end_date is null and a.staff_id = ?
       left join supervision_session s on s.prisoner_id = p.id where p.status = 'in_custody'`,
    ).raw(true)
    const bareCaseloadMs = await measure(() => bareCaseload.all(pom.id), runs)
    const caseloadMs = await measure(() => call(services, 'omu:caseload.list', { pomId: pom.id }), runs)
    const dueMs = await measure(() => call(services, 'omu:due.overview'), runs)
    const dueCold = await measure(async () => {
      casesOf(store).invalidate(null)
      await call(services, 'omu:due.overview')
    }, Math.max(3, Math.round(runs / 3)), 1)
    rows.push({ size, what: `POM caseload via IPC (${pom.n} cases)`, ms: caseloadMs, floorMs: bareCaseloadMs, floor: 'bare SQL of those cases and sessions', target: small ? '< 20 ms, ≤ 3x' : '< 100 ms, ≤ 3x', pass: caseloadMs < (small ? 20 : 100) && caseloadMs <= 3 * bareCaseloadMs })
    rows.push({ size, what: 'due and overdue via IPC', ms: dueMs, floorMs: floor, floor: 'plain read of the same rows', target: small ? '< 20 ms, ≤ 3x' : '< 100 ms, ≤ 3x', pass: dueMs < (small ? 20 : 100) && dueMs <= 3 * floor })
    rows.push({ size, what: 'due and overdue via IPC, first read after start (cache empty)', ms: dueCold, floorMs: floor, floor: 'plain read of the same rows' })
    // What the services do in the background at start (electron/services/index.ts), so that the
    // first screen finds the cache full: every case read, then its verdict, a slice at a time.
    const warmUp = await measure(
      async () => {
        casesOf(store).invalidate(null)
        await casesOf(store).cache.warm(store, await evalSettings(store.db, TODAY))
      },
      Math.max(3, Math.round(runs / 3)),
      1,
    )
    rows.push({ size, what: 'start-up warm-up in the background: every case read and its verdict worked out', ms: warmUp, floorMs: floor, floor: 'plain read of the same rows' })

    // 3. Readiness assessment export (PDF + XLSX + JSON) of a full plan with the caseload summary.
    const versionId = await fullPlan(services)
    for (const format of ['pdf', 'xlsx', 'json'] as const) {
      const ms = await measure(() => call(services, 'omu:readiness.export', { versionId, format }), small ? 5 : 3, 1)
      rows.push({ size, what: `readiness export ${format.toUpperCase()}`, ms, target: '< 2 s', pass: ms < 2000 })
    }

    // 4. The renderer against the 2,000-prisoner store.
    if (size === 2000) renderer = await measureRenderer(services)

    // 5. Cold open of the store with migrations already applied; file size.
    const access = services.runtime.access
    services.close()
    const file = path.join(dir, 'omu.db')
    const openMs = await measure(async () => {
      const o = await openStore(file, { migrationsFolder: migrationsFolderFrom(ROOT), backupDir: path.join(dir, 'backups'), access })
      o.store.closeNow()
    }, 7, 1)
    const bytes = fs.statSync(file).size
    rows.push({ size, what: 'cold open of the store (migrations applied)', ms: openMs })
    extra[`size_${size}`] = { sessions, fileBytes: bytes, fileMb: +(bytes / 1024 / 1024).toFixed(1) }
    fs.rmSync(dir, { recursive: true, force: true })
  }
  if (renderer) {
    rows.push({ size: 2000, what: `renderer: navigation to first caseload row painted (median of ${renderer.firstRowRuns} cold loads)`, ms: renderer.firstRowMs, target: '< 1 s', pass: renderer.firstRowMs < 1000 })
    rows.push({ size: 2000, what: 'renderer: filter (Overdue) to next paint', ms: renderer.filterMs, target: '< 50 ms', pass: renderer.filterMs < 50 })
    rows.push({ size: 2000, what: 'renderer: sort (name) to next paint', ms: renderer.sortMs, target: '< 50 ms', pass: renderer.sortMs < 50 })
    rows.push({ size: 2000, what: `renderer: worst frame scrolling the whole list (${renderer.scrollFrames} frames, ${renderer.scrollFramesOver16} over 16 ms)`, ms: renderer.scrollWorstFrameMs, target: 'no frame > 50 ms', pass: renderer.scrollWorstFrameMs <= 50 })
    rows.push({ size: 2000, what: 'renderer: JS heap after load', ms: renderer.heapMb, unit: 'MB', target: '< 150 MB', pass: renderer.heapMb < 150 })
  }
  report(rows, { ...extra, renderer })
}

function report(rows: Row[], extra: Record<string, unknown>): void {
  const commit = (() => {
    try {
      return execSync('git rev-parse --short HEAD', { cwd: ROOT }).toString().trim()
    } catch {
      return 'unknown'
    }
  })()
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`
  const md = [
    '# Benchmark results (`npm run bench`)',
    '',
    `- Date: ${new Date().toISOString().slice(0, 10)}; commit ${commit}`,
    `- Machine: ${machine}`,
    `- Handover policy: ${POLICY} (\`--policy=omic2021\` for the other).`,
    `- Each figure is the median of repeated runs in one process (${RUNS} at 2,000 prisoners, fewer at 20,000); ratios are to the reference measured in the same run.`,
    `- Data: the demo establishment generator (seed 2026) with about 75 sessions a prisoner: ${Object.entries(extra)
      .filter(([k]) => k.startsWith('size_'))
      .map(([k, v]) => `${k.slice(5)} prisoners: ${(v as { sessions: number }).sessions.toLocaleString('en-GB')} sessions, ${(v as { fileMb: number }).fileMb} MB file`)
      .join('; ')}.`,
    '',
    table(rows),
    '',
  ].join('\n')
  console.log(`\n${md}`)
  fs.mkdirSync(path.join(ROOT, 'bench', 'out'), { recursive: true })
  fs.writeFileSync(path.join(ROOT, 'bench', 'out', 'results.json'), JSON.stringify({ commit, machine, rows, extra }, null, 2))
  fs.writeFileSync(path.join(ROOT, 'bench', 'RESULTS.md'), md)
}

run().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
