import { Button, Checkbox, Group, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { settings as settingsChannels, type HandoverSettings } from '../../../../shared/ipc/channels/settings'
import { CONFIRM_PASSWORD_LABEL, ConfirmPasswordInput } from '../../app/ConfirmPasswordInput'
import { DateField } from '../../app/DateField'
import { ErrorSummary } from '../../app/ErrorSummary'
import { useSettings, useUpdateSettings } from '../../data/hooks'
import { fieldId, formErrors } from '../../lib/formErrors'
import { otherRefusal, useFormRefusal } from '../../app/useFormRefusal'
import { channelTag } from '../../app/can'

const FORM = 'handover-settings'
const FIELDS = [
  { name: 'upcomingWindowDays', label: 'Days before the handover starts that a case is upcoming' },
  { name: 'simplifiedEnhancedHandover', label: 'Use the shorter checklist for enhanced handovers' },
  { name: 'simplifiedHandoverCutoffDate', label: 'Shorter checklist for handover dates from' },
  { name: 'password', label: CONFIRM_PASSWORD_LABEL },
] as const

interface Values {
  /** NumberInput's value: '' while the field is empty. */
  upcomingWindowDays: number | string
  simplifiedEnhancedHandover: boolean
  /** DateField's 'YYYY-MM-DD' ('' when empty). */
  simplifiedHandoverCutoffDate: string
  password: string
}

const toInput = (v: Values) => ({
  upcomingWindowDays: v.upcomingWindowDays === '' ? undefined : Number(v.upcomingWindowDays),
  simplifiedEnhancedHandover: v.simplifiedEnhancedHandover,
  simplifiedHandoverCutoffDate: v.simplifiedHandoverCutoffDate,
  password: v.password,
})

/** settings.update's own rules (shared/ipc/channels/settings.ts), and what the form needs besides: a number, a date and the HOMS's password (issue 15). */
function check(v: Values) {
  const errors = formErrors(settingsChannels.update.input, toInput(v))
  if (v.upcomingWindowDays === '') errors.upcomingWindowDays = 'Enter the number of days.'
  if (v.simplifiedHandoverCutoffDate === '') errors.simplifiedHandoverCutoffDate = 'Enter the date as dd/mm/yyyy, for example 01/09/2026.'
  if (!v.password) errors.password = 'Enter your own password, to confirm.'
  return errors
}

/**
 * HOMS: the handover settings of ../shared/specs/mpc-rules.md section F (issue 17): how long before
 * the handover starts a case is "upcoming" (A.1 W, default 56 days), and the simplified checklist
 * for enhanced handovers from a cut-off date (D.3 and E.6, default off and 1 September 2026).
 */
export function HandoverSettingsSection() {
  const settings = useSettings()
  return (
    <Stack gap="sm">
      <Title order={2} size="h3" id="handover-settings-title">
        Handover to the COM
      </Title>
      <Text size="sm">
        A case is on the upcoming handovers list from the number of days below before its handover starts. The shorter checklist for enhanced handovers has two tasks
        (review the last OASys assessment, have contact from the COM) instead of three, for handover dates on or after the date below.
      </Text>
      {settings.data ? (
        <HandoverSettingsForm
          saved={{
            upcomingWindowDays: settings.data.upcomingWindowDays,
            simplifiedEnhancedHandover: settings.data.simplifiedEnhancedHandover,
            simplifiedHandoverCutoffDate: settings.data.simplifiedHandoverCutoffDate,
          }}
        />
      ) : null}
    </Stack>
  )
}

function HandoverSettingsForm({ saved }: { saved: HandoverSettings }) {
  const update = useUpdateSettings()
  // Every problem at once, by the contract's own rules, in a summary at the top (issue 16).
  const form = useForm<Values>({ mode: 'controlled', initialValues: { ...saved, password: '' }, validate: check })
  const { attempt, failed, refused } = useFormRefusal(form)
  const other = otherRefusal(update.error)
  const id = (name: string) => fieldId(FORM, name)
  const err = (name: keyof Values) => (typeof form.errors[name] === 'string' ? form.errors[name] : undefined)
  const submit = form.onSubmit(
    (v) =>
      update.mutate(toInput(v), {
        onSuccess: () => {
          form.setFieldValue('password', '')
          notifications.show({ message: 'Handover settings saved.', color: 'teal' })
        },
        onError: (e) => {
          // A settings change asks for the HOMS's password again (issue 15): typed afresh after a refusal.
          form.setFieldValue('password', '')
          refused(e)
        },
      }),
    failed,
  )
  return (
    <form onSubmit={submit} noValidate aria-labelledby="handover-settings-title">
      <Stack gap="sm">
        <ErrorSummary formId={FORM} errors={form.errors} fields={FIELDS} attempt={attempt} other={other} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            id={id('upcomingWindowDays')}
            label="Days before the handover starts that a case is upcoming"
            description="8 weeks is 56 days."
            min={1}
            max={365}
            allowDecimal={false}
            {...form.getInputProps('upcomingWindowDays')}
          />
          <DateField
            id={id('simplifiedHandoverCutoffDate')}
            label="Shorter checklist for handover dates from"
            value={form.values.simplifiedHandoverCutoffDate}
            onChange={(v) => form.setFieldValue('simplifiedHandoverCutoffDate', v)}
            error={err('simplifiedHandoverCutoffDate')}
          />
        </SimpleGrid>
        <Checkbox
          id={id('simplifiedEnhancedHandover')}
          label="Use the shorter checklist for enhanced handovers"
          description="Off: enhanced handovers keep the three tasks, including the handover meeting."
          {...form.getInputProps('simplifiedEnhancedHandover', { type: 'checkbox' })}
        />
        <Group align="flex-start" grow>
          <ConfirmPasswordInput
            id={id('password')}
            value={form.values.password}
            onChange={(v) => form.setFieldValue('password', v)}
            why="changing the handover settings"
            error={update.error}
            clientError={typeof form.errors.password === 'string' ? form.errors.password : undefined}
          />
        </Group>
        <Group>
          <Button type="submit" variant="default" loading={update.isPending} {...channelTag('settings.update')}>
            Save handover settings
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
