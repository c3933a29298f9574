// `npm run security` (issue 7: "run @doyensec/electronegativity ... and keep it at zero findings, or
// document each remaining one with its reason"). Scans the main-process sources (electron/) and the
// built app (dist/, built first by the npm script) and fails on any finding that is not accepted,
// with its reason, in the table of docs/SECURITY.md. A finding that is no longer reported is
// pointed out so the table stays true.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const scanner = path.join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js')
// The scanner cannot read Electron's version from a bundled app; without it, it assumes 0.1.0 and its old defaults.
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version
const TARGETS = ['electron', 'dist']

/** Rows of the accepted-findings table: | target | check | file | reason |. */
function accepted() {
  const doc = fs.readFileSync(path.join(root, 'docs', 'SECURITY.md'), 'utf8')
  const section = doc.split('<!-- electronegativity:accepted -->')[1]?.split('<!-- /electronegativity:accepted -->')[0] ?? ''
  const rows = new Map()
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim().replace(/^`|`$/g, ''))
    if (cells.length < 6 || !TARGETS.includes(cells[1])) continue
    rows.set(`${cells[1]} ${cells[2]} ${cells[3]}`, cells[4])
  }
  return rows
}

/** A minimal CSV reader for the scanner's output (quoted fields, doubled quotes). */
function parseCsv(text) {
  const rows = []
  let row = []
  let field = ''
  let quoted = false
  const endField = () => {
    row.push(field.trim())
    field = ''
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') endField()
    else if (ch === '\n') {
      endField()
      rows.push(row)
      row = []
    } else if (ch !== '\r') field += ch
  }
  if (field || row.length) {
    endField()
    rows.push(row)
  }
  return rows
}

function scan(target) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'omu-security-')), `${target}.csv`)
  const run = spawnSync(process.execPath, [scanner, '-i', path.join(root, target), '-r', '-v', 'false', '-e', electronVersion, '-o', out], { encoding: 'utf8', cwd: root })
  if (run.status !== 0 || !fs.existsSync(out)) {
    console.error(run.stdout, run.stderr)
    throw new Error(`Electronegativity could not scan ${target}/ (exit ${run.status}).`)
  }
  const [, ...rows] = parseCsv(fs.readFileSync(out, 'utf8'))
  fs.rmSync(path.dirname(out), { recursive: true, force: true })
  return rows.filter((r) => r.length >= 5).map(([check, severity, confidence, file, location]) => ({ target, check, severity, confidence, file, location }))
}

if (!fs.existsSync(path.join(root, 'dist', 'main', 'main.cjs'))) {
  console.error('Build the app first: node scripts/build.mjs')
  process.exit(2)
}
const allowed = accepted()
const seen = new Set()
const unexplained = []
for (const target of TARGETS) {
  for (const f of scan(target)) {
    const key = `${f.target} ${f.check} ${f.file}`
    seen.add(key)
    const reason = allowed.get(key)
    console.log(`${reason ? 'accepted ' : 'NEW      '} ${f.target}/ ${f.check} (${f.severity}, ${f.confidence}) ${f.file} ${f.location}`)
    if (!reason) unexplained.push(f)
  }
}
const stale = [...allowed.keys()].filter((k) => !seen.has(k))
for (const k of stale) console.log(`no longer reported: ${k} (remove its row from docs/SECURITY.md)`)
if (unexplained.length > 0) {
  console.error(`\n${unexplained.length} Electronegativity finding(s) are not explained in docs/SECURITY.md. Fix them, or add a row with the reason.`)
  process.exit(1)
}
console.log(`\nElectronegativity ${electronVersion ? `(Electron ${electronVersion})` : ''}: every finding is fixed or explained in docs/SECURITY.md.`)
