import { Button, Checkbox, Group, Modal, NumberInput, PasswordInput, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { DataTable } from '../../app/DataTable'
import { ErrorText } from '../../app/ErrorText'
import { usePurge, useRetentionReview } from '../../data/authHooks'
import { useSettings, useUpdateSettings } from '../../data/hooks'
import { formatDate } from '../../lib/format'

/** HOMS: the retention period, and released prisoners past it to review and purge (issue 7). */
export function RetentionSection() {
  const settings = useSettings()
  const update = useUpdateSettings()
  const review = useRetentionReview(true)
  const purge = usePurge()
  const [years, setYears] = useState<number | string>('')
  const [chosen, setChosen] = useState<number[]>([])
  const [confirming, setConfirming] = useState(false)
  const [password, setPassword] = useState('')
  const due = review.data?.due ?? []
  return (
    <Stack>
      <Title order={2} size="h3">
        Retention
      </Title>
      <Group align="flex-end">
        <NumberInput label="Keep records of released prisoners for (years)" min={1} max={100} allowDecimal={false} value={years === '' ? (settings.data?.retentionYears ?? '') : years} onChange={setYears} w={320} />
        <Button variant="default" loading={update.isPending} onClick={() => update.mutate({ retentionYears: Number(years || settings.data?.retentionYears) }, { onSuccess: () => notifications.show({ message: 'Retention period saved.', color: 'teal' }) })}>
          Save retention period
        </Button>
      </Group>
      <ErrorText error={update.error} title="Not saved" />
      <Text size="sm">{review.data ? `Released before ${formatDate(review.data.releasedBefore)}: ${due.length} record(s) past the retention period.` : null}</Text>
      <DataTable
        caption="Records past the retention period"
        rows={due}
        rowKey={(r) => r.prisonerId}
        empty="No records are past the retention period."
        columns={[
          { header: 'Choose', cell: (r) => <Checkbox aria-label={`Choose ${r.name} to purge`} checked={chosen.includes(r.prisonerId)} onChange={(e) => setChosen(e.currentTarget.checked ? [...chosen, r.prisonerId] : chosen.filter((x) => x !== r.prisonerId))} /> },
          { header: 'Name', cell: (r) => r.name },
          { header: 'Prison number', cell: (r) => r.prisonNumber },
          { header: 'Released', cell: (r) => formatDate(r.releasedOn) },
        ]}
      />
      {due.length > 0 ? (
        <Group>
          <Button color="red" disabled={chosen.length === 0} onClick={() => setConfirming(true)}>
            Purge {chosen.length} chosen record(s)
          </Button>
        </Group>
      ) : null}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Purge records permanently?">
        <Stack>
          <Text>
            The facts, allocations and sessions of {chosen.length} released prisoner(s) will be deleted and cannot be restored except from a backup. The purge is recorded in the audit trail.
          </Text>
          <PasswordInput label="Your password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
          <ErrorText error={purge.error} title="Nothing was purged" />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={purge.isPending}
              onClick={() =>
                purge.mutate(
                  { prisonerIds: chosen, confirm: true, password },
                  {
                    onSuccess: (r) => {
                      notifications.show({ message: `${r.purged} record(s) purged.`, color: 'teal' })
                      setChosen([])
                      setPassword('')
                      setConfirming(false)
                    },
                  },
                )
              }
            >
              Purge
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  )
}
