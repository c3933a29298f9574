import { Alert, Badge, Button, Checkbox, Group, Loader, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { handover, type ComDetails, type HandoverCase } from '../../../../shared/ipc/channels/handover'
import { channelTag, useCan, whoCan } from '../../app/can'
import { DateField } from '../../app/DateField'
import { ErrorSummary } from '../../app/ErrorSummary'
import { ErrorText } from '../../app/ErrorText'
import { OmuError } from '../../data/client'
import { useCaseHandover, useNotifyCommunity, useSaveComDetails, useTickHandoverTask } from '../../data/handoverHooks'
import { formatDate, formatDateTime } from '../../lib/format'
import { fieldId, serverFieldError, validateWith } from '../../lib/formErrors'
import { plural } from '../../lib/plural'

// Handover to the community (issue 17): the COM's details (seed 003 Annex B 3.2: "The identity of
// the allocated community offender manager (COM) ... is always clear"), the Victim Liaison Officer
// contact (seed 002 baseline 2.3), the handover checklist with who ticked what
// (../shared/specs/mpc-rules.md D; only the case's POM ticks, D.4) and "Notify the community" 45
// days before the handover date (seed 003 Annex B). Who may change what is the main process's
// answer (`canEdit`, `checklist.editable`); the rules table tags each control.

const FORM = 'com-details'

type Draft = { [K in keyof ComDetails]: string }

const FIELDS: readonly { name: keyof Draft; label: string }[] = [
  { name: 'comName', label: 'COM name' },
  { name: 'comEmail', label: 'COM email' },
  { name: 'comPhone', label: 'COM phone' },
  { name: 'comTeam', label: 'COM team' },
  { name: 'pdu', label: 'Probation delivery unit (PDU)' },
  { name: 'ldu', label: 'Local delivery unit (LDU)' },
  { name: 'lduEmail', label: 'LDU email' },
  { name: 'comAllocatedOn', label: 'Date the COM was allocated' },
  { name: 'vloName', label: 'Victim Liaison Officer name' },
  { name: 'vloContact', label: 'Victim Liaison Officer contact' },
  { name: 'vloLastContactOn', label: 'Date of last contact with the Victim Liaison Officer' },
]

function draftOf(d: ComDetails): Draft {
  return Object.fromEntries(FIELDS.map((f) => [f.name, d[f.name] ?? ''])) as Draft
}

/** The channel's input: blank dates are null (a blank text the contract itself makes null). */
function inputOf(prisonerId: number, expectedVersion: number | null, d: Draft) {
  const dates = { comAllocatedOn: d.comAllocatedOn || null, vloLastContactOn: d.vloLastContactOn || null }
  return { prisonerId, expectedVersion, ...d, ...dates }
}

function Fact({ label, value }: { label: string; value: string | null }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value ?? 'Not recorded'}</Text>
    </div>
  )
}

function DetailsForm({ h, onDone }: { h: HandoverCase; onDone: () => void }) {
  const form = useForm<Draft>({ mode: 'controlled', initialValues: draftOf(h.details), validate: validateWith(handover.saveDetails.input, (d: Draft) => inputOf(h.prisonerId, h.version, d)) })
  const [attempt, setAttempt] = useState(0)
  const save = useSaveComDetails()
  const refusal = save.error instanceof OmuError ? save.error : null
  const other = refusal && !serverFieldError(refusal) ? refusal.message : null
  const err = (k: keyof Draft) => (typeof form.errors[k] === 'string' ? form.errors[k] : undefined)
  const submit = form.onSubmit(
    (d) =>
      save.mutate(inputOf(h.prisonerId, h.version, d), {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: 'Handover details saved.' })
          onDone()
        },
        onError: (e) => {
          const f = serverFieldError(e instanceof OmuError ? e : null)
          if (f) form.setFieldError(f.field, f.message)
          setAttempt((n) => n + 1)
        },
      }),
    () => setAttempt((n) => n + 1),
  )
  const text = (name: keyof Draft, type: 'text' | 'email' | 'tel' = 'text') => {
    const label = FIELDS.find((f) => f.name === name)?.label ?? name
    return <TextInput id={fieldId(FORM, name)} label={label} type={type} value={form.values[name]} onChange={(e) => form.setFieldValue(name, e.currentTarget.value)} error={err(name)} />
  }
  const date = (name: keyof Draft, description: string) => (
    <DateField id={fieldId(FORM, name)} label={FIELDS.find((f) => f.name === name)?.label ?? name} description={description} value={form.values[name]} onChange={(v) => form.setFieldValue(name, v)} error={err(name)} />
  )
  return (
    <form onSubmit={submit} noValidate aria-label="Change the handover details">
      <Stack gap="sm">
        <Title order={3} size="h5">
          Change the handover details
        </Title>
        <ErrorSummary formId={FORM} errors={form.errors} fields={FIELDS} attempt={attempt} other={other} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {text('comName')}
          {text('comEmail', 'email')}
          {text('comPhone', 'tel')}
          {text('comTeam')}
          {text('pdu')}
          {text('ldu')}
          {text('lduEmail', 'email')}
          {date('comAllocatedOn', 'The day the COM was allocated to this case. For example, 27 3 2026')}
          {text('vloName')}
          {text('vloContact')}
          {date('vloLastContactOn', 'Leave blank if there has been no contact. For example, 27 3 2026')}
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={save.isPending} {...channelTag('handover.saveDetails')}>
            Save handover details
          </Button>
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

/** The lists of spec A.1 the case is on today, in words (never by colour alone). */
function listsText(l: HandoverCase['lists']): string {
  const on = [
    l.upcoming ? `upcoming${l.dueSoon ? ' (handover due soon)' : ''}` : null,
    l.inProgress ? 'in progress' : null,
    l.comAllocationOverdue ? `COM allocation overdue by ${plural(l.comAllocationDaysOverdue ?? 0, 'day')}` : null,
    l.overdueTasks ? 'handover tasks overdue' : null,
  ].filter((x): x is string => x !== null)
  return on.length === 0 ? 'This case is on no handover list today.' : `On the handover lists: ${on.join('; ')}.`
}

const TYPE_TEXT: Record<HandoverCase['checklist']['handoverType'], string> = {
  missing: 'No probation details or no handover date are recorded yet, so the handover type is not known.',
  none: 'Less than 10 months to serve: a standard set of handover tasks.',
  enhanced: 'Enhanced handover (or the resourcing decision is not known).',
  standard: 'Standard handover.',
}

function Checklist({ h }: { h: HandoverCase }) {
  const tick = useTickHandoverTask()
  const c = h.checklist
  const mayTick = useCan('handover.tickTask') && c.editable
  return (
    <Stack gap="xs" component="section" aria-labelledby="handover-checklist-title">
      <Group gap="sm">
        <Title order={3} size="h5" id="handover-checklist-title">
          Handover checklist
        </Title>
        {/* Spec D3: complete when every task that applies is done; the words carry the state. */}
        <Badge variant="light" color={c.complete ? 'teal' : 'gray'}>
          {c.completeCount} of {c.total} done
        </Badge>
      </Group>
      <Text size="sm">{TYPE_TEXT[c.handoverType]}</Text>
      <Stack gap={6}>
        {c.tasks.map((t) => {
          const who = t.done ? `Done by ${t.doneBy ?? 'someone'}${t.doneAt ? ` on ${formatDateTime(t.doneAt)}` : ''}.` : 'Not done.'
          return mayTick ? (
            <Checkbox
              key={t.task}
              label={t.label}
              description={who}
              checked={t.done}
              disabled={tick.isPending}
              onChange={(e) => tick.mutate({ prisonerId: h.prisonerId, task: t.task, done: e.currentTarget.checked })}
              {...channelTag('handover.tickTask')}
            />
          ) : (
            <div key={t.task}>
              <Text size="sm" fw={600}>
                {t.label}: {t.done ? 'done' : 'not done'}
              </Text>
              {t.done ? (
                <Text size="xs" c="dimmed">
                  {who}
                </Text>
              ) : null}
            </div>
          )
        })}
      </Stack>
      {tick.error ? <ErrorText error={tick.error} title="The task was not ticked" /> : null}
      {!mayTick ? (
        <Text size="sm" c="dimmed">
          Only the case’s POM can tick the handover tasks, from 8 weeks before the handover starts until the prisoner is released.
        </Text>
      ) : null}
    </Stack>
  )
}

function Notify({ h }: { h: HandoverCase }) {
  const notify = useNotifyCommunity()
  const canNotify = useCan('handover.notifyCommunity')
  const n = h.notify
  return (
    <Stack gap="xs" component="section" aria-labelledby="handover-notify-title">
      <Title order={3} size="h5" id="handover-notify-title">
        Notify the community
      </Title>
      {n.notifiedAt ? (
        <Text size="sm">
          The community was notified on {formatDateTime(n.notifiedAt)}
          {n.notifiedBy ? ` by ${n.notifiedBy}` : ''}.
        </Text>
      ) : n.notifyFrom === null ? (
        <Text size="sm">There is no handover date, so there is no one to notify yet.</Text>
      ) : (
        <Text size="sm">
          The community is notified 45 days before the handover date, from {formatDate(n.notifyFrom)}.{' '}
          {n.due ? 'This case is on the list to notify.' : ''}
        </Text>
      )}
      {n.due && canNotify && h.canEdit ? (
        <Group>
          <Button
            variant="default"
            loading={notify.isPending}
            onClick={() => notify.mutate({ prisonerId: h.prisonerId }, { onSuccess: () => notifications.show({ color: 'teal', message: 'Your email program opened a drafted email. The notification is recorded.' }) })}
            {...channelTag('handover.notifyCommunity')}
          >
            Notify the community
          </Button>
          <Text size="xs" c="dimmed">
            Opens a drafted email to the COM (or the LDU) in your email program.
          </Text>
        </Group>
      ) : null}
      {notify.error ? <ErrorText error={notify.error} title="The community was not notified" /> : null}
    </Stack>
  )
}

export function ComHandoverSection({ prisonerId }: { prisonerId: number }) {
  const q = useCaseHandover(prisonerId)
  const canSave = useCan('handover.saveDetails')
  const [editing, setEditing] = useState(false)
  const h = q.data
  const d = h?.details
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="com-handover-title">
      <Title order={2} size="h4" id="com-handover-title" mb="xs">
        Handover to the community
      </Title>
      {q.error ? <ErrorText error={q.error} title="The handover details could not be shown" /> : null}
      {!h || !d ? (
        q.error ? null : <Loader aria-label="Loading" size="sm" />
      ) : (
        <Stack gap="md">
          <Text size="sm">{listsText(h.lists)}</Text>
          {h.lists.comAllocationOverdue ? (
            <Alert color="red" title="COM allocation overdue">
              The COM has been responsible since {formatDate(h.comResponsibleDate)} and no COM is recorded.
            </Alert>
          ) : null}
          <section aria-labelledby="com-details-title">
            <Title order={3} size="h5" id="com-details-title" mb={4}>
              Community Offender Manager
            </Title>
            <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
              <Fact label="Name" value={d.comName} />
              <Fact label="Email" value={d.comEmail} />
              <Fact label="Phone" value={d.comPhone} />
              <Fact label="Team" value={d.comTeam} />
              <Fact label="Probation delivery unit (PDU)" value={d.pdu} />
              <Fact label="Local delivery unit (LDU)" value={d.ldu} />
              <Fact label="LDU email" value={d.lduEmail} />
              <Fact label="Date the COM was allocated" value={d.comAllocatedOn ? formatDate(d.comAllocatedOn) : null} />
            </SimpleGrid>
          </section>
          <section aria-labelledby="vlo-title">
            <Title order={3} size="h5" id="vlo-title" mb={4}>
              Victim Liaison Officer
            </Title>
            <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
              <Fact label="Name" value={d.vloName} />
              <Fact label="Contact" value={d.vloContact} />
              <Fact label="Date of last contact" value={d.vloLastContactOn ? formatDate(d.vloLastContactOn) : null} />
            </SimpleGrid>
          </section>
          {editing ? <DetailsForm h={h} onDone={() => setEditing(false)} /> : null}
          {!editing && canSave && h.canEdit ? (
            <Group>
              <Button variant="default" onClick={() => setEditing(true)} {...channelTag('handover.saveDetails')}>
                Change handover details
              </Button>
            </Group>
          ) : null}
          {!canSave ? <Text size="sm">{whoCan('handover.saveDetails')}</Text> : null}
          {canSave && !h.canEdit ? <Text size="sm">As a POM you can change these details only for cases allocated to you.</Text> : null}
          <Checklist h={h} />
          <Notify h={h} />
        </Stack>
      )}
    </Paper>
  )
}
