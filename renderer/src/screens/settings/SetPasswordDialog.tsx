import { Button, Checkbox, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { users, type UserEntry } from '../../../../shared/ipc/channels/auth'
import { CONFIRM_PASSWORD_LABEL, ConfirmPasswordInput } from '../../app/ConfirmPasswordInput'
import { ErrorSummary } from '../../app/ErrorSummary'
import { channelTag } from '../../app/can'
import { OmuError } from '../../data/client'
import { useSaveUser } from '../../data/authHooks'
import { fieldId, formErrors, serverFieldError } from '../../lib/formErrors'

const FORM = 'set-password'
const FIELDS = [
  { name: 'password', label: 'New password' },
  { name: 'yourPassword', label: CONFIRM_PASSWORD_LABEL },
] as const

interface Values {
  password: string
  mustChangePassword: boolean
  yourPassword: string
}

/**
 * A HOMS sets a new password for someone (a forgotten one; issue 7), and by default asks them to
 * choose their own when they next sign in (issue 16: until they do they see only the page to change
 * it, electron/services/auth/passwordChange.ts). The rest of the profile is sent as it is.
 */
export function SetPasswordDialog({ user, onClose }: { user: UserEntry; onClose: () => void }) {
  const save = useSaveUser()
  const toInput = (v: Values) => ({
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    staffId: user.staffId,
    active: user.active,
    password: v.password,
    mustChangePassword: v.mustChangePassword,
    yourPassword: v.yourPassword,
  })
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { password: '', mustChangePassword: true, yourPassword: '' },
    validate: (v) => {
      const errors = formErrors(users.save.input, toInput(v))
      if (!v.yourPassword) errors.yourPassword = 'Enter your own password, to confirm.'
      return errors
    },
  })
  const [attempt, setAttempt] = useState(0)
  const refusal = save.error instanceof OmuError ? save.error : null
  const other = refusal && !serverFieldError(refusal) ? refusal.message : null
  const id = (name: string) => fieldId(FORM, name)
  const submit = form.onSubmit(
    (v) =>
      save.mutate(toInput(v), {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            message: v.mustChangePassword ? `${user.displayName}’s password has been set. They will choose their own when they next sign in.` : `${user.displayName}’s password has been set.`,
          })
          onClose()
        },
        onError: (e) => {
          form.setFieldValue('yourPassword', '')
          const f = serverFieldError(e instanceof OmuError ? e : null)
          if (f) form.setFieldError(f.field, f.message)
          setAttempt((n) => n + 1)
        },
      }),
    () => setAttempt((n) => n + 1),
  )
  return (
    <Modal opened onClose={onClose} title={`Set a new password for ${user.displayName}`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorSummary formId={FORM} errors={form.errors} fields={FIELDS} attempt={attempt} other={other} />
          <Text size="sm">Tell {user.displayName} the new password in person. Their old password stops working at once.</Text>
          <PasswordInput id={id('password')} label="New password" description="At least 12 characters; three random words work well." autoComplete="new-password" required data-autofocus {...form.getInputProps('password')} />
          <Checkbox
            id={id('mustChangePassword')}
            label="Ask them to choose their own password when they next sign in"
            description="Recommended: until they do, they see only the page to change it."
            {...form.getInputProps('mustChangePassword', { type: 'checkbox' })}
          />
          <ConfirmPasswordInput
            id={id('yourPassword')}
            value={form.values.yourPassword}
            onChange={(v) => form.setFieldValue('yourPassword', v)}
            why="changing a user"
            error={save.error}
            field="yourPassword"
            clientError={typeof form.errors.yourPassword === 'string' ? form.errors.yourPassword : undefined}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending} {...channelTag('users.save')}>
              Set password
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
