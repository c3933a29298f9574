import { Button, Checkbox, Group, NativeSelect, NumberInput, Paper, Stack, Textarea, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { recordSessionInput } from '../../../../shared/ipc/channels/caseload'
import { SESSION_MODES, type SessionMode } from '../../../../shared/ipc/values'
import { channelTag } from '../../app/can'
import { DateField } from '../../app/DateField'
import { ErrorSummary } from '../../app/ErrorSummary'
import { OmuError } from '../../data/client'
import { useRecordSession } from '../../data/caseloadHooks'
import { fieldId, serverFieldError, validateWith } from '../../lib/formErrors'
import { MODE_LABELS } from '../../lib/labels'

const FORM = 'record-session'
const FIELDS = [
  { name: 'date', label: 'Date of the session' },
  { name: 'mode', label: 'How it was held' },
  { name: 'durationMinutes', label: 'Duration (minutes)' },
  { name: 'inPerson', label: 'In person' },
  { name: 'notes', label: 'Notes' },
] as const

interface Values {
  date: string
  inPerson: boolean
  mode: SessionMode
  durationMinutes: number | string
  notes: string
  notesSensitive: boolean
}

/** The channel's input from the form; an empty duration stays missing, so the contract asks for it (never 0 turned into 1, issue 16). */
function toInput(prisonerId: number, v: Values) {
  return { prisonerId, date: v.date, inPerson: v.inPerson, mode: v.mode, durationMinutes: v.durationMinutes === '' ? undefined : Number(v.durationMinutes), notes: v.notes, notesSensitive: v.notesSensitive }
}

/** One step to record a session: the date defaults to today and in person is on (issue 5). */
export function RecordSessionForm({ prisonerId, today }: { prisonerId: number; today: string }) {
  const blank: Values = { date: today, inPerson: true, mode: 'wing_interview_room', durationMinutes: 30, notes: '', notesSensitive: false }
  // The contract's own schema checks the form (issue 16): the same rules and words as the main process.
  const form = useForm<Values>({ mode: 'controlled', initialValues: blank, validate: validateWith(recordSessionInput, (v: Values) => toInput(prisonerId, v)) })
  const [attempt, setAttempt] = useState(0)
  const record = useRecordSession()
  const refusal = record.error instanceof OmuError ? record.error : null
  const other = refusal && !serverFieldError(refusal) ? refusal.message : null
  const submit = form.onSubmit(
    (v) =>
      record.mutate(recordSessionInput.parse(toInput(prisonerId, v)), {
        onSuccess: () => {
          notifications.show({ message: 'Session recorded.', color: 'teal' })
          form.setValues(blank)
          form.clearErrors()
          setAttempt(0)
        },
        onError: (e) => {
          const f = serverFieldError(e instanceof OmuError ? e : null)
          if (f) form.setFieldError(f.field, f.message)
          setAttempt((n) => n + 1)
        },
      }),
    () => setAttempt((n) => n + 1),
  )
  const id = (name: string) => fieldId(FORM, name)
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-labelledby="record-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="record-title">
            Record a session
          </Title>
          <ErrorSummary formId={FORM} errors={form.errors} fields={FIELDS} attempt={attempt} other={other} />
          <Group grow align="flex-start">
            <DateField id={id('date')} label="Date of the session" value={form.values.date} onChange={(v) => form.setFieldValue('date', v)} error={form.errors.date} required />
            <NativeSelect
              id={id('mode')}
              label="How it was held"
              value={form.values.mode}
              data={SESSION_MODES.map((m) => ({ value: m, label: MODE_LABELS[m] }))}
              error={form.errors.mode}
              onChange={(e) => {
                const mode = e.currentTarget.value as SessionMode
                // Video and telephony are never in person: keep the tick box honest as the mode changes.
                form.setValues({ mode, inPerson: mode === 'video' || mode === 'in_cell_telephony' ? false : form.values.inPerson })
              }}
            />
            {/* No clamping: 0 stays 0 and is refused in words, never silently made 1 minute (issue 16). */}
            <NumberInput id={id('durationMinutes')} label="Duration (minutes)" allowDecimal={false} allowNegative={false} clampBehavior="none" {...form.getInputProps('durationMinutes')} />
          </Group>
          <Checkbox id={id('inPerson')} label="In person (counts towards the minima)" {...form.getInputProps('inPerson', { type: 'checkbox' })} />
          <Textarea id={id('notes')} label="Notes" autosize minRows={2} maxRows={8} {...form.getInputProps('notes')} />
          <Checkbox label="Sensitive: keep this note out of anything disclosed to the prisoner" {...form.getInputProps('notesSensitive', { type: 'checkbox' })} />
          <Group>
            <Button type="submit" loading={record.isPending} {...channelTag('sessions.record')}>
              Record session
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}
