// Typed error for invalid resourcing input, in the case engine's style (case/errors.ts): the first
// fault throws, naming the field as a property path ('poms[2].hoursPerWeek',
// 'caseload[7].case.sentenceStartDate'), so the caller can say which record is wrong.
export class ResourcingInputError extends Error {
  /** The input field at fault, as a property path. */
  readonly field: string
  /** The rejected value, for logs and messages. */
  readonly value: unknown

  constructor(field: string, message: string, value?: unknown) {
    super(`${field}: ${message}`)
    this.name = 'ResourcingInputError'
    this.field = field
    this.value = value
  }
}
