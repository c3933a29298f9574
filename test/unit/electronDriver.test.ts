// Issue 21: the decisions `npm start` makes about the Electron build of the database driver, and
// what it prints when it fails; none of it needs Electron, its headers or a compiler.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../../db/testing'
import {
  classifyBuildFailure, decideDriver, driverBuildEnvironment, embeddedAbi, formatDriverRecord, parseDriverRecord,
  type DriverRecord,
} from '../../scripts/electronDriver'
import * as say from '../../scripts/electronDriverMessages'

const require = createRequire(import.meta.url)
const needed: DriverRecord = { electronVersion: '45.4.1', abi: '150', platform: 'linux', arch: 'x64' }

describe('keeping or rebuilding the Electron database driver', () => {
  it('no driver: build it', () => {
    const decision = decideDriver({ present: false, record: undefined, embeddedAbi: undefined }, needed)
    expect(decision).toEqual({ keep: false, reason: 'no database driver has been built for Electron 45.4.1 yet' })
  })

  it('a driver without a record of its ABI: rebuild, whatever the file is', () => {
    expect(decideDriver({ present: true, record: undefined, embeddedAbi: '150' }, needed).keep).toBe(false)
  })

  it('a record of another ABI: rebuild, and say which ABIs', () => {
    const decision = decideDriver({ present: true, record: { ...needed, abi: '115' }, embeddedAbi: '115' }, needed)
    expect(decision).toEqual({ keep: false, reason: 'the database driver was built for ABI 115, but Electron 45.4.1 needs ABI 150' })
  })

  it('a record for another platform or architecture: rebuild', () => {
    expect(decideDriver({ present: true, record: { ...needed, platform: 'darwin' }, embeddedAbi: '150' }, needed).keep).toBe(false)
    expect(decideDriver({ present: true, record: { ...needed, arch: 'arm64' }, embeddedAbi: '150' }, needed).keep).toBe(false)
  })

  it('the right record: keep the driver', () => {
    expect(decideDriver({ present: true, record: needed, embeddedAbi: '150' }, needed)).toEqual({ keep: true })
    // A file that shows no ABI (a Node-API build) is judged by its record alone.
    expect(decideDriver({ present: true, record: needed, embeddedAbi: undefined }, needed)).toEqual({ keep: true })
  })

  it('the right record on a file of another ABI: rebuild (the file is believed over its record)', () => {
    const decision = decideDriver({ present: true, record: needed, embeddedAbi: '115' }, needed)
    expect(decision).toEqual({ keep: false, reason: 'the database driver file is for ABI 115, not the ABI 150 its record says' })
  })

  it('the record round-trips, and anything unreadable counts as no record', () => {
    expect(parseDriverRecord(formatDriverRecord(needed))).toEqual(needed)
    expect(parseDriverRecord(undefined)).toBeUndefined()
    expect(parseDriverRecord('')).toBeUndefined()
    expect(parseDriverRecord('150')).toBeUndefined()
    expect(parseDriverRecord('null')).toBeUndefined()
    expect(parseDriverRecord(JSON.stringify({ ...needed, abi: 150 }))).toBeUndefined()
    expect(parseDriverRecord(JSON.stringify({ electronVersion: '45.4.1', abi: '150' }))).toBeUndefined()
  })
})

describe('the ABI a driver file was compiled for', () => {
  it('reads the Node build the tests use as Node’s ABI, so it is never kept for Electron (the issue’s failure)', () => {
    const nodeBuild = path.join(path.dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node')
    const abi = embeddedAbi(fs.readFileSync(nodeBuild))
    expect(abi).toBe(process.versions.modules)
    expect(decideDriver({ present: true, record: needed, embeddedAbi: abi }, needed).keep).toBe(false)
  })

  it('finds the registration symbol, and gives up on none or on two different ones', () => {
    expect(embeddedAbi(Buffer.from('\0_node_register_module_v150\0'))).toBe('150')
    expect(embeddedAbi(Buffer.from('node_register_module_v150 node_register_module_v150'))).toBe('150')
    expect(embeddedAbi(Buffer.from('napi_register_module_v1'))).toBeUndefined()
    expect(embeddedAbi(Buffer.from('node_register_module_v115 node_register_module_v150'))).toBeUndefined()
  })
})

describe('the environment the driver build runs in', () => {
  const machine = {
    PATH: '/usr/bin',
    HOME: '/home/pom',
    HTTPS_PROXY: 'http://proxy.example:3128',
    npm_config_nodedir: '/usr',
    NPM_CONFIG_NODEDIR: '/usr',
    npm_config_target: '20.20.2',
    npm_config_runtime: 'node',
    npm_config_disturl: 'https://nodejs.org/dist',
    npm_config_dist_url: 'https://nodejs.org/dist',
    npm_config_tarball: '/tmp/node-headers.tar.gz',
    npm_config_build_from_source: 'true',
    npm_package_config_node_gyp_nodedir: '/usr',
    npm_config_proxy: 'http://proxy.example:3128',
    npm_config_https_proxy: 'http://proxy.example:3128',
    npm_config_cafile: '/etc/ssl/certs/ca-certificates.crt',
    npm_config_python: '/usr/bin/python3',
    ELECTRON_RUN_AS_NODE: '1',
  }

  it('leaves out every setting that picks the Node to build for, and keeps network and compiler settings', () => {
    const env = driverBuildEnvironment(machine)
    expect(Object.keys(env).sort()).toEqual(
      ['HOME', 'HTTPS_PROXY', 'PATH', 'npm_config_cafile', 'npm_config_https_proxy', 'npm_config_proxy', 'npm_config_python'].sort(),
    )
    expect(machine.npm_config_nodedir).toBe('/usr')
  })

  it('a machine nodedir is ignored by node-gyp as @electron/rebuild runs it, which it is not without the clean environment', () => {
    // The same node-gyp and arguments @electron/rebuild's worker uses (its module-type/node-gyp).
    const nodeGypArgs = ['node', 'node-gyp', 'rebuild', '--runtime=electron', '--target=45.4.1', '--dist-url=https://www.electronjs.org/headers', '--build-from-source']
    const probe = [
      "const { createRequire } = require('node:module')",
      `const gyp = createRequire(${JSON.stringify(path.join(repoRoot(), 'node_modules/@electron/rebuild/lib/main.js'))})('node-gyp')()`,
      'gyp.parseArgv(JSON.parse(process.argv[1]))',
      "process.stdout.write(JSON.stringify({ nodedir: gyp.opts.nodedir ?? null, target: gyp.opts.target, runtime: gyp.opts.runtime }))",
    ].join('\n')
    const optionsIn = (env: NodeJS.ProcessEnv) => {
      const r = spawnSync(process.execPath, ['-e', probe, JSON.stringify(nodeGypArgs)], { env, encoding: 'utf8' })
      expect(r.status, r.stderr).toBe(0)
      return JSON.parse(r.stdout) as unknown
    }
    expect(optionsIn(driverBuildEnvironment(machine))).toEqual({ nodedir: null, target: '45.4.1', runtime: 'electron' })
    // Control: the machine's settings win over the command line when passed on (issue 21's wrong build).
    expect(optionsIn(machine)).toMatchObject({ nodedir: '/usr', target: '20.20.2', runtime: 'node' })
  })
})

describe('what went wrong in a failed build', () => {
  it('headers that could not be downloaded', () => {
    expect(classifyBuildFailure('Error: This is most likely not a problem with node-gyp or the package itself and\nis related to network connectivity.')).toBe('headers-unavailable')
    expect(classifyBuildFailure('TypeError: fetch failed\n  cause: Error: getaddrinfo ENOTFOUND www.electronjs.org')).toBe('headers-unavailable')
    expect(classifyBuildFailure('Error: 404 response downloading https://www.electronjs.org/headers/v45.4.1/node-v45.4.1-headers.tar.gz')).toBe('headers-unavailable')
    expect(classifyBuildFailure('Error: self-signed certificate in certificate chain')).toBe('headers-unavailable')
  })

  it('no C++ toolchain', () => {
    expect(classifyBuildFailure('Error: not found: make')).toBe('no-toolchain')
    expect(classifyBuildFailure('/bin/sh: 1: g++: not found')).toBe('no-toolchain')
    expect(classifyBuildFailure('make: cc: No such file or directory')).toBe('no-toolchain')
    expect(classifyBuildFailure('Error: Could not find any Python installation to use')).toBe('no-toolchain')
    expect(classifyBuildFailure('Error: Could not find any Visual Studio installation to use')).toBe('no-toolchain')
    expect(classifyBuildFailure('xcrun: error: invalid active developer path')).toBe('no-toolchain')
    // A failed prebuilt download before the compiler was looked for is not the reason.
    expect(classifyBuildFailure('prebuild-install warn install getaddrinfo ENOTFOUND github.com\nError: not found: make')).toBe('no-toolchain')
  })

  it('anything else', () => {
    expect(classifyBuildFailure("../src/better_sqlite3.cpp:12:1: error: 'v8::Foo' has not been declared")).toBe('other')
    expect(classifyBuildFailure('')).toBe('other')
  })
})

describe('what `npm start` prints when it cannot start', () => {
  const log = '.electron-native/last-start.log'
  const paragraphs = {
    electronPackageMissing: say.electronPackageMissing(),
    electronMissing: say.electronMissing('45.4.1', log),
    electronDidNotLaunch: say.electronDidNotLaunch('spawn EACCES'),
    electronAbiUnknown: say.electronAbiUnknown('99.0.0'),
    headersUnavailable: say.headersUnavailable('45.4.1', log),
    noToolchain: say.noToolchain('linux', log),
    buildFailed: say.buildFailed('45.4.1', log),
    driverForWrongAbi: say.driverForWrongAbi('45.4.1', '115', '150'),
    driverDoesNotLoad: say.driverDoesNotLoad('45.4.1', 'Module did not self-register', log),
  }

  it.each(Object.entries(paragraphs))('%s is one plain paragraph saying what to do, no stack trace', (_kind, text) => {
    expect(text).toMatch(/^OMU Desk could not start: /)
    expect(text).not.toMatch(/\n/)
    expect(text).not.toMatch(/\bat .+:\d+:\d+|Error:/)
    expect(text).toMatch(/`npm start` again|`npm install`/)
  })

  it('names the log where there is one to read', () => {
    for (const text of [paragraphs.electronMissing, paragraphs.headersUnavailable, paragraphs.noToolchain, paragraphs.buildFailed, paragraphs.driverDoesNotLoad]) {
      expect(text).toContain(log)
    }
  })

  it('says what failed in the domain’s words', () => {
    expect(paragraphs.electronMissing).toMatch(/Electron 45\.4\.1's program is not installed and could not be downloaded.*internet connection/)
    expect(paragraphs.headersUnavailable).toMatch(/Electron's headers could not be downloaded.*internet connection/)
    expect(paragraphs.driverForWrongAbi).toMatch(/is for ABI 115, but Electron 45\.4\.1 needs ABI 150/)
    expect(paragraphs.driverDoesNotLoad).toMatch(/does not load in Electron \(Module did not self-register\)/)
    expect(paragraphs.electronAbiUnknown).toMatch(/npm update node-abi/)
  })

  it('tells how to install a C++ toolchain on each platform', () => {
    expect(say.noToolchain('linux', log)).toContain('apt-get install build-essential python3')
    expect(say.noToolchain('darwin', log)).toContain('xcode-select --install')
    expect(say.noToolchain('win32', log)).toContain('Visual Studio Build Tools')
    expect(say.noToolchain('freebsd', log)).toContain('Install a C++ compiler, make and Python 3')
  })
})
