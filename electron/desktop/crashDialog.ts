import type { RenderProcessGoneDetails } from 'electron'

// Issue 18, "Logs and crashes": when the window's page stops (its renderer process has gone, or it
// has not answered for a while), the user gets a plain dialog and a way to carry on, never a white
// or frozen window with no explanation. Pure: the wiring (desktop/wire.ts) shows what this returns
// with dialog.showMessageBox and acts on the button chosen.

export type WindowTrouble = { kind: 'gone'; details: Pick<RenderProcessGoneDetails, 'reason' | 'exitCode'> } | { kind: 'unresponsive' }

/** What the chosen button does: reload the page, keep waiting, or close the app. */
export type TroubleAction = 'reload' | 'wait' | 'quit'

export interface TroubleDialog {
  type: 'error' | 'warning'
  title: string
  message: string
  detail: string
  buttons: string[]
  /** The action of each button, in the same order. */
  actions: TroubleAction[]
  defaultId: number
  cancelId: number
}

const KEPT = 'Everything you saved before is kept: changes are written to the data file as each one is saved.'
const TELL_IT = 'If it keeps happening, note the time and tell your system administrator; the log files are under Help › Show log files.'

/**
 * The dialog for a page that has gone or stopped answering. `null` when the page closed as asked
 * (a clean exit, or one that happened because the window is closing): nothing to tell the user.
 */
export function troubleDialog(trouble: WindowTrouble): TroubleDialog | null {
  switch (trouble.kind) {
    case 'unresponsive':
      return {
        type: 'warning',
        title: 'OMU Desk is not responding',
        message: 'The OMU Desk window is not responding.',
        detail: `It may still be working on something large. Wait a little longer, or reload the window. ${KEPT} ${TELL_IT}`,
        buttons: ['Wait', 'Reload the window'],
        actions: ['wait', 'reload'],
        defaultId: 0,
        cancelId: 0,
      }
    case 'gone': {
      const reason = trouble.details.reason
      switch (reason) {
        case 'clean-exit':
          return null
        case 'oom':
        case 'memory-eviction':
          return gone('The OMU Desk window ran out of memory and stopped.', 'Closing other programs may help.')
        case 'crashed':
        case 'abnormal-exit':
        case 'killed':
        case 'launch-failed':
          return gone('The OMU Desk window stopped unexpectedly.', '')
        case 'integrity-failure':
          return {
            ...gone('The OMU Desk window stopped because the app’s files failed a check.', 'The installation may be damaged: ask your system administrator to reinstall OMU Desk.'),
            buttons: ['Close OMU Desk', 'Reload the window'],
            actions: ['quit', 'reload'],
            defaultId: 0,
            cancelId: 0,
          }
        default: {
          const never: never = reason
          return gone(`The OMU Desk window stopped (${String(never)}).`, '')
        }
      }
    }
    default: {
      const never: never = trouble
      throw new Error(`Unknown window trouble ${JSON.stringify(never)}`)
    }
  }
}

function gone(message: string, extra: string): TroubleDialog {
  return {
    type: 'error',
    title: 'OMU Desk stopped',
    message,
    detail: [extra, `Reload the window to carry on. ${KEPT} ${TELL_IT}`].filter(Boolean).join(' '),
    buttons: ['Reload the window', 'Close OMU Desk'],
    actions: ['reload', 'quit'],
    defaultId: 0,
    cancelId: 1,
  }
}

/** The action for the button the user chose (Escape or closing the dialog chooses `cancelId`). */
export function chosenAction(dialog: TroubleDialog, response: number): TroubleAction {
  return dialog.actions[response] ?? dialog.actions[dialog.cancelId] ?? 'wait'
}
