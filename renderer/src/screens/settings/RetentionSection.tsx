import { Button, Checkbox, Group, Modal, NumberInput, Stack, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { settings as settingsChannels } from '../../../../shared/ipc/channels/settings'
import { CONFIRM_PASSWORD_LABEL, ConfirmPasswordInput, isPasswordError } from '../../app/ConfirmPasswordInput'
import { DataTable } from '../../app/DataTable'
import { ErrorSummary } from '../../app/ErrorSummary'
import { ErrorText } from '../../app/ErrorText'
import { otherRefusal, useFormRefusal } from '../../app/useFormRefusal'
import { usePurge, useRetentionReview } from '../../data/authHooks'
import { useSettings, useUpdateSettings } from '../../data/hooks'
import { fieldId, formErrors } from '../../lib/formErrors'
import { formatDate } from '../../lib/format'
import { plural } from '../../lib/plural'
import { channelTag } from '../../app/can'

const FORM = 'retention'
const YEARS_LABEL = 'Keep records of released prisoners for (years)'
const FIELDS = [
  { name: 'retentionYears', label: YEARS_LABEL },
  { name: 'password', label: CONFIRM_PASSWORD_LABEL },
] as const

interface PeriodValues {
  /** NumberInput's value: '' while the field is empty. */
  retentionYears: number | string
  password: string
}

const periodInput = (v: PeriodValues) => ({ retentionYears: v.retentionYears === '' ? undefined : Number(v.retentionYears), password: v.password })

/** settings.update's own rules (issue 16, "Form errors"), and what the form needs: a number and the HOMS's password (issue 15). */
function checkPeriod(v: PeriodValues) {
  const errors = formErrors(settingsChannels.update.input, periodInput(v))
  if (v.retentionYears === '') errors.retentionYears = 'Enter the retention period in years.'
  if (!v.password) errors.password = 'Enter your own password, to confirm.'
  return errors
}

function PeriodForm({ saved }: { saved: number }) {
  const update = useUpdateSettings()
  const form = useForm<PeriodValues>({ mode: 'controlled', initialValues: { retentionYears: saved, password: '' }, validate: checkPeriod })
  const { attempt, failed, refused } = useFormRefusal(form)
  const id = (name: string) => fieldId(FORM, name)
  const submit = form.onSubmit(
    (v) =>
      update.mutate(periodInput(v), {
        onSuccess: () => {
          form.setFieldValue('password', '')
          notifications.show({ message: 'Retention period saved.', color: 'teal' })
        },
        onError: (e) => {
          // Changing the period is a settings change: the HOMS's password is asked again (issue 15), typed afresh after a refusal.
          form.setFieldValue('password', '')
          refused(e)
        },
      }),
    failed,
  )
  return (
    <form onSubmit={submit} noValidate aria-label="Retention period">
      <Stack gap="sm">
        <ErrorSummary formId={FORM} errors={form.errors} fields={FIELDS} attempt={attempt} other={otherRefusal(update.error)} />
        <Group align="flex-start" grow>
          <NumberInput id={id('retentionYears')} label={YEARS_LABEL} min={1} max={100} allowDecimal={false} clampBehavior="none" {...form.getInputProps('retentionYears')} />
          <ConfirmPasswordInput
            id={id('password')}
            value={form.values.password}
            onChange={(v) => form.setFieldValue('password', v)}
            why="changing the retention period"
            error={update.error}
            clientError={typeof form.errors.password === 'string' ? form.errors.password : undefined}
          />
        </Group>
        <Group>
          <Button type="submit" variant="default" loading={update.isPending} {...channelTag('settings.update')}>
            Save retention period
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

/** HOMS: the retention period, and released prisoners past it to review and purge (issue 7). */
export function RetentionSection() {
  const settings = useSettings()
  const review = useRetentionReview(true)
  const purge = usePurge()
  const [chosen, setChosen] = useState<number[]>([])
  const [confirming, setConfirming] = useState(false)
  const [password, setPassword] = useState('')
  const due = review.data?.due ?? []
  return (
    <Stack>
      <Title order={2} size="h3">
        Retention
      </Title>
      {settings.data ? <PeriodForm saved={settings.data.retentionYears} /> : null}
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
