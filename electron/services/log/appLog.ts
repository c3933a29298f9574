import fs from 'node:fs'
import path from 'node:path'
import nodeLog from 'electron-log/node'
import { formatRedacted, redactError, redactEvent } from './redact'

// Issue 18, "Logs and crashes": the main process's and the renderer's errors go to a log file in
// the OS log folder (Electron's app.getPath('logs'): %APPDATA%\OMU Desk\logs on Windows,
// ~/Library/Logs/OMU Desk on macOS, ~/.config/OMU Desk/logs on Linux), rotated by size. The file's
// folder is a parameter, so the e2e harness writes a real log in its temp folder and reads it back
// (test/e2e/desktop.e2e.test.ts). electron-log's Node logger is used in the main process too:
// 'electron-log/main' would also listen on its own IPC channel for renderer messages, a path round
// the redaction; renderer errors reach the log only through `omu:app.reportError` (dispatcher,
// zod contract), then `error` here.

/** Rotate when the file passes 1 MB; keep this many older files beside it (main.1.log is the newest). */
export const LOG_MAX_BYTES = 1024 * 1024
export const LOG_KEEP_OLD = 3

export interface AppLog {
  /** Anything thrown, reduced by `redactError` to kind, codes, channel names and frames. */
  error(err: unknown): void
  /** An event of the app's own with code-like details (`redactEvent`). */
  event(name: string, details?: Record<string, unknown>): void
  /** The log folder (Help › Show log files opens it). */
  readonly dir: string
  /** The current log file. */
  readonly file: string
}

/**
 * Shifts `main.log` to `main.1.log`, `main.1.log` to `main.2.log` and so on, dropping the file
 * beyond `keep`. Synchronous, as electron-log asks of its archive function.
 */
export function rotateLogFiles(file: string, keep: number): void {
  const { dir, name, ext } = path.parse(file)
  const numbered = (n: number) => path.join(dir, `${name}.${n}${ext}`)
  fs.rmSync(numbered(keep), { force: true })
  for (let n = keep - 1; n >= 1; n--) {
    if (fs.existsSync(numbered(n))) fs.renameSync(numbered(n), numbered(n + 1))
  }
  if (keep >= 1) fs.renameSync(file, numbered(1))
  else fs.rmSync(file, { force: true })
}

let loggers = 0

/**
 * A logger writing to `<dir>/main.log`. `console` also writes each entry to stderr (a development
 * run, the tests); the entries are the same redacted text.
 */
export function createAppLog(opts: { dir: string; console?: boolean; maxBytes?: number; keep?: number }): AppLog {
  const file = path.join(opts.dir, 'main.log')
  const keep = opts.keep ?? LOG_KEEP_OLD
  // Its own instance (electron-log keeps instances by id): two logs in one process (the e2e
  // suite's apps) never share settings.
  const logger = nodeLog.create({ logId: `omu-${process.pid}-${++loggers}` })
  // Named, so electron-log never looks for a package.json to name the app (it throws if none is found).
  logger.transports.file.setAppName('OMU Desk')
  logger.transports.file.resolvePathFn = () => file
  logger.transports.file.maxSize = opts.maxBytes ?? LOG_MAX_BYTES
  logger.transports.file.level = 'info'
  // Readable by the signed-in account only, as every other file the app writes (filePrivacy.ts).
  logger.transports.file.writeOptions = { flag: 'a', mode: 0o600, encoding: 'utf8' }
  logger.transports.file.archiveLogFn = (old) => {
    try {
      rotateLogFiles(old.path, keep)
    } catch {
      // Could not rename (another program holds it): start the file again rather than grow it.
      old.clear()
    }
  }
  logger.transports.console.level = opts.console === false ? false : 'info'
  // Nothing else leaves the process: no IPC to a renderer, no remote server.
  for (const [name, transport] of Object.entries(logger.transports)) {
    if (name !== 'file' && name !== 'console' && transport) transport.level = false
  }
  fs.mkdirSync(opts.dir, { recursive: true, mode: 0o700 })
  return {
    dir: opts.dir,
    file,
    error: (err) => logger.error(formatRedacted(redactError(err))),
    event: (name, details) => logger.info(redactEvent(name, details)),
  }
}
