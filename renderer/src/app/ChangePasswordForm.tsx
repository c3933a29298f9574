import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState, type ReactNode } from 'react'
import type { z } from 'zod'
import { auth } from '../../../shared/ipc/channels/auth'
import { OmuError } from '../data/client'
import { useChangeOwnPassword } from '../data/authHooks'
import { fieldId, formErrors, serverFieldError } from '../lib/formErrors'
import { channelTag } from './can'
import { ErrorSummary } from './ErrorSummary'

const FORM = 'change-password'
const FIELDS = [
  { name: 'currentPassword', label: 'Current password' },
  { name: 'newPassword', label: 'New password' },
  { name: 'confirmPassword', label: 'New password again' },
] as const

interface Values {
  currentPassword: string
  newPassword: string
  confirmPassword: string
}

/**
 * The channel's own rules (length), plus the new password typed twice the same. The main process
 * adds the rest of the one password rule (electron/services/auth/passwordRules.ts: not a common
 * password, not the username), said under the new password's field.
 */
function check(v: Values) {
  const errors = formErrors(auth.changePassword.input, { currentPassword: v.currentPassword, newPassword: v.newPassword })
  if (v.confirmPassword === '') errors.confirmPassword = 'Type the new password again.'
  else if (!errors.newPassword && v.confirmPassword !== v.newPassword) errors.confirmPassword = 'Type the same new password twice.'
  return errors
}

/**
 * Change your own password (issue 16): the one form, in the account menu's dialog and on the page a
 * user sees after signing in with a password the HOMS set (ChangePasswordPage). `actions` sits
 * beside the submit button (Cancel in the dialog, Sign out on the page).
 */
export function ChangePasswordForm({ onDone, actions, currentLabel = 'Current password' }: { onDone: () => void; actions?: ReactNode; currentLabel?: string }) {
  const form = useForm<Values>({ mode: 'controlled', initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' }, validate: check })
  const [attempt, setAttempt] = useState(0)
  const change = useChangeOwnPassword()
  const refusal = change.error instanceof OmuError ? change.error : null
  const other = refusal && !serverFieldError(refusal) ? refusal.message : null
  const submit = form.onSubmit(
    (v) =>
      change.mutate(auth.changePassword.input.parse({ currentPassword: v.currentPassword, newPassword: v.newPassword }) as z.input<typeof auth.changePassword.input>, {
        onSuccess: onDone,
        onError: (e) => {
          const f = serverFieldError(e instanceof OmuError ? e : null)
          if (f) form.setFieldError(f.field, f.message)
          setAttempt((n) => n + 1)
        },
      }),
    () => setAttempt((n) => n + 1),
  )
  const id = (name: string) => fieldId(FORM, name)
  const fields = FIELDS.map((f) => (f.name === 'currentPassword' ? { ...f, label: currentLabel } : f))
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ErrorSummary formId={FORM} errors={form.errors} fields={fields} attempt={attempt} other={other} />
        <PasswordInput id={id('currentPassword')} label={currentLabel} autoComplete="current-password" required data-autofocus {...form.getInputProps('currentPassword')} />
        <PasswordInput
          id={id('newPassword')}
          label="New password"
          description="At least 12 characters; three random words work well."
          autoComplete="new-password"
          required
          {...form.getInputProps('newPassword')}
        />
        <PasswordInput id={id('confirmPassword')} label="New password again" autoComplete="new-password" required {...form.getInputProps('confirmPassword')} />
        <Text size="sm" c="dimmed">
          A guess at the current password counts as a wrong sign-in.
        </Text>
        <Group justify="flex-end">
          {actions}
          <Button type="submit" loading={change.isPending} {...channelTag('auth.changePassword')}>
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
