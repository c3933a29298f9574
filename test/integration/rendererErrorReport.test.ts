import { afterEach, describe, expect, it } from 'vitest'
import { formatRedacted, redactError, ReportedRendererError } from '../../electron/services/log/redact'
import { startTestServices, type ServicesHandle } from './helpers'

// Issue 18, "Logs and crashes": renderer errors reach the main process's log through the one IPC
// path (omu:app.reportError: zod contract, dispatcher) and the one redaction.

let svc: ServicesHandle
afterEach(() => svc?.cleanup())

describe('omu:app.reportError (issue 18)', () => {
  it('logs a renderer error before anyone signs in, as a report the log redacts', async () => {
    svc = await startTestServices({ as: null })
    const r = await svc.call('omu:app.reportError', { source: 'screen', kind: 'TypeError', stack: '    at Screen (app://omu/assets/a.js:1:2)', screen: 'caseload' })
    expect(r).toEqual({ ok: true, data: {} })
    const reports = svc.logged.filter((e) => e instanceof ReportedRendererError)
    expect(reports).toHaveLength(1)
    expect(formatRedacted(redactError(reports[0]))).toBe('renderer error kind=TypeError source=screen screen=caseload\n    at Screen (app://omu/assets/a.js:1:2)')
  })

  it('refuses a report that is not one (an extra field such as a message, an unknown source) and logs nothing', async () => {
    svc = await startTestServices({ as: null })
    for (const input of [
      { source: 'screen', kind: 'TypeError', stack: '', message: 'Jo Bloggs' },
      { source: 'elsewhere', kind: 'TypeError', stack: '' },
      { source: 'window', kind: 'TypeError', stack: 'x'.repeat(20_001) },
    ]) {
      const r = await svc.call('omu:app.reportError', input)
      expect(r.ok, JSON.stringify(input).slice(0, 80)).toBe(false)
    }
    expect(svc.logged.filter((e) => e instanceof ReportedRendererError)).toEqual([])
  })
})
