import { Anchor, Button, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { FullPageCard } from '../../app/FullPageCard'
import { ThemeToggle } from '../../app/ThemeToggle'
import { useState, type FormEvent } from 'react'
import { ErrorSummary } from '../../app/ErrorSummary'
import { auth } from '../../../../shared/ipc/channels/auth'
import { fieldId, formErrors, type FieldErrors } from '../../lib/formErrors'
import { useSignIn } from '../../data/authHooks'
import { useStorage } from '../../data/storageHooks'
import { ConfirmStorageChange } from '../storage/ConfirmStorageChange'

const FORM = 'sign-in'
const FIELDS = [
  { name: 'username', label: 'Username' },
  { name: 'password', label: 'Password' },
] as const

export function SignInPage({ establishmentName }: { establishmentName: string | null }) {
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [toLocal, setToLocal] = useState(false)
  const signIn = useSignIn()
  // Issue 13: in shared mode the same sign-in is the user's own login to the shared database.
  const storage = useStorage().data
  const shared = storage?.kind === 'shared' ? storage.location : null
  // Issue 16: both fields checked at once by the contract's rules, in a summary at the top.
  const [problems, setProblems] = useState<FieldErrors>({})
  const [attempt, setAttempt] = useState(0)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const found = formErrors(auth.signIn.input, { username, password })
    setProblems(found)
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1)
      return
    }
    signIn.mutate(
      { username, password },
      {
        onError: () => {
          setPassword('')
          setAttempt((n) => n + 1)
        },
      },
    )
  }
  return (
    <FullPageCard size="xs">
      <form onSubmit={submit} noValidate aria-labelledby="signin-title">
        <Stack>
          <Title order={1} id="signin-title">
            Sign in to OMU Desk
          </Title>
          {establishmentName ? <Text>{establishmentName}</Text> : null}
          {shared ? (
            <Text>
              Signing in to the shared OMU database {shared.database} at {shared.host}:{shared.port}.
            </Text>
          ) : null}
          <ErrorSummary formId={FORM} errors={problems} fields={FIELDS} attempt={attempt} other={signIn.error ? signIn.error.message : null} />
          <TextInput id={fieldId(FORM, 'username')} label="Username" autoComplete="username" value={username} onChange={(e) => setUsername(e.currentTarget.value)} error={problems.username} required data-autofocus />
          <PasswordInput id={fieldId(FORM, 'password')} label="Password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={problems.password} required />
          <Button type="submit" loading={signIn.isPending}>
            Sign in
          </Button>
          <Text size="sm" c="dimmed">
            The app locks after 15 minutes without use. Forgotten your password? Ask your HOMS to set a new one.
          </Text>
          {shared ? (
            <Anchor component="button" type="button" size="sm" onClick={() => setToLocal(true)} style={{ alignSelf: 'flex-start' }}>
              Use this computer’s own data file instead
            </Anchor>
          ) : null}
          {/* Issue 16: the sign-in page follows the theme like the rest of the app, and can change it
              before anyone signs in (kept for this computer; each user's own choice applies once signed in). */}
          <Group justify="flex-end">
            <ThemeToggle userId={null} />
          </Group>
        </Stack>
      </form>
      {toLocal ? <ConfirmStorageChange target={{ kind: 'local' }} signedIn={false} onClose={() => setToLocal(false)} /> : null}
    </FullPageCard>
  )
}
