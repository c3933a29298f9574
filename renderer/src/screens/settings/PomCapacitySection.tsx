// POM capacity facts and planned changes (issue 19, "Capacity"; issue 17 reads the same facts):
// band, contracted hours, days worked, availability, and the changes planned over the coming
// weeks (seed 002 stages 3 to 1: probation staff returning, Band 4 staff returned to POM roles,
// leavers and new starters). HOMD and HOMS change them (as staff records); everyone reads them.
import { Button, Group, NativeSelect, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState, type FormEvent } from 'react'
import type { Availability, PlannedChangeRow, PomCapacityFacts } from '../../../../shared/ipc/channels/resourcing'
import { channelTag, useCan, whoCan } from '../../app/can'
import { DataTable } from '../../app/DataTable'
import { DateField } from '../../app/DateField'
import { ErrorText } from '../../app/ErrorText'
import { OmuError } from '../../data/client'
import { useAddPlannedChange, useRemovePlannedChange, useResourcingCapacity, useSavePomCapacity } from '../../data/resourcingHooks'
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

const fieldError = (error: unknown, field: string): string | undefined => (error instanceof OmuError && error.field === field ? error.message : undefined)
/** An error the form shows under one of its fields; any other is said above the buttons. */
const shownUnderField = (error: unknown, fields: readonly string[]): boolean => error instanceof OmuError && error.field !== undefined && fields.includes(error.field)
const POM_FIELDS = ['band', 'hoursPerWeek', 'daysPerWeek', 'availability › from', 'availability › to', 'availability › reason'] as const
const CHANGE_FIELDS = ['name', 'band', 'staffId', 'hoursPerWeek', 'daysPerWeek', 'date', 'note'] as const

function PomForm({ pom, onDone }: { pom: PomCapacityFacts; onDone: () => void }) {
  const save = useSavePomCapacity()
  const a = pom.availability
  const [band, setBand] = useState<number | string>(pom.band)
  const [hours, setHours] = useState<number | string>(pom.hoursPerWeek)
  const [days, setDays] = useState<number | string>(pom.daysPerWeek)
  const [status, setStatus] = useState<Availability['status']>(a.status)
  const [from, setFrom] = useState(a.status === 'unavailable' ? a.from : '')
  const [to, setTo] = useState(a.status === 'unavailable' ? (a.to ?? '') : '')
  const [reason, setReason] = useState(a.status === 'unavailable' ? a.reason : '')
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const availability: Availability = status === 'unavailable' ? { status, from, to: to === '' ? null : to, reason } : { status }
    save.mutate(
      { staffId: pom.staffId, band: Number(band), hoursPerWeek: Number(hours), daysPerWeek: Number(days), availability },
      {
        onSuccess: (p) => {
          notifications.show({ message: `${p.name}'s capacity saved.`, color: 'teal' })
          onDone()
        },
      },
    )
  }
  const err = (f: string) => fieldError(save.error, f)
  const idBase = `pom-${pom.staffId}`
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-label={`Capacity of ${pom.name}`}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {pom.name}: capacity
        </Title>
        <Group align="flex-start">
          <NumberInput label="Band" value={band} onChange={setBand} min={1} max={11} w={100} error={err('band')} />
          <NumberInput label="Contracted hours a week" value={hours} onChange={setHours} min={1} max={60} w={200} error={err('hoursPerWeek')} />
          <NumberInput label="Days worked a week" description="5 is full time" value={days} onChange={setDays} min={0.5} max={5} step={0.5} w={180} error={err('daysPerWeek')} />
          <NativeSelect
            label="Availability"
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as Availability['status'])}
            data={[
              { value: 'active', label: 'Available' },
              { value: 'unavailable', label: 'Unavailable for a period' },
              { value: 'inactive', label: 'Inactive (no longer a POM here)' },
            ]}
          />
        </Group>
        {status === 'unavailable' ? (
          <Group align="flex-start">
            <DateField id={`${idBase}-from`} label="First day away" value={from} onChange={setFrom} error={err('availability › from')} required />
            <DateField id={`${idBase}-to`} label="Last day away" description="Leave blank if not known" value={to} onChange={setTo} error={err('availability › to')} />
            <TextInput label="Reason" description="For example, redeployed to the wings" value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={err('availability › reason')} w={280} required />
          </Group>
        ) : null}
        {save.error && !shownUnderField(save.error, POM_FIELDS) ? <ErrorText error={save.error} title="Not saved" /> : null}
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

type ChangeDraft = { kind: PlannedChangeRow['kind']; staffId: string; date: string; name: string; pomType: 'prison' | 'probation'; band: number | string; hours: number | string; days: number | string; note: string }
const EMPTY_CHANGE: ChangeDraft = { kind: 'returning', staffId: '', date: '', name: '', pomType: 'probation', band: 4, hours: 37, days: 5, note: '' }

function AddChangeForm({ poms }: { poms: PomCapacityFacts[] }) {
  const add = useAddPlannedChange()
  const [d, setD] = useState<ChangeDraft>(EMPTY_CHANGE)
  const set = (patch: Partial<ChangeDraft>) => setD({ ...d, ...patch })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const staffId = Number(d.staffId)
    const input =
      d.kind === 'starting'
        ? { kind: 'starting' as const, date: d.date, name: d.name, pomType: d.pomType, band: Number(d.band), hoursPerWeek: Number(d.hours), daysPerWeek: Number(d.days), note: d.note }
        : d.kind === 'hours_changed'
          ? { kind: 'hours_changed' as const, staffId, date: d.date, hoursPerWeek: Number(d.hours), daysPerWeek: Number(d.days), note: d.note }
          : { kind: d.kind, staffId, date: d.date, note: d.note }
    add.mutate(input, {
      onSuccess: (c) => {
        notifications.show({ message: `Planned change added for ${c.name}.`, color: 'teal' })
        setD({ ...EMPTY_CHANGE, kind: d.kind })
      },
    })
  }
  const err = (f: string) => fieldError(add.error, f)
  const active = poms.filter((p) => p.availability.status !== 'inactive')
  return (
    <form onSubmit={submit} noValidate aria-label="Plan a change to capacity">
      <Stack gap="sm">
        <Title order={3} size="h5">
          Plan a change
        </Title>
        <Group align="flex-start">
          <NativeSelect
            label="Change"
            value={d.kind}
            onChange={(e) => set({ kind: e.currentTarget.value as ChangeDraft['kind'] })}
            data={(Object.keys(CHANGE_LABELS) as ChangeDraft['kind'][]).map((k) => ({ value: k, label: CHANGE_LABELS[k] }))}
          />
          {d.kind === 'starting' ? (
            <>
              <TextInput label="Name or label" description="For example, New probation POM" value={d.name} onChange={(e) => set({ name: e.currentTarget.value })} error={err('name')} required />
              <NativeSelect label="Type" value={d.pomType} onChange={(e) => set({ pomType: e.currentTarget.value as ChangeDraft['pomType'] })} data={[{ value: 'prison', label: POM_TYPE_LABELS.prison }, { value: 'probation', label: POM_TYPE_LABELS.probation }]} />
              <NumberInput label="Band" value={d.band} onChange={(v) => set({ band: v })} min={1} max={11} w={100} error={err('band')} />
            </>
          ) : (
            <NativeSelect
              label="POM"
              value={d.staffId}
              onChange={(e) => set({ staffId: e.currentTarget.value })}
              error={err('staffId')}
              data={[{ value: '', label: 'Choose a POM' }, ...active.map((p) => ({ value: String(p.staffId), label: p.name }))]}
            />
          )}
          {d.kind === 'starting' || d.kind === 'hours_changed' ? (
            <>
              <NumberInput label="Hours a week" value={d.hours} onChange={(v) => set({ hours: v })} min={1} max={60} w={140} error={err('hoursPerWeek')} />
              <NumberInput label="Days a week" value={d.days} onChange={(v) => set({ days: v })} min={0.5} max={5} step={0.5} w={130} error={err('daysPerWeek')} />
            </>
          ) : null}
        </Group>
        <Group align="flex-start">
          <DateField
            id="planned-change-date"
            label={d.kind === 'leaving' ? 'First day no longer in post' : d.kind === 'starting' ? 'First day in post' : d.kind === 'returning' ? 'Day back' : 'New hours from'}
            value={d.date}
            onChange={(v) => set({ date: v })}
            error={err('date')}
            required
          />
          <TextInput label="Note (optional)" value={d.note} onChange={(e) => set({ note: e.currentTarget.value })} error={err('note')} w={280} />
        </Group>
        {add.error && !shownUnderField(add.error, CHANGE_FIELDS) ? <ErrorText error={add.error} title="Not added" /> : null}
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
