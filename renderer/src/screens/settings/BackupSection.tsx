import { Button, Group, List, Modal, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { restoreInput, type BackupEntry, type BackupKind } from '../../../../shared/ipc/channels/backup'
import { CONFIRM_PASSWORD_LABEL, ConfirmPasswordInput, isPasswordError } from '../../app/ConfirmPasswordInput'
import { DataTable } from '../../app/DataTable'
import { ErrorSummary } from '../../app/ErrorSummary'
import { ErrorText } from '../../app/ErrorText'
import { confirmCheck, otherRefusal, useFormRefusal } from '../../app/useFormRefusal'
import { useAuthStatus } from '../../data/authHooks'
import { channelTag, useCan, whoCan } from '../../app/can'
import { useBackUpNow, useBackups, useChooseBackupFile, useRestoreBackup } from '../../data/backupHooks'
import { formatDateTime } from '../../lib/format'
import { fieldId } from '../../lib/formErrors'

// Backups and restore (issue 7: "manual back up now and restore in Settings; restore first checks
// the backup's integrity and takes a backup of the current file"). The main process enforces who
// may do what; this only hides what the signed-in role cannot do.

const KIND_LABELS: Record<BackupKind, string> = {
  daily: 'Daily (automatic)',
  manual: 'Taken by hand',
  premigration: 'Before an app update',
  prerestore: 'Before a restore',
  other: 'Other',
}

/** Notifications' close buttons need a name (axe: button-name). */
const DISMISS = { closeButtonProps: { 'aria-label': 'Dismiss this message' } }

function size(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en-GB')} KB`
}

interface RestoreValues {
  password: string
  recoveryKey: string
}

type Target = { kind: 'listed'; backup: BackupEntry } | { kind: 'file'; path: string; name: string }

function ConfirmRestore({ target, onClose }: { target: Target; onClose: () => void }) {
  const restore = useRestoreBackup((r) =>
    notifications.show({
      ...DISMISS,
      color: 'teal',
      message: r.safetyBackup
        ? `Backup restored: the data is now as it was in ${r.restoredFrom}. The data as it was before is kept as a backup taken ${formatDateTime(r.safetyBackup.takenAt)}. Sign in again to continue.`
        : `Backup restored: the data is now as it was in ${r.restoredFrom}. Sign in again to continue.`,
    }),
  )
  // Issue 15: a backup made on another computer is opened with that data file's recovery key, asked for when needed.
  const [askKey, setAskKey] = useState(false)
  const when = target.kind === 'listed' ? formatDateTime(target.backup.takenAt) : null
  const what = target.kind === 'listed' ? `the backup taken ${when}` : `the file ${target.name}`
  const toInput = (v: RestoreValues) => {
    const withKey = askKey && v.recoveryKey.trim() !== '' ? { recoveryKey: v.recoveryKey } : {}
    return target.kind === 'listed' ? { id: target.backup.id, password: v.password, ...withKey } : { path: target.path, password: v.password, ...withKey }
  }
  // Restoring replaces everyone's data: the HOMS's password is asked again (issue 15). Issue 16: the contract's schema checks the form, problems listed at the top.
  const form = useForm<RestoreValues>({ mode: 'controlled', initialValues: { password: '', recoveryKey: '' }, validate: confirmCheck(restoreInput, toInput) })
  const { attempt, failed, refused } = useFormRefusal(form)
  const confirm = form.onSubmit(
    (v) =>
      restore.mutate(toInput(v), {
        onSuccess: onClose,
        onError: (err) => {
          if (isPasswordError(err)) form.setFieldValue('password', '')
          if (isPasswordError(err, 'recoveryKey')) setAskKey(true)
          refused(err)
        },
      }),
    failed,
  )
  return (
    <Modal opened onClose={restore.isPending ? () => undefined : onClose} title="Restore this backup?" size="lg" closeOnClickOutside={!restore.isPending} closeButtonProps={{ 'aria-label': 'Close without restoring' }}>
      <form onSubmit={confirm} noValidate>
        <Stack>
          <ErrorSummary
            formId="restore"
            errors={form.errors}
            fields={[
              { name: 'password', label: CONFIRM_PASSWORD_LABEL },
              { name: 'recoveryKey', label: 'Recovery key' },
            ]}
            attempt={attempt}
            other={otherRefusal(restore.error)}
          />
          <Text>All the data in OMU Desk will be replaced by the data in {what}. This is what happens:</Text>
          <List type="ordered" spacing="xs">
            <List.Item>The backup is checked for damage. If it is damaged, nothing changes.</List.Item>
            <List.Item>A backup of the data as it is now is taken, so you can go back to it by restoring that one.</List.Item>
            <List.Item>The data file is replaced and opened again.</List.Item>
          </List>
          <Text>
            Anything entered after {when ? `${when}` : 'that backup was taken'} will not be in the restored data. Everyone is signed out and signs in again with the
            accounts held in the backup.
          </Text>
          <ConfirmPasswordInput
            id={fieldId('restore', 'password')}
            value={form.values.password}
            onChange={(v) => form.setFieldValue('password', v)}
            why="restoring a backup"
            error={null}
            clientError={typeof form.errors.password === 'string' ? form.errors.password : undefined}
            autoFocus
          />
          {askKey ? (
            <TextInput
              id={fieldId('restore', 'recoveryKey')}
              label="Recovery key of the computer the backup was made on"
              description="64 letters and digits in groups of four, as in the saved recovery key file"
              {...form.getInputProps('recoveryKey')}
              autoComplete="off"
              spellCheck={false}
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={restore.isPending}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={restore.isPending}>
              Restore this backup
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

export function BackupSection() {
  const backups = useBackups()
  const backUp = useBackUpNow()
  const choose = useChooseBackupFile()
  const role = useAuthStatus(true).data?.user?.role
  const [target, setTarget] = useState<Target | null>(null)
  // Issue 16: from the one rules table the main process enforces (shared/permissions/rules.ts).
  const canBackUp = useCan('backup.backUpNow')
  const canRestore = useCan('backup.restore')
  const backUpNow = () =>
    backUp.mutate(undefined, { onSuccess: (b) => notifications.show({ ...DISMISS, color: 'teal', message: `Backup taken ${formatDateTime(b.takenAt)}.` }) })
  const chooseFile = () => choose.mutate(undefined, { onSuccess: (picked) => picked && setTarget({ kind: 'file', ...picked }) })
  return (
    <Stack>
      <Title order={2} size="h3">
        Backups
      </Title>
      <Text size="sm">
        A backup is taken automatically the first time the app opens each day, and before every app update changes the data file. The last 7 daily backups
        and the newest backup of each of the last 4 weeks are kept, and backups taken by hand, before an update or before a restore are kept for 30 days.
        {backups.data ? ` They are kept on this computer in ${backups.data.folder}.` : null}
      </Text>
      <ErrorText error={backups.error} title="Backups could not be listed" />
      <DataTable
        caption="Backups, newest first"
        rows={backups.data?.backups ?? []}
        rowKey={(b) => b.id}
        empty={backups.isPending ? 'Loading backups…' : 'There are no backups yet.'}
        columns={[
          // Issue 15: a date after now is said in words (the list is in the order the backups were taken).
          { header: 'Taken', cell: (b) => (b.futureDated ? `${formatDateTime(b.takenAt)} (dated in the future: this computer’s clock was wrong, or the file came from elsewhere)` : formatDateTime(b.takenAt)) },
          { header: 'Kind', cell: (b) => KIND_LABELS[b.kind] },
          { header: 'Size', cell: (b) => size(b.sizeBytes) },
          ...(canRestore
            ? [
                {
                  header: 'Restore',
                  cell: (b: BackupEntry) => (
                    <Button size="xs" variant="default" {...channelTag('backup.restore')} onClick={() => setTarget({ kind: 'listed', backup: b })} aria-label={`Restore the backup taken ${formatDateTime(b.takenAt)} (${KIND_LABELS[b.kind].toLowerCase()})`}>
                      Restore…
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <ErrorText error={backUp.error} title="No backup taken" />
      <ErrorText error={choose.error} title="No file chosen" />
      <Group>
        {canBackUp ? (
          <Button onClick={backUpNow} loading={backUp.isPending} {...channelTag('backup.backUpNow')}>
            Back up now
          </Button>
        ) : null}
        {canRestore ? (
          <Button variant="default" onClick={chooseFile} loading={choose.isPending} {...channelTag('backup.chooseFile')}>
            Restore a backup from a file…
          </Button>
        ) : null}
      </Group>
      {!canRestore && role ? (
        <Text size="sm" c="dimmed">
          {whoCan('backup.restore')}
        </Text>
      ) : null}
      {target ? <ConfirmRestore key={target.kind === 'listed' ? target.backup.id : target.path} target={target} onClose={() => setTarget(null)} /> : null}
    </Stack>
  )
}
