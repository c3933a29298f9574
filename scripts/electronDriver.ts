// The decisions `npm start` makes about the Electron build of the database driver (better-sqlite3),
// kept free of I/O so they can be tested without Electron, its headers or a compiler.
// scripts/start.ts does the reading, building and launching.

/** What a driver was built for, recorded beside it; also what the installed Electron needs. */
export interface DriverRecord {
  electronVersion: string
  /** Electron's NODE_MODULE_VERSION: a driver for any other ABI refuses to load. */
  abi: string
  platform: string
  arch: string
}

/** What is on disk in `.electron-native/<electron version>/`. */
export interface DriverOnDisk {
  present: boolean
  record: DriverRecord | undefined
  /** The ABI the driver file itself registers under, when it can be read from the file. */
  embeddedAbi: string | undefined
}

export type DriverDecision = { keep: true } | { keep: false; reason: string }

/**
 * Keep a driver only when its record says it was built for the ABI, platform and architecture the
 * installed Electron needs, and the file agrees with its record. Anything missing means rebuild: a
 * driver of the wrong ABI would make every later start fail (issue 21).
 */
export function decideDriver(onDisk: DriverOnDisk, needed: DriverRecord): DriverDecision {
  if (!onDisk.present) return { keep: false, reason: `no database driver has been built for Electron ${needed.electronVersion} yet` }
  const record = onDisk.record
  if (!record) return { keep: false, reason: 'the database driver has no record of the ABI it was built for' }
  if (record.abi !== needed.abi) {
    return { keep: false, reason: `the database driver was built for ABI ${record.abi}, but Electron ${needed.electronVersion} needs ABI ${needed.abi}` }
  }
  if (record.platform !== needed.platform || record.arch !== needed.arch) {
    return { keep: false, reason: `the database driver was built for ${record.platform}-${record.arch}, but this machine is ${needed.platform}-${needed.arch}` }
  }
  if (onDisk.embeddedAbi !== undefined && onDisk.embeddedAbi !== needed.abi) {
    return { keep: false, reason: `the database driver file is for ABI ${onDisk.embeddedAbi}, not the ABI ${needed.abi} its record says` }
  }
  return { keep: true }
}

/** The record file's content, or undefined when it is missing or not a record (then: rebuild). */
export function parseDriverRecord(text: string | undefined): DriverRecord | undefined {
  if (text === undefined) return undefined
  try {
    const value: unknown = JSON.parse(text)
    if (typeof value !== 'object' || value === null) return undefined
    const { electronVersion, abi, platform, arch } = value as Record<string, unknown>
    if ([electronVersion, abi, platform, arch].every((field) => typeof field === 'string' && field !== '')) {
      return { electronVersion, abi, platform, arch } as DriverRecord
    }
  } catch {
    // An unreadable record is the same as none.
  }
  return undefined
}

export function formatDriverRecord(record: DriverRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`
}

/**
 * The ABI a compiled addon registers under. Addons that are not Node-API (better-sqlite3 is one)
 * export `node_register_module_v<NODE_MODULE_VERSION>`, so the file itself tells which runtime it
 * was compiled for, whatever headers the build was pointed at. Undefined when the file shows none
 * or contradicts itself.
 */
export function embeddedAbi(driverFile: Uint8Array): string | undefined {
  const text = Buffer.from(driverFile.buffer, driverFile.byteOffset, driverFile.byteLength).toString('latin1')
  const abis = new Set(Array.from(text.matchAll(/node_register_module_v(\d+)/g), (m) => m[1]))
  return abis.size === 1 ? [...abis][0] : undefined
}

// node-gyp takes every `npm_config_<key>` (and `npm_package_config_node_gyp_<key>`) in its
// environment as an option, over its command line: a machine-wide `nodedir` (Debian's npm sets
// /usr), `target`, `runtime` or `disturl` would silently build against the machine's Node instead of
// Electron. prebuild-install reads the same variables. Only settings about reaching the network and
// finding the compiler's Python are passed on.
const keptNpmSettings = new Set(['proxy', 'https_proxy', 'http_proxy', 'noproxy', 'no_proxy', 'cafile', 'local_address', 'python', 'msvs_version'])
const npmSetting = /^npm_config_(.*)$/i
const npmPackageGypSetting = /^npm_package_config_node_gyp_/i

/** The environment the driver build runs in: the machine's, minus any setting that picks the Node it builds for. */
export function driverBuildEnvironment(machine: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(machine)) {
    if (npmPackageGypSetting.test(key)) continue
    const setting = npmSetting.exec(key)?.[1]
    if (setting !== undefined && !keptNpmSettings.has(setting.toLowerCase().replaceAll('-', '_'))) continue
    // The build's helpers are Node scripts; none of them may run as Electron.
    if (key.toUpperCase() === 'ELECTRON_RUN_AS_NODE') continue
    env[key] = value
  }
  return env
}

export type BuildFailure = 'no-toolchain' | 'headers-unavailable' | 'other'

// Toolchain first: a build that got as far as the compiler had its headers, and a missing Python is
// reported before anything is downloaded.
const noToolchain = [
  /Could not find any Python installation/i,
  /Could not find any Visual Studio installation/i,
  /not found: (make|gmake|g\+\+|c\+\+|cc|gcc|clang\+\+|clang)\b/i,
  /\b(make|g\+\+|c\+\+|cc|gcc|clang\+\+|clang):( command)? not found/i,
  /\b(g\+\+|c\+\+|cc|gcc|clang\+\+|clang|make): No such file or directory/i,
  /xcrun: error|No Xcode or CLT version detected|xcode-select/i,
]
const headersUnavailable = [
  /fetch failed/i,
  /getaddrinfo|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH/,
  /\b\d{3}\s+(status code|response) downloading/i,
  /related to network connectivity|problem while downloading\/extracting the tarball/i,
  /self[- ]signed certificate|unable to get local issuer certificate|UNABLE_TO_VERIFY_LEAF_SIGNATURE/i,
]

/** Which plain advice fits a failed build, from the build's log. */
export function classifyBuildFailure(log: string): BuildFailure {
  if (noToolchain.some((pattern) => pattern.test(log))) return 'no-toolchain'
  if (headersUnavailable.some((pattern) => pattern.test(log))) return 'headers-unavailable'
  return 'other'
}
