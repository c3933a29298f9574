import { Button, Group, NativeSelect, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState, type FormEvent } from 'react'
import { STAFF_ROLES, type StaffRole } from '../../../../shared/ipc/values'
import { DataTable } from '../../app/DataTable'
import { ErrorText } from '../../app/ErrorText'
import { OmuError } from '../../data/client'
import { useSaveStaff, useStaff } from '../../data/caseloadHooks'
import { ROLE_LABELS } from '../../lib/labels'

/** OMU staff: POMs hold caseloads; inactive staff keep their history but take no new cases. */
export function StaffSection() {
  const staff = useStaff()
  const save = useSaveStaff()
  const [draft, setDraft] = useState({ name: '', role: 'prison_pom' as StaffRole, hoursPerWeek: 37 as number | string })
  const err = save.error instanceof OmuError ? save.error : null
  const submit = (e: FormEvent) => {
    e.preventDefault()
    save.mutate(
      { name: draft.name, role: draft.role, hoursPerWeek: Number(draft.hoursPerWeek) },
      {
        onSuccess: (s) => {
          notifications.show({ message: `${s.name} added.`, color: 'teal' })
          setDraft({ name: '', role: draft.role, hoursPerWeek: 37 })
        },
      },
    )
  }
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
          { header: 'Role', cell: (s) => ROLE_LABELS[s.role] },
          { header: 'Hours a week', cell: (s) => s.hoursPerWeek },
          { header: 'Status', cell: (s) => (s.active ? 'Active' : 'Inactive') },
          {
            header: 'Change',
            cell: (s) => (
              <Button size="xs" variant="default" onClick={() => save.mutate({ id: s.id, name: s.name, role: s.role, hoursPerWeek: s.hoursPerWeek, flags: s.flags, active: !s.active })}>
                {s.active ? `Mark ${s.name} inactive` : `Mark ${s.name} active`}
              </Button>
            ),
          },
        ]}
      />
      <form onSubmit={submit} noValidate aria-label="Add a member of staff">
        <Group align="flex-start">
          <TextInput label="Name" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })} error={err?.field === 'name' ? err.message : undefined} required />
          <NativeSelect label="Role" value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.currentTarget.value as StaffRole })} data={STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
          <NumberInput label="Hours a week" value={draft.hoursPerWeek} min={1} max={60} onChange={(v) => setDraft({ ...draft, hoursPerWeek: v })} w={140} error={err?.field === 'hoursPerWeek' ? err.message : undefined} />
          <Button type="submit" mt={25} loading={save.isPending}>
            Add member of staff
          </Button>
        </Group>
      </form>
      {err && !err.field ? <ErrorText error={save.error} title="Not saved" /> : null}
      <Text size="sm" c="dimmed">
        Contracted hours set how the Allocation screen balances caseloads.
      </Text>
    </Stack>
  )
}
