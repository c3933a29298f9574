// `npm run bench:group` (issue 19, "Benchmark": "the group view over 10 establishments of 2,000
// prisoners each (20,000) first paint < 1 s"). Ten demo establishments of 2,000 prisoners are
// generated (seeds 2026 to 2035), each exports its readiness document (schema version 2, with its
// resourcing section) from the real services, and the ten files are imported read-only into an
// eleventh establishment's store. Measured, each a median in one process with a ratio to a
// reference measured in the same run:
// - the Group view through the real IPC dispatcher, against a plain read and JSON.parse of the
//   ten stored documents (the least any reader must do): with nothing changed since the last view
//   (the kept answer, electron/services/group/kept.ts) and just after a change (a supervision
//   session recorded before each call, untimed: the view is worked out afresh);
// - the production renderer in Chromium: navigation to the Group view until its eleven rows are
//   painted with their figures, against the same reference, in the same two cases (the change made
//   before each load, untimed).
// Needs the renderer bundle (`node scripts/build.mjs --renderer-only`; `npm run bench` builds it).
// Replaces the "Group view" section of bench/RESULTS.md. Not part of `npm test`.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { generateDemo } from '../db/demo/generate'
import { migrationsFolderFrom } from '../db/paths'
import { repoRoot } from '../db/testing'
import { startServices, type OmuServices } from '../electron/services'
import { casesOf } from '../electron/services/caseload/cache'
import { folderHost } from '../electron/services/host'
import { attachApp, closeBrowser, launchBrowser, ORIGIN } from '../test/e2e/browser'
import { TEST_ACCOUNT } from '../test/testKeys'
import { measure, median, table, type Row } from './lib'

const ROOT = repoRoot()
const ESTABLISHMENTS = Number(process.argv.find((a) => a.startsWith('--establishments='))?.slice(17) ?? 10)
const PRISONERS = Number(process.argv.find((a) => a.startsWith('--prisoners='))?.slice(12) ?? 2000)
const RUNS = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 15)
/** Cold loads measured in the browser; each in a fresh context, as a cold launch (the first is not counted). */
const LOADS = 7
const NOW = new Date('2026-11-23T10:00:00Z')
const TODAY = '2026-11-23'
const SENDER = { url: `${ORIGIN}/index.html`, isMainFrame: true }
const PASSWORD = 'benchmark password 1'

async function call(s: OmuServices, channel: string, input: unknown = {}): Promise<unknown> {
  const r = await s.dispatcher.invoke(channel, input, SENDER)
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`)
  return r.data
}

async function establishment(name: string, code: string): Promise<{ dir: string; services: OmuServices }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `omu-bench-group-${code}-`))
  const services = await startServices({
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
  await call(services, 'omu:auth.createFirstUser', { username: 'bench.homs', displayName: 'Bench Homs', password: PASSWORD })
  await call(services, 'omu:establishment.setup', { name, code, category: 'training' })
  await call(services, 'omu:establishment.update', { currentStage: 3, targetStage: 2, password: PASSWORD })
  return { dir, services }
}

/** One generated establishment's readiness export (JSON schema version 2), as its Governor would save it. */
async function exportOf(i: number): Promise<string> {
  // Establishment codes are three letters (GAP, GBP, ...).
  const code = `G${String.fromCharCode(65 + (i % 26))}P`
  const { dir, services } = await establishment(`HMP Group ${i + 1}`, code)
  try {
    const store = services.runtime.localStore!
    await store.write((c) => generateDemo(c, { prisoners: PRISONERS, seed: 2026 + i, today: TODAY, now: NOW.toISOString(), sessionGapScale: 0.5 }))
    casesOf(store).invalidate(null)
    const version = (await call(services, 'omu:rrmp.start')) as { id: number }
    const r = (await call(services, 'omu:readiness.export', { versionId: version.id, format: 'json' })) as { saved: boolean; path?: string }
    if (!r.saved || !r.path) throw new Error('the export was not saved')
    return fs.readFileSync(r.path, 'utf8')
  } finally {
    await services.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

// Reports when the Group view's table has all its rows painted, through the console (Node waits
// for the event without running anything in the page).
const probe = (rows: number) => `
  new MutationObserver((_m, obs) => {
    if (document.querySelectorAll('table[aria-label^="Establishments side by side"] tbody tr').length >= ${rows}) {
      obs.disconnect()
      requestAnimationFrame(() => requestAnimationFrame(() => console.debug('omu-bench:group ' + performance.now())))
    }
  }).observe(document, { childList: true, subtree: true })
`

/** `change` (untimed) runs before each load: the main process then works the view out afresh. */
async function firstPaints(services: OmuServices, rows: number, change?: () => Promise<void>): Promise<number[]> {
  const browser = await launchBrowser()
  const times: number[] = []
  try {
    for (let i = 0; i < LOADS; i++) {
      if (change) await change()
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/London' })
      await attachApp(context, (channel, input, sender) => services.dispatcher.invoke(channel, input, sender))
      await context.addInitScript({ content: probe(rows) })
      const page = await context.newPage()
      const reported = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('omu-bench:group '), timeout: 30_000 })
      await page.goto(`${ORIGIN}/index.html#/group`)
      const ms = await reported.then(
        (m) => Number(m.text().split(' ')[1]),
        async (err: unknown) => {
          fs.mkdirSync(path.join(ROOT, 'bench', 'out'), { recursive: true })
          await page.screenshot({ path: path.join(ROOT, 'bench', 'out', 'group-failure.png') })
          throw err
        },
      )
      // The first load also compiles the services' code paths and fills the case cache: not counted.
      if (i > 0) times.push(ms)
      await context.close()
    }
  } finally {
    await closeBrowser()
  }
  return times
}

async function run(): Promise<void> {
  // The CPU may be shared (other processes' tests): the load is reported with the figures.
  const load = os.loadavg()[0] ?? 0
  console.log(`generating ${ESTABLISHMENTS} establishments of ${PRISONERS.toLocaleString('en-GB')} prisoners and exporting their readiness documents...`)
  const files: string[] = []
  for (let i = 0; i < ESTABLISHMENTS; i++) files.push(await exportOf(i))

  const { dir, services } = await establishment('HMP Viewer', 'VWR')
  try {
    const store = services.runtime.localStore!
    await store.write((c) => generateDemo(c, { prisoners: PRISONERS, seed: 2025, today: TODAY, now: NOW.toISOString(), sessionGapScale: 0.5 }))
    casesOf(store).invalidate(null)
    await call(services, 'omu:rrmp.start')
    for (const [i, text] of files.entries()) await call(services, 'omu:readiness.importComparison', { fileName: `group-${i + 1}.json`, text })
    const rows = ESTABLISHMENTS + 1
    const size = (ESTABLISHMENTS + 1) * PRISONERS

    // Reference: the stored documents read and parsed, nothing else.
    const sqlite = store.sqlite
    const read = sqlite.prepare('select json from comparison_import').pluck()
    const floorMs = await measure(() => (read.all() as string[]).map((j) => JSON.parse(j) as unknown), RUNS)
    // A change between views: a session recorded on one case after another (the case cache reads
    // that case again; the Group view's kept answer no longer applies).
    const prisoners = sqlite.prepare("select id from prisoner where status = 'in_custody' order by id").pluck().all() as number[]
    let recorded = 0
    const change = async (): Promise<void> => {
      const prisonerId = prisoners[recorded++ % prisoners.length]
      await call(services, 'omu:sessions.record', { prisonerId, date: TODAY, inPerson: true, mode: 'wing_interview_room', durationMinutes: 30 })
    }
    const viaIpc = await measure(() => call(services, 'omu:group.view'), RUNS)
    const afterChange: number[] = []
    for (let i = 0; i < RUNS + 2; i++) {
      await change()
      const t = performance.now()
      await call(services, 'omu:group.view')
      if (i >= 2) afterChange.push(performance.now() - t)
    }
    const viaIpcAfterChange = median(afterChange)
    const floor = `read and JSON.parse of the ${ESTABLISHMENTS} stored documents`
    const paints = await firstPaints(services, rows)
    const paintMs = median(paints)
    const paintsAfterChange = await firstPaints(services, rows, change)
    const paintAfterChangeMs = median(paintsAfterChange)
    const what = `${rows} establishments: this one live, ${ESTABLISHMENTS} imported`
    const results: Row[] = [
      { size, what: `Group view via IPC, nothing changed since the last view (${what})`, ms: viaIpc, floorMs, floor },
      { size, what: `Group view via IPC just after a change (a session recorded): worked out afresh (${what})`, ms: viaIpcAfterChange, floorMs, floor },
      { size, what: `renderer: navigation to the Group view, ${rows} rows painted, nothing changed since the last view (median of ${paints.length} cold loads)`, ms: paintMs, floorMs, floor, target: '< 1 s', pass: paintMs < 1000 },
      { size, what: `renderer: navigation to the Group view, ${rows} rows painted, just after a change (median of ${paintsAfterChange.length} cold loads)`, ms: paintAfterChangeMs, floorMs, floor, target: '< 1 s', pass: paintAfterChangeMs < 1000 },
    ]
    report(results, load)
  } finally {
    await services.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

function report(rows: Row[], load: number): void {
  const section = [
    '## Group view',
    '',
    `- \`npm run bench:group\` (issue 19): ${ESTABLISHMENTS} demo establishments of ${PRISONERS.toLocaleString('en-GB')} prisoners (seeds 2026 on), each exported as a readiness document (schema version 2) and imported read-only beside a live one; medians of ${RUNS} runs, ratios to the reference measured in the same run. A cold load is a fresh browser context (nothing cached in the page) on the running services, the first not counted; the Group view is asked for as soon as the user is known to be signed in (renderer/src/data/firstReads.ts). Load average (1 min) at the start: ${load.toFixed(2)} on ${os.cpus().length} CPUs.`,
    '',
    table(rows),
    '',
  ].join('\n')
  console.log(`\n${section}`)
  const file = path.join(ROOT, 'bench', 'RESULTS.md')
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : ''
  // Replace this section only, keeping any section after it.
  const [before, after = ''] = current.split('\n## Group view\n')
  const rest = after.includes('\n## ') ? after.slice(after.indexOf('\n## ')) : ''
  fs.writeFileSync(file, `${(before ?? '').trimEnd()}\n\n${section}${rest}`)
}

run().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
