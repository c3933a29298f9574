import { Button, Group, NumberInput, Stack, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { settings as settingsChannels } from '../../../../shared/ipc/channels/settings'
import { CONFIRM_PASSWORD_LABEL, ConfirmPasswordInput } from '../../app/ConfirmPasswordInput'
import { ErrorSummary } from '../../app/ErrorSummary'
import { useSettings, useUpdateSettings } from '../../data/hooks'
import { fieldId, formErrors } from '../../lib/formErrors'
import { otherRefusal, useFormRefusal } from '../../app/useFormRefusal'
import { channelTag } from '../../app/can'

const FORM = 'missed'
const FIELDS = [
  { name: 'missedAfterDays', label: 'Days after the due date until a minimum is missed' },
  { name: 'password', label: CONFIRM_PASSWORD_LABEL },
] as const

interface Values {
  /** NumberInput's value: '' while the field is empty. */
  missedAfterDays: number | string
  password: string
}

const toInput = (v: Values) => ({ missedAfterDays: v.missedAfterDays === '' ? undefined : Number(v.missedAfterDays), password: v.password })

/** settings.update's own rules (shared/ipc/channels/settings.ts), and the two things the form needs: a number and the HOMS's password (issue 15). */
function check(v: Values) {
  const errors = formErrors(settingsChannels.update.input, toInput(v))
  if (v.missedAfterDays === '') errors.missedAfterDays = 'Enter the number of days.'
  if (!v.password) errors.password = 'Enter your own password, to confirm.'
  return errors
}

/**
 * HOMS: how long an unmet supervision minimum stays "overdue" (still worth holding the sessions)
 * before it is "missed" (history, out of every worklist). Issue 16, "Actionable versus history";
 * the case engine's EvaluateOptions.missedAfterDays, 28 by default.
 */
export function MissedSection() {
  const settings = useSettings()
  return (
    <Stack gap="sm">
      <Title order={2} size="h3" id="missed-title">
        Overdue and missed
      </Title>
      <Text size="sm">
        A supervision minimum not met by its due date is overdue: the sessions can still be held. After the number of days below it is missed instead: it leaves the work
        lists and stays in the case’s history, and it still counts as not met in the compliance figures.
      </Text>
      {settings.data ? <MissedForm saved={settings.data.missedAfterDays} /> : null}
    </Stack>
  )
}

function MissedForm({ saved }: { saved: number }) {
  const update = useUpdateSettings()
  // Issue 16: every problem at once, by the contract's own rules, in a summary at the top.
  const form = useForm<Values>({ mode: 'controlled', initialValues: { missedAfterDays: saved, password: '' }, validate: check })
  const { attempt, failed, refused } = useFormRefusal(form)
  const other = otherRefusal(update.error)
  const id = (name: string) => fieldId(FORM, name)
  const submit = form.onSubmit(
    (v) =>
      update.mutate(toInput(v), {
        onSuccess: () => {
          form.setFieldValue('password', '')
          notifications.show({ message: 'Overdue period saved.', color: 'teal' })
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
    <form onSubmit={submit} noValidate aria-labelledby="missed-title">
      <Stack gap="sm">
        <ErrorSummary formId={FORM} errors={form.errors} fields={FIELDS} attempt={attempt} other={other} />
        <Group align="flex-start" grow>
          <NumberInput id={id('missedAfterDays')} label="Days after the due date until a minimum is missed" min={1} max={365} allowDecimal={false} {...form.getInputProps('missedAfterDays')} />
          <ConfirmPasswordInput
            id={id('password')}
            value={form.values.password}
            onChange={(v) => form.setFieldValue('password', v)}
            why="changing the overdue period"
            error={update.error}
            clientError={typeof form.errors.password === 'string' ? form.errors.password : undefined}
          />
        </Group>
        <Group>
          <Button type="submit" variant="default" loading={update.isPending} {...channelTag('settings.update')}>
            Save overdue period
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
