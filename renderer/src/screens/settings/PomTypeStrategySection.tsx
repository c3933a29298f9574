import { Button, Group, Radio, Stack, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { settings as settingsChannels } from '../../../../shared/ipc/channels/settings'
import { CONFIRM_PASSWORD_LABEL, ConfirmPasswordInput } from '../../app/ConfirmPasswordInput'
import { ErrorSummary } from '../../app/ErrorSummary'
import { otherRefusal, useFormRefusal } from '../../app/useFormRefusal'
import { useSettings, useUpdateSettings } from '../../data/hooks'
import { fieldId, formErrors } from '../../lib/formErrors'
import { channelTag } from '../../app/can'

/**
 * HOMS: how the recommended POM type is worked out when allocating (issue 17;
 * ../shared/specs/mpc-rules.md section B, a setting by E.4): by tier (today's national practice,
 * the default) or by tier and risk of serious harm.
 */
export function PomTypeStrategySection() {
  const settings = useSettings()
  // Shown once the saved setting is known, so the form starts from it.
  return settings.data ? <StrategyForm saved={settings.data.pomTypeStrategy} /> : null
}

const FORM = 'pom-type'
const FIELDS = [
  { name: 'pomTypeStrategy', label: 'Recommend by' },
  { name: 'password', label: CONFIRM_PASSWORD_LABEL },
] as const

interface Values {
  pomTypeStrategy: 'tier' | 'rosh'
  password: string
}

/** settings.update's own rules (issue 16, "Form errors"), and the HOMS's password (issue 15). */
function check(v: Values) {
  const errors = formErrors(settingsChannels.update.input, v)
  if (!v.password) errors.password = 'Enter your own password, to confirm.'
  return errors
}

function StrategyForm({ saved }: { saved: 'tier' | 'rosh' }) {
  const update = useUpdateSettings()
  const form = useForm<Values>({ mode: 'controlled', initialValues: { pomTypeStrategy: saved, password: '' }, validate: check })
  const { attempt, failed, refused } = useFormRefusal(form)
  const id = (name: string) => fieldId(FORM, name)
  const save = form.onSubmit(
    (v) =>
      update.mutate(v, {
        onSuccess: () => {
          form.setFieldValue('password', '')
          notifications.show({ message: 'Recommended POM type setting saved.', color: 'teal' })
        },
        onError: (e) => {
          form.setFieldValue('password', '')
          refused(e)
        },
      }),
    failed,
  )
  return (
    <form onSubmit={save} noValidate aria-labelledby="pom-type-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="pom-type-title">
          Recommended POM type
        </Title>
        <ErrorSummary formId={FORM} errors={form.errors} fields={FIELDS} attempt={attempt} other={otherRefusal(update.error)} />
        <Text size="sm">
          When a case is allocated, the app recommends a prison or a probation POM and asks for a reason when a POM of the other type is chosen. Immigration cases and cases
          where the COM is responsible always go to a prison POM.
        </Text>
        <Radio.Group label="Recommend by" value={form.values.pomTypeStrategy} onChange={(v) => form.setFieldValue('pomTypeStrategy', v as 'tier' | 'rosh')} error={form.errors.pomTypeStrategy}>
          <Stack gap={4} mt={4}>
            <Radio id={id('pomTypeStrategy')} value="tier" label="Tier (national practice): tiers A and B to a probation POM" />
            <Radio value="rosh" label="Tier and risk of serious harm: tier A, or a high or very high risk, to a probation POM" />
          </Stack>
        </Radio.Group>
        <ConfirmPasswordInput
          id={id('password')}
          value={form.values.password}
          onChange={(v) => form.setFieldValue('password', v)}
          why="changing the recommended POM type setting"
          error={update.error}
          clientError={typeof form.errors.password === 'string' ? form.errors.password : undefined}
        />
        <Group>
          <Button type="submit" variant="default" loading={update.isPending} {...channelTag('settings.update')}>
            Save recommendation setting
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
