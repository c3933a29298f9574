import { Button, Group, NativeSelect } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { POM_ROLES } from '../../../../shared/ipc/values'
import { ErrorText } from '../../app/ErrorText'
import { useAllocate, useStaff } from '../../data/caseloadHooks'

/** Allocate (or reallocate) a case to an active POM; the previous allocation stays in the history. */
export function AllocateControl({ prisonerId, currentPomId, label }: { prisonerId: number; currentPomId: number | null; label: string }) {
  const staff = useStaff()
  const allocate = useAllocate()
  const [pom, setPom] = useState('')
  const poms = (staff.data ?? []).filter((s) => s.active && POM_ROLES.includes(s.role) && s.id !== currentPomId)
  return (
    <div>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <NativeSelect label={label} value={pom} onChange={(e) => setPom(e.currentTarget.value)} data={[{ value: '', label: 'Choose a POM…' }, ...poms.map((p) => ({ value: String(p.id), label: p.name }))]} />
        <Button
          disabled={!pom}
          loading={allocate.isPending}
          onClick={() =>
            allocate.mutate(
              { prisonerId, staffId: Number(pom) },
              {
                onSuccess: () => {
                  notifications.show({ message: currentPomId ? 'Case reallocated.' : 'Case allocated.', color: 'teal' })
                  setPom('')
                },
              },
            )
          }
        >
          {currentPomId ? 'Reallocate' : 'Allocate'}
        </Button>
      </Group>
      <ErrorText error={allocate.error} title="Not allocated" />
    </div>
  )
}
