import { Button, Group, Loader, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { setOverrideInput } from '../../../../shared/ipc/channels/caseWork'
import type { Responsibility } from '../../../../shared/engine'
import { channelTag, useCan, whoCan } from '../../app/can'
import { DataTable } from '../../app/DataTable'
import { DateField } from '../../app/DateField'
import { ErrorSummary } from '../../app/ErrorSummary'
import { ErrorText } from '../../app/ErrorText'
import { otherRefusal, useFormRefusal } from '../../app/useFormRefusal'
import { useEndOverride, useOverrides, useSetOverride } from '../../data/caseWorkHooks'
import { formatDate } from '../../lib/format'
import { fieldId, validateWith } from '../../lib/formErrors'
import { RESPONSIBILITY_LABELS } from '../../lib/labels'

// A HOMD's override of who is responsible (issue 17, "Responsibility override"): POM or COM, with
// a reason and an end date; the engine's own answer stays beside it. Ends on its end date.

const FORM = 'responsibility-override'
const FIELDS = [
  { name: 'responsibility', label: 'Who is responsible' },
  { name: 'reason', label: 'Reason' },
  { name: 'endDate', label: 'End date' },
]

interface OverrideValues {
  /** '' until one is chosen: nothing is preselected. */
  responsibility: '' | 'pom' | 'com'
  reason: string
  endDate: string
}

function OverrideForm({ prisonerId, onDone }: { prisonerId: number; onDone: () => void }) {
  const save = useSetOverride()
  const toInput = (v: OverrideValues) => ({ prisonerId, ...v })
  // Issue 16, "Form errors": caseWork.setOverride's own schema checks every field at once.
  const form = useForm<OverrideValues>({ mode: 'controlled', initialValues: { responsibility: '', reason: '', endDate: '' }, validate: validateWith(setOverrideInput, toInput) })
  const { attempt, failed, refused } = useFormRefusal(form)
  const submit = form.onSubmit(
    (v) =>
      save.mutate(setOverrideInput.parse(toInput(v)), {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: 'Responsibility override saved.' })
          onDone()
        },
        onError: refused,
      }),
    failed,
  )
  const errors = form.errors
  return (
    <form onSubmit={submit} noValidate aria-label="Override who is responsible">
      <Stack gap="sm">
        <ErrorSummary formId={FORM} errors={errors} fields={FIELDS} attempt={attempt} other={otherRefusal(save.error)} />
        <Radio.Group id={fieldId(FORM, 'responsibility')} label="Who is responsible" value={form.values.responsibility} onChange={(v) => form.setFieldValue('responsibility', v as 'pom' | 'com')} error={errors.responsibility} required>
          <Group mt={4}>
            <Radio value="pom" label="POM" />
            <Radio value="com" label="COM" />
          </Group>
        </Radio.Group>
        <Textarea id={fieldId(FORM, 'reason')} label="Reason" {...form.getInputProps('reason')} required autosize minRows={2} maxLength={500} />
        <DateField id={fieldId(FORM, 'endDate')} label="End date" description="The override no longer applies from this day." value={form.values.endDate} onChange={(v) => form.setFieldValue('endDate', v)} error={errors.endDate} required />
        <Group>
          <Button type="submit" loading={save.isPending} {...channelTag('caseWork.setOverride')}>
            Save override
          </Button>
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

export function OverrideSection({ prisonerId, engineResponsibility }: { prisonerId: number; engineResponsibility: Responsibility | null }) {
  const q = useOverrides(prisonerId)
  const canSet = useCan('caseWork.setOverride')
  const end = useEndOverride()
  const [editing, setEditing] = useState(false)
  const current = q.data?.find((o) => o.inForce) ?? null
  const engine = engineResponsibility ? RESPONSIBILITY_LABELS[engineResponsibility] : 'not worked out'
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="override-title">
      <Title order={2} size="h4" id="override-title" mb="xs">
        Responsibility override
      </Title>
      {q.error ? <ErrorText error={q.error} title="Overrides could not be shown" /> : null}
      {!q.data ? (
        q.error ? null : <Loader aria-label="Loading" size="sm" />
      ) : (
        <Stack gap="md">
          <Text size="sm">
            {current
              ? `Overridden: ${RESPONSIBILITY_LABELS[current.responsibility]} responsible until ${formatDate(current.endDate)} (the rules say ${engine}). Reason: ${current.reason}`
              : `No override: the rules say ${engine} is responsible.`}
          </Text>
          {q.data.length > 0 ? (
            <DataTable
              caption={`Overrides (${q.data.length}), newest first`}
              rows={q.data}
              rowKey={(r) => r.id}
              empty="No overrides."
              columns={[
                { header: 'Responsible', cell: (r) => RESPONSIBILITY_LABELS[r.responsibility] },
                { header: 'From', cell: (r) => formatDate(r.startDate) },
                { header: 'Until', cell: (r) => (r.endedOn ? `${formatDate(r.endedOn)} (ended early)` : formatDate(r.endDate)) },
                { header: 'Reason', cell: (r) => r.reason },
                { header: 'By', cell: (r) => r.setBy },
                { header: 'In force', cell: (r) => (r.inForce ? 'Yes' : 'No') },
              ]}
            />
          ) : null}
          {editing ? <OverrideForm prisonerId={prisonerId} onDone={() => setEditing(false)} /> : null}
          {canSet && !editing ? (
            <Group>
              <Button variant="default" onClick={() => setEditing(true)} {...channelTag('caseWork.setOverride')}>
                {current ? 'Replace the override' : 'Override who is responsible'}
              </Button>
              {current ? (
                <Button variant="default" loading={end.isPending} onClick={() => end.mutate({ prisonerId }, { onSuccess: () => notifications.show({ color: 'teal', message: 'Override ended.' }) })} {...channelTag('caseWork.endOverride')}>
                  End the override today
                </Button>
              ) : null}
            </Group>
          ) : null}
          {end.error ? <ErrorText error={end.error} title="The override was not ended" /> : null}
          {!canSet ? <Text size="sm">{whoCan('caseWork.setOverride')}</Text> : null}
        </Stack>
      )}
    </Paper>
  )
}
