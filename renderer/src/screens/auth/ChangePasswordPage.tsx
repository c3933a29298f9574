import { Button, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { User } from '../../../../shared/ipc/channels/auth'
import { ChangePasswordForm } from '../../app/ChangePasswordForm'
import { FullPageCard } from '../../app/FullPageCard'
import { useSignOut } from '../../data/authHooks'

/**
 * Issue 16 ("the HOMS can force a change at next sign-in for new users"): after signing in with a
 * password a HOMS set and asked to be changed, this page is all there is until the user chooses
 * their own. The main process refuses every other request meanwhile
 * (electron/services/auth/passwordChange.ts); when the change is made, the status read again
 * (useChangeOwnPassword) lets the app open.
 */
export function ChangePasswordPage({ user }: { user: User }) {
  const signOut = useSignOut()
  return (
    <FullPageCard size="xs">
      <Stack>
        <Title order={1} id="change-password-title">
          Choose your own password
        </Title>
        <Text>
          {user.displayName}, your HOMS set the password you signed in with. Choose one only you know before you continue: type the password you were given, then your new one twice.
        </Text>
        <ChangePasswordForm
          currentLabel="Password you were given"
          onDone={() => notifications.show({ color: 'teal', message: 'Your password has been changed. Use the new one next time you sign in.' })}
          actions={
            <Button variant="default" loading={signOut.isPending} onClick={() => signOut.mutate()}>
              Sign out
            </Button>
          }
        />
      </Stack>
    </FullPageCard>
  )
}
