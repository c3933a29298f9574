import type { RendererErrorReportInput } from '../../../shared/ipc/channels/app'

// Issue 18, "Logs and crashes": renderer errors reach the main process's log through the one IPC
// path (`omu:app.reportError`, zod contract, dispatcher), carrying the error's kind and stack
// frames only. The message stays here: it may quote what is on screen (a name, a note). The main
// process redacts what arrives again before writing it (electron/services/log/redact.ts).

const MAX_FRAMES = 25

/** The stack's frame lines (`at fn (location)`), without the message lines above them. */
export function framesOnly(stack: unknown): string {
  if (typeof stack !== 'string') return ''
  return stack
    .split('\n')
    .filter((line) => /^\s*at /.test(line))
    .slice(0, MAX_FRAMES)
    .join('\n')
}

function kindOf(err: unknown): string {
  if (err instanceof Error) return (err.name || err.constructor.name).slice(0, 100)
  return err === null ? 'null' : typeof err
}

/** Sends an error to the log; never throws (a failed report must not become another error). */
export function reportRendererError(source: RendererErrorReportInput['source'], err: unknown, screen?: string): void {
  const report: RendererErrorReportInput = { source, kind: kindOf(err), stack: framesOnly(err instanceof Error ? err.stack : undefined) }
  if (screen) report.screen = screen.slice(0, 100)
  try {
    void window.omu.app.reportError(report).catch(() => undefined)
  } catch {
    // No bridge (a page outside the app): nothing to report to.
  }
}

/** Uncaught errors and unhandled rejections anywhere in the page go to the log too. */
export function reportUncaughtErrors(): void {
  window.addEventListener('error', (event) => reportRendererError('window', event.error))
  window.addEventListener('unhandledrejection', (event) => reportRendererError('promise', event.reason))
}
