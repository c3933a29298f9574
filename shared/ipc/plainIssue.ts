import type { z } from 'zod'

// One wording for a zod issue, used by the main process (electron/services/errors.ts) and by the
// renderer's forms (renderer/src/lib/formErrors.ts), so a rule refused in either place reads the
// same (issue 16, "Dates, forms, wording": plain words, no internal field names). Schemas should
// still say what to fix in their own words; this is the floor for the issues that do not.

/** zod's own messages ("Too small: expected number to be >0") are for developers, not users. */
export function isZodDefault(message: string): boolean {
  return /^(Too small|Too big|Invalid|Expected)\b/.test(message)
}

const count = (n: number | bigint) => (typeof n === 'bigint' ? n.toString() : n.toLocaleString('en-GB'))

/** A plain sentence for a zod issue that has no message of our own (issue 7: every refusal is a readable sentence). */
export function plainSentence(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small': {
      const min = issue.minimum as number | bigint
      if (issue.origin === 'string') return `Enter at least ${count(min)} character${Number(min) === 1 ? '' : 's'}.`
      if (issue.origin === 'array' || issue.origin === 'set') return `Give at least ${count(min)} item${Number(min) === 1 ? '' : 's'}.`
      return issue.inclusive ? `Enter a number of at least ${count(min)}.` : `Enter a number greater than ${count(min)}.`
    }
    case 'too_big': {
      const max = issue.maximum as number | bigint
      if (issue.origin === 'string') return `Keep this to ${count(max)} characters or fewer.`
      if (issue.origin === 'array' || issue.origin === 'set') return `Give at most ${count(max)} items.`
      return issue.inclusive ? `Enter a number of at most ${count(max)}.` : `Enter a number less than ${count(max)}.`
    }
    case 'invalid_value':
      return 'Choose one of the options offered.'
    case 'invalid_format':
      return 'This is not in the expected format.'
    case 'not_multiple_of':
      return 'Enter a whole number in the steps allowed.'
    default:
      return 'This value is not valid.'
  }
}

/** The message to show for one issue, without any field name in front of it. */
export function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `Remove the unexpected field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}.`
    case 'invalid_type':
      // A schema's own message ("Enter the duration in minutes.") says best what is missing.
      if (!isZodDefault(issue.message)) return issue.message
      return issue.input === undefined ? 'This is required.' : 'This has the wrong kind of value.'
    default:
      return isZodDefault(issue.message) ? plainSentence(issue) : issue.message
  }
}

/**
 * A field's name in words, sentence case: 'resourcingNote' -> 'Resourcing note', 'targetDate' ->
 * 'Target date'; list positions count from 1 ('extraHolidays.0' -> 'Extra holidays, item 1').
 * For messages and history that would otherwise show the code's name for a field (issue 16).
 */
export function fieldWords(path: readonly PropertyKey[] | string): string {
  const parts = typeof path === 'string' ? path.split('.') : path
  return parts
    .map((p, i) => {
      if (typeof p === 'number' || /^\d+$/.test(String(p))) return `item ${Number(p) + 1}`
      const words = String(p)
        .replace(/[_-]+/g, ' ')
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .toLowerCase()
        .trim()
      return i === 0 ? words.charAt(0).toUpperCase() + words.slice(1) : words
    })
    .join(', ')
}
