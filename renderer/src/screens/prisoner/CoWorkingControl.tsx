import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import type { PrisonerDetail } from '../../../../shared/ipc/channels/caseload'
import { coworking } from '../../../../shared/ipc/channels/coworking'
import { POM_ROLES } from '../../../../shared/ipc/values'
import { channelTag, useCan } from '../../app/can'
import { ErrorSummary } from '../../app/ErrorSummary'
import { ErrorText } from '../../app/ErrorText'
import { otherRefusal, useFormRefusal } from '../../app/useFormRefusal'
import { useStaff } from '../../data/caseloadHooks'
import { useAssignCoWorker, useEndCoWorking } from '../../data/coworkingHooks'
import { formatDate } from '../../lib/format'
import { fieldId, formErrors } from '../../lib/formErrors'

interface Values {
  staffId: string
  reason: string
}

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
  const formId = `coworking-${d.prisoner.id}`
  const toInput = (v: Values) => ({ prisonerId: d.prisoner.id, staffId: v.staffId === '' ? undefined : Number(v.staffId), reason: v.reason })
  // Issue 16, "Form errors": coworking.assign's own schema checks the form, problems listed above it.
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { staffId: '', reason: '' },
    validate: (v) => {
      const errors = formErrors(coworking.assign.input, toInput(v))
      if (v.staffId === '') errors.staffId = 'Choose a POM.'
      return errors
    },
  })
  const { attempt, failed, refused } = useFormRefusal(form)
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
        <form
          noValidate
          aria-label="Co-working POM"
          onSubmit={form.onSubmit(
            (v) =>
              assign.mutate(coworking.assign.input.parse(toInput(v)), {
                onSuccess: () => {
                  notifications.show({ color: 'teal', message: current ? 'Co-working POM changed.' : 'Co-working POM added.' })
                  form.reset()
                },
                onError: refused,
              }),
            failed,
          )}
        >
          <ErrorSummary
            formId={formId}
            errors={form.errors}
            fields={[
              { name: 'staffId', label: current ? 'Change the co-working POM to' : 'Add a co-working POM' },
              { name: 'reason', label: 'Reason' },
            ]}
            attempt={attempt}
            other={otherRefusal(assign.error)}
          />
          <Group align="flex-end" gap="xs">
            <NativeSelect
              id={fieldId(formId, 'staffId')}
              label={current ? 'Change the co-working POM to' : 'Add a co-working POM'}
              data={[{ value: '', label: 'Choose a POM…' }, ...poms.map((p) => ({ value: String(p.id), label: p.name }))]}
              {...form.getInputProps('staffId')}
            />
            <TextInput id={fieldId(formId, 'reason')} label="Reason (optional)" maxLength={500} {...form.getInputProps('reason')} />
            <Button type="submit" {...channelTag('coworking.assign')} loading={assign.isPending}>
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
        </form>
      ) : canAssign ? (
        <Text size="sm">Allocate the case to a POM before adding a co-working POM.</Text>
      ) : null}
      <ErrorText error={end.error} title="Co-working not ended" />
    </Stack>
  )
}
