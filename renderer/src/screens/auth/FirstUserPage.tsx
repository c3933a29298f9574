import { Button, PasswordInput, Radio, Stack, Text, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useForm } from '@mantine/form'
import { FullPageCard } from '../../app/FullPageCard'
import { useState } from 'react'
import { auth } from '../../../../shared/ipc/channels/auth'
import { ErrorSummary } from '../../app/ErrorSummary'
import { OmuError } from '../../data/client'
import { fieldId, formErrors, serverFieldError } from '../../lib/formErrors'
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

const FIRST_USER_FORM = 'first-user'
const FIRST_USER_FIELDS = [
  { name: 'displayName', label: 'Your name' },
  { name: 'username', label: 'Username' },
  { name: 'password', label: 'Choose a password' },
  { name: 'confirm', label: 'The same password again' },
] as const

interface FirstUserValues {
  displayName: string
  username: string
  password: string
  confirm: string
}

/** auth.createFirstUser's own rules (shared/ipc/channels/auth.ts), and the password typed twice the same. */
function checkFirstUser(v: FirstUserValues) {
  const errors = formErrors(auth.createFirstUser.input, { displayName: v.displayName, username: v.username, password: v.password })
  if (!errors.password && v.confirm !== v.password) errors.confirm = 'The two passwords are different. Type the same password twice.'
  return errors
}

function CreateFirstUser() {
  // Issue 16: every problem at once, by the contract's own rules, in a summary at the top.
  const form = useForm<FirstUserValues>({ mode: 'controlled', initialValues: { displayName: '', username: '', password: '', confirm: '' }, validate: checkFirstUser })
  const [attempt, setAttempt] = useState(0)
  const create = useCreateFirstUser()
  const refusal = create.error instanceof OmuError ? create.error : null
  const other = refusal && !serverFieldError(refusal) ? refusal.message : null
  const id = (name: string) => fieldId(FIRST_USER_FORM, name)
  const submit = form.onSubmit(
    (v) =>
      create.mutate(
        { displayName: v.displayName, username: v.username, password: v.password },
        {
          onError: (e) => {
            const f = serverFieldError(e instanceof OmuError ? e : null)
            if (f) form.setFieldError(f.field, f.message)
            setAttempt((n) => n + 1)
          },
        },
      ),
    () => setAttempt((n) => n + 1),
  )
  return (
    <form onSubmit={submit} noValidate aria-labelledby="first-user-title">
      <Stack>
        <Title order={2} size="h3" id="first-user-title">
          Create the first user
        </Title>
        <Text>They are the Head of Offender Management Services (HOMS) for this installation and add everyone else in Settings.</Text>
        <ErrorSummary formId={FIRST_USER_FORM} errors={form.errors} fields={FIRST_USER_FIELDS} attempt={attempt} other={other} />
        <TextInput id={id('displayName')} label="Your name" required {...form.getInputProps('displayName')} />
        <TextInput id={id('username')} label="Username" description="3 to 32 letters, digits, dots, dashes or underscores" autoComplete="username" required {...form.getInputProps('username')} />
        <PasswordInput id={id('password')} label="Choose a password" description="At least 12 characters: three random words work well" autoComplete="new-password" required {...form.getInputProps('password')} />
        <PasswordInput id={id('confirm')} label="The same password again" autoComplete="new-password" required {...form.getInputProps('confirm')} />
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
