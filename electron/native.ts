import fs from 'node:fs'
import path from 'node:path'

/**
 * Electron's Node ABI differs from the system Node's, so `npm start` builds better-sqlite3 for
 * Electron into `.electron-native/<electron version>/` (scripts/start.ts, issue 21) and passes its
 * path here; tests keep using the package's own Node build. A packaged app has the Electron build
 * in place (electron-builder rebuilds native modules), so the default binding is used there.
 * Started some other way (`npx electron .`), the kept driver is used only when the record written
 * beside it names the ABI this Electron runs (`process.versions.modules`); otherwise the default
 * binding is tried and fails with its own message, rather than a driver of another ABI loading.
 */
export function resolveNativeBinding(appRoot: string, electronVersion: string, isPackaged: boolean): string | undefined {
  if (isPackaged) return undefined
  const fromEnv = process.env.OMU_SQLITE_BINDING
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv
  const dir = path.join(appRoot, '.electron-native', electronVersion)
  const built = path.join(dir, 'better_sqlite3.node')
  return fs.existsSync(built) && recordedAbi(path.join(dir, 'better_sqlite3.abi.json')) === process.versions.modules ? built : undefined
}

function recordedAbi(file: string): string | undefined {
  try {
    const abi = (JSON.parse(fs.readFileSync(file, 'utf8')) as { abi?: unknown }).abi
    return typeof abi === 'string' ? abi : undefined
  } catch {
    return undefined
  }
}
