import { useState } from 'react'
import type { z } from 'zod'
import { OmuError } from '../data/client'
import { formErrors, serverFieldError, type FieldErrors } from '../lib/formErrors'

/**
 * The bookkeeping every form around ErrorSummary needs (issue 16, "Form errors"), as in
 * RecordSessionForm: `attempt` counts failed submits (the summary takes the focus on each),
 * `failed` is @mantine/form's onSubmit error handler, and `refused` is a mutation's onError that
 * puts a refusal naming a field under that field (and so in the summary), counting the attempt.
 */
export function useFormRefusal(form: { setFieldError: (path: string, error: React.ReactNode) => void }) {
  const [attempt, setAttempt] = useState(0)
  const failed = () => setAttempt((n) => n + 1)
  const refused = (e: unknown) => {
    const f = serverFieldError(e instanceof OmuError ? e : null)
    if (f) form.setFieldError(f.field, f.message)
    failed()
  }
  return { attempt, failed, refused }
}

/** A refusal from the main process not about one field: the summary says it above the field list. */
export function otherRefusal(error: unknown): string | null {
  if (!error) return null
  if (error instanceof OmuError) return serverFieldError(error) ? null : error.message
  return error instanceof Error ? error.message : 'Something went wrong.'
}

/**
 * The check of a form that only asks for the user's own password again (issues 15, 16): the
 * channel's own schema, and an empty password asked for in words before anything is sent (the
 * contract lets an empty one through for the dispatcher to refuse in the same sentence as a wrong one).
 */
export function confirmCheck<V extends { password: string }>(schema: z.ZodType, toInput: (v: V) => unknown): (v: V) => FieldErrors {
  return (v) => {
    const errors = formErrors(schema, toInput(v))
    if (!v.password) errors.password = 'Enter your own password, to confirm.'
    return errors
  }
}
