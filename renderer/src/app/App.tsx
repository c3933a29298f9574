import { Center, Loader } from '@mantine/core'
import { lazy, Suspense } from 'react'
import { ErrorText } from './ErrorText'
import { OfflineBanner } from './OfflineBanner'
import { Shell } from './Shell'
import { useAppStatus, useEstablishment } from '../data/hooks'
import { useAuthStatus } from '../data/authHooks'

// Pages before the app itself load on first need: a signed-in start goes straight to the shell, so
// the start-up bundle need not carry them (issue 8).
const FirstUserPage = lazy(() => import('../screens/auth/FirstUserPage').then((m) => ({ default: m.FirstUserPage })))
const SignInPage = lazy(() => import('../screens/auth/SignInPage').then((m) => ({ default: m.SignInPage })))
const RecoveryPage = lazy(() => import('../screens/RecoveryPage').then((m) => ({ default: m.RecoveryPage })))
const SetupPage = lazy(() => import('../screens/SetupPage').then((m) => ({ default: m.SetupPage })))
const ChangePasswordPage = lazy(() => import('../screens/auth/ChangePasswordPage').then((m) => ({ default: m.ChangePasswordPage })))

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
  return (
    <Suspense fallback={<Loading />}>
      <Gate />
    </Suspense>
  )
}

function Gate() {
  const status = useAppStatus()
  const state = status.data?.state
  const auth = useAuthStatus(state !== undefined && state !== 'recovery')
  // Issue 16: a password the HOMS set and asked to be changed leaves only its change (the main process refuses the rest).
  const signedIn = Boolean(auth.data?.user) && !auth.data?.passwordChangeRequired
  const est = useEstablishment(state === 'ready' && signedIn)
  // A later read that fails (the shared database away) keeps the page: the banner says why.
  if (status.error && !status.data) return <ErrorText error={status.error} title="The app could not start" />
  if (!status.data) return <Loading />
  if (status.data.state === 'recovery') return <RecoveryPage status={status.data} />
  if (auth.error && !auth.data) return <ErrorText error={auth.error} title="The app could not start" />
  if (!auth.data) return <Loading />
  if (auth.data.needsFirstUser) return <FirstUserPage />
  if (!auth.data.user)
    return (
      <>
        <OfflineBanner />
        <SignInPage establishmentName={null} />
      </>
    )
  if (auth.data.passwordChangeRequired) return <ChangePasswordPage user={auth.data.user} />
  switch (status.data.state) {
    case 'setup':
      return (
        <>
          <OfflineBanner />
          <SetupPage dbPath={status.data.dbPath} shared={status.data.storage.kind === 'shared'} />
        </>
      )
    case 'ready':
      if (!est.data) return <Loading />
      return <Shell establishment={est.data} user={auth.data.user} lockAfterMinutes={auth.data.lockAfterMinutes} />
    default: {
      const never: never = status.data.state
      return never
    }
  }
}
