import { Button, Group, Radio, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState, type FormEvent } from 'react'
import { ConfirmPasswordInput, isPasswordError } from '../../app/ConfirmPasswordInput'
import { ErrorText } from '../../app/ErrorText'
import { useSettings, useUpdateSettings } from '../../data/hooks'
import { channelTag } from '../../app/can'

/**
 * HOMS: how the recommended POM type is worked out when allocating (issue 17;
 * ../shared/specs/mpc-rules.md section B, a setting by E.4): by tier (today's national practice,
 * the default) or by tier and risk of serious harm.
 */
export function PomTypeStrategySection() {
  const settings = useSettings()
  const update = useUpdateSettings()
  const [strategy, setStrategy] = useState<'' | 'tier' | 'rosh'>('')
  const [password, setPassword] = useState('')
  const value = strategy === '' ? (settings.data?.pomTypeStrategy ?? 'tier') : strategy
  const save = (e: FormEvent) => {
    e.preventDefault()
    update.mutate(
      { pomTypeStrategy: value, password },
      {
        onSuccess: () => {
          setPassword('')
          notifications.show({ message: 'Recommended POM type setting saved.', color: 'teal' })
        },
        onError: (err) => (isPasswordError(err) ? setPassword('') : undefined),
      },
    )
  }
  return (
    <form onSubmit={save} noValidate aria-labelledby="pom-type-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="pom-type-title">
          Recommended POM type
        </Title>
        <Text size="sm">
          When a case is allocated, the app recommends a prison or a probation POM and asks for a reason when a POM of the other type is chosen. Immigration cases and cases
          where the COM is responsible always go to a prison POM.
        </Text>
        <Radio.Group label="Recommend by" value={value} onChange={(v) => setStrategy(v as 'tier' | 'rosh')}>
          <Stack gap={4} mt={4}>
            <Radio value="tier" label="Tier (national practice): tiers A and B to a probation POM" />
            <Radio value="rosh" label="Tier and risk of serious harm: tier A, or a high or very high risk, to a probation POM" />
          </Stack>
        </Radio.Group>
        <ConfirmPasswordInput value={password} onChange={setPassword} why="changing the recommended POM type setting" error={update.error} />
        {isPasswordError(update.error) ? null : <ErrorText error={update.error} title="Not saved" />}
        <Group>
          <Button type="submit" variant="default" loading={update.isPending} {...channelTag('settings.update')}>
            Save recommendation setting
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
