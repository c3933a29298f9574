// `npm start`: make sure better-sqlite3 is built for Electron's ABI (kept apart from the Node build
// that tests use), then launch Electron. Needs internet the first time (Electron binary, headers
// or a prebuilt binary); a clear message says what to do if that fails.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const electronVersion = require('electron/package.json').version
const target = path.join(root, '.electron-native', electronVersion, 'better_sqlite3.node')

function fail(message) {
  console.error(`\nOMU Desk could not start: ${message}\n`)
  process.exit(1)
}

if (!fs.existsSync(target)) {
  console.log(`Building the database driver for Electron ${electronVersion} (first start only)...`)
  const work = path.join(root, '.electron-native', 'build')
  fs.rmSync(work, { recursive: true, force: true })
  fs.cpSync(path.dirname(require.resolve('better-sqlite3/package.json')), work, {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}build${path.sep}`),
  })
  const env = { ...process.env, npm_config_nodedir: '', npm_config_runtime: 'electron', npm_config_target: electronVersion, npm_config_disturl: 'https://electronjs.org/headers' }
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
  // A prebuilt binary for this Electron when one is published, otherwise compile against Electron's headers.
  let r = spawnSync(npx, ['--no-install', 'prebuild-install', '--runtime', 'electron', '--target', electronVersion], { cwd: work, env, stdio: 'inherit', shell: process.platform === 'win32' })
  if (r.status !== 0) {
    r = spawnSync(npx, ['--no-install', 'node-gyp', 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], { cwd: work, env, stdio: 'inherit', shell: process.platform === 'win32' })
  }
  const built = path.join(work, 'build', 'Release', 'better_sqlite3.node')
  if (r.status !== 0 || !fs.existsSync(built)) {
    fail('the database driver could not be built for Electron. Check the internet connection (Electron headers are downloaded once) and that a C++ build toolchain is installed, then run `npm start` again.')
  }
  fs.mkdirSync(path.dirname(target), { recursive: true })
  fs.copyFileSync(built, target)
  fs.rmSync(work, { recursive: true, force: true })
}

const electronBin = require('electron')
const child = spawn(electronBin, [root], { stdio: 'inherit', env: { ...process.env, OMU_SQLITE_BINDING: target } })
child.on('exit', (code) => process.exit(code ?? 0))
child.on('error', (err) => fail(`Electron did not launch (${err.message}). Electron downloads its binary on first launch: check the internet connection.`))
