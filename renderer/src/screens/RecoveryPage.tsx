import { Alert, Button, Code, Group, List, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { FullPageCard } from '../app/FullPageCard'
import type { AppStatus, RecoveryCredential } from '../../../shared/ipc/channels/app'
import { ErrorText } from '../app/ErrorText'
import { useRecoveryActions } from '../data/hooks'
import { formatDateTime } from '../lib/format'

/**
 * The store could not be opened. Say what happened and where the file is; nothing is overwritten
 * until the user chooses (the damaged file is kept aside either way).
 */
export function RecoveryPage({ status }: { status: AppStatus }) {
  const { restore, startNew, enterKey } = useRecoveryActions()
  const busy = restore.isPending || startNew.isPending || enterKey.isPending
  // Issue 15: a file encrypted with a key this account does not hold opens with its recovery key.
  const kind = status.problem?.kind
  const keyCanHelp = kind === 'key_unavailable' || kind === 'no_key_protection' || kind === 'corrupt'
  const [recoveryKey, setRecoveryKey] = useState('')
  // Issue 15: only a HOMS of this data file chooses what happens to it.
  const [credential, setCredential] = useState<RecoveryCredential>({ username: '', password: '' })
  const [missing, setMissing] = useState(false)
  const act = (run: (c: RecoveryCredential) => void) => () => {
    if (!credential.username.trim() || !credential.password) {
      setMissing(true)
      return
    }
    setMissing(false)
    run(credential)
  }
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
            {keyCanHelp ? (
              <form
                onSubmit={(e) => {
                  e.preventDefault()
                  enterKey.mutate(recoveryKey)
                }}
                noValidate
              >
                <Stack gap="xs">
                  <Title order={2} size="h3">
                    Open it with the recovery key
                  </Title>
                  <Text size="sm">
                    The data file is encrypted. If it was made on another computer or under another account, the recovery key a HOMS exported opens it here.
                  </Text>
                  <TextInput
                    label="Recovery key"
                    description="64 letters and digits in groups of four, as in the saved recovery key file"
                    value={recoveryKey}
                    onChange={(e) => setRecoveryKey(e.currentTarget.value)}
                    error={enterKey.error?.message}
                    autoComplete="off"
                    spellCheck={false}
                  />
                  <Group>
                    <Button type="submit" loading={enterKey.isPending} disabled={busy}>
                      Open with the recovery key
                    </Button>
                  </Group>
                </Stack>
              </form>
            ) : null}
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
            <Title order={2} size="h3">
              A HOMS decides
            </Title>
            <Text size="sm">Enter the username and password of a HOMS of this data file, as they were when it last worked. The choice is recorded in the audit trail.</Text>
            <Group grow align="flex-start">
              <TextInput
                label="HOMS username"
                autoComplete="username"
                value={credential.username}
                onChange={(e) => setCredential({ ...credential, username: e.currentTarget.value })}
                error={missing && !credential.username.trim() ? 'Enter the username of a HOMS of this data file.' : undefined}
                required
              />
              <PasswordInput
                label="HOMS password"
                autoComplete="current-password"
                value={credential.password}
                onChange={(e) => setCredential({ ...credential, password: e.currentTarget.value })}
                error={missing && !credential.password ? 'Enter that HOMS’s password.' : undefined}
                required
              />
            </Group>
            <ErrorText error={restore.error ?? startNew.error} />
            <Group>
              <Button onClick={act((c) => restore.mutate(c))} disabled={!status.latestBackup || busy} loading={restore.isPending}>
                Restore the latest backup
              </Button>
              <Button variant="default" onClick={act((c) => startNew.mutate(c))} disabled={busy} loading={startNew.isPending}>
                Start a new data file
              </Button>
            </Group>
          </Stack>
        </FullPageCard>
  )
}
