import { Button, Checkbox, Group, Modal, NumberInput, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState, type FormEvent } from 'react'
import { ConfirmPasswordInput, isPasswordError } from '../../app/ConfirmPasswordInput'
import { DataTable } from '../../app/DataTable'
import { ErrorText } from '../../app/ErrorText'
import { usePurge, useRetentionReview } from '../../data/authHooks'
import { useSettings, useUpdateSettings } from '../../data/hooks'
import { formatDate } from '../../lib/format'
import { plural } from '../../lib/plural'
import { channelTag } from '../../app/can'

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
  // Changing the period is a settings change: the HOMS's password is asked again (issue 15).
  const [periodPassword, setPeriodPassword] = useState('')
  const due = review.data?.due ?? []
  const savePeriod = (e: FormEvent) => {
    e.preventDefault()
    update.mutate(
      { retentionYears: Number(years || settings.data?.retentionYears), password: periodPassword },
      {
        onSuccess: () => {
          setPeriodPassword('')
          notifications.show({ message: 'Retention period saved.', color: 'teal' })
        },
        onError: (err) => (isPasswordError(err) ? setPeriodPassword('') : undefined),
      },
    )
  }
  return (
    <Stack>
      <Title order={2} size="h3">
        Retention
      </Title>
      <form onSubmit={savePeriod} noValidate aria-label="Retention period">
        <Stack gap="sm">
          <Group align="flex-start" grow>
            <NumberInput label="Keep records of released prisoners for (years)" min={1} max={100} allowDecimal={false} value={years === '' ? (settings.data?.retentionYears ?? '') : years} onChange={setYears} />
            <ConfirmPasswordInput value={periodPassword} onChange={setPeriodPassword} why="changing the retention period" error={update.error} />
          </Group>
          {isPasswordError(update.error) ? null : <ErrorText error={update.error} title="Not saved" />}
          <Group>
            <Button type="submit" variant="default" loading={update.isPending} {...channelTag('settings.update')}>
              Save retention period
            </Button>
          </Group>
        </Stack>
      </form>
      <Text size="sm">{review.data ? `Released before ${formatDate(review.data.releasedBefore)}: ${plural(due.length, 'record')} past the retention period.` : null}</Text>
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
          <Button color="red" disabled={chosen.length === 0} onClick={() => setConfirming(true)} {...channelTag('retention.purge')}>
            Purge {plural(chosen.length, 'chosen record')}
          </Button>
        </Group>
      ) : null}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Purge records permanently?">
        <Stack>
          <Text>
            The facts, allocations and sessions of {plural(chosen.length, 'released prisoner')} will be deleted, and the audit trail’s copies of their records replaced by “purged” (the trail keeps that the records existed and what happened to them, not who they were). Backups taken before today still hold them until the rotation removes those backups (within about a month); restoring one of them purges these records again. The purge is recorded in the audit trail.
          </Text>
          <ConfirmPasswordInput value={password} onChange={setPassword} why="purging records" error={purge.error} autoFocus />
          {isPasswordError(purge.error) ? null : <ErrorText error={purge.error} title="Nothing was purged" />}
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
                      notifications.show({ message: `${plural(r.purged, 'record')} purged.`, color: 'teal' })
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
