import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { DataTable } from '../../app/DataTable'
import { ErrorText } from '../../app/ErrorText'
import { usePrisonerHistory, useSubjectAccessExport } from '../../data/authHooks'
import { formatDateTime } from '../../lib/format'
import { historyWhat } from '../../lib/historyWords'
import { ROLE_NAMES, type UserRole } from '../../../../shared/ipc/values'
import { channelTag } from '../../app/can'

/** Who changed this record and when (the audit trail, issue 7), and the subject access export. */
export function RecordHistory({ prisonerId, canExport }: { prisonerId: number; canExport: boolean }) {
  const history = usePrisonerHistory(prisonerId)
  const sar = useSubjectAccessExport(prisonerId)
  const exportAs = (format: 'pdf' | 'json') =>
    sar.mutate(format, {
      onSuccess: (r) => {
        if (r.saved) {
          const held = r.reviewerPath
            ? ` ${r.sensitiveNotesHeldBack === 1 ? 'One sensitive note was' : `${r.sensitiveNotesHeldBack} sensitive notes were`} left out and listed for the reviewer only in ${r.reviewerPath}: do not send that file.`
            : ' No note was held back.'
          notifications.show({ color: 'teal', message: `Saved the disclosure to ${r.path}.${held}` })
        }
      },
    })
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Record history
        </Title>
        <DataTable
          caption="Changes to this record, newest first"
          rows={history.data ?? []}
          rowKey={(r) => r.id}
          empty="No changes recorded yet."
          columns={[
            { header: 'When', cell: (r) => formatDateTime(r.at) },
            // Issue 16: people's names; the login only when the profile is no longer held.
            { header: 'Who', cell: (r) => `${r.displayName ?? r.username} (${ROLE_NAMES[r.role as UserRole] ?? r.role})` },
            // Issue 16: in words, with the facts a change touched (no code names).
            { header: 'What', cell: (r) => historyWhat(r) },
          ]}
        />
        {canExport ? (
          <>
            <Text size="sm">Subject access request: everything held about this person. Notes marked sensitive are held back and listed separately for review.</Text>
            <Group>
              <Button variant="default" onClick={() => exportAs('pdf')} loading={sar.isPending && sar.variables === 'pdf'} {...channelTag('subjectAccess.export')}>
                Export subject access (PDF)
              </Button>
              <Button variant="default" onClick={() => exportAs('json')} loading={sar.isPending && sar.variables === 'json'} {...channelTag('subjectAccess.export')}>
                Export subject access (JSON)
              </Button>
            </Group>
            <ErrorText error={sar.error} title="Not exported" />
          </>
        ) : null}
      </Stack>
    </Paper>
  )
}
