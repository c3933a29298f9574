import { Button, PasswordInput, Radio, Stack, Text, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { FullPageCard } from '../../app/FullPageCard'
import { useState, type FormEvent } from 'react'
import { ErrorText } from '../../app/ErrorText'
import { OmuError } from '../../data/client'
import { useCreateFirstUser } from '../../data/authHooks'
import { useChooseStorage, useStorage } from '../../data/storageHooks'
import { SharedDatabaseForm } from '../storage/SharedDatabaseForm'
import { describeLocation } from '../storage/location'

type Kind = 'local' | 'shared'

/**
 * First run: where the data is kept (issue 13), then either the first user of this computer's own
 * file (a HOMS, who adds everyone else in Settings; issue 7) or the OMU's shared database, whose
 * users IT and the HOMS have already made: that leads to the sign-in page.
 */
export function FirstUserPage() {
  const [kind, setKind] = useState<Kind>('local')
  const storage = useStorage()
  const path = storage.data?.kind === 'local' ? storage.data.path : null
  return (
    <FullPageCard size="sm">
      <Stack>
        <Title order={1} id="first-title">
          Welcome to OMU Desk
        </Title>
        <Radio.Group label="Where is the data kept?" value={kind} onChange={(v) => setKind(v as Kind)}>
          <Stack gap="sm" mt="xs">
            <Radio
              value="local"
              label="This computer"
              description={`A data file on this computer${path ? ` (${path})` : ''}, for one person, a trial or the demo. You create its first user now.`}
            />
            <Radio
              value="shared"
              label="A shared OMU database"
              description="The OMU’s PostgreSQL database, set up by IT: the whole team works on the same data, and everyone signs in with their own username and password."
            />
          </Stack>
        </Radio.Group>
        {kind === 'local' ? <CreateFirstUser /> : <ConnectShared />}
      </Stack>
    </FullPageCard>
  )
}

function CreateFirstUser() {
  const [f, setF] = useState({ displayName: '', username: '', password: '', confirm: '' })
  const [mismatch, setMismatch] = useState(false)
  const create = useCreateFirstUser()
  const err = create.error instanceof OmuError ? create.error : null
  const fieldError = (name: string) => (err?.field === name ? err.message : undefined)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (f.password !== f.confirm) {
      setMismatch(true)
      return
    }
    setMismatch(false)
    create.mutate({ displayName: f.displayName, username: f.username, password: f.password })
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="first-user-title">
      <Stack>
        <Title order={2} size="h3" id="first-user-title">
          Create the first user
        </Title>
        <Text>They are the Head of Offender Management Services (HOMS) for this installation and add everyone else in Settings.</Text>
        <TextInput label="Your name" value={f.displayName} onChange={(e) => setF({ ...f, displayName: e.currentTarget.value })} error={fieldError('displayName')} required />
        <TextInput label="Username" description="3 to 32 letters, digits, dots, dashes or underscores" autoComplete="username" value={f.username} onChange={(e) => setF({ ...f, username: e.currentTarget.value })} error={fieldError('username')} required />
        <PasswordInput label="Choose a password" description="At least 12 characters: three random words work well" autoComplete="new-password" value={f.password} onChange={(e) => setF({ ...f, password: e.currentTarget.value })} error={fieldError('password')} required />
        <PasswordInput label="The same password again" autoComplete="new-password" value={f.confirm} onChange={(e) => setF({ ...f, confirm: e.currentTarget.value })} error={mismatch ? 'The two passwords are different. Type the same password twice.' : undefined} required />
        <ErrorText error={err && !err.field ? create.error : null} title="Not created" />
        <Button type="submit" loading={create.isPending}>
          Create user and continue
        </Button>
      </Stack>
    </form>
  )
}

function ConnectShared() {
  const storage = useStorage()
  const choose = useChooseStorage((s) =>
    notifications.show({ color: 'teal', message: s.kind === 'shared' ? `Connected to the shared OMU database ${describeLocation(s.location)}. Sign in with your own username and password.` : 'Saved.' }),
  )
  return (
    <Stack>
      <Title order={2} size="h3">
        Connect to the shared OMU database
      </Title>
      <Text>Enter the details IT gave you. Nothing is kept on this computer but the server’s address: each person signs in with their own username and password.</Text>
      <SharedDatabaseForm
        current={storage.data}
        useLabel="Connect to this database"
        onUse={({ location }) => choose.mutate({ kind: 'shared', location })}
        usePending={choose.isPending}
        useError={choose.error}
      />
    </Stack>
  )
}
