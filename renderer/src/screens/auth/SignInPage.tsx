import { Anchor, Button, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { FullPageCard } from '../../app/FullPageCard'
import { ThemeToggle } from '../../app/ThemeToggle'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { ErrorSummary } from '../../app/ErrorSummary'
import { otherRefusal, useFormRefusal } from '../../app/useFormRefusal'
import { auth } from '../../../../shared/ipc/channels/auth'
import { fieldId, validateWith } from '../../lib/formErrors'
import { useSignIn } from '../../data/authHooks'
import { useStorage } from '../../data/storageHooks'
import { ConfirmStorageChange } from '../storage/ConfirmStorageChange'

const FORM = 'sign-in'
const FIELDS = [
  { name: 'username', label: 'Username' },
  { name: 'password', label: 'Password' },
] as const

export function SignInPage({ establishmentName }: { establishmentName: string | null }) {
  const [toLocal, setToLocal] = useState(false)
  const signIn = useSignIn()
  // Issue 13: in shared mode the same sign-in is the user's own login to the shared database.
  const storage = useStorage().data
  const shared = storage?.kind === 'shared' ? storage.location : null
  // Issue 16: both fields checked at once by the contract's rules, in a summary at the top.
  const form = useForm<{ username: string; password: string }>({ mode: 'controlled', initialValues: { username: '', password: '' }, validate: validateWith(auth.signIn.input, (v: { username: string; password: string }) => v) })
  const { attempt, failed, refused } = useFormRefusal(form)
  const submit = form.onSubmit(
    (v) =>
      signIn.mutate(v, {
        onError: (e) => {
          // A refused password is cleared, unless the user has already typed another while the
          // refusal was on its way (a wrong password is answered after a deliberate delay).
          if (form.getValues().password === v.password) form.setFieldValue('password', '')
          refused(e)
        },
      }),
    failed,
  )
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
          <ErrorSummary formId={FORM} errors={form.errors} fields={FIELDS} attempt={attempt} other={otherRefusal(signIn.error)} />
          <TextInput id={fieldId(FORM, 'username')} label="Username" autoComplete="username" required data-autofocus {...form.getInputProps('username')} />
          <PasswordInput id={fieldId(FORM, 'password')} label="Password" autoComplete="current-password" required {...form.getInputProps('password')} />
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
