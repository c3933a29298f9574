// `npm start` (development only): make sure the database driver (better-sqlite3) is built for the
// installed Electron's ABI, kept apart from the Node build the tests use, then launch Electron with
// OMU_SQLITE_BINDING naming it (electron/native.ts reads it). Packaged builds never run this:
// electron-builder rebuilds native modules when it packages (npmRebuild in electron-builder.yml).
// The decisions are in electronDriver.ts, the failure paragraphs in electronDriverMessages.ts.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import {
  classifyBuildFailure, decideDriver, driverBuildEnvironment, embeddedAbi, formatDriverRecord, parseDriverRecord,
  type DriverOnDisk, type DriverRecord,
} from './electronDriver'
import * as say from './electronDriverMessages'

const scripts = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(scripts, '..')
const require = createRequire(import.meta.url)
const nativeDir = path.join(root, '.electron-native')
const logFile = path.join(nativeDir, 'last-start.log')
const logName = path.relative(root, logFile)

function fail(paragraph: string): never {
  console.error(`\n${paragraph}\n`)
  process.exit(1)
}

function log(step: string, output: string): void {
  fs.appendFileSync(logFile, `\n== ${step}\n${output}\n`)
}

function installedElectronVersion(): string {
  try {
    return (require('electron/package.json') as { version: string }).version
  } catch {
    fail(say.electronPackageMissing())
  }
}

// require('electron') downloads a missing Electron itself, and prints the download's stack trace when
// that fails; asking in a child process keeps that in the log and the terminal to one paragraph.
function locateElectron(electronVersion: string): string {
  if (!process.env.ELECTRON_OVERRIDE_DIST_PATH && !fs.existsSync(path.join(path.dirname(require.resolve('electron/package.json')), 'path.txt'))) {
    console.log(`Downloading Electron ${electronVersion} (first start only, about 100 MB)...`)
  }
  const r = spawnSync(process.execPath, ['-e', "process.stdout.write('\\n' + require('electron'))"], { cwd: root, encoding: 'utf8' })
  log('Electron', `${r.stdout ?? ''}${r.stderr ?? ''}`)
  const binary = r.status === 0 ? r.stdout.trim().split('\n').pop() : undefined
  if (!binary || !fs.existsSync(binary)) fail(say.electronMissing(electronVersion, logName))
  return binary
}

function neededDriver(electronVersion: string): DriverRecord {
  const { getAbi } = require('node-abi') as { getAbi(target: string, runtime: string): string }
  try {
    return { electronVersion, abi: getAbi(electronVersion, 'electron'), platform: process.platform, arch: process.arch }
  } catch {
    fail(say.electronAbiUnknown(electronVersion))
  }
}

function readDriver(driverFile: string, recordFile: string): DriverOnDisk {
  const present = fs.existsSync(driverFile)
  return {
    present,
    record: parseDriverRecord(fs.existsSync(recordFile) ? fs.readFileSync(recordFile, 'utf8') : undefined),
    embeddedAbi: present ? embeddedAbi(fs.readFileSync(driverFile)) : undefined,
  }
}

/** Builds into a copy of better-sqlite3, so the tests' Node build in node_modules is never touched. */
function buildDriver(electronVersion: string, fromSource: boolean): { built: string; compiled: boolean } {
  const buildPath = path.join(nativeDir, 'build')
  const source = path.dirname(require.resolve('better-sqlite3/package.json'))
  const copy = path.join(buildPath, 'node_modules', 'better-sqlite3')
  fs.rmSync(buildPath, { recursive: true, force: true })
  fs.cpSync(source, copy, { recursive: true, filter: (file) => !/^(build|bin|prebuilds)([\\/]|$)/.test(path.relative(source, file)) })
  const { version } = require('better-sqlite3/package.json') as { version: string }
  fs.writeFileSync(path.join(buildPath, 'package.json'), JSON.stringify({ name: 'omu-desk-electron-driver', private: true, dependencies: { 'better-sqlite3': version } }))

  log('Database driver build', `for Electron ${electronVersion}${fromSource ? ', from source' : ''}`)
  const logStart = fs.statSync(logFile).size
  const out = fs.openSync(logFile, 'a')
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(scripts, 'electronDriverBuild.ts'), JSON.stringify({ buildPath, electronVersion, fromSource })], {
    cwd: root,
    env: driverBuildEnvironment(process.env),
    stdio: ['ignore', out, out],
  })
  fs.closeSync(out)
  const built = path.join(copy, 'build', 'Release', 'better_sqlite3.node')
  if (r.status !== 0 || !fs.existsSync(built)) {
    const failure = classifyBuildFailure(fs.readFileSync(logFile).subarray(logStart).toString('utf8'))
    if (failure === 'no-toolchain') fail(say.noToolchain(process.platform, logName))
    if (failure === 'headers-unavailable') fail(say.headersUnavailable(electronVersion, logName))
    fail(say.buildFailed(electronVersion, logName))
  }
  // node-gyp leaves its configuration beside a compiled driver; a downloaded one comes alone.
  return { built, compiled: fs.existsSync(path.join(copy, 'build', 'config.gypi')) }
}

/**
 * Opens an in-memory database with the driver inside the installed Electron, run as plain Node
 * (ELECTRON_RUN_AS_NODE: allowed by the development Electron from npm; this script never runs
 * against a packaged app). Returns why it failed, or undefined when it loaded.
 */
function loadInElectron(electronBinary: string, driverFile: string): string | undefined {
  const betterSqlite = path.dirname(require.resolve('better-sqlite3/package.json'))
  const probe = `try { const Database = require(${JSON.stringify(betterSqlite)}); new Database(':memory:', { nativeBinding: ${JSON.stringify(driverFile)} }).prepare('select 1').get() } catch (e) { process.stdout.write(String(e && e.message).split('\\n')[0]); process.exit(1) }`
  const r = spawnSync(electronBinary, ['-e', probe], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, encoding: 'utf8', timeout: 60_000 })
  log('Loading the driver in Electron', `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`)
  if (r.status === 0) return undefined
  return (r.stdout?.trim() || r.error?.message || `Electron stopped with ${r.signal ?? `exit code ${r.status}`}`).replace(/\.$/, '')
}

/** A driver that is known to load in the installed Electron, building it first if need be. */
function ensureDriver(electronBinary: string, needed: DriverRecord): string {
  const dir = path.join(nativeDir, needed.electronVersion)
  const driverFile = path.join(dir, 'better_sqlite3.node')
  const recordFile = path.join(dir, 'better_sqlite3.abi.json')
  const decision = decideDriver(readDriver(driverFile, recordFile), needed)
  if (decision.keep) return driverFile

  console.log(
    `Building the database driver for Electron ${needed.electronVersion} (${decision.reason}). This takes a few seconds ` +
      `when a prebuilt driver can be downloaded, or a few minutes when it has to be compiled; the log is in ${logName}.`,
  )
  // The first build may download a prebuilt driver; if that one is unusable, compile it once.
  for (let fromSource = false; ; fromSource = true) {
    const { built, compiled } = buildDriver(needed.electronVersion, fromSource)
    const builtAbi = embeddedAbi(fs.readFileSync(built))
    const wrongAbi = builtAbi !== undefined && builtAbi !== needed.abi
    if (wrongAbi && (compiled || fromSource)) fail(say.driverForWrongAbi(needed.electronVersion, builtAbi, needed.abi))
    fs.mkdirSync(dir, { recursive: true })
    fs.rmSync(recordFile, { force: true })
    fs.copyFileSync(built, driverFile)
    const problem = wrongAbi ? `it is for ABI ${builtAbi}, Electron needs ABI ${needed.abi}` : loadInElectron(electronBinary, driverFile)
    if (!problem) {
      // Written last: a record means this driver has loaded in this Electron.
      fs.writeFileSync(recordFile, formatDriverRecord({ ...needed, abi: builtAbi ?? needed.abi }))
      fs.rmSync(path.join(nativeDir, 'build'), { recursive: true, force: true })
      return driverFile
    }
    if (compiled || fromSource) fail(say.driverDoesNotLoad(needed.electronVersion, problem, logName))
    console.log(`The downloaded driver does not load in Electron (${problem}); compiling it instead...`)
  }
}

fs.mkdirSync(nativeDir, { recursive: true })
fs.writeFileSync(logFile, `npm start, ${new Date().toISOString()}\n`)
const electronVersion = installedElectronVersion()
const electronBinary = locateElectron(electronVersion)
const driverFile = ensureDriver(electronBinary, neededDriver(electronVersion))

// The app itself must run as Electron even if the shell has ELECTRON_RUN_AS_NODE set.
const { ELECTRON_RUN_AS_NODE: _runAsNode, ...env } = process.env
const child = spawn(electronBinary, [root], { stdio: 'inherit', env: { ...env, OMU_SQLITE_BINDING: driverFile } })
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
child.on('error', (err) => fail(say.electronDidNotLaunch(err.message)))
