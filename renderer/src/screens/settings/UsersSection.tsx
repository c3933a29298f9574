import { Button, Group, NativeSelect, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState, type FormEvent } from 'react'
import { POM_ROLES, ROLE_NAMES, USER_ROLES, type UserRole } from '../../../../shared/ipc/values'
import { LOCK_AT, type User } from '../../../../shared/ipc/channels/auth'
import { ConfirmPasswordInput, isPasswordError } from '../../app/ConfirmPasswordInput'
import { DataTable } from '../../app/DataTable'
import { ErrorText } from '../../app/ErrorText'
import { useSaveUser, useUnlockUser, useUsers } from '../../data/authHooks'
import { useStaff } from '../../data/caseloadHooks'
import { OmuError } from '../../data/client'
import { mayCall } from '../../../../shared/permissions/rules'
import { channelTag, whoCan } from '../../app/can'

/** HOMS only: user profiles and their roles (issue 7). The main process enforces the same rule. */
export function UsersSection({ me }: { me: User }) {
  // Issue 16: the rules table says who manages users (shared/permissions/rules.ts).
  const mayManage = mayCall(me.role, 'users.save')
  const users = useUsers(mayManage && mayCall(me.role, 'users.list'))
  const staff = useStaff()
  const save = useSaveUser()
  const unlock = useUnlockUser()
  const [f, setF] = useState({ displayName: '', username: '', role: 'pom' as UserRole, staffId: '', password: '' })
  // User and role changes ask for the HOMS's own password again (issue 15); `password` is the new user's.
  const [yourPassword, setYourPassword] = useState('')
  const err = save.error instanceof OmuError ? save.error : null
  const fieldError = (name: string) => (err?.field === name ? err.message : undefined)
  if (!mayManage) return <Text size="sm">{whoCan('users.save')}</Text>
  const poms = (staff.data ?? []).filter((s) => POM_ROLES.includes(s.role))
  const submit = (e: FormEvent) => {
    e.preventDefault()
    save.mutate(
      { displayName: f.displayName, username: f.username, role: f.role, staffId: f.staffId ? Number(f.staffId) : null, password: f.password, yourPassword },
      {
        onSuccess: (u) => {
          notifications.show({ color: 'teal', message: `${u.displayName} can now sign in as ${u.username}.` })
          setF({ displayName: '', username: '', role: f.role, staffId: '', password: '' })
          setYourPassword('')
        },
        onError: (error) => (isPasswordError(error, 'yourPassword') ? setYourPassword('') : undefined),
      },
    )
  }
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
      <form onSubmit={submit} noValidate aria-label="Add a user">
        <Stack gap="sm">
          <Group grow align="flex-start">
            <TextInput label="Name" value={f.displayName} onChange={(e) => setF({ ...f, displayName: e.currentTarget.value })} error={fieldError('displayName')} />
            <TextInput label="New username" value={f.username} onChange={(e) => setF({ ...f, username: e.currentTarget.value })} error={fieldError('username')} />
            <NativeSelect label="Role" value={f.role} onChange={(e) => setF({ ...f, role: e.currentTarget.value as UserRole })} data={USER_ROLES.map((r) => ({ value: r, label: ROLE_NAMES[r] }))} />
          </Group>
          <Group grow align="flex-start">
            <NativeSelect
              label="Staff record (POMs)"
              description="Whose allocations are this POM's own"
              value={f.staffId}
              onChange={(e) => setF({ ...f, staffId: e.currentTarget.value })}
              data={[{ value: '', label: 'None' }, ...poms.map((s) => ({ value: String(s.id), label: s.name }))]}
            />
            <PasswordInput label="First password" description="At least 12 characters; tell them in person" autoComplete="new-password" value={f.password} onChange={(e) => setF({ ...f, password: e.currentTarget.value })} error={fieldError('password')} />
          </Group>
          <ConfirmPasswordInput value={yourPassword} onChange={setYourPassword} why="adding a user or changing a role" error={save.error} field="yourPassword" />
          {err && !err.field ? <ErrorText error={save.error} title="Not saved" /> : null}
          <Group>
            <Button type="submit" loading={save.isPending} {...channelTag('users.save')}>
              Add user
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  )
}
