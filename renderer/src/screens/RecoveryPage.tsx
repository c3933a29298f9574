import { Alert, Button, Code, Group, List, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useEffect } from 'react'
import { FullPageCard } from '../app/FullPageCard'
import { recovery, recoveryCredential, type AppStatus, type RecoveryCredential } from '../../../shared/ipc/channels/app'
import { ErrorSummary } from '../app/ErrorSummary'
import { otherRefusal, useFormRefusal } from '../app/useFormRefusal'
import { useRecoveryActions } from '../data/hooks'
import { fieldId, validateWith } from '../lib/formErrors'
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
  // Issue 16, "Form errors": each form checked by its channel's own schema, problems listed at its top.
  const keyForm = useForm<{ recoveryKey: string }>({ mode: 'controlled', initialValues: { recoveryKey: '' }, validate: validateWith(recovery.enterRecoveryKey.input, (v: { recoveryKey: string }) => v) })
  const keyState = useFormRefusal(keyForm)
  // Issue 15: only a HOMS of this data file chooses what happens to it.
  const form = useForm<RecoveryCredential>({ mode: 'controlled', initialValues: { username: '', password: '' }, validate: validateWith(recoveryCredential, (v: RecoveryCredential) => v) })
  const { attempt, failed, refused } = useFormRefusal(form)
  const act = (run: (c: RecoveryCredential) => void) => () => {
    const found = form.validate()
    if (found.hasErrors) failed()
    else run(form.values)
  }
  const actionError = restore.error ?? startNew.error
  useEffect(() => {
    if (actionError) refused(actionError)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new refusal counts as an attempt
  }, [actionError])
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
              <form onSubmit={keyForm.onSubmit((v) => enterKey.mutate(v.recoveryKey, { onError: keyState.refused }), keyState.failed)} noValidate aria-labelledby="recovery-key-title">
                <Stack gap="xs">
                  <Title order={2} size="h3" id="recovery-key-title">
                    Open it with the recovery key
                  </Title>
                  <ErrorSummary formId="recovery-key" errors={keyForm.errors} fields={[{ name: 'recoveryKey', label: 'Recovery key' }]} attempt={keyState.attempt} other={otherRefusal(enterKey.error)} />
                  <Text size="sm">
                    The data file is encrypted. If it was made on another computer or under another account, the recovery key a HOMS exported opens it here.
                  </Text>
                  <TextInput
                    id={fieldId('recovery-key', 'recoveryKey')}
                    label="Recovery key"
                    description="64 letters and digits in groups of four, as in the saved recovery key file"
                    {...keyForm.getInputProps('recoveryKey')}
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
            <ErrorSummary
              formId="recovery-homs"
              errors={form.errors}
              fields={[
                { name: 'username', label: 'HOMS username' },
                { name: 'password', label: 'HOMS password' },
              ]}
              attempt={attempt}
              other={otherRefusal(actionError)}
            />
            <Group grow align="flex-start">
              <TextInput id={fieldId('recovery-homs', 'username')} label="HOMS username" autoComplete="username" required {...form.getInputProps('username')} />
              <PasswordInput id={fieldId('recovery-homs', 'password')} label="HOMS password" autoComplete="current-password" required {...form.getInputProps('password')} />
            </Group>
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
