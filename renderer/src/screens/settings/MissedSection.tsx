import { Button, Group, NumberInput, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState, type FormEvent } from 'react'
import { ConfirmPasswordInput, isPasswordError } from '../../app/ConfirmPasswordInput'
import { ErrorText } from '../../app/ErrorText'
import { useSettings, useUpdateSettings } from '../../data/hooks'
import { channelTag } from '../../app/can'

/**
 * HOMS: how long an unmet supervision minimum stays "overdue" (still worth holding the sessions)
 * before it is "missed" (history, out of every worklist). Issue 16, "Actionable versus history";
 * the case engine's EvaluateOptions.missedAfterDays, 28 by default.
 */
export function MissedSection() {
  const settings = useSettings()
  const update = useUpdateSettings()
  const [days, setDays] = useState<number | string>('')
  // A settings change: the HOMS's password is asked again (issue 15).
  const [password, setPassword] = useState('')
  const save = (e: FormEvent) => {
    e.preventDefault()
    update.mutate(
      { missedAfterDays: Number(days === '' ? settings.data?.missedAfterDays : days), password },
      {
        onSuccess: () => {
          setPassword('')
          notifications.show({ message: 'Overdue period saved.', color: 'teal' })
        },
        onError: (err) => (isPasswordError(err) ? setPassword('') : undefined),
      },
    )
  }
  return (
    <form onSubmit={save} noValidate aria-labelledby="missed-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="missed-title">
          Overdue and missed
        </Title>
        <Text size="sm">
          A supervision minimum not met by its due date is overdue: the sessions can still be held. After the number of days below it is missed instead: it leaves the
          work lists and stays in the case’s history, and it still counts as not met in the compliance figures.
        </Text>
        <Group align="flex-start" grow>
          <NumberInput
            label="Days after the due date until a minimum is missed"
            min={1}
            max={365}
            allowDecimal={false}
            value={days === '' ? (settings.data?.missedAfterDays ?? '') : days}
            onChange={setDays}
          />
          <ConfirmPasswordInput value={password} onChange={setPassword} why="changing the overdue period" error={update.error} />
        </Group>
        {isPasswordError(update.error) ? null : <ErrorText error={update.error} title="Not saved" />}
        <Group>
          <Button type="submit" variant="default" loading={update.isPending} {...channelTag('settings.update')}>
            Save overdue period
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
