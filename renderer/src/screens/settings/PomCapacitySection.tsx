// POM capacity facts and planned changes (issue 19, "Capacity"; issue 17 reads the same facts):
// band, contracted hours, days worked, availability, and the changes planned over the coming
// weeks (seed 002 stages 3 to 1: probation staff returning, Band 4 staff returned to POM roles,
// leavers and new starters). HOMD and HOMS change them (as staff records); everyone reads them.
import { Button, Group, NativeSelect, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { addChangeInput, resourcing, type Availability, type PlannedChangeRow, type PomCapacityFacts } from '../../../../shared/ipc/channels/resourcing'
import { channelTag, useCan, whoCan } from '../../app/can'
import { DataTable } from '../../app/DataTable'
import { DateField } from '../../app/DateField'
import { ErrorSummary } from '../../app/ErrorSummary'
import { ErrorText } from '../../app/ErrorText'
import { otherRefusal, useFormRefusal } from '../../app/useFormRefusal'
import { useAddPlannedChange, useRemovePlannedChange, useResourcingCapacity, useSavePomCapacity } from '../../data/resourcingHooks'
import { fieldId, validateWith } from '../../lib/formErrors'
import { formatDate } from '../../lib/format'

export const POM_TYPE_LABELS = { prison: 'Prison POM', probation: 'Probation POM' } as const
const CHANGE_LABELS = { returning: 'Returning', leaving: 'Leaving', starting: 'New starter', hours_changed: 'Hours change' } as const

export function availabilityText(a: Availability): string {
  switch (a.status) {
    case 'active':
      return 'Available'
    case 'inactive':
      return 'Inactive'
    case 'unavailable':
      return `Unavailable from ${formatDate(a.from)}${a.to ? ` to ${formatDate(a.to)}` : ', no end date'}: ${a.reason}`
    default: {
      const never: never = a
      return String(never)
    }
  }
}

function changeText(c: PlannedChangeRow): string {
  switch (c.kind) {
    case 'returning':
      return `Back from ${formatDate(c.date)}`
    case 'leaving':
      return `Leaves: first day gone ${formatDate(c.date)}`
    case 'starting':
      return `Starts ${formatDate(c.date)}: ${c.pomType ? POM_TYPE_LABELS[c.pomType] : 'POM'}, band ${c.band ?? 4}, ${c.hoursPerWeek ?? 0} hours over ${c.daysPerWeek ?? 5} days a week`
    case 'hours_changed':
      return `From ${formatDate(c.date)}: ${c.hoursPerWeek ?? 0} hours a week${c.daysPerWeek ? ` over ${c.daysPerWeek} days` : ''}`
    default: {
      const never: never = c.kind
      return String(never)
    }
  }
}

const num = (v: number | string) => (v === '' ? undefined : Number(v))

interface PomValues {
  band: number | string
  hoursPerWeek: number | string
  daysPerWeek: number | string
  status: Availability['status']
  from: string
  to: string
  reason: string
}
const POM_FIELDS = [
  { name: 'band', label: 'Band' },
  { name: 'hoursPerWeek', label: 'Contracted hours a week' },
  { name: 'daysPerWeek', label: 'Days worked a week' },
  { name: 'availability.status', label: 'Availability' },
  { name: 'availability.from', label: 'First day away' },
  { name: 'availability.to', label: 'Last day away' },
  { name: 'availability.reason', label: 'Reason' },
] as const

/** resourcing.savePom's input from the form; an empty number stays missing, so the contract asks for it in words. */
const pomInput = (staffId: number, v: PomValues) => ({
  staffId,
  band: num(v.band),
  hoursPerWeek: num(v.hoursPerWeek),
  daysPerWeek: num(v.daysPerWeek),
  availability: v.status === 'unavailable' ? { status: v.status, from: v.from, to: v.to === '' ? null : v.to, reason: v.reason } : { status: v.status },
})

function PomForm({ pom, onDone }: { pom: PomCapacityFacts; onDone: () => void }) {
  const save = useSavePomCapacity()
  const a = pom.availability
  const formId = `pom-${pom.staffId}`
  // Issue 16, "Form errors": resourcing.savePom's own schema checks every field at once.
  const form = useForm<PomValues>({
    mode: 'controlled',
    initialValues: {
      band: pom.band,
      hoursPerWeek: pom.hoursPerWeek,
      daysPerWeek: pom.daysPerWeek,
      status: a.status,
      from: a.status === 'unavailable' ? a.from : '',
      to: a.status === 'unavailable' ? (a.to ?? '') : '',
      reason: a.status === 'unavailable' ? a.reason : '',
    },
    validate: validateWith(resourcing.savePom.input, (v: PomValues) => pomInput(pom.staffId, v)),
  })
  const { attempt, failed, refused } = useFormRefusal(form)
  const submit = form.onSubmit(
    (v) =>
      save.mutate(resourcing.savePom.input.parse(pomInput(pom.staffId, v)), {
        onSuccess: (p) => {
          notifications.show({ message: `${p.name}'s capacity saved.`, color: 'teal' })
          onDone()
        },
        onError: refused,
      }),
    failed,
  )
  const id = (name: string) => fieldId(formId, name)
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-label={`Capacity of ${pom.name}`}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {pom.name}: capacity
        </Title>
        <ErrorSummary formId={formId} errors={form.errors} fields={POM_FIELDS} attempt={attempt} other={otherRefusal(save.error)} />
        <Group align="flex-start">
          <NumberInput id={id('band')} label="Band" min={1} max={11} w={100} allowDecimal={false} clampBehavior="none" {...form.getInputProps('band')} />
          <NumberInput id={id('hoursPerWeek')} label="Contracted hours a week" min={1} max={60} w={200} clampBehavior="none" {...form.getInputProps('hoursPerWeek')} />
          <NumberInput id={id('daysPerWeek')} label="Days worked a week" description="5 is full time" min={0.5} max={5} step={0.5} w={180} clampBehavior="none" {...form.getInputProps('daysPerWeek')} />
          <NativeSelect
            id={id('availability.status')}
            label="Availability"
            value={form.values.status}
            onChange={(e) => form.setFieldValue('status', e.currentTarget.value as Availability['status'])}
            error={form.errors['availability.status']}
            data={[
              { value: 'active', label: 'Available' },
              { value: 'unavailable', label: 'Unavailable for a period' },
              { value: 'inactive', label: 'Inactive (no longer a POM here)' },
            ]}
          />
        </Group>
        {form.values.status === 'unavailable' ? (
          <Group align="flex-start">
            <DateField id={id('availability.from')} label="First day away" value={form.values.from} onChange={(v) => form.setFieldValue('from', v)} error={form.errors['availability.from']} required />
            <DateField id={id('availability.to')} label="Last day away" description="Leave blank if not known" value={form.values.to} onChange={(v) => form.setFieldValue('to', v)} error={form.errors['availability.to']} />
            <TextInput
              id={id('availability.reason')}
              label="Reason"
              description="For example, redeployed to the wings"
              value={form.values.reason}
              onChange={(e) => form.setFieldValue('reason', e.currentTarget.value)}
              error={form.errors['availability.reason']}
              w={280}
              required
            />
          </Group>
        ) : null}
        <Group>
          <Button type="submit" loading={save.isPending} {...channelTag('resourcing.savePom')}>
            Save {pom.name}'s capacity
          </Button>
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}

type ChangeKind = PlannedChangeRow['kind']
interface ChangeValues {
  kind: ChangeKind
  staffId: string
  date: string
  name: string
  pomType: 'prison' | 'probation'
  band: number | string
  hoursPerWeek: number | string
  daysPerWeek: number | string
  note: string
}
const EMPTY_CHANGE: ChangeValues = { kind: 'returning', staffId: '', date: '', name: '', pomType: 'probation', band: 4, hoursPerWeek: 37, daysPerWeek: 5, note: '' }
const CHANGE_FORM = 'planned-change'

/** resourcing.addChange's input for the kind chosen; a POM not chosen stays missing, so the contract asks for one. */
function changeInput(d: ChangeValues) {
  const staffId = d.staffId === '' ? undefined : Number(d.staffId)
  switch (d.kind) {
    case 'starting':
      return { kind: d.kind, date: d.date, name: d.name, pomType: d.pomType, band: num(d.band), hoursPerWeek: num(d.hoursPerWeek), daysPerWeek: num(d.daysPerWeek), note: d.note }
    case 'hours_changed':
      return { kind: d.kind, staffId, date: d.date, hoursPerWeek: num(d.hoursPerWeek), daysPerWeek: num(d.daysPerWeek), note: d.note }
    case 'returning':
    case 'leaving':
      return { kind: d.kind, staffId, date: d.date, note: d.note }
    default: {
      const never: never = d.kind
      return never
    }
  }
}

const dateLabel = (kind: ChangeKind) => (kind === 'leaving' ? 'First day no longer in post' : kind === 'starting' ? 'First day in post' : kind === 'returning' ? 'Day back' : 'New hours from')

function AddChangeForm({ poms }: { poms: PomCapacityFacts[] }) {
  const add = useAddPlannedChange()
  const form = useForm<ChangeValues>({ mode: 'controlled', initialValues: EMPTY_CHANGE, validate: validateWith(addChangeInput, changeInput) })
  const { attempt, failed, refused } = useFormRefusal(form)
  const d = form.values
  const submit = form.onSubmit(
    (v) =>
      add.mutate(addChangeInput.parse(changeInput(v)), {
        onSuccess: (c) => {
          notifications.show({ message: `Planned change added for ${c.name}.`, color: 'teal' })
          form.setValues({ ...EMPTY_CHANGE, kind: v.kind })
          form.clearErrors()
        },
        onError: refused,
      }),
    failed,
  )
  const fields = [
    { name: 'kind', label: 'Change' },
    { name: 'name', label: 'Name or label' },
    { name: 'pomType', label: 'Type' },
    { name: 'band', label: 'Band' },
    { name: 'staffId', label: 'POM' },
    { name: 'hoursPerWeek', label: 'Hours a week' },
    { name: 'daysPerWeek', label: 'Days a week' },
    { name: 'date', label: dateLabel(d.kind) },
    { name: 'note', label: 'Note' },
  ]
  const id = (name: string) => fieldId(CHANGE_FORM, name)
  const active = poms.filter((p) => p.availability.status !== 'inactive')
  return (
    <form onSubmit={submit} noValidate aria-label="Plan a change to capacity">
      <Stack gap="sm">
        <Title order={3} size="h5">
          Plan a change
        </Title>
        <ErrorSummary formId={CHANGE_FORM} errors={form.errors} fields={fields} attempt={attempt} other={otherRefusal(add.error)} />
        <Group align="flex-start">
          <NativeSelect
            id={id('kind')}
            label="Change"
            value={d.kind}
            onChange={(e) => {
              form.setFieldValue('kind', e.currentTarget.value as ChangeKind)
              form.clearErrors()
            }}
            data={(Object.keys(CHANGE_LABELS) as ChangeKind[]).map((k) => ({ value: k, label: CHANGE_LABELS[k] }))}
          />
          {d.kind === 'starting' ? (
            <>
              <TextInput id={id('name')} label="Name or label" description="For example, New probation POM" required {...form.getInputProps('name')} />
              <NativeSelect id={id('pomType')} label="Type" data={[{ value: 'prison', label: POM_TYPE_LABELS.prison }, { value: 'probation', label: POM_TYPE_LABELS.probation }]} {...form.getInputProps('pomType')} />
              <NumberInput id={id('band')} label="Band" min={1} max={11} w={100} allowDecimal={false} clampBehavior="none" {...form.getInputProps('band')} />
            </>
          ) : (
            <NativeSelect id={id('staffId')} label="POM" data={[{ value: '', label: 'Choose a POM' }, ...active.map((p) => ({ value: String(p.staffId), label: p.name }))]} {...form.getInputProps('staffId')} />
          )}
          {d.kind === 'starting' || d.kind === 'hours_changed' ? (
            <>
              <NumberInput id={id('hoursPerWeek')} label="Hours a week" min={1} max={60} w={140} clampBehavior="none" {...form.getInputProps('hoursPerWeek')} />
              <NumberInput id={id('daysPerWeek')} label="Days a week" min={0.5} max={5} step={0.5} w={130} clampBehavior="none" {...form.getInputProps('daysPerWeek')} />
            </>
          ) : null}
        </Group>
        <Group align="flex-start">
          <DateField id={id('date')} label={dateLabel(d.kind)} value={d.date} onChange={(v) => form.setFieldValue('date', v)} error={form.errors.date} required />
          <TextInput id={id('note')} label="Note (optional)" w={280} {...form.getInputProps('note')} />
        </Group>
        <Group>
          <Button type="submit" loading={add.isPending} {...channelTag('resourcing.addChange')}>
            Add planned change
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

export function PomCapacitySection() {
  const capacity = useResourcingCapacity()
  const remove = useRemovePlannedChange()
  const canEdit = useCan('resourcing.savePom')
  const canPlan = useCan('resourcing.addChange')
  const [editing, setEditing] = useState<number | null>(null)
  const poms = capacity.data?.poms ?? []
  const changes = capacity.data?.changes ?? []
  const editingPom = poms.find((p) => p.staffId === editing)
  return (
    <Stack>
      <Title order={2} size="h3" id="pom-capacity-title">
        POM capacity
      </Title>
      <Text size="sm">Band, contracted hours, days worked and availability of each POM, and the changes planned. The resourcing plan (RRMP) counts hours from these.</Text>
      {capacity.error ? <ErrorText error={capacity.error} title="Could not read POM capacity" /> : null}
      <DataTable
        caption="POM capacity"
        rows={poms}
        rowKey={(p) => p.staffId}
        empty="No POMs yet. Add prison or probation POMs under Staff."
        columns={[
          { header: 'Name', cell: (p) => p.name },
          { header: 'Type', cell: (p) => POM_TYPE_LABELS[p.type] },
          { header: 'Band', cell: (p) => p.band },
          { header: 'Hours a week', cell: (p) => p.hoursPerWeek },
          { header: 'Days a week', cell: (p) => p.daysPerWeek },
          { header: 'Availability', cell: (p) => availabilityText(p.availability) },
          ...(canEdit
            ? [
                {
                  header: 'Change',
                  cell: (p: PomCapacityFacts) => (
                    <Button size="xs" variant="default" onClick={() => setEditing(p.staffId)} {...channelTag('resourcing.savePom')}>
                      Change {p.name}'s capacity
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canEdit ? null : <Text size="sm">{whoCan('resourcing.savePom')}</Text>}
      {editingPom ? <PomForm key={editingPom.staffId} pom={editingPom} onDone={() => setEditing(null)} /> : null}
      <DataTable
        caption="Planned changes"
        rows={changes}
        rowKey={(c) => c.id}
        empty="No changes planned."
        columns={[
          { header: 'Who', cell: (c) => c.name },
          { header: 'Change', cell: (c) => CHANGE_LABELS[c.kind] },
          { header: 'What and when', cell: (c) => changeText(c) },
          { header: 'Note', cell: (c) => c.note },
          ...(canPlan
            ? [
                {
                  header: 'Remove',
                  cell: (c: PlannedChangeRow) => (
                    <Button size="xs" variant="default" loading={remove.isPending && remove.variables?.id === c.id} onClick={() => remove.mutate({ id: c.id })} {...channelTag('resourcing.removeChange')}>
                      Remove {CHANGE_LABELS[c.kind].toLowerCase()} for {c.name}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {remove.error ? <ErrorText error={remove.error} title="Not removed" /> : null}
      {canPlan ? <AddChangeForm poms={poms} /> : null}
    </Stack>
  )
}
