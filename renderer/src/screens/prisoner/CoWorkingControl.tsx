import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import type { PrisonerDetail } from '../../../../shared/ipc/channels/caseload'
import { POM_ROLES } from '../../../../shared/ipc/values'
import { channelTag, useCan } from '../../app/can'
import { ErrorText } from '../../app/ErrorText'
import { useStaff } from '../../data/caseloadHooks'
import { useAssignCoWorker, useEndCoWorking } from '../../data/coworkingHooks'
import { formatDate } from '../../lib/format'

/**
 * Issue 17: the case's co-working second POM, with the earlier ones, and (HOMD, HOMS) adding,
 * changing or ending it. The case's minima stay with the allocated POM (seed 003 Annex B 3.2: one
 * responsible professional); the co-worker sees the case in their caseload marked co-working.
 */
export function CoWorkingControl({ d }: { d: PrisonerDetail }) {
  const canAssign = useCan('coworking.assign')
  const canEnd = useCan('coworking.end')
  const staff = useStaff()
  const assign = useAssignCoWorker()
  const end = useEndCoWorking()
  const [pom, setPom] = useState('')
  const [reason, setReason] = useState('')
  const coWorkings = d.coWorkings ?? []
  const current = coWorkings.find((c) => c.endDate === null) ?? null
  const earlier = coWorkings.filter((c) => c.endDate !== null)
  const allocated = d.allocations.find((a) => a.endDate === null) ?? null
  const poms = (staff.data ?? []).filter((s) => s.active && POM_ROLES.includes(s.role) && s.id !== allocated?.staffId && s.id !== current?.staffId)
  return (
    <Stack gap="xs" mt="md">
      <Text size="sm" fw={600}>
        Co-working POM
      </Text>
      <Text size="sm">
        {current ? `${current.staffName}, co-working since ${formatDate(current.startDate)}${current.reason ? ` (${current.reason})` : ''}.` : 'No co-working POM.'} The supervision minima stay with the allocated POM.
      </Text>
      {earlier.length ? (
        <Text size="sm" c="dimmed">
          Earlier: {earlier.map((c) => `${c.staffName} (${formatDate(c.startDate)} to ${formatDate(c.endDate)})`).join('; ')}.
        </Text>
      ) : null}
      {canAssign && allocated ? (
        <Group align="flex-end" gap="xs">
          <NativeSelect
            label={current ? 'Change the co-working POM to' : 'Add a co-working POM'}
            value={pom}
            onChange={(e) => setPom(e.currentTarget.value)}
            data={[{ value: '', label: 'Choose a POM…' }, ...poms.map((p) => ({ value: String(p.id), label: p.name }))]}
          />
          <TextInput label="Reason (optional)" value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={500} />
          <Button
            {...channelTag('coworking.assign')}
            disabled={!pom}
            loading={assign.isPending}
            onClick={() =>
              assign.mutate(
                { prisonerId: d.prisoner.id, staffId: Number(pom), reason },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'teal', message: current ? 'Co-working POM changed.' : 'Co-working POM added.' })
                    setPom('')
                    setReason('')
                  },
                },
              )
            }
          >
            {current ? 'Change co-working POM' : 'Add co-working POM'}
          </Button>
          {current && canEnd ? (
            <Button
              variant="default"
              {...channelTag('coworking.end')}
              loading={end.isPending}
              onClick={() => end.mutate({ prisonerId: d.prisoner.id }, { onSuccess: () => notifications.show({ color: 'teal', message: 'Co-working ended.' }) })}
            >
              End co-working
            </Button>
          ) : null}
        </Group>
      ) : canAssign ? (
        <Text size="sm">Allocate the case to a POM before adding a co-working POM.</Text>
      ) : null}
      <ErrorText error={assign.error} title="Co-working POM not saved" />
      <ErrorText error={end.error} title="Co-working not ended" />
    </Stack>
  )
}
