// Issue 18, "Logs and crashes": no personal data in logs. The log keeps only what a developer or
// IT needs to find a fault and nothing a user typed or the store holds: the error's kind (its class
// name), its codes (SQLITE_BUSY, ENOENT, a PostgreSQL SQLSTATE), the IPC channel names it mentions,
// the process it came from and its stack frames (code locations, with the home folder's name taken
// out). Error messages are never logged: a database error's message carries the SQL parameters
// (names, dates of birth, note text), and a renderer error's message may quote what is on screen.
// Every line the app logs goes through `redactError` or `redactEvent` (appLog.ts).

/** A renderer error as the renderer reports it (channel `omu:app.reportError`): kind and frames, never the message. */
export interface RendererErrorReport {
  /** screen: caught by a screen's error boundary; window: an uncaught error; promise: an unhandled rejection. */
  source: 'screen' | 'window' | 'promise'
  kind: string
  stack: string
  /** The route the screen was on (`caseload`, `prisoner`), when known. */
  screen?: string | undefined
}

/** Carries a renderer's report to the main process's log as an error, so it takes the same redaction path. */
export class ReportedRendererError extends Error {
  constructor(readonly report: RendererErrorReport) {
    super('renderer error')
    this.name = 'ReportedRendererError'
  }
}

export interface RedactedError {
  where: 'main' | 'renderer'
  kind: string
  /** The error's code and those of its causes, outermost first. */
  codes: string[]
  channels: string[]
  source?: RendererErrorReport['source']
  screen?: string
  frames: string[]
}

const MAX_FRAMES = 25
const MAX_CAUSES = 4
const REDACTED = '[redacted]'

/** A class name such as TypeError or DrizzleQueryError; anything else is not a kind. */
const KIND = /^[A-Za-z_$][\w$]{0,79}$/
/** Error codes as libraries give them: SQLITE_CONSTRAINT_UNIQUE, ENOENT, ERR_INVALID_ARG, 23505, 40P01. */
const CODE = /^[A-Za-z0-9_.-]{1,60}$/
/** A route name such as `caseload` or `prisoner`. */
const SCREEN = /^[a-z][a-z0-9-]{0,39}$/
/** The app's IPC channel names (shared/ipc/contract.ts: `omu:domain.method`): code, not data. */
const CHANNEL = /\bomu:[A-Za-z][\w]{0,59}\.[A-Za-z][\w]{0,59}\b/g

/**
 * A V8 stack frame: `at fn (location)` or `at location`, where fn is a code identifier (no spaces,
 * so a line of message text such as "at John Smith's cell" is not taken for one) and location a
 * path or URL ending in line and column. Lines that are not frames (the message, and any message
 * text spread over several lines) are dropped.
 */
const FRAME = /^\s*at (?:async )?(?:(?:new )?[\w$.<>[\]/-]+(?: \[as [\w$]+\])? \((.+)\)|(.+))$/
const LOCATION = /^(?:[a-z][a-z0-9+.-]*:\/\/\S*|node:[\w/:.-]+|[A-Za-z]:\\.+|\/.+|<anonymous>|native)(?::\d+:\d+)?$/

/** The user's own folder named in a path (their account name) becomes `~`. */
const HOME_FOLDERS: [RegExp, string][] = [
  [/([A-Za-z]:[\\/](?:Users|Documents and Settings)[\\/])[^\\/]+/gi, '~'],
  [/\/(?:home|Users)\/[^/]+/g, '~'],
  [/\/root(?=\/)/g, '~'],
]

function withoutHomeFolder(location: string): string {
  let out = location
  for (const [pattern, replacement] of HOME_FOLDERS) out = out.replace(pattern, replacement)
  return out
}

/** The stack frames of a stack text, home folders removed; everything else in it is dropped. */
export function stackFrames(stack: unknown): string[] {
  if (typeof stack !== 'string') return []
  const frames: string[] = []
  for (const line of stack.split(/\r?\n/)) {
    const m = FRAME.exec(line)
    if (!m) continue
    const location = (m[1] ?? m[2] ?? '').trim()
    if (!LOCATION.test(location)) continue
    frames.push(withoutHomeFolder(line.trim()))
    if (frames.length === MAX_FRAMES) break
  }
  return frames
}

/** A value as a log token when it is code-like (a kind, a code, a reason); otherwise `[redacted]`. */
export function safeToken(value: unknown, pattern: RegExp = CODE): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value === 'boolean') return String(value)
  return typeof value === 'string' && pattern.test(value) ? value : REDACTED
}

function kindOf(err: unknown): string {
  if (err instanceof Error) return safeToken(err.name && err.name !== 'Error' ? err.name : err.constructor.name, KIND)
  if (err === null) return 'null'
  return typeof err === 'object' ? 'object' : typeof err
}

function field(err: unknown, name: string): unknown {
  return err !== null && typeof err === 'object' ? (err as Record<string, unknown>)[name] : undefined
}

function codesOf(err: unknown): string[] {
  const codes: string[] = []
  for (let e: unknown = err, depth = 0; e !== null && typeof e === 'object' && depth < MAX_CAUSES; e = field(e, 'cause'), depth++) {
    const code = field(e, 'code')
    if (code !== undefined && code !== null) codes.push(safeToken(code))
  }
  return codes
}

function channelsIn(err: unknown): string[] {
  const message = field(err, 'message')
  if (typeof message !== 'string') return []
  return [...new Set(message.match(CHANNEL) ?? [])]
}

/** What may be logged of anything thrown: kind, codes, channel names, frames; never its message. */
export function redactError(err: unknown): RedactedError {
  if (err instanceof ReportedRendererError) {
    const r = err.report
    const out: RedactedError = { where: 'renderer', kind: safeToken(r.kind, KIND), codes: [], channels: [], source: r.source, frames: stackFrames(r.stack) }
    if (r.screen !== undefined) out.screen = safeToken(r.screen, SCREEN)
    return out
  }
  return { where: 'main', kind: kindOf(err), codes: codesOf(err), channels: channelsIn(err), frames: stackFrames(field(err, 'stack')) }
}

/** One log entry's text: a summary line, then the frames indented as in a stack trace. */
export function formatRedacted(r: RedactedError): string {
  const parts = [`${r.where} error`, `kind=${r.kind}`]
  if (r.source) parts.push(`source=${r.source}`)
  if (r.screen) parts.push(`screen=${r.screen}`)
  if (r.codes.length > 0) parts.push(`codes=${r.codes.join(',')}`)
  if (r.channels.length > 0) parts.push(`channels=${r.channels.join(',')}`)
  return [parts.join(' '), ...r.frames.map((f) => `    ${f}`)].join('\n')
}

/** An event of the app's own (a renderer that crashed, a quit that timed out): its name and code-like details only. */
export function redactEvent(name: string, details: Record<string, unknown> = {}): string {
  const parts = [`event=${safeToken(name)}`]
  for (const [key, value] of Object.entries(details)) parts.push(`${safeToken(key)}=${safeToken(value)}`)
  return parts.join(' ')
}
