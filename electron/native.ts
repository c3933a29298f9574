import fs from 'node:fs'
import path from 'node:path'

/**
 * Electron's Node ABI differs from the system Node's, so `npm start` builds better-sqlite3 for
 * Electron into `.electron-native/<electron version>/` (scripts/start.mjs) and passes its path
 * here; tests keep using the package's own Node build. A packaged app has the Electron build in
 * place (electron-builder rebuilds native modules), so the default binding is used there.
 */
export function resolveNativeBinding(appRoot: string, electronVersion: string, isPackaged: boolean): string | undefined {
  if (isPackaged) return undefined
  const fromEnv = process.env.OMU_SQLITE_BINDING
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv
  const built = path.join(appRoot, '.electron-native', electronVersion, 'better_sqlite3.node')
  return fs.existsSync(built) ? built : undefined
}
