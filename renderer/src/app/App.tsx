import { Center, Loader } from '@mantine/core'
import { ErrorText } from './ErrorText'
import { Shell } from './Shell'
import { useAppStatus, useEstablishment } from '../data/hooks'
import { RecoveryPage } from '../screens/RecoveryPage'
import { SetupPage } from '../screens/SetupPage'

/** Chooses between the recovery page, first-run set-up and the app, from the main process's status. */
export function App() {
  const status = useAppStatus()
  const ready = status.data?.state === 'ready'
  const est = useEstablishment()
  if (status.error) return <ErrorText error={status.error} title="The app could not start" />
  if (!status.data) return <Center h="100vh"><Loader aria-label="Loading" /></Center>
  switch (status.data.state) {
    case 'recovery':
      return <RecoveryPage status={status.data} />
    case 'setup':
      return <SetupPage dbPath={status.data.dbPath} />
    case 'ready':
      if (!ready || !est.data) return <Center h="100vh"><Loader aria-label="Loading" /></Center>
      return <Shell establishment={est.data} />
    default: {
      const never: never = status.data.state
      return never
    }
  }
}
