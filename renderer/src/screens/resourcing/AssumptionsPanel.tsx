// The assumptions the plan rests on (issue 19: "an hours estimate per task, editable, with
// defaults documented as assumptions"; the defaults and their reasons are in
// shared/engine/resourcing/assumptions.ts). Everyone sees them; the HOMS changes them and the
// receptions a week, which are saved as the RRMP's inputs.
import { Button, Group, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { resourcing, type AssumptionOverrides, type ResourcingPlan } from '../../../../shared/ipc/channels/resourcing'
import { channelTag, useCan, whoCan } from '../../app/can'
import { ErrorSummary } from '../../app/ErrorSummary'
import { otherRefusal, useFormRefusal } from '../../app/useFormRefusal'
import { fieldId, formErrors, type FieldErrors } from '../../lib/formErrors'
import { useSaveResourcingInputs } from '../../data/resourcingHooks'
import { hours } from './format'

type Key = Exclude<keyof ResourcingPlan['assumptions'], 'taskHoursPerWeek'>

// Issue 16: the guidance by name, not its seed file (seed 002 baselines 3.2 and 1.2; the hours are
// assumptions of ours, seed 002 leaves them to the plan the DIB agrees).
const ROWS: { key: Key; label: string; max: number; step: number }[] = [
  { key: 'hoursPerSupervisionSession', label: 'POM hours per in-person supervision session, with preparation and recording', max: 24, step: 0.5 },
  { key: 'hoursPerHandover', label: 'POM hours per handover to the COM (OMU Exceptional Delivery Model, baseline 3.2: handover meetings with the COM)', max: 100, step: 0.5 },
  { key: 'hoursPerAllocation', label: 'Hours per new allocation of a reception (OMU Exceptional Delivery Model, baseline 1.2: allocation of all new cases to a named POM)', max: 100, step: 0.5 },
  { key: 'receptionShareNeedingStartOfCustody', label: 'Share of receptions needing the start of custody sessions (0 to 1)', max: 1, step: 0.1 },
  { key: 'caseManagementHoursPerCasePerWeek', label: 'Other case management hours per POM-responsible case a week', max: 40, step: 0.5 },
]

type Draft = { receptions: number | string; values: Record<Key, number | string>; tasks: Record<string, number | string> }

function draftOf(plan: ResourcingPlan): Draft {
  const a = plan.assumptions
  return {
    receptions: plan.inputs.receptionsPerWeek,
    values: Object.fromEntries(ROWS.map((r) => [r.key, a[r.key]])) as Record<Key, number>,
    tasks: Object.fromEntries(plan.tasks.map((t) => [t.id, t.hoursPerWeek])),
  }
}

/** Only what differs from the defaults is saved, so a later change of default reaches the rest. */
function overridesOf(d: Draft, plan: ResourcingPlan): AssumptionOverrides {
  const out: AssumptionOverrides = {}
  for (const r of ROWS) {
    const v = Number(d.values[r.key])
    if (v !== plan.defaultAssumptions[r.key]) out[r.key] = v
  }
  const tasks: Record<string, number> = {}
  for (const [id, raw] of Object.entries(d.tasks)) {
    const v = Number(raw)
    if (v !== (plan.defaultAssumptions.taskHoursPerWeek[id] ?? 0)) tasks[id] = v
  }
  if (Object.keys(tasks).length > 0) out.taskHoursPerWeek = tasks
  return out
}

const FORM = 'assumptions'
const num = (v: number | string) => (v === '' ? undefined : Number(v))

/**
 * Issue 16, "Form errors": resourcing.saveInputs's own schema checks every figure at once (all of
 * them, not only those that differ from the default), with its errors put on the form's fields;
 * a figure left empty is asked for.
 */
function check(d: Draft): FieldErrors {
  const tasks = Object.fromEntries(Object.entries(d.tasks).map(([id, v]) => [id, num(v)]))
  const assumptions = { ...Object.fromEntries(ROWS.map((r) => [r.key, num(d.values[r.key])])), taskHoursPerWeek: tasks }
  const out: FieldErrors = {}
  for (const [path, message] of Object.entries(formErrors(resourcing.saveInputs.input, { receptionsPerWeek: num(d.receptions), assumptions }))) {
    const name = path === 'receptionsPerWeek' ? 'receptions' : path.startsWith('assumptions.taskHoursPerWeek.') ? `tasks.${path.slice('assumptions.taskHoursPerWeek.'.length)}` : path.replace(/^assumptions\./, 'values.')
    out[name] = message
  }
  for (const r of ROWS) if (d.values[r.key] === '') out[`values.${r.key}`] = 'Enter a number, or undo the changes.'
  for (const [id, v] of Object.entries(d.tasks)) if (v === '') out[`tasks.${id}`] = 'Enter the hours a week, or undo the changes.'
  return out
}

export function AssumptionsPanel({ plan }: { plan: ResourcingPlan }) {
  const canSave = useCan('resourcing.saveInputs')
  const save = useSaveResourcingInputs()
  const form = useForm<Draft>({ mode: 'controlled', initialValues: draftOf(plan), validate: check })
  const { attempt, failed, refused } = useFormRefusal(form)
  const draft = form.values
  const submit = form.onSubmit(
    (d) =>
      save.mutate(
        { receptionsPerWeek: Number(d.receptions), assumptions: overridesOf(d, plan) },
        { onSuccess: () => notifications.show({ message: 'Resourcing inputs saved.', color: 'teal' }), onError: refused },
      ),
    failed,
  )
  // A saved override is keyed under `assumptions` by the main process: shown on the same field.
  const errors: Record<string, unknown> = Object.fromEntries(
    Object.entries(form.errors).map(([k, v]) => [k === 'receptionsPerWeek' ? 'receptions' : k.startsWith('assumptions.taskHoursPerWeek.') ? `tasks.${k.slice(29)}` : k.replace(/^assumptions\./, 'values.'), v]),
  )
  const fields = [
    { name: 'receptions', label: 'Expected receptions a week' },
    ...ROWS.map((r) => ({ name: `values.${r.key}`, label: r.label })),
    ...plan.tasks.map((t) => ({ name: `tasks.${t.id}`, label: `Hours a week for ${t.id}` })),
  ]
  const cell = (name: string, label: string, value: number | string, onChange: (v: number | string) => void, max: number, step: number) =>
    canSave ? (
      <NumberInput id={fieldId(FORM, name)} aria-label={label} value={value} onChange={onChange} min={0} max={max} step={step} w={120} clampBehavior="none" error={errors[name] as string | undefined} />
    ) : (
      hours(Number(value))
    )
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="assumptions-title">
      <form onSubmit={submit} noValidate aria-label="Resourcing inputs and assumptions">
        <Stack gap="sm">
          <Title order={2} size="h3" id="assumptions-title">
            Inputs and assumptions
          </Title>
          <ErrorSummary formId={FORM} errors={errors} fields={fields} attempt={attempt} other={otherRefusal(save.error)} />
          <Text size="sm">
            No policy gives these hours: each default is an assumption, to be replaced by local figures in the plan the Divisional Implementation Board agrees (OMU Exceptional Delivery Model). {plan.inputs.saved ? '' : 'The receptions a week have not been saved yet, so the plan counts none.'}
          </Text>
          <Table withTableBorder captionSide="top">
            <Table.Caption style={{ textAlign: 'left', fontWeight: 600 }}>Inputs and hours assumptions: the default and the figure used</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Input or assumption</Table.Th>
                <Table.Th scope="col">Default</Table.Th>
                <Table.Th scope="col">Used</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row">Expected receptions a week</Table.Th>
                <Table.Td>0</Table.Td>
                <Table.Td>{cell('receptions', 'Expected receptions a week', draft.receptions, (v) => form.setFieldValue('receptions', v), 10000, 1)}</Table.Td>
              </Table.Tr>
              {ROWS.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Th scope="row">{r.label}</Table.Th>
                  <Table.Td>{hours(plan.defaultAssumptions[r.key])}</Table.Td>
                  <Table.Td>{cell(`values.${r.key}`, r.label, draft.values[r.key], (v) => form.setValues({ values: { ...form.values.values, [r.key]: v } }), r.max, r.step)}</Table.Td>
                </Table.Tr>
              ))}
              {plan.tasks.map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Th scope="row">
                    Hours a week for {t.source === 'baseline' ? 'baseline' : 'stage item'} {t.id}: {t.text}
                  </Table.Th>
                  <Table.Td>{hours(plan.defaultAssumptions.taskHoursPerWeek[t.id] ?? 0)}</Table.Td>
                  <Table.Td>{cell(`tasks.${t.id}`, `Hours a week for ${t.id}`, draft.tasks[t.id] ?? t.hoursPerWeek, (v) => form.setValues({ tasks: { ...form.values.tasks, [t.id]: v } }), 10000, 0.5)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {plan.tasks.length === 0 ? <Text size="sm">The target stage reinstates no tasks beyond the current stage.</Text> : null}
          {canSave ? (
            <Group>
              <Button type="submit" loading={save.isPending} {...channelTag('resourcing.saveInputs')}>
                Save inputs and assumptions
              </Button>
              <Button
                variant="default"
                onClick={() => {
                  form.setValues(draftOf(plan))
                  form.clearErrors()
                }}
              >
                Undo changes
              </Button>
            </Group>
          ) : (
            <Text size="sm">{whoCan('resourcing.saveInputs')}</Text>
          )}
        </Stack>
      </form>
    </Paper>
  )
}
