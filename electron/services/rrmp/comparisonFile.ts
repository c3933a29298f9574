// Another establishment's readiness export (a JSON file), read and checked before it is imported
// (issue 6). Pure: it runs in the parse worker (parseWorker.ts), off the main process's event loop.
import type { z } from 'zod'
import { READABLE_SCHEMA_VERSIONS, parseReadinessFile, type ReadinessExport, type ReadinessExportV1 } from '../../../shared/export/readinessExport'
import { UserFacingError } from '../../../shared/ipc/result'

function reason(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return (issue as { input?: unknown }).input === undefined ? 'is missing' : `should be ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a group of fields' : `a ${issue.expected}`}`
    case 'invalid_value':
      if ((issue as { input?: unknown }).input === undefined) return 'is missing'
      return `should be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
    default:
      return 'is not valid'
  }
}

/** Where and what, for the first problems: "baselines should be a list; readiness.overall is missing" (kept short). */
function problemList(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((i) => `${i.path.length ? i.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[') : 'the file'} ${reason(i)}`)
  const more = error.issues.length > shown.length ? `; and ${error.issues.length - shown.length} more` : ''
  const text = `${shown.join('; ')}${more}`
  return text.length > 220 ? `${text.slice(0, 217)}…` : text
}

/**
 * Validates a JSON readiness export from another installation against its own version's schema
 * (issue 19: version 1 files are still read; normaliseReadiness gives them version 2's shape);
 * every problem is a sentence.
 */
export function parseComparison(text: string): ReadinessExport | ReadinessExportV1 {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    throw new UserFacingError('invalid_input', 'This file is not valid JSON. Choose the .json file exported from the Readiness and export screen.')
  }
  const parsed = parseReadinessFile(raw)
  if (parsed.ok) return parsed.file
  if ('error' in parsed) throw new UserFacingError('invalid_input', `This readiness export is damaged or incomplete, so it was not imported. Problems: ${problemList(parsed.error)}.`)
  switch (parsed.problem.kind) {
    case 'not_an_export':
      throw new UserFacingError('invalid_input', 'This file is not an OMU Desk readiness export. Choose the .json file exported from the Readiness and export screen.')
    case 'unknown_version':
      throw new UserFacingError(
        'invalid_input',
        `This export uses schema version ${String(parsed.problem.version)}; this version of OMU Desk reads versions ${READABLE_SCHEMA_VERSIONS.join(' and ')}. Ask for an export from a matching version of the app.`,
      )
    default: {
      const never: never = parsed.problem
      throw new Error(`Unknown problem ${JSON.stringify(never)}`)
    }
  }
}
