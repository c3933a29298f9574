import { PasswordInput } from '@mantine/core'
import { useId } from 'react'
import { OmuError } from '../data/client'
import classes from './ConfirmPassword.module.css'

/** The label every "asked again" password field shares (issues 7, 15). */
export const CONFIRM_PASSWORD_LABEL = 'Your password, to confirm'

/**
 * The signed-in user's own password, asked again before a weighty change (signing a step, purging,
 * user and role changes, restoring a backup, the establishment's details and settings). The main
 * process checks it (the dispatcher, permissions.ts `reauth`) and refuses a wrong or empty one in a
 * sentence under this field; the field shows that sentence in words, not only in red, and the
 * screen reader hears it with the field (Mantine links the error to the input).
 */
export function ConfirmPasswordInput({
  value,
  onChange,
  why,
  error,
  field = 'password',
  autoFocus = false,
  id: givenId,
  clientError,
}: {
  value: string
  onChange: (value: string) => void
  /** What it confirms, as the rest of "Asked again before …", for example "changing settings". */
  why: string
  /** The request's failure, if any: shown here when it names this field. */
  error: unknown
  /** The request's field holding this password (`yourPassword` where `password` is someone else's). */
  field?: string
  /** Focus this field when a dialog opens (Mantine Modal's data-autofocus). */
  autoFocus?: boolean
  /** The input's id, for an error summary's link to it (issue 16). */
  id?: string
  /** The form's own check of this field, before anything is sent (issue 16). */
  clientError?: string | undefined
}) {
  // Mantine's PasswordInput does not link its description and error to the inner input
  // (withAria is off for it), so the field says itself whether it is wrong and why.
  const autoId = useId()
  const id = givenId ?? autoId
  const message = clientError ?? passwordError(error, field)
  return (
    <PasswordInput
      id={id}
      label={CONFIRM_PASSWORD_LABEL}
      description={`Asked again before ${why}.`}
      autoComplete="current-password"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      required
      aria-invalid={message ? true : undefined}
      aria-describedby={message ? `${id}-error ${id}-description` : `${id}-description`}
      error={message}
      classNames={{ error: classes.error }}
      {...(autoFocus ? { 'data-autofocus': true } : {})}
    />
  )
}

/** The failure's sentence when it is about the confirming password, else undefined. */
export function passwordError(error: unknown, field = 'password'): string | undefined {
  return error instanceof OmuError && error.field === field ? error.message : undefined
}

/** Whether a failure is about the confirming password (the form then shows it under the field only). */
export function isPasswordError(error: unknown, field = 'password'): boolean {
  return passwordError(error, field) !== undefined
}
