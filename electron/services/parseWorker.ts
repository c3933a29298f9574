// The parse worker's entry (parseOffThread.ts starts it): reads one file's text, posts the result
// back and ends. Only pure parsing runs here: no store, no Electron. Bundled on its own
// (scripts/build.mjs: dist/main/parseWorker.cjs) so it loads without the main process's code.
import { parentPort, workerData } from 'node:worker_threads'
import { UserFacingError } from '../../shared/ipc/result'
import { parseTask, type ParseOutcome, type ParseTask } from './parseTasks'

const task = workerData as ParseTask
let outcome: ParseOutcome
try {
  outcome = { ok: true, value: parseTask(task) }
} catch (err) {
  // A UserFacingError is the user's to read (a damaged file); anything else is our fault, logged by the caller.
  outcome = err instanceof UserFacingError ? { ok: false, code: err.code, message: err.message, field: err.field } : { ok: false, code: null, message: err instanceof Error ? (err.stack ?? err.message) : String(err) }
}
parentPort?.postMessage(outcome)
