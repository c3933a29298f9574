import { Button, Checkbox, Group, NativeSelect, NumberInput, Paper, Stack, Textarea, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState, type FormEvent } from 'react'
import { SESSION_MODES, type SessionMode } from '../../../../shared/ipc/values'
import { ErrorText } from '../../app/ErrorText'
import { OmuError } from '../../data/client'
import { useRecordSession } from '../../data/caseloadHooks'
import { MODE_LABELS } from '../../lib/labels'

/** One step to record a session: the date defaults to today and in person is on (issue 5). */
export function RecordSessionForm({ prisonerId, today }: { prisonerId: number; today: string }) {
  const blank = { date: today, inPerson: true, mode: 'wing_interview_room' as SessionMode, durationMinutes: 30 as number | string, notes: '', notesSensitive: false }
  const [f, setF] = useState(blank)
  const record = useRecordSession()
  const err = record.error instanceof OmuError ? record.error : null
  const fieldError = (name: string) => (err?.field === name ? err.message : undefined)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    record.mutate(
      { prisonerId, date: f.date, inPerson: f.inPerson, mode: f.mode, durationMinutes: Number(f.durationMinutes), notes: f.notes, notesSensitive: f.notesSensitive },
      {
        onSuccess: () => {
          notifications.show({ message: 'Session recorded.', color: 'teal' })
          setF(blank)
        },
      },
    )
  }
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-labelledby="record-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="record-title">
            Record a session
          </Title>
          <Group grow align="flex-start">
            <TextInput type="date" label="Date of the session" value={f.date} max={today} onChange={(e) => setF({ ...f, date: e.currentTarget.value })} error={fieldError('date')} required />
            <NativeSelect
              label="How it was held"
              value={f.mode}
              data={SESSION_MODES.map((m) => ({ value: m, label: MODE_LABELS[m] }))}
              onChange={(e) => {
                const mode = e.currentTarget.value as SessionMode
                // Video and telephony are never in person: keep the tick box honest as the mode changes.
                setF({ ...f, mode, inPerson: mode === 'video' || mode === 'in_cell_telephony' ? false : f.inPerson })
              }}
            />
            <NumberInput label="Duration (minutes)" value={f.durationMinutes} min={1} max={600} allowDecimal={false} onChange={(v) => setF({ ...f, durationMinutes: v })} error={fieldError('durationMinutes')} />
          </Group>
          <Checkbox label="In person (counts towards the minima)" checked={f.inPerson} onChange={(e) => setF({ ...f, inPerson: e.currentTarget.checked })} error={fieldError('inPerson')} />
          <Textarea label="Notes" autosize minRows={2} maxRows={8} value={f.notes} onChange={(e) => setF({ ...f, notes: e.currentTarget.value })} />
          <Checkbox
            label="Sensitive: keep this note out of anything disclosed to the prisoner"
            checked={f.notesSensitive}
            onChange={(e) => setF({ ...f, notesSensitive: e.currentTarget.checked })}
          />
          <ErrorText error={record.error} title="Not recorded" />
          <Group>
            <Button type="submit" loading={record.isPending}>
              Record session
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}
