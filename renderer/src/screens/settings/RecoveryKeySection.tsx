import { Alert, Button, Group, Modal, Stack, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { exportRecoveryKeyInput, type RecoveryKeyExport } from '../../../../shared/ipc/channels/backup'
import { CONFIRM_PASSWORD_LABEL, ConfirmPasswordInput } from '../../app/ConfirmPasswordInput'
import { ErrorSummary } from '../../app/ErrorSummary'
import { confirmCheck, otherRefusal, useFormRefusal } from '../../app/useFormRefusal'
import { fieldId } from '../../lib/formErrors'
import { useExportRecoveryKey } from '../../data/backupHooks'
import { channelTag } from '../../app/can'

// Issue 15: the data file and its backups are encrypted with a key only this Windows account can
// unlock. The recovery key is that key written out, for a HOMS to keep away from this computer so a
// backup can be restored on a new laptop. It is shown once; the main process refuses a second export.

function ExportDialog({ onClose }: { onClose: () => void }) {
  const exportKey = useExportRecoveryKey()
  const [shown, setShown] = useState<RecoveryKeyExport | null>(null)
  // Issue 16, "Form errors": the contract's schema checks the form, and problems are listed at the top.
  const form = useForm<{ password: string }>({ mode: 'controlled', initialValues: { password: '' }, validate: confirmCheck(exportRecoveryKeyInput, (v: { password: string }) => v) })
  const { attempt, failed, refused } = useFormRefusal(form)
  const submit = form.onSubmit(
    (v) =>
      exportKey.mutate(v, {
        onSuccess: setShown,
        onError: (e) => {
          form.setFieldValue('password', '')
          refused(e)
        },
      }),
    failed,
  )
  return (
    <Modal opened onClose={exportKey.isPending ? () => undefined : onClose} title={shown ? 'The recovery key' : 'Export the recovery key?'} size="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
      {shown ? (
        <Stack>
          <Alert color="yellow" title="Keep it safe, away from this computer" role="status">
            Anyone with this key and a copy of the data file can read everything in it. It is shown only this once.
          </Alert>
          <Text>Recovery key ({shown.fingerprint}):</Text>
          {/* Wrapped, not a scrolling block: the whole key is visible and readable aloud (axe: scrollable-region-focusable). */}
          <Text ff="monospace" fz="lg" style={{ letterSpacing: '0.05em', wordBreak: 'break-all' }}>
            {shown.recoveryKey}
          </Text>
          <Text size="sm">{shown.savedTo ? `It was saved to ${shown.savedTo}. Move that file off this computer (to the establishment safe, printed, or the password manager IT approves).` : 'It was not saved to a file: write it down or print this screen now.'}</Text>
          <Group justify="flex-end">
            <Button onClick={onClose}>I have kept it safe</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <ErrorSummary formId="recovery-key" errors={form.errors} fields={[{ name: 'password', label: CONFIRM_PASSWORD_LABEL }]} attempt={attempt} other={otherRefusal(exportKey.error)} />
            <Text>
              The data file and its backups are encrypted with a key that only this computer’s account can unlock. If this computer is replaced or its account is
              lost, a backup can be opened only with the recovery key.
            </Text>
            <Text>The key is shown once and saved as a file you choose. It can be exported only once: keep it where the establishment keeps its other secrets.</Text>
            <ConfirmPasswordInput
              id={fieldId('recovery-key', 'password')}
              value={form.values.password}
              onChange={(v) => form.setFieldValue('password', v)}
              why="exporting the recovery key"
              error={null}
              clientError={typeof form.errors.password === 'string' ? form.errors.password : undefined}
              autoFocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose} disabled={exportKey.isPending}>
                Cancel
              </Button>
              <Button type="submit" loading={exportKey.isPending}>
                Show and save the recovery key
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  )
}

export function RecoveryKeySection() {
  const [open, setOpen] = useState(false)
  return (
    <Stack>
      <Title order={2} size="h3">
        Recovery key
      </Title>
      <Text size="sm">The data on this computer is encrypted. A HOMS exports the recovery key once, so the data can be restored on another computer.</Text>
      <Group>
        <Button variant="default" onClick={() => setOpen(true)} {...channelTag('backup.exportRecoveryKey')}>
          Export the recovery key…
        </Button>
      </Group>
      {open ? <ExportDialog onClose={() => setOpen(false)} /> : null}
    </Stack>
  )
}
