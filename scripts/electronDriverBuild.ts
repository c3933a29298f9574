// Builds better-sqlite3 for Electron with @electron/rebuild (a prebuilt driver when one is published
// for this Electron, otherwise compiled against Electron's headers). scripts/start.ts runs this in
// its own process, so that the build sees only the environment driverBuildEnvironment() leaves it
// (@electron/rebuild hands its whole environment to node-gyp) and its output goes to the log file.
//
// Usage: node --import tsx scripts/electronDriverBuild.ts '{"buildPath":…,"electronVersion":…,"fromSource":…}'
import { rebuild } from '@electron/rebuild'

interface DriverBuild {
  /** A folder holding package.json and node_modules/better-sqlite3: a copy, never the tests' Node build. */
  buildPath: string
  electronVersion: string
  /** Skip the prebuilt download, e.g. when a downloaded driver did not load. */
  fromSource: boolean
}

const build = JSON.parse(process.argv[2] ?? '{}') as DriverBuild

try {
  await rebuild({
    buildPath: build.buildPath,
    // Stops @electron/rebuild looking for modules above the copy (the project's own node_modules).
    projectRootPath: build.buildPath,
    electronVersion: build.electronVersion,
    onlyModules: ['better-sqlite3'],
    force: true,
    buildFromSource: build.fromSource,
    mode: 'sequential',
  })
  console.log(`Built better-sqlite3 for Electron ${build.electronVersion}.`)
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err))
  process.exit(1)
}
