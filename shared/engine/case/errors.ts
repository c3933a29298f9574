// Typed error for invalid engine input. The engine never returns a wrong date: any unparseable or
// impossible date, out-of-range value or inconsistent input throws this, naming the offending field
// ('sentenceStartDate', 'sessions[3].recordedOn', 'today', 'policy', 'n', ...).
// Source: issue 3, "Invalid input ... throws a typed error naming the field".

export class CaseInputError extends Error {
  /** The input field at fault, as a property path: 'conditionalReleaseDate', 'sessions[2].date'. */
  readonly field: string
  /** The rejected value, for logs and messages. */
  readonly value: unknown

  constructor(field: string, message: string, value?: unknown) {
    super(`${field}: ${message}`)
    this.name = 'CaseInputError'
    this.field = field
    this.value = value
  }
}

export function invalidDate(field: string, value: unknown): CaseInputError {
  return new CaseInputError(field, `expected a calendar date 'YYYY-MM-DD' (years 1900-2999), got ${describe(value)}`, value)
}

export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  if (value === null) return 'null'
  if (typeof value === 'object') return Array.isArray(value) ? 'an array' : 'an object'
  return `${typeof value} ${String(value)}`
}
