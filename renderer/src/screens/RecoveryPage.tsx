import { Alert, Button, Code, Group, List, Stack, Text, Title } from '@mantine/core'
import { FullPageCard } from '../app/FullPageCard'
import type { AppStatus } from '../../../shared/ipc/channels/app'
import { ErrorText } from '../app/ErrorText'
import { useRecoveryActions } from '../data/hooks'
import { formatDateTime } from '../lib/format'

/**
 * The store could not be opened. Say what happened and where the file is; nothing is overwritten
 * until the user chooses (the damaged file is kept aside either way).
 */
export function RecoveryPage({ status }: { status: AppStatus }) {
  const { restore, startNew } = useRecoveryActions()
  const busy = restore.isPending || startNew.isPending
  return (
    <FullPageCard size="md">
          <Stack>
            <Title order={1}>The data file could not be opened</Title>
            <Alert color="red" title="What happened" role="alert">
              {status.problem?.message ?? 'The data file could not be opened.'}
            </Alert>
            <Text>
              The file is at <Code>{status.dbPath}</Code>. Nothing has been changed or deleted.
            </Text>
            <Title order={2} size="h3">
              What you can do
            </Title>
            <List spacing="xs">
              <List.Item>
                Restore the latest backup
                {status.latestBackup ? ` (taken ${formatDateTime(status.latestBackup.takenAt)})` : ' (there is no backup yet)'}. Work since that backup will need to be entered again.
              </List.Item>
              <List.Item>Start a new, empty data file and set the establishment up again.</List.Item>
            </List>
            <Text size="sm">
              Either way the damaged file is kept beside the new one (renamed with “unreadable” and the time), so IT support can try to recover it.
            </Text>
            <ErrorText error={restore.error ?? startNew.error} />
            <Group>
              <Button onClick={() => restore.mutate()} disabled={!status.latestBackup || busy} loading={restore.isPending}>
                Restore the latest backup
              </Button>
              <Button variant="default" onClick={() => startNew.mutate()} disabled={busy} loading={startNew.isPending}>
                Start a new data file
              </Button>
            </Group>
          </Stack>
        </FullPageCard>
  )
}
