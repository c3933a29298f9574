import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createAppLog, rotateLogFiles } from '../../electron/services/log/appLog'
import { formatRedacted, redactError, redactEvent, ReportedRendererError, stackFrames } from '../../electron/services/log/redact'

// Issue 18, "Logs and crashes": no personal data in logs; rotation by size, a few old files kept.

const NAME = 'Jonathan Pemberton-Smythe'
const DOB = '1987-03-14'
const NOTE = 'Discussed his daughter’s visit and the debt on the wing'

/** A database error as drizzle wraps it: the SQL parameters are in the message. */
function failedQuery(): Error {
  const cause = Object.assign(new Error(`UNIQUE constraint failed: prisoner.prison_number (${NAME})`), { name: 'SqliteError', code: 'SQLITE_CONSTRAINT_UNIQUE' })
  const err = new Error(`Failed query: insert into "prisoner" values (?, ?, ?)\nparams: ${NAME},${DOB},${NOTE}`, { cause })
  err.name = 'DrizzleQueryError'
  err.stack = `DrizzleQueryError: Failed query: insert into "prisoner"\nparams: ${NAME},${DOB},${NOTE}\n    at SQLiteSession.run (/home/jane.homs/omu/node_modules/drizzle-orm/sqlite-core/session.js:48:13)\n    at async file:///C:/Users/jane.homs/AppData/Local/omu/main.cjs:120:5\n    at Dispatcher.invoke (C:\\Users\\jane.homs\\AppData\\Local\\Programs\\OMU Desk\\resources\\app.asar\\dist\\main\\main.cjs:4410:22)`
  return err
}

function expectNoPersonalData(text: string): void {
  for (const fragment of [NAME, 'Pemberton', DOB, NOTE, 'daughter', 'jane.homs']) expect(text, fragment).not.toContain(fragment)
}

describe('log redaction: kinds, codes, channel names and frames only (issue 18)', () => {
  it('a database error keeps its kind, its codes down the cause chain and its frames, never the SQL parameters', () => {
    const r = redactError(failedQuery())
    expect(r.where).toBe('main')
    expect(r.kind).toBe('DrizzleQueryError')
    expect(r.codes).toEqual(['SQLITE_CONSTRAINT_UNIQUE'])
    expect(r.frames).toHaveLength(3)
    expect(r.frames[0]).toBe('at SQLiteSession.run (~/omu/node_modules/drizzle-orm/sqlite-core/session.js:48:13)')
    expectNoPersonalData(formatRedacted(r))
  })

  it('the user’s home folder name is taken out of frame paths on Windows, macOS and Linux', () => {
    const frames = stackFrames(
      [
        'Error: x',
        '    at f (C:\\Users\\jane.homs\\AppData\\app.js:1:2)',
        '    at g (/Users/jane.homs/Library/app.js:3:4)',
        '    at h (/home/jane.homs/app.js:5:6)',
        '    at file:///C:/Users/jane.homs/app.js:7:8',
      ].join('\n'),
    )
    expect(frames).toEqual(['at f (~\\AppData\\app.js:1:2)', 'at g (~/Library/app.js:3:4)', 'at h (~/app.js:5:6)', 'at file:///~/app.js:7:8'])
  })

  it('message text spread over several lines is not taken for a stack frame', () => {
    const stack = `Error: could not show\n    at ${NAME}'s record\n  at Jonathan (no location)\n    at render (app://omu/assets/index-abc.js:10:20)`
    expect(stackFrames(stack)).toEqual(['at render (app://omu/assets/index-abc.js:10:20)'])
  })

  it('IPC channel names in a message are kept; the rest of the message is not', () => {
    const r = redactError(new Error(`Response of omu:prisoners.get broke the contract: ${NAME} is not a date`))
    expect(r.channels).toEqual(['omu:prisoners.get'])
    expect(r.kind).toBe('Error')
    expectNoPersonalData(formatRedacted(r))
  })

  it('a thrown non-error is logged by its type only', () => {
    expect(formatRedacted(redactError(NAME))).toBe('main error kind=string')
    expect(formatRedacted(redactError({ name: NAME, note: NOTE }))).toBe('main error kind=object')
  })

  it('a kind or code that is not code-like is replaced, so it cannot carry a name', () => {
    const odd = Object.assign(new Error('x'), { name: NAME, code: `${DOB} ${NAME}` })
    const text = formatRedacted(redactError(odd))
    expect(text).toContain('kind=[redacted]')
    expect(text).toContain('codes=[redacted]')
    expectNoPersonalData(text)
  })

  it('a renderer report logs its source, kind, screen and frames, not its message', () => {
    const report = new ReportedRendererError({
      source: 'screen',
      kind: 'TypeError',
      stack: `TypeError: Cannot read properties of undefined (reading '${NAME}')\n    at PrisonerScreen (app://omu/assets/PrisonerScreen-1.js:1:200)`,
      screen: 'prisoner',
    })
    expect(formatRedacted(redactError(report))).toBe('renderer error kind=TypeError source=screen screen=prisoner\n    at PrisonerScreen (app://omu/assets/PrisonerScreen-1.js:1:200)')
    const spoofed = redactError(new ReportedRendererError({ source: 'window', kind: NAME, stack: NOTE, screen: NAME }))
    expect(spoofed.kind).toBe('[redacted]')
    expect(spoofed.screen).toBe('[redacted]')
    expect(spoofed.frames).toEqual([])
  })

  it('an event keeps code-like details and redacts the others', () => {
    expect(redactEvent('render-process-gone', { reason: 'crashed', exitCode: 11 })).toBe('event=render-process-gone reason=crashed exitCode=11')
    expect(redactEvent('window-state', { user: NAME })).toBe('event=window-state user=[redacted]')
  })
})

describe('the log file (issue 18)', () => {
  const dirs: string[] = []
  const tempDir = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'omu-log-'))
    dirs.push(d)
    return d
  }
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
  })

  it('holds the redacted entry, readable by the signed-in account only', () => {
    const dir = path.join(tempDir(), 'logs')
    const log = createAppLog({ dir, console: false })
    log.error(failedQuery())
    log.event('unresponsive')
    const text = fs.readFileSync(log.file, 'utf8')
    expect(text).toContain('[error] main error kind=DrizzleQueryError codes=SQLITE_CONSTRAINT_UNIQUE')
    expect(text).toContain('event=unresponsive')
    expectNoPersonalData(text)
    if (process.platform !== 'win32') expect(fs.statSync(log.file).mode & 0o077).toBe(0)
  })

  it('rotates past its size limit and keeps the newest old files only', () => {
    const dir = tempDir()
    const log = createAppLog({ dir, console: false, maxBytes: 300, keep: 2 })
    for (let i = 0; i < 40; i++) log.event('tick', { i })
    const names = fs.readdirSync(dir).sort()
    expect(names).toEqual(['main.1.log', 'main.2.log', 'main.log'])
    const last = (f: string) => Number(/i=(\d+)\s*$/.exec(fs.readFileSync(path.join(dir, f), 'utf8').trim())?.[1])
    // The current file has the latest entries, main.1.log the ones before, main.2.log older still.
    expect(last('main.log')).toBe(39)
    expect(last('main.1.log')).toBeLessThan(last('main.log'))
    expect(last('main.2.log')).toBeLessThan(last('main.1.log'))
  })

  it('rotateLogFiles shifts each old file up by one and drops the oldest', () => {
    const dir = tempDir()
    const file = path.join(dir, 'main.log')
    for (const [name, text] of [['main.log', 'current'], ['main.1.log', 'one'], ['main.2.log', 'two']]) fs.writeFileSync(path.join(dir, name!), text!)
    rotateLogFiles(file, 2)
    expect(fs.readdirSync(dir).sort()).toEqual(['main.1.log', 'main.2.log'])
    expect(fs.readFileSync(path.join(dir, 'main.1.log'), 'utf8')).toBe('current')
    expect(fs.readFileSync(path.join(dir, 'main.2.log'), 'utf8')).toBe('one')
  })
})
