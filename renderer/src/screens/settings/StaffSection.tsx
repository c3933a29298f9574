import { Button, Group, NativeSelect, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { STAFF_ROLES, type StaffRole } from '../../../../shared/ipc/values'
import { staffSaveInput, type Staff } from '../../../../shared/ipc/channels/caseload'
import { ErrorSummary } from '../../app/ErrorSummary'
import { fieldId, validateWith } from '../../lib/formErrors'
import { DataTable } from '../../app/DataTable'
import { ErrorText } from '../../app/ErrorText'
import { otherRefusal, useFormRefusal } from '../../app/useFormRefusal'
import { useSaveStaff, useStaff } from '../../data/caseloadHooks'
import { ROLE_LABELS } from '../../lib/labels'
import { channelTag, useCan, whoCan } from '../../app/can'

const STAFF_FORM = 'add-staff'
const STAFF_FIELDS = [
  { name: 'name', label: 'Name' },
  { name: 'role', label: 'Role' },
  { name: 'hoursPerWeek', label: 'Hours a week' },
] as const

interface StaffValues {
  name: string
  role: StaffRole
  /** NumberInput's value: '' while the field is empty. */
  hoursPerWeek: number | string
}

/** staff.save's input from the form; an empty number stays missing, so the contract asks for it in words. */
const staffInput = (v: StaffValues) => ({ name: v.name, role: v.role, hoursPerWeek: v.hoursPerWeek === '' ? undefined : Number(v.hoursPerWeek) })

/** OMU staff: POMs hold caseloads; inactive staff keep their history but take no new cases. */
export function StaffSection() {
  const staff = useStaff()
  const save = useSaveStaff()
  // Issue 16: only a role the rules table lets change staff records sees the buttons and the form.
  const canSave = useCan('staff.save')
  // Issue 16: the contract's own rules checked before sending, every problem at once in a summary.
  const form = useForm<StaffValues>({ mode: 'controlled', initialValues: { name: '', role: 'prison_pom', hoursPerWeek: 37 }, validate: validateWith(staffSaveInput, staffInput) })
  const { attempt, failed, refused } = useFormRefusal(form)
  const submit = form.onSubmit(
    (v) =>
      save.mutate(staffSaveInput.parse(staffInput(v)), {
        onSuccess: (s) => {
          notifications.show({ message: `${s.name} added.`, color: 'teal' })
          form.setValues({ name: '', role: v.role, hoursPerWeek: 37 })
          form.clearErrors()
        },
        onError: refused,
      }),
    failed,
  )
  // The same channel marks staff active or inactive from the table: its refusals are said there, the form's in its summary.
  const fromForm = save.variables !== undefined && save.variables.id === undefined
  return (
    <Stack>
      <Title order={2} size="h3" id="staff-title">
        Staff
      </Title>
      <DataTable
        caption="OMU staff"
        rows={staff.data ?? []}
        rowKey={(s) => s.id}
        empty="No staff yet. Add the OMU's POMs below so cases can be allocated."
        columns={[
          { header: 'Name', cell: (s) => s.name },
          // Issue 17: the staff number tells apart two people of one name in an allocations CSV file.
          { header: 'Staff number', cell: (s) => s.id },
          { header: 'Role', cell: (s) => ROLE_LABELS[s.role] },
          { header: 'Hours a week', cell: (s) => s.hoursPerWeek },
          { header: 'Status', cell: (s) => (s.active ? 'Active' : 'Inactive') },
          ...(canSave
            ? [
                {
                  header: 'Change',
                  cell: (s: Staff) => (
                    <Button size="xs" variant="default" {...channelTag('staff.save')} onClick={() => save.mutate({ id: s.id, name: s.name, role: s.role, hoursPerWeek: s.hoursPerWeek, flags: s.flags, active: !s.active })}>
                      {s.active ? `Mark ${s.name} inactive` : `Mark ${s.name} active`}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canSave ? (
        <form onSubmit={submit} noValidate aria-label="Add a member of staff">
          <ErrorSummary formId={STAFF_FORM} errors={form.errors} fields={STAFF_FIELDS} attempt={attempt} other={fromForm ? otherRefusal(save.error) : null} />
          <Group align="flex-start" mt="sm">
            <TextInput id={fieldId(STAFF_FORM, 'name')} label="Name" required {...form.getInputProps('name')} />
            <NativeSelect id={fieldId(STAFF_FORM, 'role')} label="Role" data={STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} {...form.getInputProps('role')} />
            <NumberInput id={fieldId(STAFF_FORM, 'hoursPerWeek')} label="Hours a week" clampBehavior="none" w={140} {...form.getInputProps('hoursPerWeek')} />
            <Button type="submit" mt={25} loading={save.isPending} {...channelTag('staff.save')}>
              Add member of staff
            </Button>
          </Group>
        </form>
      ) : (
        <Text size="sm">{whoCan('staff.save')}</Text>
      )}
      {save.error && !fromForm ? <ErrorText error={save.error} title="Not saved" /> : null}
      <Text size="sm" c="dimmed">
        Contracted hours set how the Allocation screen balances caseloads.
      </Text>
    </Stack>
  )
}
