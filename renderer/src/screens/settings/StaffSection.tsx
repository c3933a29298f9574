import { Button, Group, NativeSelect, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState, type FormEvent } from 'react'
import { STAFF_ROLES, type StaffRole } from '../../../../shared/ipc/values'
import { staffSaveInput, type Staff } from '../../../../shared/ipc/channels/caseload'
import { ErrorSummary } from '../../app/ErrorSummary'
import { fieldId, formErrors, serverFieldError, type FieldErrors } from '../../lib/formErrors'
import { DataTable } from '../../app/DataTable'
import { ErrorText } from '../../app/ErrorText'
import { OmuError } from '../../data/client'
import { useSaveStaff, useStaff } from '../../data/caseloadHooks'
import { ROLE_LABELS } from '../../lib/labels'
import { channelTag, useCan, whoCan } from '../../app/can'

const STAFF_FORM = 'add-staff'
const STAFF_FIELDS = [
  { name: 'name', label: 'Name' },
  { name: 'role', label: 'Role' },
  { name: 'hoursPerWeek', label: 'Hours a week' },
] as const

/** OMU staff: POMs hold caseloads; inactive staff keep their history but take no new cases. */
export function StaffSection() {
  const staff = useStaff()
  const save = useSaveStaff()
  // Issue 16: only a role the rules table lets change staff records sees the buttons and the form.
  const canSave = useCan('staff.save')
  const [draft, setDraft] = useState({ name: '', role: 'prison_pom' as StaffRole, hoursPerWeek: 37 as number | string })
  const err = save.error instanceof OmuError ? save.error : null
  // Issue 16: the contract's own rules checked before sending, every problem at once in a summary.
  const [problems, setProblems] = useState<FieldErrors>({})
  const [attempt, setAttempt] = useState(0)
  const input = () => ({ name: draft.name, role: draft.role, hoursPerWeek: draft.hoursPerWeek === '' ? undefined : Number(draft.hoursPerWeek) })
  const refused = serverFieldError(err)
  const fieldError = (name: string) => problems[name] ?? (refused?.field === name ? refused.message : undefined)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const found = formErrors(staffSaveInput, input())
    setProblems(found)
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1)
      return
    }
    save.mutate(staffSaveInput.parse(input()), {
      onSuccess: (s) => {
        notifications.show({ message: `${s.name} added.`, color: 'teal' })
        setDraft({ name: '', role: draft.role, hoursPerWeek: 37 })
      },
      onError: () => setAttempt((n) => n + 1),
    })
  }
  const summaryErrors = refused ? { ...problems, [refused.field]: refused.message } : problems
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
          <ErrorSummary formId={STAFF_FORM} errors={summaryErrors} fields={STAFF_FIELDS} attempt={attempt} />
          <Group align="flex-start" mt="sm">
            <TextInput id={fieldId(STAFF_FORM, 'name')} label="Name" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })} error={fieldError('name')} required />
            <NativeSelect id={fieldId(STAFF_FORM, 'role')} label="Role" value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.currentTarget.value as StaffRole })} data={STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} error={fieldError('role')} />
            <NumberInput id={fieldId(STAFF_FORM, 'hoursPerWeek')} label="Hours a week" value={draft.hoursPerWeek} clampBehavior="none" onChange={(v) => setDraft({ ...draft, hoursPerWeek: v })} w={140} error={fieldError('hoursPerWeek')} />
            <Button type="submit" mt={25} loading={save.isPending} {...channelTag('staff.save')}>
              Add member of staff
            </Button>
          </Group>
        </form>
      ) : (
        <Text size="sm">{whoCan('staff.save')}</Text>
      )}
      {err && !err.field ? <ErrorText error={save.error} title="Not saved" /> : null}
      <Text size="sm" c="dimmed">
        Contracted hours set how the Allocation screen balances caseloads.
      </Text>
    </Stack>
  )
}
