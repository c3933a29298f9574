import { Button, Checkbox, Group, NativeSelect, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { POM_ROLES, ROLE_NAMES, USER_ROLES, type UserRole } from '../../../../shared/ipc/values'
import { LOCK_AT, users as usersChannels, type User, type UserEntry } from '../../../../shared/ipc/channels/auth'
import { CONFIRM_PASSWORD_LABEL, ConfirmPasswordInput } from '../../app/ConfirmPasswordInput'
import { DataTable } from '../../app/DataTable'
import { ErrorSummary } from '../../app/ErrorSummary'
import { ErrorText } from '../../app/ErrorText'
import { useSaveUser, useUnlockUser, useUsers } from '../../data/authHooks'
import { useStaff } from '../../data/caseloadHooks'
import { OmuError } from '../../data/client'
import { fieldId, formErrors, serverFieldError } from '../../lib/formErrors'
import { SetPasswordDialog } from './SetPasswordDialog'
import { mayCall } from '../../../../shared/permissions/rules'
import { channelTag, whoCan } from '../../app/can'

/** HOMS only: user profiles and their roles (issue 7). The main process enforces the same rule. */
export function UsersSection({ me }: { me: User }) {
  // Issue 16: the rules table says who manages users (shared/permissions/rules.ts).
  const mayManage = mayCall(me.role, 'users.save')
  const users = useUsers(mayManage && mayCall(me.role, 'users.list'))
  const unlock = useUnlockUser()
  const [resetting, setResetting] = useState<UserEntry | null>(null)
  if (!mayManage) return <Text size="sm">{whoCan('users.save')}</Text>
  return (
    <Stack>
      <Title order={2} size="h3">
        Users
      </Title>
      <DataTable
        caption="People who can sign in"
        rows={users.data ?? []}
        rowKey={(u) => u.id}
        empty="No users yet."
        columns={[
          { header: 'Name', cell: (u) => u.displayName },
          { header: 'Username', cell: (u) => u.username },
          { header: 'Role', cell: (u) => ROLE_NAMES[u.role] },
          { header: 'Status', cell: (u) => (u.active ? 'Active' : 'Inactive') },
          {
            // Issue 16: a password the HOMS sets or resets, and whether the user must then choose their own.
            header: 'Password',
            cell: (u) => (
              <Group gap="xs" wrap="nowrap">
                <Text size="sm">{u.passwordChangeRequired ? 'Must choose a new one at next sign-in' : 'Their own'}</Text>
                <Button size="compact-sm" variant="default" aria-label={`Set a new password for ${u.displayName}`} {...channelTag('users.save')} onClick={() => setResetting(u)}>
                  Set a new password
                </Button>
              </Group>
            ),
          },
          {
            header: 'Wrong passwords in a row',
            cell: (u) =>
              u.failedSignIns === 0 ? (
                'None'
              ) : (
                <Group gap="xs">
                  <Text size="sm">{u.failedSignIns >= LOCK_AT ? `${u.failedSignIns}: locked` : u.failedSignIns}</Text>
                  <Button
                    size="compact-sm"
                    variant="default"
                    aria-label={`Unlock ${u.displayName}`}
                    {...channelTag('users.unlock')}
                    loading={unlock.isPending && unlock.variables === u.id}
                    onClick={() => unlock.mutate(u.id, { onSuccess: (v) => notifications.show({ color: 'teal', message: `${v.displayName} can sign in again.` }) })}
                  >
                    Unlock
                  </Button>
                </Group>
              ),
          },
        ]}
      />
      {unlock.error ? <ErrorText error={unlock.error} title="Not unlocked" /> : null}
      {resetting ? <SetPasswordDialog user={resetting} onClose={() => setResetting(null)} /> : null}
      <AddUserForm />
    </Stack>
  )
}

const FORM = 'add-user'
const FIELDS = [
  { name: 'displayName', label: 'Name' },
  { name: 'username', label: 'New username' },
  { name: 'role', label: 'Role' },
  { name: 'staffId', label: 'Staff record' },
  { name: 'password', label: 'First password' },
  { name: 'yourPassword', label: CONFIRM_PASSWORD_LABEL },
] as const

interface AddUserValues {
  displayName: string
  username: string
  role: UserRole
  /** A staff record's id as the select holds it ('' for none). */
  staffId: string
  password: string
  /** Issue 16: the new user chooses their own password at their first sign-in (ticked unless the HOMS says otherwise). */
  mustChangePassword: boolean
  yourPassword: string
}

const toInput = (v: AddUserValues) => ({
  displayName: v.displayName,
  username: v.username,
  role: v.role,
  staffId: v.staffId ? Number(v.staffId) : null,
  password: v.password || undefined,
  mustChangePassword: v.mustChangePassword,
  yourPassword: v.yourPassword,
})

/**
 * users.save's own rules (shared/ipc/channels/auth.ts), checked at once in the form (issue 16,
 * "Form errors"), plus what the main process would refuse on its own: a new user needs a first
 * password, and the HOMS's own password is asked again (issue 15).
 */
function checkNewUser(v: AddUserValues) {
  const errors = formErrors(usersChannels.save.input, toInput(v))
  if (!v.password) errors.password = 'Give the new user a first password (at least 12 characters).'
  if (!v.yourPassword) errors.yourPassword = 'Enter your own password, to confirm.'
  return errors
}

/** A new user, with their first password (HOMS; issue 7). */
function AddUserForm() {
  const staff = useStaff()
  const save = useSaveUser()
  const poms = (staff.data ?? []).filter((s) => POM_ROLES.includes(s.role))
  const form = useForm<AddUserValues>({
    mode: 'controlled',
    initialValues: { displayName: '', username: '', role: 'pom', staffId: '', password: '', mustChangePassword: true, yourPassword: '' },
    validate: checkNewUser,
  })
  const [attempt, setAttempt] = useState(0)
  const refusal = save.error instanceof OmuError ? save.error : null
  const other = refusal && !serverFieldError(refusal) ? refusal.message : null
  const id = (name: string) => fieldId(FORM, name)
  const submit = form.onSubmit(
    (v) =>
      save.mutate(toInput(v), {
        onSuccess: (u) => {
          notifications.show({
            color: 'teal',
            message: v.mustChangePassword ? `${u.displayName} can now sign in as ${u.username}, and will choose their own password when they do.` : `${u.displayName} can now sign in as ${u.username}.`,
          })
          form.setValues({ displayName: '', username: '', role: v.role, staffId: '', password: '', mustChangePassword: true, yourPassword: '' })
          setAttempt(0)
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
    <form onSubmit={submit} noValidate aria-labelledby="add-user-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="add-user-title">
          Add a user
        </Title>
        <ErrorSummary formId={FORM} errors={form.errors} fields={FIELDS} attempt={attempt} other={other} />
        <Group grow align="flex-start">
          <TextInput id={id('displayName')} label="Name" required {...form.getInputProps('displayName')} />
          <TextInput id={id('username')} label="New username" description="3 to 32 letters, digits, dots, dashes or underscores" required {...form.getInputProps('username')} />
          <NativeSelect id={id('role')} label="Role" data={USER_ROLES.map((r) => ({ value: r, label: ROLE_NAMES[r] }))} {...form.getInputProps('role')} />
        </Group>
        <Group grow align="flex-start">
          <NativeSelect
            id={id('staffId')}
            label="Staff record (POMs)"
            description="Whose allocations are this POM's own"
            data={[{ value: '', label: 'None' }, ...poms.map((s) => ({ value: String(s.id), label: s.name }))]}
            {...form.getInputProps('staffId')}
          />
          <PasswordInput id={id('password')} label="First password" description="At least 12 characters; tell them in person" autoComplete="new-password" required {...form.getInputProps('password')} />
        </Group>
        <Checkbox
          id={id('mustChangePassword')}
          label="Ask them to choose their own password when they first sign in"
          description="Recommended: until they do, they see only the page to change it."
          {...form.getInputProps('mustChangePassword', { type: 'checkbox' })}
        />
        <ConfirmPasswordInput
          id={id('yourPassword')}
          value={form.values.yourPassword}
          onChange={(v) => form.setFieldValue('yourPassword', v)}
          why="adding a user or changing a role"
          error={save.error}
          field="yourPassword"
          clientError={typeof form.errors.yourPassword === 'string' ? form.errors.yourPassword : undefined}
        />
        <Group>
          <Button type="submit" loading={save.isPending} {...channelTag('users.save')}>
            Add user
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
