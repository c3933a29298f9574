import { Anchor, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { FullPageCard } from '../../app/FullPageCard'
import { useState, type FormEvent } from 'react'
import { ErrorText } from '../../app/ErrorText'
import { useSignIn } from '../../data/authHooks'
import { useStorage } from '../../data/storageHooks'
import { ConfirmStorageChange } from '../storage/ConfirmStorageChange'

export function SignInPage({ establishmentName }: { establishmentName: string | null }) {
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [toLocal, setToLocal] = useState(false)
  const signIn = useSignIn()
  // Issue 13: in shared mode the same sign-in is the user's own login to the shared database.
  const storage = useStorage().data
  const shared = storage?.kind === 'shared' ? storage.location : null
  const submit = (e: FormEvent) => {
    e.preventDefault()
    signIn.mutate({ username, password }, { onError: () => setPassword('') })
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
          <TextInput label="Username" autoComplete="username" value={username} onChange={(e) => setUsername(e.currentTarget.value)} required data-autofocus />
          <PasswordInput label="Password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} required />
          <ErrorText error={signIn.error} title="Not signed in" />
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
        </Stack>
      </form>
      {toLocal ? <ConfirmStorageChange target={{ kind: 'local' }} signedIn={false} onClose={() => setToLocal(false)} /> : null}
    </FullPageCard>
  )
}
