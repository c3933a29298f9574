import { Center, Loader } from '@mantine/core'
import { ErrorText } from './ErrorText'
import { Shell } from './Shell'
import { useAppStatus, useEstablishment } from '../data/hooks'
import { useAuthStatus } from '../data/authHooks'
import { FirstUserPage } from '../screens/auth/FirstUserPage'
import { SignInPage } from '../screens/auth/SignInPage'
import { RecoveryPage } from '../screens/RecoveryPage'
import { SetupPage } from '../screens/SetupPage'

const Loading = () => (
  <Center h="100vh">
    <Loader aria-label="Loading" />
  </Center>
)

/**
 * Chooses the page from the main process's answers: recovery when the store cannot be opened,
 * then first user, sign-in, first-run establishment set-up, and the app itself.
 */
export function App() {
  const status = useAppStatus()
  const state = status.data?.state
  const auth = useAuthStatus(state !== undefined && state !== 'recovery')
  const signedIn = Boolean(auth.data?.user)
  const est = useEstablishment(state === 'ready' && signedIn)
  if (status.error) return <ErrorText error={status.error} title="The app could not start" />
  if (!status.data) return <Loading />
  if (status.data.state === 'recovery') return <RecoveryPage status={status.data} />
  if (auth.error) return <ErrorText error={auth.error} title="The app could not start" />
  if (!auth.data) return <Loading />
  if (auth.data.needsFirstUser) return <FirstUserPage />
  if (!auth.data.user) return <SignInPage establishmentName={null} />
  switch (status.data.state) {
    case 'setup':
      return <SetupPage dbPath={status.data.dbPath} />
    case 'ready':
      if (!est.data) return <Loading />
      return <Shell establishment={est.data} user={auth.data.user} lockAfterMinutes={auth.data.lockAfterMinutes} />
    default: {
      const never: never = status.data.state
      return never
    }
  }
}
