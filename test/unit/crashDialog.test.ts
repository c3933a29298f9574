import { describe, expect, it } from 'vitest'
import { chosenAction, troubleDialog } from '../../electron/desktop/crashDialog'

// Issue 18, "Logs and crashes": a page that has gone or stopped answering gets a plain dialog and
// a reload, chosen from the event's details.

describe('the dialog for a crashed or frozen window (issue 18)', () => {
  it('a crashed page offers to reload (the default) or close, and says saved work is kept', () => {
    const box = troubleDialog({ kind: 'gone', details: { reason: 'crashed', exitCode: 11 } })!
    expect(box.type).toBe('error')
    expect(box.message).toBe('The OMU Desk window stopped unexpectedly.')
    expect(box.detail).toContain('Everything you saved before is kept')
    expect(box.buttons).toEqual(['Reload the window', 'Close OMU Desk'])
    expect(chosenAction(box, box.defaultId)).toBe('reload')
    expect(chosenAction(box, box.cancelId)).toBe('quit')
  })

  it('running out of memory is named as such, with what may help', () => {
    for (const reason of ['oom', 'memory-eviction'] as const) {
      const box = troubleDialog({ kind: 'gone', details: { reason, exitCode: 0 } })!
      expect(box.message).toBe('The OMU Desk window ran out of memory and stopped.')
      expect(box.detail).toContain('Closing other programs may help.')
      expect(chosenAction(box, 0)).toBe('reload')
    }
  })

  it('every other way a page can go leads to a reload; a clean exit (the window closing) shows nothing', () => {
    for (const reason of ['abnormal-exit', 'killed', 'launch-failed'] as const) {
      expect(chosenAction(troubleDialog({ kind: 'gone', details: { reason, exitCode: 1 } })!, 0), reason).toBe('reload')
    }
    expect(troubleDialog({ kind: 'gone', details: { reason: 'clean-exit', exitCode: 0 } })).toBeNull()
  })

  it('damaged app files point to reinstalling, closing by default', () => {
    const box = troubleDialog({ kind: 'gone', details: { reason: 'integrity-failure', exitCode: 0 } })!
    expect(box.detail).toContain('reinstall OMU Desk')
    expect(chosenAction(box, box.defaultId)).toBe('quit')
  })

  it('a page not responding offers to wait (the default, also on Escape) or reload', () => {
    const box = troubleDialog({ kind: 'unresponsive' })!
    expect(box.type).toBe('warning')
    expect(box.message).toBe('The OMU Desk window is not responding.')
    expect(box.buttons).toEqual(['Wait', 'Reload the window'])
    expect(chosenAction(box, box.defaultId)).toBe('wait')
    expect(chosenAction(box, box.cancelId)).toBe('wait')
    expect(chosenAction(box, 1)).toBe('reload')
  })

  it('each button has its action and the text says where the logs are', () => {
    for (const box of [troubleDialog({ kind: 'unresponsive' })!, troubleDialog({ kind: 'gone', details: { reason: 'crashed', exitCode: 1 } })!]) {
      expect(box.actions).toHaveLength(box.buttons.length)
      expect(box.detail).toContain('Help › Show log files')
    }
  })
})
