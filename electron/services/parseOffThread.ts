import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { UserFacingError } from '../../shared/ipc/result'
import { parseTask, type ParseOutcome, type ParseTask, type ParseValue } from './parseTasks'

// Issue 15: a 10 MB CSV or a large readiness export takes long enough to parse that, on the main
// process's event loop, the window would stop answering meanwhile. Such files are parsed in a
// worker thread (one per file, ended when it has answered: imports are occasional, and a thread
// that is not kept has nothing to leak). Small files are parsed here, where starting a thread
// would cost more than the parse.

/** Texts at least this long (characters) are parsed in the worker. */
export const OFF_THREAD_FROM = 256 * 1024

/** This module's folder: __dirname in the CJS bundle and under vitest; import.meta under tsx (ESM), never reached in the bundle. */
const here = typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url))

/**
 * The worker: the bundle's own script (dist/main/parseWorker.cjs, next to main.cjs, also inside
 * the app's asar, which Electron's workers read), or in tests and tools run from the TypeScript
 * sources, the source file through tsx's require hook (Node 20 does not apply `--import tsx` to
 * a worker's entry, so the hook is installed by a two-line loader).
 */
function startWorker(task: ParseTask): Worker {
  const bundled = path.join(here, 'parseWorker.cjs')
  if (fs.existsSync(bundled)) return new Worker(bundled, { workerData: task })
  const source = path.join(here, 'parseWorker.ts')
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(source)})`, { eval: true, workerData: task })
}

function runInWorker(task: ParseTask): Promise<ParseOutcome> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(task)
    let answered = false
    worker.once('message', (m: ParseOutcome) => {
      answered = true
      resolve(m)
      void worker.terminate()
    })
    worker.once('error', reject)
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`The parse worker ended (exit code ${code}) without an answer.`))
    })
  })
}

/** Parses a file's text: in the worker when it is large, here when it is small. Same result either way. */
export async function parseOffThread<T extends ParseTask>(task: T, opts: { inWorker?: boolean } = {}): Promise<ParseValue<T>> {
  if (!(opts.inWorker ?? task.text.length >= OFF_THREAD_FROM)) return parseTask(task) as ParseValue<T>
  const outcome = await runInWorker(task)
  if (outcome.ok) return outcome.value as ParseValue<T>
  if (outcome.code !== null) throw new UserFacingError(outcome.code, outcome.message, outcome.field)
  throw new Error(`The parse worker failed: ${outcome.message}`)
}
